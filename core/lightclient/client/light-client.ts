/**
 * The stateful light client: follows PoS finality from a trusted checkpoint, persists its
 * progress, verifies Core headers on demand back from the finalized pivot, tracks newer headers
 * as unfinalized, and proves transaction and receipt inclusion (see `proofs.ts`).
 *
 * Threat model: every node is untrusted. Committees only come from the checkpoint or from
 * verified rotations; finality only from ledger infos with a verified quorum; headers only by
 * hash links from a finalized pivot; roots only from those headers. A failed check throws a
 * {@link LightClientError} naming the RPC call whose answer failed and whether it proves the node
 * wrong, and leaves the client's state as it was, so the caller can ban that node and repeat the
 * operation with another transport (every method takes an optional per-call `transport`).
 * There are no timers and no clock reads: callers pass `now`.
 * @module
 */
import { resolveStartingState, tofuCheckpoint } from '../checkpoint/checkpoint.js';
import { encodeCheckpointRecord } from '../checkpoint/record.js';
import type { CheckpointStore } from '../checkpoint/store.js';
import type { Checkpoint, FinalizedPivot, TrustLevel } from '../checkpoint/types.js';
import { LightClientError } from '../errors.js';
import type { VerifiedHeader } from '../header/chain.js';
import { asObject, asSafeNumber } from '../json.js';
import { parseLedgerInfoList, parseLedgerInfoWithSignatures } from '../pos/parse.js';
import type { Committee } from '../pos/committee.js';
import type { SignatureCheckMode } from '../pos/verify-ledger-info.js';
import { HeaderCache, type HeaderStatus } from '../sync/header-cache.js';
import { applyEpochEnding, applyLedgerInfo, stateFromRestored, type NoProgressReason, type PosState } from '../sync/pos-state.js';
import type { LightClientTransport } from '../transport.js';
import { insertAnchor, nearestAnchorAbove, refineAnchor } from './anchors.js';
import { fetchHeaderByHash, linkToFinalized, walkDownTo, type HeaderContext } from './headers.js';
import { proveReceipt, proveTransaction, type InclusionQuery, type ReceiptInclusion, type TransactionInclusion } from './proofs.js';
import { request } from './requests.js';

export interface LightClientOptions {
  /** Core-space chain id (1029 mainnet, 1 testnet, 1024 … dev). */
  readonly chainId: number;
  /** Trusted start: a shipped checkpoint or a `tofu` one for dev chains. */
  readonly checkpoint: Checkpoint;
  /** Default transport; every method also takes a per-call one. */
  readonly transport: LightClientTransport;
  readonly store: CheckpointStore;
  /** Verified headers kept in memory (default 4096). */
  readonly headerCacheSize?: number;
  /** Later pivot headers inspected for blame before trusting deferred roots (default 5). */
  readonly blameLookahead?: number;
  /** Epoch-ending ledger infos requested per `pos_getLedgerInfosByEpoch` call (default 32). */
  readonly epochBatchSize?: number;
  /** Concurrent header requests while walking the chain (default 6). */
  readonly parallelRequests?: number;
  /**
   * When the nearest verified pivot decision is more than this many blocks above a wanted height,
   * search the PoS rounds of its epoch for a closer one before walking (default 64).
   */
  readonly anchorRefineDistance?: number;
  readonly signatureCheck?: SignatureCheckMode;
}

export interface CallOptions {
  /** Use this transport for the call (e.g. one bound to a single node) instead of the default. */
  readonly transport?: LightClientTransport;
}

export type SyncProgress =
  | { readonly phase: 'committees'; readonly fromEpoch: number; readonly epoch: number; readonly targetEpoch: number }
  | { readonly phase: 'finality'; readonly epoch: number; readonly round: number; readonly pivotHeight: number };

export interface SyncOptions extends CallOptions {
  /** Caller time in ms (recorded with the persisted state). */
  readonly now: number;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Stops between requests; the state verified so far is kept and persisted. */
  readonly signal?: AbortSignal;
}

export interface SyncReport {
  readonly fromEpoch: number;
  readonly committeeEpoch: number;
  readonly epochsVerified: number;
  readonly finalized: FinalizedPivot | null;
  /**
   * What the node's latest committed ledger info did: `adopted` (a newer finalized pivot or a
   * rotation), or why it changed nothing — e.g. `ended_previous_epoch`, which every honest node
   * answers for a moment after a PoS epoch change.
   */
  readonly latest: 'adopted' | NoProgressReason;
}

