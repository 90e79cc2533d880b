/**
 * The chain service of the background worker: light client + node pool + balances + transaction
 * tracker for the active network, with everything the user must not lose persisted
 * (see store.ts) and every change announced through `events` for open UI pages.
 *
 * Lifecycle: `ChainService.start` loads settings and state and returns at once (no network);
 * syncing runs on demand, from a `chrome.alarms` schedule and after start. One sync at a time;
 * callers that ask while one runs share it. Failures are kept in the status (code and message)
 * for the UI instead of being thrown at whoever happened to trigger the sync.
 * @module
 */
import { decodeCfxAddress } from '../../../core/address/cip37.js';
import type { Hex } from '../../../core/encoding/hex.js';
import { InvalidInputError, WayfarerError } from '../../../core/errors.js';
import type { CheckpointStore } from '../../../core/lightclient/checkpoint/store.js';
import type { SyncProgress } from '../../../core/lightclient/client/light-client.js';
import type { Clock } from '../../../core/rpc/clock.js';
import { hostPermissionPattern, makeEndpoint, type NetworkKey, type NodeKind } from '../../../core/rpc/pool/endpoint.js';
import { PRIVACY_MODE_EXPLANATION } from '../../../core/rpc/pool/privacy.js';
import { isRpcMethodName } from '../../../core/rpc/schema/methods.js';
import type { FetchFunction } from '../../../core/rpc/transport/http.js';
import type { WebSocketFactory } from '../../../core/rpc/transport/websocket.js';
import { addressKeyOf } from '../../../core/rpc/trust/account-reader.js';
import type { TrackedTransaction } from '../../../core/rpc/tx/types.js';
import type { Space } from '../../../core/space.js';
import type { BalanceView, BanView, ChainStatusView, IncomingView, NodeView, SourceView, TokenInfoView, TxView } from '../../shared/ui-api/chain.js';
import { createRuntime, endpointsFor, type NetworkRuntime } from './runtime.js';
import { readNetworkHead, SyncStatus } from './sync-status.js';
import type { ChainStore, StoredBalance, TxLabel } from './store.js';
import { balanceIncrease, mergeEntries } from './incoming.js';
import { historyKey, readTokenInfo, scanIncoming } from './token-reads.js';
import { balanceView, banView, maxNativeSpend, nodeView, sourcesView, txView } from './views.js';

export interface ChainEvents {
  statusChanged(status: ChainStatusView): void;
  nodesChanged(): void;
  balancesChanged(space: Space, addresses: string[]): void;
  transactionChanged(tx: TxView): void;
}

export interface ChainServiceDeps {
  store: ChainStore;
  checkpointStore: CheckpointStore;
  fetch: FetchFunction;
  connectWebSocket?: WebSocketFactory;
  clock: Clock;
  randomBytes(length: number): Uint8Array;
  events: ChainEvents;
  /** Whether the extension holds a host permission (`chrome.permissions.contains`). */
  hasHostPermission(pattern: string): Promise<boolean>;
}

/** Methods a dApp may read through the pool (no sending, no subscriptions). */
const NOT_READ_ONLY = new Set(['cfx_sendRawTransaction', 'eth_sendRawTransaction', 'cfx_subscribe', 'cfx_unsubscribe', 'eth_subscribe', 'eth_unsubscribe']);

/** Tracked statuses whose transaction may still take value and fees from the balance. */
const IN_FLIGHT: ReadonlySet<TrackedTransaction['status']> = new Set(['pending', 'included', 'possibly_censored']);

const SETTINGS = { network: 'network', privacy: 'privacy', localChainIds: 'localChainIds' } as const;

export class ChainService {
  private runtime!: NetworkRuntime;
  private privacy!: { enabled: boolean; secret: Uint8Array };
  private localChainIds: { core: number; espace: number } = { core: 1024, espace: 1025 };
  /** The sync in flight and the runtime it belongs to (a network switch starts a new one). */
  private syncing: { runtime: NetworkRuntime; promise: Promise<ChainStatusView>; stale?: boolean } | undefined;
  /** Progress, failures and finality of the active network's syncs, for the UI (sync-status.ts). */
  private readonly syncStatus: SyncStatus;
  /** What the wallet knew about its own transactions when it sent them (token symbol, decimals), by hash. */
  private labels = new Map<string, TxLabel>();
  /** Host-permission pattern → granted, as last checked. */
  private readonly permissions = new Map<string, boolean>();

