/**
 * The chain objects of one network, built from stored state: node pool (shipped nodes minus the
 * ones the user removed, plus the ones the user added; persisted bans), light client (shipped
 * checkpoint, or trust on first use for a local dev node, persisted once), verified chain, account
 * reader (proved through the user's proof gateways, cross-checked otherwise: verified-reads.ts) and
 * transaction tracker (persisted records).
 * @module
 */
import { LightClient } from '../../../core/lightclient/client/light-client.js';
import { shippedCheckpoint } from '../../../core/lightclient/checkpoint/checkpoint.js';
import { SHIPPED_CHECKPOINTS } from '../../../core/lightclient/checkpoint/shipped.js';
import type { CheckpointStore } from '../../../core/lightclient/checkpoint/store.js';
import type { Checkpoint } from '../../../core/lightclient/checkpoint/types.js';
import { LightClientError } from '../../../core/lightclient/errors.js';
import type { Clock } from '../../../core/rpc/clock.js';
import { defaultEndpoints } from '../../../core/rpc/pool/defaults.js';
import { makeEndpoint, NETWORKS, type NetworkKey, type NodeEndpoint } from '../../../core/rpc/pool/endpoint.js';
import { NodePool, type PoolChange } from '../../../core/rpc/pool/node-pool.js';
import type { FetchFunction } from '../../../core/rpc/transport/http.js';
import type { WebSocketFactory } from '../../../core/rpc/transport/websocket.js';
import { AccountReader } from '../../../core/trust/account-reader.js';
import { TxTracker } from '../../../core/chain/transactions/tracker.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import { DEFAULT_STALE_AFTER_MS, VerifiedChain } from '../../../core/chain/verified/chain.js';
import { VerifiedRunner } from '../../../core/chain/verified/runner.js';
import { fetchLocalTofuCheckpoint } from '../../../core/chain/verified/tofu-source.js';
import type { Space } from '../../../core/space.js';
import type { ChainStore, StoredNode } from './store.js';
import { gatewayReadDeps } from './verified-gateways.js';
import { VerifiedAccountReader, type AccountReads } from './verified-reads.js';

export interface RuntimeDeps {
  store: ChainStore;
  checkpointStore: CheckpointStore;
  fetch: FetchFunction;
  connectWebSocket?: WebSocketFactory;
  clock: Clock;
  privacy: { enabled: boolean; secret: Uint8Array };
  /** Chain ids of the local dev node (user-settable). */
  localChainIds: { core: number; espace: number };
  onPoolChange(change: PoolChange): void;
  onTransaction(record: TrackedTransaction): void;
}

export interface NetworkRuntime {
  network: NetworkKey;
  chainIds: { core: number; espace: number };
  pool: NodePool;
  tracker: TxTracker;
  /** Balances, nonces, token balances (proved through a gateway when one can) and contract calls. */
  reader: AccountReads;
  /** Light client and verified chain, once created (creating needs a node for a local chain). */
  verified(): Promise<VerifiedChain>;
  /** Verified chain if already created. */
  current(): VerifiedChain | undefined;
  checkpointKind: 'shipped' | 'tofu' | 'none';
  /** A finalized block older than this is stale (values read at it are not shown as current). */
  staleAfterMs: number;
}

/**
 * Epoch endings per request, and requests in flight, for sequential verification in the service
 * worker. Each answer is verified in one synchronous stretch, during which a wallet page's request
 * waits: 8 endings take ≈ 335 ms of CPU where the default 32 take ≈ 1.3 s (bench/lightclient-stalls.ts,
 * core/lightclient/README.md "Where verification runs"). The bytes are the same; more requests
 * are kept in flight so that a slow link stays busy.
 */
const WORKER_FRIENDLY_BATCHES = { epochBatchSize: 8, maxInFlight: 6 } as const;

/**
 * Stale-finality thresholds: public networks finalize about 5 minutes behind the tip, so 10
 * minutes means finality stopped (or is being withheld); a local dev chain finalizes in seconds.
 */
export const STALE_AFTER_MS: Readonly<Record<NetworkKey, number>> = { mainnet: DEFAULT_STALE_AFTER_MS, testnet: DEFAULT_STALE_AFTER_MS, local: 60_000 };

