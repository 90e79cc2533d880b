/**
 * The stateful light client: holds the PoS state (from a trusted checkpoint or stored progress),
 * adopts and persists states verified by the sync machine (`commit`; `sync` runs the machine over
 * one node), verifies Core headers on demand back from the finalized pivot, tracks newer headers
 * as unfinalized, and proves transaction and receipt inclusion (see `proofs.ts`).
 *
 * Threat model: every node is untrusted. Committees only come from the checkpoint, from verified
 * rotations, or from the skipping rule (labelled `skipped`, see `pos/skip.ts`); finality only from
 * ledger infos with a verified quorum; headers only by
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
import type { Checkpoint, FinalizedPivot, Finality, TrustLevel } from '../checkpoint/types.js';
import { LightClientError } from '../errors.js';
import type { VerifiedHeader } from '../header/chain.js';
import type { RandomBytes } from '../pos/batch.js';
import type { Committee } from '../pos/committee.js';
import type { SignatureCheckMode } from '../pos/verify-ledger-info.js';
import { driveSync } from '../sync/drive.js';
import { HeaderCache, type HeaderStatus } from '../sync/header-cache.js';
import { SyncMachine } from '../sync/machine.js';
import { finalityOf, stateFromRestored, type PosState } from '../sync/pos-state.js';
import type { SyncMachineOptions, SyncProgress, SyncReport, Finding } from '../sync/types.js';
import type { LightClientTransport } from '../transport.js';
import { insertAnchor, nearestAnchorAbove, refineAnchor } from './anchors.js';
import type { CallOptions, HeaderSource } from './header-source.js';
import { fetchHeaderByHash, linkToFinalized, walkDownTo, type HeaderContext } from './headers.js';
import { proveReceipt, proveTransaction, type InclusionQuery, type ReceiptInclusion, type TransactionInclusion } from './proofs.js';
import { request } from './requests.js';

export type { CallOptions } from './header-source.js';
export type { SyncProgress, SyncReport } from '../sync/types.js';

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
  /** Catch-ups of more PoS epochs than this use the skipping rule (default 64); `skip: false` never does. */
  readonly skipAbove?: number;
  readonly skip?: boolean;
  /** `batch` (default) or `single` signature checks for runs of epoch endings. */
  readonly verification?: 'batch' | 'single';
  /** `pos_getLedgerInfosByEpoch` requests in flight at once (default 3). */
  readonly maxInFlight?: number;
  /** Random bytes for batch verification (secure by default). */
  readonly random?: RandomBytes;
}

export interface SyncOptions extends CallOptions {
  /** Caller time in ms (recorded with the persisted state). */
  readonly now: number;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Stops between answers; the state verified so far is kept and persisted. */
  readonly signal?: AbortSignal;
  /** `head` (default): stop at the first verified pivot; `sequential`: also verify what a skip passed over. */
  readonly goal?: 'head' | 'sequential';
}

const DEFAULTS = { headerCacheSize: 4096, blameLookahead: 5, parallelRequests: 6, anchorRefineDistance: 64 };
/** Committees of recent PoS epochs kept for round searches (memory only). */
const COMMITTEE_HISTORY = 64;
/** The node id of the single transport `sync` uses. */
const SINGLE = 'transport';

export class LightClient implements HeaderSource {
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
  remember(state: PosState): void {
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
    const previous = this.state;
    if (next.finalized?.blockHash !== previous.finalized?.blockHash) {
      this.finalizedHeaderCache = null;
      this.cache.dropUnfinalized();
    }
    // A skip proved false (the tail resolved into another head): everything learned since rests on it.
    if (previous.tail !== null && next.tail === null && (next.committee.digest !== previous.committee.digest || next.finalized?.blockHash !== previous.finalized?.blockHash)) {
      this.cache.clear();
      this.anchors.length = 0;
      this.committees.clear();
    }
    this.state = next;
    this.remember(next);
  }

  /** How the held committee was reached: every rotation verified, or a skip (see `pos/skip.ts`). */
  get finality(): Finality {
    return finalityOf(this.state);
  }

  /** Options for a {@link SyncMachine} over this client's state (the caller adds `now`, `sources`, …). */
  machineOptions(): Omit<SyncMachineOptions, 'now' | 'sources'> {
    const o = this.options;
    return {
      onVerified: (state) => this.remember(state),
      ...(o.epochBatchSize !== undefined ? { batchSize: o.epochBatchSize } : {}),
      ...(o.skipAbove !== undefined ? { skipAbove: o.skipAbove } : {}),
      ...(o.skip !== undefined ? { skip: o.skip } : {}),
      ...(o.verification !== undefined ? { verification: o.verification } : {}),
      ...(o.maxInFlight !== undefined ? { maxInFlight: o.maxInFlight } : {}),
      ...(o.random !== undefined ? { random: o.random } : {}),
      mode: o.signatureCheck ?? 'aggregate',
    };
  }

  /**
   * Adopts a state verified by a sync machine over this client's state, and persists it. Only
   * states produced by `SyncMachine` from {@link posState} (or a later committed one) belong here.
   * @throws {CheckpointError} `checkpoint.storage`
   */
  async commit(state: PosState, now: number): Promise<void> {
    if (state.chainId !== this.state.chainId) throw new RangeError('state of another chain');
    this.adopt(state);
    await this.persist(now);
  }

  /**
   * Catches up with one node (the default transport or `options.transport`): its PoS status and
   * latest committed ledger info, the committees up to its epoch (sequentially, or by the
   * skipping rule for large gaps), then the latest ledger info, whose pivot decision becomes the
   * finalized pivot. Progress is persisted after every verified batch. A latest ledger info the
   * client already verified (as every node serves for a moment after a PoS epoch change) is no
   * progress, reported in `latest`, not an error. Several nodes at once: see
   * `core/chain/verified/chain.ts`.
   * @throws {LightClientError} with `request` set: a false answer, a node behind the verified state
   *   (`stale`), or `missing` data; the state verified before the failure is kept
   */
  async sync(options: SyncOptions): Promise<SyncReport> {
    const transport = this.transport(options);
    const findings: Finding[] = [];
    const machine = new SyncMachine(this.state, { ...this.machineOptions(), now: options.now, sources: [SINGLE], goal: options.goal ?? 'head', ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    const report = await driveSync(
      machine,
      {
        transport: () => transport,
        judge: (finding) => {
          findings.push(finding);
          return finding.kind === 'false';
        },
        commit: (state) => this.commit(state, options.now),
      },
      options.signal,
    );
    // A status one epoch behind its own newer latest ledger info is the node moving on mid-sync, not a fault.
    const behind = (f: Finding) => f.kind === 'withholding' || (f.kind === 'behind' && f.request.method === 'pos_getLedgerInfoByBlockNumber');
    const fault = findings.find((f) => f.kind === 'false') ?? findings.find(behind) ?? (report.latest === null ? findings[0] : undefined);
    if (fault !== undefined) throw fault.error;
    if (report.latest === null && options.signal?.aborted !== true) throw new LightClientError('missing', 'the node offered no committed PoS ledger info', { request: { method: 'pos_getLedgerInfoByBlockNumber', params: ['latest_committed'] } });
    return report;
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
