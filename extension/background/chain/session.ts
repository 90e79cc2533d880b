/**
 * The network session of the background worker: the active network's runtime (light client, node
 * pool, account reader, transaction tracker: runtime.ts), switching networks, syncing, the status
 * pages show, and the node-privacy setting. The jobs over it (accounts.ts, nodes.ts,
 * tracking.ts) read the active runtime from here; every change is announced on the
 * background's bus (../events.ts).
 *
 * Lifecycle: `NetworkSession.start` loads settings and returns at once (no network); syncing runs
 * on demand, from a `chrome.alarms` schedule and after start. One sync at a time; callers that ask
 * while one runs share it. Failures are kept in the status (code and message) for the UI instead of
 * being thrown at whoever happened to trigger the sync.
 *
 * Threat model: a runtime left behind by a network switch may still be finishing a sync; it never
 * writes or announces over the active one. Page reads (`read`) go through the pool as the page's,
 * so a bad answer to a page never bans a node, and only read-only methods of the space are served.
 * @module
 */
import { decodeCfxAddress } from '../../../core/address/cip37.js';
import { InvalidInputError } from '../../../core/errors.js';
import type { CheckpointStore } from '../../../core/lightclient/checkpoint/store.js';
import type { SyncProgress } from '../../../core/lightclient/client/light-client.js';
import type { Clock } from '../../../core/rpc/clock.js';
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import { PRIVACY_MODE_EXPLANATION } from '../../../core/rpc/pool/privacy.js';
import { isRpcMethodName } from '../../../core/rpc/schema/methods.js';
import type { FetchFunction } from '../../../core/rpc/transport/http.js';
import type { WebSocketFactory } from '../../../core/rpc/transport/websocket.js';
import { addressKeyOf } from '../../../core/trust/account-reader.js';
import type { Space } from '../../../core/space.js';
import type { ChainStatusView } from '../../shared/ui-api/chain.js';
import type { BackgroundBus } from '../events.js';
import { createRuntime, type NetworkRuntime } from './runtime.js';
import type { ChainStore } from './store.js';
import { readNetworkHead, SyncStatus } from './sync-status.js';

export interface SessionDeps {
  store: ChainStore;
  checkpointStore: CheckpointStore;
  fetch: FetchFunction;
  connectWebSocket?: WebSocketFactory;
  clock: Clock;
  randomBytes(length: number): Uint8Array;
  bus: BackgroundBus;
}

export const CHAIN_SYNC_ALARM = 'chain.sync';

/** What the jobs over the session read of it: the active runtime and its address check. */
export type ActiveNetwork = Pick<NetworkSession, 'activeRuntime' | 'assertAddress'>;

/** Methods a dApp may read through the pool (no sending, no subscriptions). */
const NOT_READ_ONLY = new Set(['cfx_sendRawTransaction', 'eth_sendRawTransaction', 'cfx_subscribe', 'cfx_unsubscribe', 'eth_subscribe', 'eth_unsubscribe']);

const SETTINGS = { network: 'network', privacy: 'privacy', localChainIds: 'localChainIds' } as const;

export class NetworkSession {
  private runtime!: NetworkRuntime;
  private privacy!: { enabled: boolean; secret: Uint8Array };
  private localChainIds: { core: number; espace: number } = { core: 1024, espace: 1025 };
  /** The sync in flight and the runtime it belongs to (a network switch starts a new one). */
  private syncing: { runtime: NetworkRuntime; promise: Promise<ChainStatusView>; stale?: boolean } | undefined;
  /** Progress, failures and finality of the active network's syncs, for the UI (sync-status.ts). */
  private readonly syncStatus: SyncStatus;

  private constructor(private readonly deps: SessionDeps) {
    this.syncStatus = new SyncStatus({ now: () => deps.clock.now(), announce: () => this.announceStatus() });
  }

  static async start(deps: SessionDeps): Promise<NetworkSession> {
    const session = new NetworkSession(deps);
    const network = await deps.store.getSetting(SETTINGS.network);
    const privacy = await deps.store.getSetting(SETTINGS.privacy);
    const local = await deps.store.getSetting(SETTINGS.localChainIds);
    if (isLocalChainIds(local)) session.localChainIds = local;
    if (isPrivacy(privacy)) session.privacy = privacy;
    else {
      // On by default: two independent nodes per address are enough to cross-check.
      session.privacy = { enabled: true, secret: deps.randomBytes(32) };
      await deps.store.setSetting(SETTINGS.privacy, session.privacy);
    }
    session.runtime = await session.build(network === 'testnet' || network === 'local' ? network : 'mainnet');
    return session;
  }

  private async build(network: NetworkKey): Promise<NetworkRuntime> {
    // Pool events name their own runtime: a runtime left behind by a network switch may still be
    // finishing a sync, and must neither write nor announce over the active one.
    let built: NetworkRuntime | undefined;
    const { store, bus } = this.deps;
    built = await createRuntime(network, {
      store,
      checkpointStore: this.deps.checkpointStore,
      fetch: this.deps.fetch,
      ...(this.deps.connectWebSocket ? { connectWebSocket: this.deps.connectWebSocket } : {}),
      clock: this.deps.clock,
      privacy: this.privacy,
      localChainIds: this.localChainIds,
      onPoolChange: (change) => {
        if (!built) return;
        if (change === 'bans') void store.replaceBans(network, built.pool.bans()).catch(() => undefined);
        if ((change === 'bans' || change === 'nodes') && built === this.runtime) bus.emit('nodesChanged', {});
      },
      onTransaction: (record) => {
        void store.putTransaction(network, record).catch(() => undefined);
        if (built === this.runtime) bus.emit('transactionRecorded', record);
      },
    });
    return built;
  }

