/**
 * The PoS sync state machine, without IO (smoldot's `warp_sync` is the model): it lists the
 * requests it wants (`desired`), each bound to one node, accepts answers and failures one at a time
 * (`accept`, `fail`), and returns per answer the verdicts about the node that gave it and whether
 * the PoS state changed (to be persisted). The caller is the only IO driver: it sends the requests,
 * bans and deprioritises nodes on the verdicts, and removes them (`removeSource`).
 *
 * A run: (1) probe — every node's PoS status and latest committed ledger info, at once; the target
 * is the highest epoch any node claims. (2) rotate — to the target committee: by the skipping rule
 * (`pos/skip.ts`) when the gap is large, halving the hop while it is refused, else by sequential
 * epoch endings fetched in chunks from several nodes at once and verified while the next chunks
 * download (one batch signature check per chunk). A target no node can prove is lowered to what
 * can be. (3) finalize — apply every node's latest ledger info, best first; nodes whose status is
 * below the verified epoch are `withholding`. (4) with goal `sequential`, verify the committees the
 * skips passed over (the tail); a tail that contradicts a skip proves the skip's node false.
 *
 * Threat model: every answer is untrusted and judged alone (verify, then apply); a node can only
 * stall its own requests, which move to other nodes. Claims (status epochs) steer the work but
 * never the state.
 * @module
 */
import { LightClientError } from '../errors.js';
import { asObject, asSafeNumber } from '../json.js';
import { parseLedgerInfoList, parseLedgerInfoWithSignatures, type ParsedLedgerInfo } from '../pos/parse.js';
import { applyEpochEndings } from './endings.js';
import { EndingsFetch, type Chunk } from './endings-fetch.js';
import { finalizeWith, type Probe } from './finalize.js';
import { finalityOf, type PosState } from './pos-state.js';
import { applySkip, foldTail, nextTailRange, tailState } from './skip-state.js';
import type { SyncMachineOptions, SyncMethod, SyncReport, SyncRequest, SyncStep, Verdict } from './types.js';

type Phase = 'probe' | 'rotate' | 'finalize' | 'tail' | 'done';

const asError = (error: unknown): LightClientError | null => (error instanceof LightClientError ? error : null);

export class SyncMachine {
  private current: PosState;
  private readonly fromEpoch: number;
  private readonly options: Required<Pick<SyncMachineOptions, 'goal' | 'skip' | 'skipAbove' | 'batchSize' | 'maxInFlight'>> & SyncMachineOptions;
  private sources: string[];
  private nextId = 1;
  private turn = 0;
  private phase: Phase;
  private readonly requests = new Map<number, SyncRequest>();
  private readonly probes = new Map<string, Probe>();
  private target = 0;
  private hop: { ending: number; tried: Set<string>; request: number | null } | null = null;
  /** Which node served each skipped ending (by ledger info id), to blame it if the skip proves false. */
  private readonly hopSources = new Map<string, string>();
  private fetch: EndingsFetch | null = null;
  private latest: SyncReport['latest'] = null;
  private skips = 0;
  private contradicted: LightClientError | null = null;

  constructor(state: PosState, options: SyncMachineOptions) {
    this.current = state;
    this.fromEpoch = state.committee.epoch;
    this.options = { goal: 'head', skip: true, skipAbove: 64, batchSize: 100, maxInFlight: 4, ...options };
    this.sources = [...new Set(options.sources)];
    this.phase = options.probe === false ? 'tail' : 'probe';
    if (this.phase === 'tail') this.enterTail();
  }

