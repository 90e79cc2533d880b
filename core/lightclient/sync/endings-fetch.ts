/**
 * Download plan for a run of epoch-ending ledger infos (epochs `from` … `to − 1`): split into
 * chunks of `pos_getLedgerInfosByEpoch` requests that can be in flight at once, at several nodes,
 * and handed out in order as soon as the next one has arrived — so verification of one chunk
 * overlaps the download of the next ones.
 *
 * Blame stays per request: every chunk remembers which nodes failed it, is asked again from
 * another node when an answer is short, empty or refused, and is `exhausted` once every node has
 * failed it (nothing more can be proved from these nodes). Pure bookkeeping, no IO.
 * @module
 */
import { LightClientError } from '../errors.js';
import { parseLedgerInfoList, type ParsedLedgerInfo } from '../pos/parse.js';
import type { SyncRequest } from './types.js';

export interface Chunk {
  start: number;
  /** Exclusive. */
  end: number;
  /** Nodes that failed this chunk (empty, short of the start, or refused). */
  readonly tried: Set<string>;
  /** Id of the request in flight for it. */
  request: number | null;
  source: string | null;
  answer: readonly ParsedLedgerInfo[] | null;
}

export class EndingsFetch {
  private readonly chunks: Chunk[] = [];

  constructor(
    private first: number,
    readonly to: number,
    batchSize: number,
  ) {
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be a positive integer, got ${batchSize}`);
    for (let start = first; start < to; start += batchSize) this.chunks.push({ start, end: Math.min(to, start + batchSize), tried: new Set(), request: null, source: null, answer: null });
  }

  /** First epoch whose ending is not handed out yet. */
  get from(): number {
    return this.first;
  }

  get finished(): boolean {
    return this.chunks.length === 0;
  }

  /** Chunks waiting for a request, in order. */
  waiting(): Chunk[] {
    return this.chunks.filter((c) => c.request === null && c.answer === null);
  }

  get inFlight(): number {
    return this.chunks.filter((c) => c.request !== null).length;
  }

  assign(chunk: Chunk, request: number, source: string): void {
    chunk.request = request;
    chunk.source = source;
  }

  byRequest(request: number): Chunk | undefined {
    return this.chunks.find((c) => c.request === request);
  }

  /** Records an answer. A short answer keeps its part; the rest becomes a new chunk. */
  answered(chunk: Chunk, list: readonly ParsedLedgerInfo[]): void {
    chunk.request = null;
    if (list.length === 0) {
      chunk.tried.add(chunk.source!);
      return;
    }
    const kept = list.slice(0, chunk.end - chunk.start);
    if (kept.length < chunk.end - chunk.start) {
      const rest: Chunk = { start: chunk.start + kept.length, end: chunk.end, tried: new Set([chunk.source!]), request: null, source: null, answer: null };
      chunk.end = rest.start;
      this.chunks.splice(this.chunks.indexOf(chunk) + 1, 0, rest);
    }
    chunk.answer = kept;
  }

  /** The request failed, or its source was dropped: ask another node. */
  failed(chunk: Chunk, blame = true): void {
    if (blame && chunk.source !== null) chunk.tried.add(chunk.source);
    chunk.request = null;
  }

  /** The next chunk in order, if it has arrived: removed from the plan and handed out. */
  takeReady(): Chunk | undefined {
    const next = this.chunks[0];
    if (next === undefined || next.answer === null) return undefined;
    this.chunks.shift();
    this.first = next.end;
    return next;
  }

  /**
   * After the first `applied` ledger infos of a handed-out chunk were verified and the next one was
   * refused: the rest is asked again, from another node.
   */
  refused(chunk: Chunk, applied: number): void {
    const start = chunk.start + applied;
    this.first = start;
    this.chunks.unshift({ start, end: chunk.end, tried: new Set([...chunk.tried, chunk.source!]), request: null, source: null, answer: null });
  }

  /**
   * Requests for waiting chunks, up to `maxInFlight` in flight; `choose` names the node for a
   * chunk (none: it waits), `make` registers the request.
   */
  requests(maxInFlight: number, choose: (chunk: Chunk) => string | undefined, make: (source: string, start: number, end: number) => SyncRequest): SyncRequest[] {
    const out: SyncRequest[] = [];
    for (const chunk of this.waiting()) {
      if (this.inFlight >= maxInFlight) break;
      const source = choose(chunk);
      if (source === undefined) continue;
      const request = make(source, chunk.start, chunk.end);
      this.assign(chunk, request.id, source);
      out.push(request);
    }
    return out;
  }

  /**
   * Takes the answer to one of this plan's requests.
   * @throws {LightClientError} `malformed` (the chunk is asked elsewhere), `missing` (an empty answer)
   */
  accept(request: number, answer: unknown): void {
    const chunk = this.byRequest(request);
    if (chunk === undefined) return;
    let list: ParsedLedgerInfo[];
    try {
      list = parseLedgerInfoList(answer);
    } catch (error) {
      this.failed(chunk);
      throw error;
    }
    this.answered(chunk, list);
    if (list.length === 0) throw new LightClientError('missing', `no epoch-ending ledger info for PoS epochs ${chunk.start}..${chunk.end - 1}`);
  }

  /**
   * Hands the chunks that arrived, in order, to `apply` (which verifies them); a chunk whose entry
   * at index `applied` was refused is asked again from another node from there, and the refusal is
   * reported with the request that served it.
   */
  verifyReady(apply: (list: readonly ParsedLedgerInfo[]) => { applied: number; error: LightClientError | null }, refused: (request: SyncRequest, error: LightClientError) => void): void {
    for (let chunk = this.takeReady(); chunk !== undefined; chunk = this.takeReady()) {
      const { applied, error } = apply(chunk.answer!);
      if (error === null) continue;
      refused({ id: 0, source: chunk.source!, method: 'pos_getLedgerInfosByEpoch', params: [chunk.start, chunk.end] }, error);
      this.refused(chunk, applied);
      return;
    }
  }

  /** Whether the next chunk in order waits for a request that no node can take (`canAsk` false). */
  exhausted(canAsk: (chunk: Chunk) => boolean): boolean {
    const next = this.chunks[0];
    return next !== undefined && next.request === null && next.answer === null && !canAsk(next);
  }
}