const DEFAULTS = { headerCacheSize: 4096, blameLookahead: 5, epochBatchSize: 32, parallelRequests: 6, anchorRefineDistance: 64 };
/** Committees of recent PoS epochs kept for round searches (memory only). */
const COMMITTEE_HISTORY = 64;

export class LightClient {
  private state: PosState;
  private readonly cache: HeaderCache;
  private finalizedHeaderCache: VerifiedHeader | null = null;
  /** Verified pivot decisions, sorted by height (see `anchors.ts`). */
  private readonly anchors: FinalizedPivot[] = [];
  private readonly committees = new Map<number, Committee>();
  readonly blameLookahead: number;

  private constructor(
    private readonly options: LightClientOptions,
    state: PosState,
  ) {
    this.state = state;
    this.cache = new HeaderCache(options.headerCacheSize ?? DEFAULTS.headerCacheSize);
    this.blameLookahead = options.blameLookahead ?? DEFAULTS.blameLookahead;
    this.remember(state);
  }

  /** Keeps the committee and finalized pivot of a verified state for later round searches. */
  private remember(state: PosState): void {
    this.committees.set(state.committee.epoch, state.committee);
    if (this.committees.size > COMMITTEE_HISTORY) this.committees.delete(Math.min(...this.committees.keys()));
    if (state.finalized !== null) insertAnchor(this.anchors, state.finalized);
  }

  /**
   * Creates a client, resuming from the stored progress when it is intact and newer than the
   * checkpoint.
   * @throws {CheckpointError} `checkpoint.corrupt`, `checkpoint.wrong_chain`, `checkpoint.trust_downgrade`,
   *   `checkpoint.storage`
   */
  static async create(options: LightClientOptions, now: number): Promise<LightClient> {
    if (options.checkpoint.chainId !== options.chainId) throw new RangeError(`checkpoint is for chain ${options.checkpoint.chainId}, not ${options.chainId}`);
    const stored = await options.store.load(options.chainId);
    return new LightClient(options, stateFromRestored(resolveStartingState(options.checkpoint, stored, now)));
  }

  get chainId(): number {
    return this.state.chainId;
  }

  /** Where the trusted committees come from (`shipped` or `tofu`). */
  get trust(): TrustLevel {
    return this.state.trust;
  }

  /** PoS epoch whose committee the client holds. */
  get committeeEpoch(): number {
    return this.state.committee.epoch;
  }

  /** Latest verified PoS-finalized pivot block, or null before the first sync. */
  get finalizedPivot(): FinalizedPivot | null {
    return this.state.finalized;
  }

  /** Snapshot of the PoS state (immutable). */
  get posState(): PosState {
    return this.state;
  }

  private transport(options?: CallOptions): LightClientTransport {
    return options?.transport ?? this.options.transport;
  }

  /** @internal header helpers bound to a transport */
  headerContext(options?: CallOptions): HeaderContext {
    return { transport: this.transport(options), cache: this.cache, parallel: this.options.parallelRequests ?? DEFAULTS.parallelRequests };
  }

  private async persist(now: number): Promise<void> {
    await this.options.store.save(this.state.chainId, encodeCheckpointRecord({ ...this.state, savedAt: now }));
  }

  private adopt(next: PosState): void {
    if (next.finalized?.blockHash !== this.state.finalized?.blockHash) {
      this.finalizedHeaderCache = null;
      this.cache.dropUnfinalized();
    }
    this.state = next;
    this.remember(next);
  }

  /**
   * Catches up with the node's PoS chain: verifies every epoch-ending ledger info from the held
   * committee to the node's current epoch (rotating committees), then the latest committed ledger
   * info, whose pivot decision becomes the finalized pivot. Progress is persisted after each batch.
   * A latest ledger info the client already verified (as every node serves for a moment after a
   * PoS epoch change) is no progress, reported in `latest`, not an error.
   * @throws {LightClientError} with `request` set; the state verified before the failure is kept
   */
  async sync(options: SyncOptions): Promise<SyncReport> {
    const transport = this.transport(options);
    const fromEpoch = this.state.committee.epoch;
    const before = this.state;
    let latest: SyncReport['latest'];
    try {
      const targetEpoch = await request(transport, 'pos_getStatus', [], (t) => t.pos_getStatus(), (a) => asSafeNumber(asObject(a, 'pos status').epoch, 'pos status.epoch'));
      if (targetEpoch < this.state.committee.epoch) {
        throw new LightClientError('stale', `the node is at PoS epoch ${targetEpoch}, behind the verified epoch ${this.state.committee.epoch}`, { request: { method: 'pos_getStatus', params: [] } });
      }
      await this.rotateTo(transport, targetEpoch, fromEpoch, options);
      latest = await this.verifyLatestCommitted(transport, options);
    } finally {
      if (this.state !== before) await this.persist(options.now);
    }
    // Every rotation verifies exactly one epoch ending (also those the latest ledger info required).
    return { fromEpoch, committeeEpoch: this.state.committee.epoch, epochsVerified: this.state.committee.epoch - fromEpoch, finalized: this.state.finalized, latest };
  }