/** Endpoints of `network` after applying the user's edits. */
export function endpointsFor(network: NetworkKey, stored: readonly StoredNode[]): NodeEndpoint[] {
  const removed = new Set(stored.filter((n) => n.kind === 'removed_default').map((n) => n.id));
  const added = stored.flatMap((n) => (n.kind === 'added' ? [n.endpoint] : [])).filter((e) => e.network === network);
  const valid: NodeEndpoint[] = [];
  for (const e of added) {
    try {
      // A site's node keeps its origin (and so its operator) across restarts; it is re-checked
      // against today's rules, so one stored before a rule tightened is dropped.
      valid.push(
        e.origin === 'site'
          ? makeEndpoint({ network: e.network, space: e.space, url: e.url, origin: 'site', site: e.site ?? '' })
          : makeEndpoint({ network: e.network, space: e.space, url: e.url, ...(e.wsUrl ? { wsUrl: e.wsUrl } : {}), operator: e.operator, origin: 'user' }),
      );
    } catch {
      // A stored node that no longer passes validation is left out (and stays visible in storage problems).
    }
  }
  return [...defaultEndpoints(network).filter((e) => !removed.has(e.id)), ...valid];
}

export async function createRuntime(network: NetworkKey, deps: RuntimeDeps): Promise<NetworkRuntime> {
  const chainIds = network === 'local' ? deps.localChainIds : { core: NETWORKS[network].coreChainId, espace: NETWORKS[network].espaceChainId };
  const stored = await deps.store.loadNodes();
  const bans = (await deps.store.loadBans()).filter((b) => b.nodeId.startsWith(`${network}/`));
  const pool = new NodePool({
    network,
    endpoints: endpointsFor(network, stored),
    fetch: deps.fetch,
    ...(deps.connectWebSocket ? { connectWebSocket: deps.connectWebSocket } : {}),
    clock: deps.clock,
    bans,
    privacy: deps.privacy,
    onChange: deps.onPoolChange,
  });
  const checkpointKind: NetworkRuntime['checkpointKind'] = network === 'local' ? 'tofu' : SHIPPED_CHECKPOINTS.has(chainIds.core) ? 'shipped' : 'none';
  let verified: Promise<VerifiedChain> | undefined;
  let created: VerifiedChain | undefined;
  const ensureVerified = (): Promise<VerifiedChain> => {
    verified ??= (async () => {
      const runner = new VerifiedRunner(pool);
      // Throws `checkpoint.none_shipped` for a public network without a shipped checkpoint (testnet).
      const checkpoint = network === 'local' ? await tofuCheckpoint(deps.store, pool, runner, chainIds.core) : shippedCheckpoint(chainIds.core);
      const [core] = pool.candidates('core');
      if (!core) throw new LightClientError('missing', 'no Core node is configured');
      const lightClient = await LightClient.create({ chainId: chainIds.core, checkpoint, transport: runner.transportFor(core, pool.candidates('espace')[0]), store: deps.checkpointStore, ...WORKER_FRIENDLY_BATCHES }, deps.clock.now());
      created = new VerifiedChain({ pool, lightClient, clock: deps.clock, chainIds, staleAfterMs: STALE_AFTER_MS[network] });
      return created;
    })();
    verified.catch(() => {
      verified = undefined; // try again on the next call
    });
    return verified;
  };
  const records = await deps.store.loadTransactions(network);
  const tracker = new TxTracker({
    pool,
    clock: deps.clock,
    chainIds,
    records,
    prove: async (query) => (await ensureVerified()).prove(query),
    onChange: deps.onTransaction,
  });
  const crossChecked = new AccountReader({
    pool,
    verifiedEpoch: async (space: Space) => (await ensureVerified()).verifiedEpoch(space),
    nonceFloor: (space, key, epoch) => tracker.nonceFloor(space, key, epoch),
  });
  const reader = new VerifiedAccountReader({ pool, fallback: crossChecked, ...gatewayReadDeps({ store: deps.store, fetch: deps.fetch, clock: deps.clock, verified: ensureVerified }) });
  return { network, chainIds, pool, tracker, reader, verified: ensureVerified, current: () => created, checkpointKind, staleAfterMs: STALE_AFTER_MS[network] };
}

/**
 * The local dev chain's committee, trusted on first use: fetched once from a configured loopback node
 * and stored, so later runs compare against the same committee instead of trusting again.
 */
async function tofuCheckpoint(store: ChainStore, pool: NodePool, runner: VerifiedRunner, chainId: number): Promise<Checkpoint> {
  const key = `tofu/${chainId}`;
  const saved = await store.getSetting(key);
  if (isCheckpoint(saved, chainId)) return saved;
  // Only from a loopback node the wallet ships or the user configured (see tofu-source.ts).
  const value = await fetchLocalTofuCheckpoint(pool, runner, chainId);
  await store.setSetting(key, value);
  return value;
}

function isCheckpoint(value: unknown, chainId: number): value is Checkpoint {
  return typeof value === 'object' && value !== null && (value as { chainId?: unknown }).chainId === chainId && (value as { trust?: unknown }).trust === 'tofu' && typeof (value as { digest?: unknown }).digest === 'string';
}
