/**
 * The verified view of the chain that the rest of the wallet reads from: the light client driven
 * over the node pool. It answers "which epoch is verified" (the PoS-finalized pivot, whose header
 * has been checked), checks eSpace blocks against it, and proves transaction inclusion — always
 * with failover to the next node when one serves data that does not verify.
 * @module
 */
import type { LightClient, SyncProgress, SyncReport } from '../../lightclient/client/light-client.js';
import { proveReceipt } from '../../lightclient/client/proofs.js';
import { LightClientError } from '../../lightclient/errors.js';
import type { Clock } from '../clock.js';
import type { NodeEndpoint, Space } from '../pool/endpoint.js';
import type { NodePool } from '../pool/node-pool.js';
import type { InclusionProof, InclusionProver } from '../tx/types.js';
import { checkEspaceBlock } from './espace-anchor.js';
import { VerifiedRunner } from './runner.js';
import { toQuantity } from '../../encoding/hex.js';

export interface VerifiedChainOptions {
  pool: NodePool;
  lightClient: LightClient;
  clock: Clock;
  /** Configured chain ids; a node serving another chain is banned. */
  chainIds: { core: number; espace: number };
}

export class VerifiedChain {
  readonly runner: VerifiedRunner;
  private readonly pool: NodePool;
  private readonly lightClient: LightClient;
  private readonly clock: Clock;
  private readonly chainIds: { core: number; espace: number };
  /** Heights whose eSpace block was checked against the verified pivot. */
  private readonly anchoredEspace = new Set<number>();

  constructor(options: VerifiedChainOptions) {
    this.pool = options.pool;
    this.lightClient = options.lightClient;
    this.clock = options.clock;
    this.chainIds = options.chainIds;
    this.runner = new VerifiedRunner(options.pool);
  }

  get client(): LightClient {
    return this.lightClient;
  }

  /**
   * Follows PoS finality to the nodes' latest committed block, then verifies the finalized pivot
   * header. A node still serving the previous epoch's ending ledger info right after a PoS epoch
   * change is no progress for the light client (`latest` in the report), not a fault.
   */
  async sync(onProgress?: (progress: SyncProgress) => void, signal?: AbortSignal): Promise<SyncReport> {
    const { value } = await this.runner.run((transport) => this.lightClient.sync({ now: this.clock.now(), transport, ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) }));
    if (value.finalized !== null) await this.runner.run((transport) => this.lightClient.finalizedHeader({ transport }));
    return value;
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