  private constructor(private readonly deps: ChainServiceDeps) {
    this.syncStatus = new SyncStatus({ now: () => deps.clock.now(), announce: () => deps.events.statusChanged(this.status()) });
  }

  static async start(deps: ChainServiceDeps): Promise<ChainService> {
    const service = new ChainService(deps);
    const network = await deps.store.getSetting(SETTINGS.network);
    const privacy = await deps.store.getSetting(SETTINGS.privacy);
    const local = await deps.store.getSetting(SETTINGS.localChainIds);
    if (isLocalChainIds(local)) service.localChainIds = local;
    if (isPrivacy(privacy)) service.privacy = privacy;
    else {
      // On by default: two independent nodes per address are enough to cross-check.
      service.privacy = { enabled: true, secret: deps.randomBytes(32) };
      await deps.store.setSetting(SETTINGS.privacy, service.privacy);
    }
    service.runtime = await service.build(network === 'testnet' || network === 'local' ? network : 'mainnet');
    return service;
  }

  private async build(network: NetworkKey): Promise<NetworkRuntime> {
    // Pool events name their own runtime: a runtime left behind by a network switch may still be
    // finishing a sync, and must neither write nor announce over the active one.
    let built: NetworkRuntime | undefined;
    const labels = await this.deps.store.loadLabels(network);
    built = await createRuntime(network, {
      store: this.deps.store,
      checkpointStore: this.deps.checkpointStore,
      fetch: this.deps.fetch,
      ...(this.deps.connectWebSocket ? { connectWebSocket: this.deps.connectWebSocket } : {}),
      clock: this.deps.clock,
      privacy: this.privacy,
      localChainIds: this.localChainIds,
      onPoolChange: (change) => {
        if (!built) return;
        if (change === 'bans') void this.deps.store.replaceBans(network, built.pool.bans()).catch(() => undefined);
        if ((change === 'bans' || change === 'nodes') && built === this.runtime) this.deps.events.nodesChanged();
      },
      onTransaction: (record) => {
        void this.deps.store.putTransaction(network, record).catch(() => undefined);
        if (built === this.runtime) this.deps.events.transactionChanged(this.view(record));
      },
    });
    this.labels = labels;
    return built;
  }