  private async rotateTo(transport: LightClientTransport, targetEpoch: number, fromEpoch: number, options: SyncOptions): Promise<void> {
    const batch = this.options.epochBatchSize ?? DEFAULTS.epochBatchSize;
    const mode = this.options.signatureCheck ?? 'aggregate';
    while (this.state.committee.epoch < targetEpoch) {
      options.signal?.throwIfAborted();
      const start = this.state.committee.epoch;
      const end = Math.min(targetEpoch, start + batch); // exclusive
      const list = await request(transport, 'pos_getLedgerInfosByEpoch', [start, end], (t) => t.pos_getLedgerInfosByEpoch(start, end), (a) => parseLedgerInfoList(a));
      if (list.length === 0) throw new LightClientError('missing', `no epoch-ending ledger info for PoS epochs ${start}..${end - 1}`, { request: { method: 'pos_getLedgerInfosByEpoch', params: [start, end] } });
      let next = this.state;
      for (const parsed of list) {
        try {
          next = applyEpochEnding(next, parsed, options.now, { mode });
          this.remember(next);
        } catch (error) {
          // Keep what was verified in this batch before the bad entry.
          this.adopt(next);
          if (error instanceof LightClientError) throw error.withRequest({ method: 'pos_getLedgerInfosByEpoch', params: [start, end] });
          throw error;
        }
        options.onProgress?.({ phase: 'committees', fromEpoch, epoch: next.committee.epoch, targetEpoch });
      }
      this.adopt(next);
      await this.persist(options.now);
    }
  }

  private async verifyLatestCommitted(transport: LightClientTransport, options: SyncOptions): Promise<SyncReport['latest']> {
    const mode = this.options.signatureCheck ?? 'aggregate';
    const parsed = await request(transport, 'pos_getLedgerInfoByBlockNumber', ['latest_committed'], (t) => t.pos_getLedgerInfoByBlockNumber('latest_committed'), (a) => {
      if (a === null) throw new LightClientError('missing', 'the node has no committed PoS block');
      return parseLedgerInfoWithSignatures(a);
    });
    const info = parsed.value.ledgerInfo.commitInfo;
    if (info.epoch > this.state.committee.epoch) {
      // The node moved to a new epoch after answering pos_getStatus: rotate first.
      await this.rotateTo(transport, info.epoch, this.state.committee.epoch, options);
    }
    let outcome: ReturnType<typeof applyLedgerInfo>;
    try {
      outcome = applyLedgerInfo(this.state, parsed, options.now, { mode });
    } catch (error) {
      if (error instanceof LightClientError) throw error.withRequest({ method: 'pos_getLedgerInfoByBlockNumber', params: ['latest_committed'] });
      throw error;
    }
    if (outcome.progress) this.adopt(outcome.state);
    const finalized = this.state.finalized;
    if (finalized !== null) options.onProgress?.({ phase: 'finality', epoch: finalized.posEpoch, round: finalized.round, pivotHeight: finalized.height });
    return outcome.progress ? 'adopted' : outcome.reason;
  }

  /**
   * The header of the finalized pivot block, verified against the pivot decision's hash.
   * @throws {LightClientError} `not_finalized` before the first successful sync
   */
  async finalizedHeader(options?: CallOptions): Promise<VerifiedHeader> {
    const pivot = this.state.finalized;
    if (pivot === null) throw new LightClientError('not_finalized', 'no finalized pivot yet: sync first');
    if (this.finalizedHeaderCache?.hash === pivot.blockHash) return this.finalizedHeaderCache;
    const header = await fetchHeaderByHash(this.headerContext(options), pivot.blockHash, 'finalized', true, pivot.height);
    this.finalizedHeaderCache = header;
    return header;
  }