  /** The active network. */
  get network(): NetworkKey {
    return this.runtime.network;
  }

  /** Chain ids of the active network. */
  chainIds(): { core: number; espace: number } {
    return this.runtime.chainIds;
  }

  /** The active network's runtime (pool, reader, tracker, prover) for the jobs over the session. */
  activeRuntime(): NetworkRuntime {
    return this.runtime;
  }

  status(): ChainStatusView {
    const rt = this.runtime;
    const nodes = rt.pool.list();
    return {
      network: rt.network,
      chainIds: rt.chainIds,
      lightClient: this.syncStatus.view(rt, this.syncing?.runtime === rt),
      privacy: { enabled: this.privacy.enabled, explanation: PRIVACY_MODE_EXPLANATION },
      nodes: { total: nodes.length, banned: nodes.filter((n) => n.ban).length, independentOperators: { core: rt.pool.operatorCount('core'), espace: rt.pool.operatorCount('espace') } },
      networkHead: this.syncStatus.networkHead,
    };
  }

  private announceStatus(): ChainStatusView {
    const status = this.status();
    this.deps.bus.emit('statusChanged', status);
    return status;
  }

  /** Syncs the light client, checks the nodes, and refreshes transactions in flight. */
  sync(): Promise<ChainStatusView> {
    const rt = this.runtime;
    const running = this.syncing?.runtime === rt ? this.syncing : undefined;
    if (running && !running.stale) return running.promise;
    // A sync begun before the node list changed (e.g. the one a network switch starts) may be
    // failing on nodes that are gone: the caller gets a new one, after it, with the current list.
    const after = running ? running.promise.then(noop, noop) : Promise.resolve();
    const promise = after.then(() => this.runSync(rt)).finally(() => {
      if (this.syncing?.promise !== promise) return;
      this.syncing = undefined;
      this.syncStatus.finished();
      this.announceStatus();
    });
    this.syncing = { runtime: rt, promise };
    return promise;
  }

  private async runSync(rt: NetworkRuntime): Promise<ChainStatusView> {
    if (rt === this.runtime) this.syncStatus.begin();
    try {
      const chain = await rt.verified();
      this.announceStatus();
      await chain.sync((p: SyncProgress) => rt === this.runtime && this.syncStatus.onProgress(p));
      await chain.checkNodes();
      const head = await readNetworkHead(rt, this.deps.clock.now());
      if (rt !== this.runtime) return this.status();
      this.syncStatus.succeeded(head);
      await rt.tracker.refreshAll();
      if (rt === this.runtime) this.deps.bus.emit('synced', { network: rt.network });
    } catch (error) {
      if (rt === this.runtime) this.syncStatus.failed(error);
    }
    return this.status();
  }

  /** Marks the sync in flight as begun on an older node list (see {@link sync}). */
  markSyncStale(): void {
    if (this.syncing) this.syncing.stale = true;
  }

  async setNetwork(network: NetworkKey): Promise<ChainStatusView> {
    if (network !== this.runtime.network) {
      this.runtime = await this.build(network);
      this.syncStatus.reset();
      await this.deps.store.setSetting(SETTINGS.network, network);
      this.deps.bus.emit('networkChanged', { network, chainIds: this.runtime.chainIds });
      this.deps.bus.emit('nodesChanged', {});
      // The new network's light client has nothing finalized until it syncs; start now rather
      // than at the next scheduled sync (its outcome arrives through statusChanged).
      void this.sync();
    }
    return this.announceStatus();
  }

  async setPrivacy(enabled: boolean): Promise<ChainStatusView> {
    this.privacy = { ...this.privacy, enabled };
    this.runtime.pool.setPrivacy(this.privacy);
    await this.deps.store.setSetting(SETTINGS.privacy, this.privacy);
    return this.announceStatus();
  }

  /** A read-only JSON-RPC call through the pool (answer schema-checked, returned as sent). */
  async read(space: Space, method: string, params: readonly unknown[]): Promise<unknown> {
    if (!isRpcMethodName(method) || NOT_READ_ONLY.has(method) || (space === 'core') !== (method.startsWith('cfx_') || method.startsWith('pos_'))) {
      throw new InvalidInputError(`${method.slice(0, 60)} is not a read-only ${space} method`);
    }
    const { value } = await this.runtime.pool.first(space, (client) => client.requestVerbatim(method, params), { forPage: true });
    return value;
  }

  /** Runs the scheduled work for an alarm of this session. */
  async handleAlarm(name: string): Promise<void> {
    if (name === CHAIN_SYNC_ALARM) await this.sync();
  }

  /** Throws a typed input error unless `address` is an address of `space` on the active network. */
  assertAddress(space: Space, address: string): void {
    const networkId = this.runtime.chainIds.core;
    try {
      addressKeyOf(space, address);
      if (space === 'core' && decodeCfxAddress(address).networkId !== networkId) {
        throw new InvalidInputError(`address is for network ${decodeCfxAddress(address).networkId}, not ${networkId}`);
      }
    } catch (cause) {
      if (cause instanceof InvalidInputError) throw cause;
      throw new InvalidInputError(`not a valid ${space === 'core' ? 'Core' : 'eSpace'} address: ${address.slice(0, 64)}`, { cause });
    }
  }
}

function noop(): void {}

function isPrivacy(value: unknown): value is { enabled: boolean; secret: Uint8Array } {
  return typeof value === 'object' && value !== null && typeof (value as { enabled?: unknown }).enabled === 'boolean' && (value as { secret?: unknown }).secret instanceof Uint8Array && (value as { secret: Uint8Array }).secret.length >= 16;
}

function isLocalChainIds(value: unknown): value is { core: number; espace: number } {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { core?: unknown }).core) && Number.isSafeInteger((value as { espace?: unknown }).espace);
}