  // ---- status and sync ---------------------------------------------------------------------
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
      this.deps.events.statusChanged(this.status());
    });
    this.syncing = { runtime: rt, promise };
    return promise;
  }

  private async runSync(rt: NetworkRuntime): Promise<ChainStatusView> {
    if (rt === this.runtime) this.syncStatus.begin();
    try {
      const chain = await rt.verified();
      this.deps.events.statusChanged(this.status());
      await chain.sync((p: SyncProgress) => rt === this.runtime && this.syncStatus.onProgress(p));
      await chain.checkNodes();
      const head = await readNetworkHead(rt, this.deps.clock.now());
      if (rt !== this.runtime) return this.status();
      this.syncStatus.succeeded(head);
      await rt.tracker.refreshAll();
    } catch (error) {
      if (rt === this.runtime) this.syncStatus.failed(error);
    }
    return this.status();
  }

  async setNetwork(network: NetworkKey): Promise<ChainStatusView> {
    if (network !== this.runtime.network) {
      this.runtime = await this.build(network);
      this.syncStatus.reset();
      await this.deps.store.setSetting(SETTINGS.network, network);
      this.deps.events.nodesChanged();
      // The new network's light client has nothing finalized until it syncs; start now rather
      // than at the next scheduled sync (its outcome arrives through statusChanged).
      void this.sync();
    }
    const status = this.status();
    this.deps.events.statusChanged(status);
    return status;
  }

  async setPrivacy(enabled: boolean): Promise<ChainStatusView> {
    this.privacy = { ...this.privacy, enabled };
    this.runtime.pool.setPrivacy(this.privacy);
    await this.deps.store.setSetting(SETTINGS.privacy, this.privacy);
    const status = this.status();
    this.deps.events.statusChanged(status);
    return status;
  }

  // ---- balances --------------------------------------------------------------------------------
  private balanceKey(space: Space, address: string, token?: string): string {
    return `${this.runtime.network}/${space}/${addressKeyOf(space, address)}/${token === undefined ? 'native' : addressKeyOf(space, token)}`;
  }

  /** Last values read from the network, from storage (labelled cached). */
  async lastKnownBalances(space: Space, addresses: readonly string[]): Promise<BalanceView[]> {
    const out: BalanceView[] = [];
    for (const address of addresses) {
      this.assertAddress(space, address);
      const stored = await this.deps.store.getBalance(this.balanceKey(space, address));
      if (stored && stored.network === this.runtime.network) {
        const { network: _network, ...view } = stored;
        out.push({ ...view, cached: true });
      }
    }
    return out;
  }

  /** Fresh balances at the latest verified epoch (native, then each token), stored for next time. */
  async balances(space: Space, addresses: readonly string[], tokens: readonly string[] = []): Promise<BalanceView[]> {
    for (const a of [...addresses, ...tokens]) this.assertAddress(space, a);
    const rt = this.runtime;
    const jobs = addresses.flatMap((address) => [
      async () => balanceView({ space, address, value: await rt.reader.getBalance(space, address), now: this.deps.clock.now() }),
      ...tokens.map((token) => async () => balanceView({ space, address, token, value: await rt.reader.getTokenBalance(space, token, address), now: this.deps.clock.now() })),
    ]);
    const views = await Promise.all(jobs.map((job) => job()));
    const entries = views.map((v) => ({ key: this.balanceKey(space, v.address, v.token), value: { ...withoutCached(v), network: rt.network } }));
    // Announced only when a value differs from the stored one: every page re-reads on this event,
    // so announcing every read (the pages' own included) would make them read forever.
    const changed = new Set<string>();
    for (const [i, entry] of entries.entries()) {
      const before = await this.deps.store.getBalance(entry.key);
      if (before?.value !== entry.value.value) changed.add(views[i]!.address);
      const view = views[i]!;
      const increase = before && before.network === rt.network && view.token === undefined ? balanceIncrease(space, view.address, before, view, this.deps.clock.now()) : null;
      if (increase) {
        const key = historyKey(rt.network, space, view.address);
        await this.deps.store.putHistory(key, mergeEntries(await this.deps.store.getHistory(key), [increase]));
      }
    }
    await this.deps.store.putBalances(entries);
    if (changed.size > 0 && rt === this.runtime) this.deps.events.balancesChanged(space, [...changed]);
    return views;
  }

  /**
   * The most the account's own transactions still in flight (sent, not yet proved or given up) can
   * take from its balance: value + max fee + max collateral each. Balances are read at the
   * verified epoch, which is behind them.
   */
  reservedInFlight(space: Space, address: string): bigint {
    this.assertAddress(space, address);
    const key = addressKeyOf(space, address);
    let reserved = 0n;
    for (const record of this.runtime.tracker.list()) if (record.space === space && IN_FLIGHT.has(record.status) && addressKeyOf(space, record.from) === key) reserved += maxNativeSpend(record);
    return reserved;
  }

  /**
   * Money that came in to `address` (see incoming.ts for what can and cannot be known): `Transfer`
   * events of `tokens` to it over recent verified epochs, and CFX balance increases between reads.
   */
  async incoming(space: Space, address: string, tokens: readonly { address: string; symbol: string; decimals: number }[]): Promise<IncomingView[]> {
    this.assertAddress(space, address);
    for (const t of tokens) this.assertAddress(space, t.address);
    return scanIncoming({ rt: this.runtime, store: this.deps.store, now: () => this.deps.clock.now() }, space, address, tokens);
  }

  /** A token contract's `symbol()`, `name()` and `decimals()` at the verified epoch, cross-checked. */
  async tokenInfo(space: Space, address: string): Promise<TokenInfoView> {
    this.assertAddress(space, address);
    return readTokenInfo(this.runtime, space, address);
  }

  async nonce(space: Space, address: string): Promise<{ value: string | null; pending: string; trust: BalanceView['trust']; epoch: number; sources: SourceView[]; proof?: NonNullable<BalanceView['proof']>; fallback?: NonNullable<BalanceView['fallback']> }> {
    this.assertAddress(space, address);
    const rt = this.runtime;
    const read = await rt.reader.getNonce(space, address);
    const pending = read.value === undefined ? null : rt.tracker.pendingNonce(space, address, read.value);
    return { value: read.value === undefined ? null : read.value.toString(), pending: (pending ?? 0n).toString(), trust: read.trust, epoch: read.epoch, sources: sourcesView(read), ...(read.proof ? { proof: read.proof } : {}), ...(read.fallback ? { fallback: read.fallback } : {}) };
  }

  // ---- nodes and bans ----------------------------------------------------------------------------
  /** The node list as last known (permission states from the last {@link nodeList} call). */
  nodes(): NodeView[] {
    return this.runtime.pool.list().map((v) => nodeView(v, this.permissions.get(hostPermissionPattern(v.endpoint.url)) === true ? 'granted' : 'missing'));
  }

  /** The node list with host-permission states checked now. */
  async nodeList(): Promise<NodeView[]> {
    const patterns = new Set(this.runtime.pool.list().map((v) => hostPermissionPattern(v.endpoint.url)));
    await Promise.all([...patterns].map(async (p) => this.permissions.set(p, await this.deps.hasHostPermission(p))));
    return this.nodes();
  }

  /** A node the user typed in Settings, or (with `site`) one a site suggested and the user approved. */
  async addNode(input: { space: NodeKind; url: string; wsUrl?: string; operator?: string; site?: string }): Promise<NodeView> {
    const endpoint = input.site !== undefined ? makeEndpoint({ network: this.runtime.network, space: input.space, url: input.url, origin: 'site', site: input.site }) : makeEndpoint({ network: this.runtime.network, space: input.space, url: input.url, origin: 'user', ...(input.wsUrl ? { wsUrl: input.wsUrl } : {}), ...(input.operator ? { operator: input.operator } : {}) });
    if (this.runtime.pool.get(endpoint.id)) throw new InvalidInputError(`${endpoint.label} is already in the node list`);
    await this.deps.store.putNode({ id: endpoint.id, kind: 'added', endpoint });
    this.runtime.pool.add(endpoint);
    this.markSyncStale();
    return (await this.nodeList()).find((n) => n.id === endpoint.id)!;
  }

  async removeNode(id: string): Promise<void> {
    const endpoint = this.runtime.pool.get(id);
    if (!endpoint) throw new InvalidInputError('no such node');
    if (endpoint.origin === 'default') await this.deps.store.putNode({ id, kind: 'removed_default' });
    else await this.deps.store.deleteNode(id);
    this.runtime.pool.remove(id);
    this.markSyncStale();
  }

  private markSyncStale(): void {
    if (this.syncing) this.syncing.stale = true;
  }

  /** Bans of the active network's nodes (in force, and recent ones including lifted or expired). */
  bans(): { active: BanView[]; recent: BanView[] } {
    const mine = (b: { nodeId: string }) => b.nodeId.startsWith(`${this.runtime.network}/`) && this.runtime.pool.get(b.nodeId) !== undefined; // a removed node's ban is not shown
    return { active: this.runtime.pool.bans().filter(mine).map(banView), recent: this.runtime.pool.banHistory().filter(mine).map(banView) };
  }

  async liftBan(id: string): Promise<void> {
    if (!this.runtime.pool.liftBan(id)) throw new InvalidInputError('that node is not banned');
  }

  // ---- transactions ------------------------------------------------------------------------------
  async sendTransaction(space: Space, raw: Hex, replaces?: string): Promise<TxView> {
    const record = await this.runtime.tracker.send(space, raw, replaces === undefined ? {} : { replaces });
    return this.view(record);
  }

  /** Remembers what the wallet knew about a transaction it is about to send (shown in Activity). */
  async labelTransaction(hash: string, label: TxLabel): Promise<void> {
    this.labels.set(hash.toLowerCase(), label);
    await this.deps.store.putLabel(this.runtime.network, hash, label);
  }

  private view(record: TrackedTransaction): TxView {
    return txView(record, this.labels.get(record.hash.toLowerCase()));
  }

  transactions(): TxView[] {
    return this.runtime.tracker.list().map((r) => this.view(r));
  }

  async refreshTransaction(hash: string): Promise<TxView> {
    // Proving needs the newest finality; a sync is cheap when nothing changed.
    await this.sync();
    return this.view(await this.runtime.tracker.refresh(hash));
  }

  async resendTransaction(hash: string): Promise<TxView> {
    return this.view(await this.runtime.tracker.resend(hash));
  }

  /** A tracked transaction with its signed bytes (for speed-up and cancel, see wallet/replacement.ts). */
  tracked(hash: string): TrackedTransaction | undefined {
    return this.runtime.tracker.get(hash);
  }

  // ---- for the dApp provider ---------------------------------------------------------------------
  /** Chain ids of the active network. */
  chainIds(): { core: number; espace: number } {
    return this.runtime.chainIds;
  }

  /** The active network's runtime (pool, reader, tracker, prover) for the jobs in modules beside this one. */
  activeRuntime(): NetworkRuntime {
    return this.runtime;
  }

  /** A read-only JSON-RPC call through the pool (answer schema-checked, returned as sent). */
  async read(space: Space, method: string, params: readonly unknown[]): Promise<unknown> {
    if (!isRpcMethodName(method) || NOT_READ_ONLY.has(method) || (space === 'core') !== (method.startsWith('cfx_') || method.startsWith('pos_'))) {
      throw new InvalidInputError(`${method.slice(0, 60)} is not a read-only ${space} method`);
    }
    const { value } = await this.runtime.pool.first(space, (client) => client.requestVerbatim(method, params), { forPage: true });
    return value;
  }

  /** The next nonce for `address`: cross-checked state nonce, raised past own transactions in flight. */
  async nextNonce(space: Space, address: string): Promise<bigint> {
    const read = await this.runtime.reader.getNonce(space, address);
    if (read.value === undefined) throw new WayfarerError('chain.nonce_conflict', 'nodes disagree about the account nonce');
    return this.runtime.tracker.pendingNonce(space, address, read.value);
  }

  async sendRawTransaction(space: Space, raw: Hex): Promise<Hex> {
    return (await this.sendTransaction(space, raw)).hash as Hex;
  }

  /** Runs the scheduled work for an alarm of this service. */
  async handleAlarm(name: string): Promise<void> {
    if (name === CHAIN_SYNC_ALARM) await this.sync();
  }

  /** Re-reads the node list after an edit made elsewhere (tests, migrations). */
  async reloadNodes(): Promise<void> {
    const stored = await this.deps.store.loadNodes();
    for (const e of endpointsFor(this.runtime.network, stored)) if (!this.runtime.pool.get(e.id)) this.runtime.pool.add(e);
  }

  private assertAddress(space: Space, address: string): void {
    try {
      addressKeyOf(space, address);
      if (space === 'core' && decodeCfxAddress(address).networkId !== this.runtime.chainIds.core) {
        throw new InvalidInputError(`address is for network ${decodeCfxAddress(address).networkId}, not ${this.runtime.chainIds.core}`);
      }
    } catch (cause) {
      if (cause instanceof InvalidInputError) throw cause;
      throw new InvalidInputError(`not a valid ${space === 'core' ? 'Core' : 'eSpace'} address: ${address.slice(0, 64)}`, { cause });
    }
  }
}

export const CHAIN_SYNC_ALARM = 'chain.sync';

function noop(): void {}

function withoutCached(view: BalanceView): Omit<StoredBalance, 'network'> {
  const { cached: _cached, ...rest } = view;
  return rest;
}

function isPrivacy(value: unknown): value is { enabled: boolean; secret: Uint8Array } {
  return typeof value === 'object' && value !== null && typeof (value as { enabled?: unknown }).enabled === 'boolean' && (value as { secret?: unknown }).secret instanceof Uint8Array && (value as { secret: Uint8Array }).secret.length >= 16;
}

function isLocalChainIds(value: unknown): value is { core: number; espace: number } {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { core?: unknown }).core) && Number.isSafeInteger((value as { espace?: unknown }).espace);
}