  /**
   * The pivot header at `height`: on the finalized chain when `height` ≤ the finalized pivot,
   * otherwise linked to it from above and reported as unfinalized.
   */
  async pivotHeaderAt(height: number, options?: CallOptions): Promise<{ header: VerifiedHeader; status: HeaderStatus }> {
    if (!Number.isSafeInteger(height) || height < 0) throw new RangeError(`height must be a non-negative integer, got ${height}`);
    const finalized = await this.finalizedHeader(options);
    const ctx = this.headerContext(options);
    if (height <= finalized.height) {
      const cached = this.cache.pivotAt(height, 'finalized');
      if (cached !== undefined) return { header: cached.header, status: 'finalized' };
      return { header: await walkDownTo(ctx, await this.startAbove(height, finalized, options), height, 'finalized'), status: 'finalized' };
    }
    const cached = this.cache.pivotAt(height);
    if (cached !== undefined) return { header: cached.header, status: cached.status };
    return { header: await linkToFinalized(ctx, finalized, height), status: 'unfinalized' };
  }

  /**
   * Verifies every pivot header from the finalized pivot down to `height` (no shortcuts through
   * earlier decisions), e.g. before scanning a range of blocks. Returns the header at `height`.
   */
  async verifyFinalizedChainDownTo(height: number, options?: CallOptions): Promise<VerifiedHeader> {
    const finalized = await this.finalizedHeader(options);
    if (!Number.isSafeInteger(height) || height < 0 || height > finalized.height) throw new RangeError(`height must be within 0 … ${finalized.height}, got ${height}`);
    return walkDownTo(this.headerContext(options), finalized, height, 'finalized');
  }

  /** The closest verified finalized header at or above `height` to walk down from. */
  private async startAbove(height: number, finalized: VerifiedHeader, options?: CallOptions): Promise<VerifiedHeader> {
    const ctx = this.headerContext(options);
    let anchor = nearestAnchorAbove(this.anchors, height);
    if (anchor === undefined) return this.cachedAbove(height, finalized);
    const committee = this.committees.get(anchor.posEpoch);
    if (committee !== undefined && anchor.height - height > (this.options.anchorRefineDistance ?? DEFAULTS.anchorRefineDistance)) {
      const mode = this.options.signatureCheck ?? 'aggregate';
      anchor = await refineAnchor(ctx.transport, committee, anchor, height, mode, (p) => insertAnchor(this.anchors, p));
    }
    const start = anchor.blockHash === finalized.hash ? finalized : await fetchHeaderByHash(ctx, anchor.blockHash, 'finalized', true, anchor.height);
    return this.cachedAbove(height, start);
  }

  /** A cached finalized pivot header between `height` and `start`, closer than `start`, if any. */
  private cachedAbove(height: number, start: VerifiedHeader): VerifiedHeader {
    for (let h = height + 1; h < Math.min(start.height, height + 4096); h++) {
      const above = this.cache.pivotAt(h, 'finalized');
      if (above !== undefined) return above.header;
    }
    return start;
  }

  /** Finality status of a header the client has verified, or 'unknown'. */
  headerStatus(hash: string): HeaderStatus | 'unknown' {
    return this.cache.get(hash.toLowerCase())?.status ?? 'unknown';
  }

  /** A verified header from the cache (without network), if present. */
  cachedHeader(hash: string): { header: VerifiedHeader; status: HeaderStatus } | undefined {
    const entry = this.cache.get(hash.toLowerCase());
    return entry === undefined ? undefined : { header: entry.header, status: entry.status };
  }

  /** Proves a transaction is in a verified block (see `proofs.ts`). */
  proveTransaction(query: InclusionQuery, options?: CallOptions): Promise<TransactionInclusion> {
    return proveTransaction(this, query, options);
  }

  /** Proves a transaction's receipt against its epoch's deferred roots (see `proofs.ts`). */
  proveReceipt(query: InclusionQuery, options?: CallOptions): Promise<ReceiptInclusion> {
    return proveReceipt(this, query, options);
  }
}

/**
 * Trust-on-first-use checkpoint for a local dev chain: the committee the node reports for PoS
 * epoch 1 (its genesis committee). Never use this for a public network.
 * @throws {LightClientError} `missing`, `malformed`, `invalid_point`
 */
export async function fetchTofuCheckpoint(transport: LightClientTransport, chainId: number, network = 'dev'): Promise<Checkpoint> {
  const json = await request(transport, 'pos_getEpochState', [1], (t) => t.pos_getEpochState(1), (a) => {
    if (a === null) throw new LightClientError('missing', 'the node reports no PoS committee for epoch 1');
    return a;
  });
  return tofuCheckpoint(chainId, network, json, `pos_getEpochState(1) of chain ${chainId}, trusted on first use`);
}
