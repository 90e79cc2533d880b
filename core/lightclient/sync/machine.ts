/**
 * The PoS sync state machine, without IO (smoldot's `warp_sync` is the model): it lists the
 * requests it wants (`desired`), each bound to one node, accepts answers and failures one at a time
 * (`accept`, `fail`), and returns per answer the findings about the node that gave it and whether
 * the PoS state changed (to be persisted). The caller is the only IO driver: it sends the requests,
 * bans and deprioritises nodes on the findings, and removes them (`removeSource`).
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
import type { ParsedLedgerInfo } from '../pos/parse.js';
import { applyEpochEndings } from './endings.js';
import { EndingsFetch, type Chunk } from './endings-fetch.js';
import { finalityOf, type PosState } from './pos-state.js';
import { finalizeWith, highestClaimBelow, judgeProbes, readLatest, readStatus, type Probe } from './probes.js';
import { HopPlanner } from './hops.js';
import { RequestLedger } from './requests.js';
import { advanceTail } from './skip-state.js';
import type { SyncMachineOptions, SyncReport, SyncRequest, SyncStep, Finding } from './types.js';

type Phase = 'probe' | 'rotate' | 'finalize' | 'tail' | 'done';

export class SyncMachine {
  private current: PosState;
  private readonly fromEpoch: number;
  private readonly options: Required<Pick<SyncMachineOptions, 'goal' | 'skip' | 'skipAbove' | 'batchSize' | 'maxInFlight'>> & SyncMachineOptions;
  private readonly ledger: RequestLedger;
  private phase: Phase;
  private readonly probes = new Map<string, Probe>();
  private target = 0;
  private readonly hops: HopPlanner;
  /** Which node served each skipped ending (by ledger info id), to blame it if the skip proves false. */
  private readonly hopSources = new Map<string, string>();
  private fetch: EndingsFetch | null = null;
  private latest: SyncReport['latest'] = null;
  private skips = 0;
  private contradicted: LightClientError | null = null;

  constructor(state: PosState, options: SyncMachineOptions) {
    this.current = state;
    this.fromEpoch = state.committee.epoch;
    this.options = { goal: 'head', skip: true, skipAbove: 64, batchSize: 32, maxInFlight: 3, ...options };
    this.ledger = new RequestLedger(options.sources);
    this.hops = new HopPlanner(Math.max(1, Math.floor(this.options.skipAbove / 2)));
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
      for (const request of this.ledger.remove(source)) this.drop(request, false);
    });
  }

  /** Requests to send now; each is returned once and stays pending until accepted or failed. */
  desired(): SyncRequest[] {
    const out: SyncRequest[] = [];
    if (this.phase === 'probe') {
      for (const source of this.ledger.sources) {
        const probe = this.probes.get(source) ?? { status: null, latest: null };
        this.probes.set(source, probe);
        if (probe.statusRequest === undefined) out.push((probe.statusRequest = this.ledger.make(source, 'pos_getStatus', [])));
        if (probe.latestRequest === undefined) out.push((probe.latestRequest = this.ledger.make(source, 'pos_getLedgerInfoByBlockNumber', ['latest_committed'])));
      }
    } else if (this.phase === 'rotate' && this.hops.wants() !== null) {
      const ok = this.hops.wants()!;
      const ending = this.hops.ending!;
      const source = this.ledger.pick((s) => ok(s) && this.claims(s, ending + 1));
      if (source !== undefined) {
        const request = this.ledger.make(source, 'pos_getLedgerInfoByEpoch', [ending]);
        this.hops.sent(request.id);
        out.push(request);
      }
    } else if (this.fetch !== null) {
      const choose = (chunk: Chunk) => this.ledger.pick((s) => !chunk.tried.has(s) && this.claims(s, chunk.start + 1));
      out.push(...this.fetch.requests(this.options.maxInFlight, choose, (source, start, end) => this.ledger.make(source, 'pos_getLedgerInfosByEpoch', [start, end])));
    }
    return out;
  }

  /** Feeds the answer to a request. */
  accept(id: number, answer: unknown): SyncStep {
    const request = this.ledger.settle(id);
    if (request === undefined) return { findings: [], changed: false };
    if (!this.ledger.has(request.source)) return this.step(() => this.drop(request, false));
    return this.step((findings) => this.handle(request, answer, findings));
  }

  /** The request failed in transport (timeout, refusal): no blame beyond `missing`. */
  fail(id: number, error: unknown): SyncStep {
    const request = this.ledger.settle(id);
    if (request === undefined) return { findings: [], changed: false };
    return this.step((findings) => {
      findings.push({ kind: 'missing', source: request.source, request, error });
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

  private step(work: (findings: Finding[]) => void): SyncStep {
    const before = this.current;
    const findings: Finding[] = [];
    work(findings);
    this.advance(findings);
    return { findings, changed: this.current !== before };
  }

  private canAsk(chunk: Chunk): boolean {
    return this.ledger.any((s) => !chunk.tried.has(s) && this.claims(s, chunk.start + 1));
  }

  /** Whether `source` may have what PoS epoch `epoch` needs (unknown status: maybe). */
  private claims(source: string, epoch: number): boolean {
    const status = this.probes.get(source)?.status;
    return status === null || status === undefined || status >= epoch;
  }

  private blame(findings: Finding[], request: SyncRequest, error: unknown): void {
    if (!(error instanceof LightClientError)) throw error;
    const tagged = error.withRequest({ method: request.method, params: [...request.params] });
    if (tagged.nodeAtFault) findings.push({ kind: 'false', source: request.source, request, error: tagged });
    else findings.push({ kind: 'missing', source: request.source, request, error: tagged });
  }

  /** Forgets a pending request's work so it is asked again (from another node when `blame`). */
  private drop(request: SyncRequest, blame: boolean): void {
    this.ledger.settle(request.id);
    if (this.hops.owns(request.id)) this.hops.failed(request.source, blame);
    const chunk = this.fetch?.byRequest(request.id);
    if (chunk !== undefined) this.fetch!.failed(chunk, blame);
  }

  private handle(request: SyncRequest, answer: unknown, findings: Finding[]): void {
    try {
      switch (request.method) {
        case 'pos_getStatus':
          this.probes.get(request.source)!.status = readStatus(answer);
          return;
        case 'pos_getLedgerInfoByBlockNumber':
          this.probes.get(request.source)!.latest = readLatest(answer);
          return;
        case 'pos_getLedgerInfoByEpoch':
          return this.acceptHop(request, answer);
        case 'pos_getLedgerInfosByEpoch':
          return this.fetch?.accept(request.id, answer);
      }
    } catch (error) {
      this.blame(findings, request, error);
    }
  }

  private acceptHop(request: SyncRequest, answer: unknown): void {
    if (!this.hops.owns(request.id)) return;
    const from = this.current.committee.epoch;
    const result = this.hops.answer(request.source, answer, this.current, this.options.now);
    // Refused, not a fault: the planner halves the hop, or it is too short and epochs go one by one.
    if (result.kind === 'too_short') this.fetch = new EndingsFetch(from, this.target, this.options.batchSize);
    if (result.kind !== 'taken') return;
    this.current = result.state;
    this.options.onVerified?.(this.current);
    this.hopSources.set(this.current.previousEnding!.ledgerInfoId, request.source);
    this.skips++;
    this.options.onProgress?.({ phase: 'skip', fromEpoch: from, epoch: this.current.committee.epoch, targetEpoch: this.target });
  }

  /** Moves through the phases as far as the answers so far allow. */
  private advance(findings: Finding[]): void {
    for (let guard = 0; guard < 10_000; guard++) {
      const before = [this.phase, this.hops.ending, this.fetch, this.target] as const;
      if (this.phase === 'probe') this.afterProbe(findings);
      else if (this.phase === 'rotate') this.rotate(findings);
      else if (this.phase === 'finalize') this.finalize(findings);
      else if (this.phase === 'tail') this.continueTail(findings);
      const after = [this.phase, this.hops.ending, this.fetch, this.target] as const;
      if (before.every((value, i) => value === after[i])) return;
    }
  }

  private afterProbe(findings: Finding[]): void {
    if (this.ledger.pendingAny(['pos_getStatus', 'pos_getLedgerInfoByBlockNumber'])) return;
    const judged = judgeProbes(this.probes, this.current.committee.epoch);
    findings.push(...judged.findings);
    this.target = judged.target ?? this.current.committee.epoch;
    this.phase = judged.target === null ? 'done' : 'rotate';
  }

  private rotate(findings: Finding[]): void {
    const epoch = this.current.committee.epoch;
    if (this.fetch !== null) {
      this.applyReadyChunks(findings, (list) => {
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
    if (this.hops.active) {
      if (this.hops.exhausted(this.ledger.sources, (s, e) => this.claims(s, e))) {
        const lower = this.hops.ending === this.target - 1 ? highestClaimBelow(this.probes, this.target, epoch) : null;
        this.hops.clear();
        // No node serves the ending of the highest claim: aim at the next claim; failing that,
        // verify one by one, which finds what can be proved.
        if (lower !== null) this.target = lower;
        else this.fetch = new EndingsFetch(epoch, this.target, this.options.batchSize);
      }
      return;
    }
    if (this.options.skip && this.target - epoch > this.options.skipAbove) this.hops.aim(this.target);
    else this.fetch = new EndingsFetch(epoch, this.target, this.options.batchSize);
  }

  /** Verifies the chunks that arrived in order; a refused entry is blamed on its request. */
  private applyReadyChunks(findings: Finding[], apply: (list: readonly ParsedLedgerInfo[]) => { applied: number; error: LightClientError | null }): void {
    this.fetch!.verifyReady(apply, (request, error) => this.blame(findings, request, error));
  }

  private reportRotation(from: number, to: number): void {
    for (let epoch = from + 1; epoch <= to; epoch++) this.options.onProgress?.({ phase: 'committees', fromEpoch: this.fromEpoch, epoch, targetEpoch: this.target });
  }

  private endingOptions() {
    return { ...(this.options.verification ? { verification: this.options.verification } : {}), ...(this.options.mode ? { mode: this.options.mode } : {}), ...(this.options.random ? { random: this.options.random } : {}) };
  }

  private finalize(findings: Finding[]): void {
    const result = finalizeWith(this.current, this.probes, this.options.now, this.fromEpoch);
    findings.push(...result.findings);
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

  private continueTail(findings: Finding[]): void {
    if (this.fetch === null || this.current.tail === null) {
      this.phase = 'done';
      return;
    }
    this.applyReadyChunks(findings, (list) => {
      const outcome = advanceTail(this.current, list, this.options.now, this.endingOptions());
      outcome.states.forEach((s) => this.options.onVerified?.(s));
      this.current = outcome.state;
      if (outcome.contradicted !== null) {
        const { hop, error } = outcome.contradicted;
        this.contradicted = error;
        const source = this.hopSources.get(hop.ending.ledgerInfoId);
        const request: SyncRequest = { id: 0, source: source ?? '', method: 'pos_getLedgerInfoByEpoch', params: [hop.ending.posEpoch] };
        if (source !== undefined) findings.push({ kind: 'false', source, request, error: error.withRequest({ method: request.method, params: [...request.params] }) });
      } else if (outcome.applied > 0) {
        this.options.onProgress?.({ phase: 'sequential', epoch: this.current.tail?.committee.epoch ?? this.current.committee.epoch, targetEpoch: this.fetch!.to });
      }
      return { applied: outcome.applied, error: outcome.error };
    });
    if (this.current.tail === null || this.fetch.finished || this.fetch.exhausted((c) => this.canAsk(c))) {
      this.fetch = null;
      this.phase = 'done';
    }
  }
}
