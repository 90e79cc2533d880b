/**
 * The verified view of the chain that the rest of the wallet reads from: the light client driven
 * over the node pool. It answers "which epoch is verified" (the PoS-finalized pivot, whose header
 * has been checked), how it was reached and how old it is (`status`), checks eSpace blocks against
 * it, and proves transaction inclusion — always with failover to the next node when one serves
 * data that does not verify.
 *
 * Finality that no node can freeze: every sync asks several operators for their PoS status and
 * latest ledger info and moves to the highest epoch any of them proves (see `pos-sync.ts`); the
 * age of the finalized block comes from its own verified header, and `status().stale` says when
 * values read at the verified epoch must not be presented as current. Every sync also asks the
 * other nodes for the finalized block: one whose answer does not hash to it is banned, so a node
 * serving false headers is found even while a faster honest node answers everything else.
 * @module
 */
import type { Finality } from '../../lightclient/checkpoint/types.js';
import type { LightClient, SyncProgress, SyncReport } from '../../lightclient/client/light-client.js';
import { proveReceipt } from '../../lightclient/client/proofs.js';
import { LightClientError } from '../../lightclient/errors.js';
import { verifyHeaderAgainstHash, type VerifiedHeader } from '../../lightclient/header/chain.js';
import type { Space } from '../../space.js';
import type { Clock } from '../../rpc/clock.js';
import type { NodeEndpoint } from '../../rpc/pool/endpoint.js';
import type { NodePool } from '../../rpc/pool/node-pool.js';
import type { InclusionProof, InclusionProver } from '../transactions/types.js';
import { checkEspaceBlock } from './espace-anchor.js';
import { syncOverPool } from './pos-sync.js';
import { VerifiedRunner } from './runner.js';
import { toQuantity } from '../../encoding/hex.js';

export interface VerifiedChainOptions {
  pool: NodePool;
  lightClient: LightClient;
  clock: Clock;
  /** Configured chain ids; a node serving another chain is banned. */
  chainIds: { core: number; espace: number };
  /** Most Core nodes asked for PoS data in one sync, distinct operators first (default 4, at least 2 when configured). */
  maxSources?: number;
  /** A finalized block older than this is `stale` (default 10 minutes; mainnet finality normally lags about 5). */
  staleAfterMs?: number;
  /** After a sync that used the skipping rule, verify the skipped committees in the background (default true). */
  background?: boolean;
}

/** What the wallet may say about the verified state (see {@link VerifiedChain.status}). */
export interface FinalityStatus {
  /** How the committee was reached; null before the first sync. */
  readonly finality: Finality | null;
  readonly committeeEpoch: number;
  /** The verified finalized pivot block, with its own timestamp once its header is verified. */
  readonly finalized: { readonly posEpoch: number; readonly round: number; readonly height: number; readonly blockHash: string; readonly blockTimestampMs: number | null } | null;
  /** Age of the finalized block (now − its header's timestamp); null until known. */
  readonly ageMs: number | null;
  /** True when values read at the verified epoch must not be shown as current: nothing verified yet, or the finalized block is too old. */
  readonly stale: boolean;
  /** The highest PoS epoch a node reported at the last sync (a claim); above `committeeEpoch` when no node could prove it. */
  readonly claimedEpoch: number | null;
  /** Nodes flagged at the last sync for reporting an epoch behind a verified one. */
  readonly withholding: readonly string[];
  /** While finality is `skipped`: the background sequential verification (epoch reached, epoch to reach). */
  readonly sequential: { readonly epoch: number; readonly targetEpoch: number; readonly running: boolean } | null;
}

export const DEFAULT_STALE_AFTER_MS = 10 * 60 * 1000;

export class VerifiedChain {
  readonly runner: VerifiedRunner;
  private readonly pool: NodePool;
  private readonly lightClient: LightClient;
  private readonly clock: Clock;
  private readonly chainIds: { core: number; espace: number };
  private readonly options: VerifiedChainOptions;
  /** Heights whose eSpace block was checked against the verified pivot. */
  private readonly anchoredEspace = new Set<number>();
  private lastSync: { claimedEpoch: number; withholding: readonly string[] } | null = null;
  private block: { hash: string; timestampMs: number } | null = null;
  private backgroundRun: { controller: AbortController; promise: Promise<void> } | null = null;

  constructor(options: VerifiedChainOptions) {
    this.options = options;
    this.pool = options.pool;
    this.lightClient = options.lightClient;
    this.clock = options.clock;
    this.chainIds = options.chainIds;
    this.runner = new VerifiedRunner(options.pool);
  }

  get client(): LightClient {
    return this.lightClient;
  }