  get state(): PosState {
    return this.current;
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  /** Stops using a node (banned, gone); its requests in flight are asked elsewhere. */
  removeSource(source: string): SyncStep {
    return this.step(() => {
      this.sources = this.sources.filter((s) => s !== source);
      for (const request of [...this.requests.values()].filter((r) => r.source === source)) this.drop(request, false);
    });
  }

  /** Requests to send now; each is returned once and stays pending until accepted or failed. */
  desired(): SyncRequest[] {
    const out: SyncRequest[] = [];
    if (this.phase === 'probe') {
      for (const source of this.sources) {
        const probe = this.probes.get(source) ?? { status: null, latest: null };
        this.probes.set(source, probe);
        if (probe.statusRequest === undefined) out.push((probe.statusRequest = this.make(source, 'pos_getStatus', [])));
        if (probe.latestRequest === undefined) out.push((probe.latestRequest = this.make(source, 'pos_getLedgerInfoByBlockNumber', ['latest_committed'])));
      }
    } else if (this.phase === 'rotate' && this.hop !== null && this.hop.request === null) {
      const source = this.pick((s) => !this.hop!.tried.has(s) && this.claims(s, this.hop!.ending + 1));
      if (source !== undefined) {
        const request = this.make(source, 'pos_getLedgerInfoByEpoch', [this.hop.ending]);
        this.hop.request = request.id;
        out.push(request);
      }
    } else if (this.fetch !== null) {
      for (const chunk of this.fetch.waiting()) {
        if (this.fetch.inFlight >= this.options.maxInFlight) break;
        const source = this.pick((s) => !chunk.tried.has(s) && this.claims(s, chunk.end));
        if (source === undefined) continue;
        const request = this.make(source, 'pos_getLedgerInfosByEpoch', [chunk.start, chunk.end]);
        this.fetch.assign(chunk, request.id, source);
        out.push(request);
      }
    }
    return out;
  }

  /** Feeds the answer to a request. */
  accept(id: number, answer: unknown): SyncStep {
    const request = this.requests.get(id);
    if (request === undefined) return { verdicts: [], changed: false };
    this.requests.delete(id);
    if (!this.sources.includes(request.source)) return this.step(() => this.drop(request, false));
    return this.step((verdicts) => this.handle(request, answer, verdicts));
  }

  /** The request failed in transport (timeout, refusal): no blame beyond `missing`. */
  fail(id: number, error: unknown): SyncStep {
    const request = this.requests.get(id);
    if (request === undefined) return { verdicts: [], changed: false };
    this.requests.delete(id);
    return this.step((verdicts) => {
      verdicts.push({ kind: 'missing', source: request.source, request, error });
      this.drop(request, true);
    });
  }

  report(): SyncReport {
    const claims = [...this.probes.values()].map((p) => p.status ?? 0);
    return {
      fromEpoch: this.fromEpoch,
      committeeEpoch: this.current.committee.epoch,
      epochsVerified: this.current.committee.epoch - this.fromEpoch,
      finalized: this.current.finalized,
      latest: this.latest,
      finality: finalityOf(this.current),
      claimedEpoch: Math.max(this.current.committee.epoch, ...claims),
      skips: this.skips,
      contradicted: this.contradicted,
    };
  }

  // ---- internals -----------------------------------------------------------------------------

  private step(work: (verdicts: Verdict[]) => void): SyncStep {
    const before = this.current;
    const verdicts: Verdict[] = [];
    work(verdicts);
    this.advance(verdicts);
    return { verdicts, changed: this.current !== before };
  }

  private make(source: string, method: SyncMethod, params: readonly unknown[]): SyncRequest {
    const request: SyncRequest = { id: this.nextId++, source, method, params };
    this.requests.set(request.id, request);
    return request;
  }

  /** Next source in round-robin order that passes `ok`, spreading requests over every node. */
  private pick(ok: (source: string) => boolean): string | undefined {
    for (let i = 0; i < this.sources.length; i++) {
      const source = this.sources[(this.turn + i) % this.sources.length]!;
      if (ok(source)) {
        this.turn = (this.turn + i + 1) % Math.max(1, this.sources.length);
        return source;
      }
    }
    return undefined;
  }

  private canAsk(chunk: Chunk): boolean {
    return this.sources.some((s) => !chunk.tried.has(s) && this.claims(s, chunk.end));
  }

  /** Whether `source` may have what PoS epoch `epoch` needs (unknown status: maybe). */
  private claims(source: string, epoch: number): boolean {
    const status = this.probes.get(source)?.status;
    return status === null || status === undefined || status >= epoch;
  }

  private blame(verdicts: Verdict[], request: SyncRequest, error: unknown): void {
    const e = asError(error);
    if (e === null) throw error;
    const tagged = e.withRequest({ method: request.method, params: [...request.params] });
    if (tagged.nodeAtFault) verdicts.push({ kind: 'false', source: request.source, request, error: tagged });
    else verdicts.push({ kind: 'missing', source: request.source, request, error: tagged });
  }

  /** Forgets a pending request's work so it is asked again (from another node when `blame`). */
  private drop(request: SyncRequest, blame: boolean): void {
    this.requests.delete(request.id);
    if (this.hop?.request === request.id) {
      this.hop.request = null;
      if (blame) this.hop.tried.add(request.source);
    }
    const chunk = this.fetch?.byRequest(request.id);
    if (chunk !== undefined) this.fetch!.failed(chunk, blame);
  }

  private handle(request: SyncRequest, answer: unknown, verdicts: Verdict[]): void {
    try {
      switch (request.method) {
        case 'pos_getStatus':
          this.probes.get(request.source)!.status = asSafeNumber(asObject(answer, 'pos status').epoch, 'pos status.epoch');
          return;
        case 'pos_getLedgerInfoByBlockNumber':
          if (answer === null) throw new LightClientError('missing', 'the node has no committed PoS block');
          this.probes.get(request.source)!.latest = parseLedgerInfoWithSignatures(answer);
          return;
        case 'pos_getLedgerInfoByEpoch':
          return this.acceptHop(request, answer, verdicts);
        case 'pos_getLedgerInfosByEpoch': {
          const chunk = this.fetch?.byRequest(request.id);
          if (chunk === undefined) return;
          let list: ParsedLedgerInfo[];
          try {
            list = parseLedgerInfoList(answer);
          } catch (error) {
            this.fetch!.failed(chunk);
            throw error;
          }
          this.fetch!.answered(chunk, list);
          if (list.length === 0) throw new LightClientError('missing', `no epoch-ending ledger info for PoS epochs ${chunk.start}..${chunk.end - 1}`);
          return;
        }
      }
    } catch (error) {
      this.blame(verdicts, request, error);
    }
  }

  private acceptHop(request: SyncRequest, answer: unknown, verdicts: Verdict[]): void {
    const hop = this.hop;
    if (hop === null || hop.request !== request.id) return;
    hop.request = null;
    hop.tried.add(request.source);
    if (answer === null) throw new LightClientError('missing', `the node has no ending ledger info of PoS epoch ${hop.ending}`);
    const parsed = parseLedgerInfoWithSignatures(answer);
    const info = parsed.value.ledgerInfo.commitInfo;
    if (info.epoch !== hop.ending) throw new LightClientError('malformed', `asked for the ending ledger info of PoS epoch ${hop.ending}, got one of epoch ${info.epoch}`);
    try {
      const from = this.current.committee.epoch;
      this.current = applySkip(this.current, parsed, this.options.now).state;
      this.options.onVerified?.(this.current);
      this.hopSources.set(this.current.previousEnding!.ledgerInfoId, request.source);
      this.skips++;
      this.hop = null;
      this.options.onProgress?.({ phase: 'skip', fromEpoch: from, epoch: this.current.committee.epoch, targetEpoch: this.target });
    } catch (error) {
      if (!(error instanceof LightClientError) || error.kind !== 'insufficient_trust') throw error;
      // Refused, not a fault: halve the hop while it stays worth taking.
      const base = this.current.committee.epoch;
      const half = base + Math.floor((hop.ending - base) / 2);
      this.hop = half - base >= Math.max(1, Math.floor(this.options.skipAbove / 2)) ? { ending: half, tried: new Set(), request: null } : null;
      if (this.hop === null) this.fetch = new EndingsFetch(base, this.target, this.options.batchSize);
    }
    void verdicts;
  }

  /** Moves through the phases as far as the answers so far allow. */
  private advance(verdicts: Verdict[]): void {
    for (let guard = 0; guard < 10_000; guard++) {
      const before = this.phase;
      if (this.phase === 'probe') this.afterProbe(verdicts);
      else if (this.phase === 'rotate') this.rotate(verdicts);
      else if (this.phase === 'finalize') this.finalize(verdicts);
      else if (this.phase === 'tail') this.continueTail(verdicts);
      if (this.phase === before) return;
    }
  }

  private afterProbe(verdicts: Verdict[]): void {
    if ([...this.requests.values()].some((r) => r.method === 'pos_getStatus' || r.method === 'pos_getLedgerInfoByBlockNumber')) return;
    const verified = this.current.committee.epoch;
    for (const [source, probe] of this.probes) {
      if (probe.status !== null && probe.status < verified) verdicts.push(this.withholding(source, probe.status, verified, probe.statusRequest!));
    }
    const usable = [...this.probes.entries()].filter(([, p]) => (p.status === null || p.status >= verified) && (p.status !== null || p.latest !== null));
    const claimed = usable.flatMap(([, p]) => [p.status ?? 0, p.latest?.value.ledgerInfo.commitInfo.epoch ?? 0]);
    this.target = Math.max(verified, ...claimed);
    this.phase = usable.length === 0 ? 'done' : 'rotate';
  }

  private withholding(source: string, status: number, verified: number, request: SyncRequest): Verdict {
    const error = new LightClientError('stale', `withholding: reports PoS epoch ${status}, behind the verified epoch ${verified}`, { request: { method: request.method, params: [...request.params] } });
    return { kind: 'withholding', source, request, error };
  }

  private rotate(verdicts: Verdict[]): void {
    const epoch = this.current.committee.epoch;
    if (this.fetch !== null) {
      this.applyReadyChunks(verdicts, (list) => {
        const outcome = applyEpochEndings(this.current, list, this.options.now, this.endingOptions());
        outcome.states.forEach((s) => this.options.onVerified?.(s));
        this.reportRotation(this.current.committee.epoch, outcome.state.committee.epoch);
        this.current = outcome.state;
        return { applied: outcome.applied, error: outcome.error };
      });
      if (this.fetch.finished || this.fetch.exhausted((c) => this.canAsk(c))) {
        this.target = Math.min(this.target, this.fetch.from);
        this.fetch = null;
        this.phase = 'finalize';
      }
      return;
    }
    if (epoch >= this.target) {
      this.phase = 'finalize';
      return;
    }
    if (this.hop !== null) {
      if (this.hop.request === null && this.sources.every((s) => this.hop!.tried.has(s) || !this.claims(s, this.hop!.ending + 1))) {
        // No node serves the hop's ending: verify one by one, which finds what can be proved.
        this.hop = null;
        this.fetch = new EndingsFetch(epoch, this.target, this.options.batchSize);
      }
      return;
    }
    if (this.options.skip && this.target - epoch > this.options.skipAbove) this.hop = { ending: this.target - 1, tried: new Set(), request: null };
    else this.fetch = new EndingsFetch(epoch, this.target, this.options.batchSize);
  }

  /** Verifies the chunks that arrived in order; refused entries send the rest to another node. */
  private applyReadyChunks(verdicts: Verdict[], apply: (list: readonly ParsedLedgerInfo[], chunk: Chunk) => { applied: number; error: LightClientError | null }): void {
    for (let chunk = this.fetch!.takeReady(); chunk !== undefined; chunk = this.fetch!.takeReady()) {
      const { applied, error } = apply(chunk.answer!, chunk);
      if (error === null) continue;
      const request: SyncRequest = { id: chunk.request ?? 0, source: chunk.source!, method: 'pos_getLedgerInfosByEpoch', params: [chunk.start, chunk.end] };
      this.blame(verdicts, request, error);
      this.fetch!.refused(chunk, applied);
      return;
    }
  }

  private reportRotation(from: number, to: number): void {
    for (let epoch = from + 1; epoch <= to; epoch++) this.options.onProgress?.({ phase: 'committees', fromEpoch: this.fromEpoch, epoch, targetEpoch: this.target });
  }

  private endingOptions() {
    return { ...(this.options.verification ? { verification: this.options.verification } : {}), ...(this.options.mode ? { mode: this.options.mode } : {}), ...(this.options.random ? { random: this.options.random } : {}) };
  }

  private finalize(verdicts: Verdict[]): void {
    const result = finalizeWith(this.current, this.probes, this.options.now, this.fromEpoch);
    verdicts.push(...result.verdicts);
    if (result.state !== this.current && result.state.finalized !== null) {
      const f = result.state.finalized;
      this.options.onProgress?.({ phase: 'finality', epoch: f.posEpoch, round: f.round, pivotHeight: f.height });
    }
    if (result.state !== this.current) this.options.onVerified?.(result.state);
    this.current = result.state;
    this.latest = result.latest;
    if (this.options.goal === 'sequential' && this.current.tail !== null) this.enterTail();
    else this.phase = 'done';
  }

  private enterTail(): void {
    const last = this.current.tail?.hops.at(-1);
    if (last === undefined) {
      this.phase = 'done';
      return;
    }
    this.phase = 'tail';
    this.fetch = new EndingsFetch(this.current.tail!.committee.epoch, last.ending.posEpoch + 1, this.options.batchSize);
  }

  private continueTail(verdicts: Verdict[]): void {
    if (this.fetch === null || this.current.tail === null) {
      this.phase = 'done';
      return;
    }
    this.applyReadyChunks(verdicts, (list) => {
      let applied = 0;
      while (applied < list.length && this.current.tail !== null) {
        const range = nextTailRange(this.current)!;
        const part = list.slice(applied, applied + (range.to - range.from));
        const outcome = applyEpochEndings(tailState(this.current)!, part, this.options.now, this.endingOptions());
        outcome.states.forEach((s) => this.options.onVerified?.(s));
        const folded = foldTail(this.current, outcome.state, this.options.now);
        this.current = folded.state;
        applied += outcome.applied;
        if (folded.kind === 'contradicted') {
          this.contradicted = folded.error;
          const source = this.hopSources.get(folded.hop.ending.ledgerInfoId);
          if (source !== undefined) verdicts.push({ kind: 'false', source, request: { id: 0, source, method: 'pos_getLedgerInfoByEpoch', params: [folded.hop.ending.posEpoch] }, error: folded.error.withRequest({ method: 'pos_getLedgerInfoByEpoch', params: [folded.hop.ending.posEpoch] }) });
          return { applied, error: null };
        }
        if (outcome.error !== null) return { applied, error: outcome.error };
        this.options.onProgress?.({ phase: 'sequential', epoch: this.current.tail?.committee.epoch ?? this.current.committee.epoch, targetEpoch: this.fetch!.to });
      }
      return { applied, error: null };
    });
    if (this.current.tail === null || this.fetch.finished || this.fetch.exhausted((c) => this.canAsk(c))) {
      this.fetch = null;
      this.phase = 'done';
    }
  }
}