  private maxSources(): number {
    return Math.max(2, this.options.maxSources ?? 4);
  }

  /**
   * Follows PoS finality to the highest epoch any asked node proves, then verifies the finalized
   * pivot header (its timestamp gives the age in `status`). When the skipping rule was used, the
   * skipped committees are then verified in the background (`background`), upgrading `finality`
   * to `sequential`. A node still serving the previous epoch's ending ledger info right after a
   * PoS epoch change is no progress (`latest` in the report), not a fault.
   * @throws {NoNodeAvailableError} when no node offered a ledger info that could be verified, or
   *   none served the finalized header
   */
  async sync(onProgress?: (progress: SyncProgress) => void, signal?: AbortSignal): Promise<SyncReport> {
    await this.stopBackground();
    const { report, withholding } = await syncOverPool(this.pool, this.runner, this.lightClient, this.clock, {
      goal: 'head',
      maxSources: this.maxSources(),
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    });
    this.lastSync = { claimedEpoch: report.claimedEpoch, withholding };
    if (this.lightClient.finalizedPivot !== null) await this.verifyFinalizedBlock();
    if (this.lightClient.finality === 'skipped' && this.options.background !== false && signal?.aborted !== true) this.startBackground();
    return report;
  }

  private async verifyFinalizedBlock(): Promise<void> {
    const { value: header, node } = await this.runner.run((transport) => this.lightClient.finalizedHeader({ transport }));
    this.block = { hash: header.hash, timestampMs: Number(header.fields.timestamp) * 1000 };
    await this.auditFinalizedBlock(header, node);
  }

  /**
   * Asks the other Core nodes of the sync for the finalized block too: an answer that does not hash
   * to the verified header is a proven lie, and bans its node, whether or not that node was the one
   * used. The eSpace base price comes from the verified header, so only the Core node can be at
   * fault. A node that does not have the block yet is not judged.
   */
  private async auditFinalizedBlock(header: VerifiedHeader, used: NodeEndpoint): Promise<void> {
    const others = this.pool.candidates('core').filter((n) => n.id !== used.id && !this.pool.isBanned(n.id)).slice(0, this.maxSources() - 1);
    const extra = header.fields.basePrice === null ? undefined : { espaceBaseFeePerGas: header.fields.basePrice.espace };
    const request = { method: 'cfx_getBlockByHash', params: [header.hash, false] };
    await Promise.all(
      others.map(async (node) => {
        try {
          const block = await this.runner.transportFor(node, undefined).cfx_getBlockByHash(header.hash, false);
          if (block !== null) verifyHeaderAgainstHash(block, header.hash, extra, header.height);
        } catch (error) {
          this.pool.report(node.id, error instanceof LightClientError ? error.withRequest(request) : error);
        }
      }),
    );
  }

  /**
   * Verifies sequentially the committees the skipping rule passed over (what the background run
   * does), resuming from the persisted progress. Resolves when finality is sequential, or when no
   * node can serve the rest.
   */
  async completeSequential(signal?: AbortSignal, onProgress?: (progress: SyncProgress) => void): Promise<SyncReport | null> {
    if (this.lightClient.finality === 'sequential') return null;
    const { report } = await syncOverPool(this.pool, this.runner, this.lightClient, this.clock, {
      goal: 'sequential',
      probe: false,
      maxSources: this.maxSources(),
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
    });
    return report;
  }

  /** The background verification in progress, if any (resolves when it ends; never rejects). */
  get background(): Promise<void> | null {
    return this.backgroundRun?.promise ?? null;
  }

  private startBackground(): void {
    const controller = new AbortController();
    const promise = this.completeSequential(controller.signal).then(
      () => undefined,
      () => undefined, // failures are per node (bans); the next sync starts it again
    ).finally(() => {
      if (this.backgroundRun?.promise === promise) this.backgroundRun = null;
    });
    this.backgroundRun = { controller, promise };
  }

  /** Stops the background verification (its verified progress is kept). */
  async stopBackground(): Promise<void> {
    const run = this.backgroundRun;
    if (run === null) return;
    run.controller.abort();
    await run.promise;
  }

  /** Finality, age and staleness of what is verified, at `now` (default: the clock). */
  status(now = this.clock.now()): FinalityStatus {
    const client = this.lightClient;
    const pivot = client.finalizedPivot;
    const blockTimestampMs = pivot !== null && this.block?.hash === pivot.blockHash ? this.block.timestampMs : null;
    const ageMs = blockTimestampMs === null ? null : Math.max(0, now - blockTimestampMs);
    const tail = client.posState.tail;
    return {
      finality: pivot === null ? null : client.finality,
      committeeEpoch: client.committeeEpoch,
      finalized: pivot === null ? null : { posEpoch: pivot.posEpoch, round: pivot.round, height: pivot.height, blockHash: pivot.blockHash, blockTimestampMs },
      ageMs,
      stale: ageMs === null || ageMs > (this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS),
      claimedEpoch: this.lastSync?.claimedEpoch ?? null,
      withholding: this.lastSync?.withholding ?? [],
      sequential: tail === null ? null : { epoch: tail.committee.epoch, targetEpoch: tail.hops.at(-1)!.ending.posEpoch + 1, running: this.backgroundRun !== null },
    };
  }

  /**
   * The epoch (Core) or block number (eSpace; the same number) that reads are asked at: the
   * latest PoS-finalized pivot height, whose header is verified. For eSpace, the eSpace block at
   * that height is also checked against the pivot header.
   * @throws {LightClientError} `not_finalized` before the first successful sync
   */
  async verifiedEpoch(space: Space): Promise<number> {
    const header = (await this.runner.run((transport) => this.lightClient.finalizedHeader({ transport }))).value;
    if (space === 'espace' && !this.anchoredEspace.has(header.height)) {
      await this.pool.first('espace', async (client) => {
        const block = await client.request('eth_getBlockByNumber', [toQuantity(header.height), false]);
        if (block === null) throw new LightClientError('missing', `no eSpace block ${header.height}`);
        checkEspaceBlock(block, header);
      });
      this.anchoredEspace.add(header.height);
      if (this.anchoredEspace.size > 64) this.anchoredEspace.delete(this.anchoredEspace.values().next().value!);
    }
    return header.height;
  }

  /**
   * Checks every unbanned node against what is already verified: it must serve the configured
   * chain, and must not be behind the verified PoS epoch or finalized pivot (a node that claims
   * the chain stopped earlier is stale, or is hiding recent blocks). Offending nodes are banned.
   * Cheap (one or two small requests per node), so it runs with every sync.
   */
  async checkNodes(): Promise<void> {
    const finalized = this.lightClient.finalizedPivot?.height ?? 0;
    const posEpoch = this.lightClient.committeeEpoch;
    const check = async (node: NodeEndpoint): Promise<void> => {
      const client = this.pool.client(node.id);
      try {
        if (node.space === 'core') {
          const status = await client.request('cfx_getStatus', []);
          if (Number(BigInt(status.chainId)) !== this.chainIds.core) {
            this.pool.ban(node.id, 'wrong_chain', 'misbehaviour', `serves chain ${Number(BigInt(status.chainId))}, expected ${this.chainIds.core}`);
            return;
          }
          if (Number(BigInt(status.latestState)) < finalized) {
            this.pool.ban(node.id, 'stale', 'unavailable', `latest executed epoch ${Number(BigInt(status.latestState))} is below the verified finalized epoch ${finalized}`);
            return;
          }
          const pos = await client.request('pos_getStatus', []);
          if (Number(BigInt(pos.epoch)) < posEpoch) this.pool.ban(node.id, 'stale', 'unavailable', `PoS epoch ${Number(BigInt(pos.epoch))} is behind the verified PoS epoch ${posEpoch}`);
        } else {
          const chainId = Number(BigInt(await client.request('eth_chainId', [])));
          if (chainId !== this.chainIds.espace) {
            this.pool.ban(node.id, 'wrong_chain', 'misbehaviour', `serves chain ${chainId}, expected ${this.chainIds.espace}`);
            return;
          }
          const head = Number(BigInt(await client.request('eth_blockNumber', [])));
          if (head < finalized) this.pool.ban(node.id, 'stale', 'unavailable', `latest block ${head} is below the verified finalized block ${finalized}`);
        }
      } catch (error) {
        this.pool.report(node.id, error);
      }
    };
    await Promise.all([...this.pool.candidates('core'), ...this.pool.candidates('espace')].map(check));
  }

  /** Proves a transaction and its receipt (inclusion prover for the transaction tracker). */
  readonly prove: InclusionProver = async (query) => {
    const { value } = await this.runner.run((transport) => proveReceipt(this.lightClient, { transactionHash: query.transactionHash, blockHash: query.blockHash, epoch: query.epoch }, { transport }));
    const proof: InclusionProof = {
      blockHash: value.blockHash,
      epoch: value.epoch,
      outcome: value.receipt.outcome,
      gasUsed: value.receipt.gasUsed,
      finality: value.finality,
      receipt: value.receipt,
    };
    const pivot = this.lightClient.finalizedPivot;
    if (pivot !== null) proof.finalizedPivot = { height: pivot.height, blockHash: pivot.blockHash };
    return proof;
  };
}
