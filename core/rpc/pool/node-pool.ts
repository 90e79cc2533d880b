/**
 * The node pool: the user's list of nodes per network, their health, their bans, and the two ways
 * the wallet asks them — one node at a time with failover (`first`), or several independent nodes
 * in parallel (`independent`) for answers that get compared.
 *
 * Threat model: any node may be slow, down, censoring, or lying, and several may share one
 * operator. The pool keeps working while one configured node is honest: a node whose answer fails
 * verification is banned (reason, evidence, expiry recorded for the user) and the request moves on
 * to the next node; nodes of one operator never count as independent. Which node gets which
 * address is decided by privacy mode (see privacy.ts), never by the node.
 * @module
 */
import type { Space } from '../../space.js';
import { RpcClient } from '../client.js';
import { RpcNodeError } from '../errors.js';
import { systemClock, type Clock } from '../clock.js';
import { HttpTransport, type FetchFunction } from '../transport/http.js';
import { WebSocketTransport, type WebSocketFactory } from '../transport/websocket.js';
import { BanList, BAN_REASON_TEXT, makeBan, type BanReason, type BanRecord, type BanSeverity } from './bans.js';
import { classifyFailure, type Verdict } from './classify.js';
import type { NetworkKey, NodeEndpoint, NodeKind } from './endpoint.js';
import { emptyHealth, healthScore, recordFailure, recordSuccess, UNRESPONSIVE_AFTER, type NodeHealth } from './health.js';
import { PRIVACY_NODES_PER_ADDRESS, rankForAddress } from './privacy.js';
import { NoNodeAvailableError } from './errors.js';
import { askIndependent, type NodeAnswer } from './independent.js';

export interface NodeView {
  endpoint: NodeEndpoint;
  health: NodeHealth;
  ban: BanRecord | undefined;
  score: number;
}

export type PoolChange = 'nodes' | 'bans' | 'health';

export interface NodePoolOptions {
  network: NetworkKey;
  endpoints: readonly NodeEndpoint[];
  fetch: FetchFunction;
  connectWebSocket?: WebSocketFactory;
  clock?: Clock;
  random?: () => number;
  bans?: readonly BanRecord[];
  /** Per-request deadline. Default 10 s (mobile connections are slow). */
  timeoutMs?: number;
  maxResponseBytes?: number;
  privacy?: { enabled: boolean; secret: Uint8Array };
  onChange?: (change: PoolChange) => void;
}

export { HEDGE_MIN_MS, type NodeAnswer } from './independent.js';

export interface AskOptions {
  /** An address the request is about (privacy mode assigns nodes by it). */
  addressKey?: string;
  signal?: AbortSignal;
  /** Node ids not to ask (already asked). */
  exclude?: ReadonlySet<string>;
  /** Ignore privacy mode's per-address limit (used to settle a conflict). */
  widen?: boolean;
  /**
   * The request is a web page's (a dApp read forwarded by the wallet): the page chose its method
   * and parameters, so it can make any node slow, fail or answer hugely at will. Its failures
   * never count against a node's health nor lead to a ban — a page cannot spend node health.
   */
  forPage?: boolean;
}

export class NodePool {
  private networkKey: NetworkKey;
  private readonly endpoints = new Map<string, NodeEndpoint>();
  private readonly health = new Map<string, NodeHealth>();
  private readonly clients = new Map<string, RpcClient>();
  private readonly wsClients = new Map<string, RpcClient>();
  /** Clients for requests made for pages: their failures are not recorded (see AskOptions.forPage). */
  private readonly pageClients = new Map<string, RpcClient>();
  private readonly banList: BanList;
  private readonly options: NodePoolOptions;
  private readonly clock: Clock;
  private privacy: { enabled: boolean; secret: Uint8Array } | undefined;

  constructor(options: NodePoolOptions) {
    this.options = options;
    this.networkKey = options.network;
    this.clock = options.clock ?? systemClock;
    this.banList = new BanList(options.bans ?? []);
    this.privacy = options.privacy;
    for (const e of options.endpoints) this.endpoints.set(e.id, e);
  }

  get network(): NetworkKey {
    return this.networkKey;
  }

  setNetwork(network: NetworkKey): void {
    this.networkKey = network;
    this.emit('nodes');
  }

  setPrivacy(privacy: { enabled: boolean; secret: Uint8Array }): void {
    this.privacy = privacy;
  }

  get privacyEnabled(): boolean {
    return this.privacy?.enabled === true;
  }

  /** Distinct operators among the unbanned nodes of the active network and `space`. */
  operatorCount(space: Space): number {
    return new Set(this.candidates(space).map((e) => e.operator)).size;
  }

  /** Every node of the active network (optionally one space), with health and ban. */
  list(space?: NodeKind): NodeView[] {
    const now = this.clock.now();
    return [...this.endpoints.values()]
      .filter((e) => e.network === this.networkKey && (space === undefined || e.space === space))
      .map((endpoint) => {
        const health = this.healthOf(endpoint.id);
        return { endpoint, health, ban: this.banList.get(endpoint.id, now), score: healthScore(health) };
      });
  }

  /** All endpoints of all networks (for persistence). */
  allEndpoints(): NodeEndpoint[] {
    return [...this.endpoints.values()];
  }

  get(id: string): NodeEndpoint | undefined {
    return this.endpoints.get(id);
  }

  add(endpoint: NodeEndpoint): void {
    if (this.endpoints.has(endpoint.id)) throw new RangeError(`node already configured: ${endpoint.label}`);
    this.endpoints.set(endpoint.id, endpoint);
    this.emit('nodes');
  }

  remove(id: string): boolean {
    const removed = this.endpoints.delete(id);
    this.clients.delete(id);
    this.pageClients.delete(id);
    const ws = this.wsClients.get(id);
    ws?.transport.close?.();
    this.wsClients.delete(id);
    if (removed) this.emit('nodes');
    return removed;
  }

  /** The RPC client of one node (health is recorded on every request). */
  client(id: string): RpcClient {
    const existing = this.clients.get(id);
    if (existing) return existing;
    const client = this.makeClient(id, this.httpTransport(id));
    this.clients.set(id, client);
    return client;
  }

  /** A client of the node whose failures leave its health alone (requests made for web pages). */
  private pageClient(id: string): RpcClient {
    const existing = this.pageClients.get(id);
    if (existing) return existing;
    const client = this.makeClient(id, this.httpTransport(id), false);
    this.pageClients.set(id, client);
    return client;
  }

  /** A WebSocket client of the node, when it has a WebSocket URL and the platform can open one. */
  wsClient(id: string): RpcClient | undefined {
    const existing = this.wsClients.get(id);
    if (existing) return existing;
    const endpoint = this.requireEndpoint(id);
    if (!endpoint.wsUrl || !this.options.connectWebSocket) return undefined;
    const transport = new WebSocketTransport({ url: endpoint.wsUrl, connect: this.options.connectWebSocket, clock: this.clock });
    const client = this.makeClient(id, transport);
    this.wsClients.set(id, client);
    return client;
  }

  /** Records how a request the pool did not send went (proof gateways are asked outside it). */
  noteOutcome(id: string, outcome: { ok: true; latencyMs: number } | { ok: false; code: string }): void {
    const now = this.clock.now();
    this.health.set(id, outcome.ok ? recordSuccess(this.healthOf(id), outcome.latencyMs, now) : recordFailure(this.healthOf(id), outcome.code, now));
    this.emit('health');
  }

  // ---- bans -------------------------------------------------------------------------------

  ban(id: string, reason: BanReason, severity: BanSeverity, evidence: string): BanRecord {
    const label = this.endpoints.get(id)?.label ?? id.slice(0, 200); // removed since it answered
    const record = this.banList.add(makeBan({ nodeId: id, nodeLabel: label, reason, severity, evidence, now: this.clock.now() }));
    this.emit('bans');
    return record;
  }

  liftBan(id: string): boolean {
    const lifted = this.banList.lift(id);
    if (lifted) this.emit('bans');
    return lifted;
  }

  isBanned(id: string): boolean {
    return this.banList.isBanned(id, this.clock.now());
  }

  /** Bans in force, newest first. */
  bans(): BanRecord[] {
    return this.banList.active(this.clock.now());
  }

  /** Every ban recorded since start, newest first (including ones later superseded). */
  banHistory(): BanRecord[] {
    return this.banList.recent();
  }

  /**
   * Applies the verdict for an error a node's answer caused: ban, health penalty (banning after
   * repeated failures), or nothing. Returns the verdict. A node removed while its request was in
   * flight keeps its proved lies, not its failures.
   */
  report(id: string, error: unknown): Verdict {
    const verdict = classifyFailure(error);
    if (verdict.kind === 'ban') this.ban(id, verdict.reason, verdict.severity, verdict.evidence);
    if (verdict.kind === 'unhealthy' && this.endpoints.has(id) && this.healthOf(id).consecutiveFailures >= UNRESPONSIVE_AFTER && !this.isBanned(id)) {
      this.ban(id, 'unresponsive', 'unavailable', `${UNRESPONSIVE_AFTER} requests in a row failed (${verdict.code})`);
    }
    return verdict;
  }

  // ---- choosing nodes ---------------------------------------------------------------------

  /** How many nodes of the active network and `space` are configured, banned or not. */
  configuredCount(space: Space): number {
    return [...this.endpoints.values()].filter((e) => e.network === this.networkKey && e.space === space).length;
  }

  /**
   * Unbanned nodes of the active network and `space`, best first. With privacy mode and an
   * address, the order is that address's stable assignment, limited to its assigned nodes unless
   * `widen` is set.
   */
  candidates(space: NodeKind, options: AskOptions = {}): NodeEndpoint[] {
    const now = this.clock.now();
    const usable = [...this.endpoints.values()].filter((e) => e.network === this.networkKey && e.space === space && this.askable(e, now) && !options.exclude?.has(e.id));
    if (this.privacy?.enabled && options.addressKey !== undefined) {
      const all = [...this.endpoints.values()].filter((e) => e.network === this.networkKey && e.space === space);
      // Rank over all nodes (banned included) so a ban moves an address to the next node in its
      // own ranking instead of reshuffling every address.
      const ranked = rankForAddress(this.privacy.secret, options.addressKey, all);
      const usableIds = new Set(usable.map((e) => e.id));
      const ordered = ranked.filter((e) => usableIds.has(e.id));
      return options.widen ? ordered : ordered.slice(0, Math.max(PRIVACY_NODES_PER_ADDRESS, 0) + this.bannedAmongFirst(ranked, now));
    }
    const scored = usable.map((e) => ({ e, s: healthScore(this.healthOf(e.id)) })).sort((a, b) => a.s - b.s);
    // Best node of each operator first, so the first k nodes are as independent as possible.
    const seen = new Set<string>();
    const first: NodeEndpoint[] = [];
    const rest: NodeEndpoint[] = [];
    for (const { e } of scored) {
      if (seen.has(e.operator)) rest.push(e);
      else {
        seen.add(e.operator);
        first.push(e);
      }
    }
    return [...first, ...rest];
  }

  /**
   * Asks nodes one at a time until one answers acceptably; every failure is reported (bans,
   * health) before the next node is tried.
   * @throws {NoNodeAvailableError} when every candidate failed; its `failures` say why
   */
  async first<T>(space: Space, ask: (client: RpcClient, node: NodeEndpoint) => Promise<T>, options: AskOptions = {}): Promise<{ value: T; node: NodeEndpoint }> {
    const failures: NodeAnswer<T>[] = [];
    for (const node of this.candidates(space, options)) {
      try {
        return { value: await ask(options.forPage ? this.pageClient(node.id) : this.client(node.id), node), node };
      } catch (error) {
        const verdict = options.forPage ? classifyFailure(error) : this.report(node.id, error);
        if (verdict.kind === 'aborted') throw error;
        failures.push({ node, ok: false, error, verdict });
      }
    }
    const nodeErrors = failures.map((f) => (f.ok ? undefined : f.error)).filter((e): e is RpcNodeError => e instanceof RpcNodeError);
    throw new NoNodeAvailableError(space, this.networkKey, failures.map((f) => ({ node: f.node.label, problem: f.ok ? '' : describeFailure(f.error, f.verdict), ...(f.ok ? {} : { verdict: f.verdict.kind }) })), nodeErrors, this.configuredCount(space));
  }

  /**
   * Asks up to `count` nodes of distinct operators in parallel, replacing failed ones and hedging
   * a silent one (see independent.ts); a node cancelled for being slow counts a failure in its
   * health. Resolves with every answer and failure.
   */
  independent<T>(space: Space, count: number, ask: (client: RpcClient, node: NodeEndpoint, signal: AbortSignal) => Promise<T>, options: AskOptions = {}): Promise<NodeAnswer<T>[]> {
    return askIndependent<T>({
      queue: this.candidates(space, options),
      count,
      ask: (node, signal) => ask(this.client(node.id), node, signal),
      clock: this.clock,
      ...(options.signal ? { signal: options.signal } : {}),
      report: (node, error) => this.report(node.id, error),
      takeNext: (queue, answered, busy) => this.takeNext(queue, answered, busy),
      slow: (node) => this.health.set(node.id, recordFailure(this.healthOf(node.id), 'rpc.slow', this.clock.now())),
    });
  }

  /** Next queued node, preferring an operator not yet answered nor in flight. */
  private takeNext(queue: NodeEndpoint[], answered: ReadonlySet<string>, inFlight: ReadonlySet<string>): NodeEndpoint | undefined {
    const now = this.clock.now();
    const fresh = queue.findIndex((n) => !answered.has(n.operator) && !inFlight.has(n.operator) && this.askable(n, now));
    const index = fresh >= 0 ? fresh : queue.findIndex((n) => this.askable(n, now));
    return index < 0 ? undefined : queue.splice(index, 1)[0];
  }

  /**
   * Whether a node may be asked now: it is not banned, or it is banned only for not answering and
   * no unbanned node of its space is left. Such a node is still asked because the alternative is
   * no answer at all (one node on a bad connection must not stay dead for the whole ban); its next
   * answer lifts the ban. Bans for anything it said stay absolute.
   */
  private askable(endpoint: NodeEndpoint, now: number): boolean {
    const ban = this.banList.get(endpoint.id, now);
    if (ban === undefined) return true;
    if (ban.reason !== 'unresponsive') return false;
    return ![...this.endpoints.values()].some((e) => e.network === endpoint.network && e.space === endpoint.space && !this.banList.isBanned(e.id, now));
  }

  private bannedAmongFirst(ranked: readonly NodeEndpoint[], now: number): number {
    return ranked.slice(0, PRIVACY_NODES_PER_ADDRESS).filter((e) => this.banList.isBanned(e.id, now)).length;
  }

  /** `countFailures: false`: only successes are recorded (see AskOptions.forPage). */
  private makeClient(id: string, transport: HttpTransport | WebSocketTransport, countFailures = true): RpcClient {
    return new RpcClient({
      transport,
      clock: this.clock,
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      ...(this.options.random ? { random: this.options.random } : {}),
      onOutcome: (outcome) => {
        const now = this.clock.now();
        const health = this.healthOf(id);
        if (outcome.ok) {
          this.health.set(id, recordSuccess(health, outcome.latencyMs, now));
          // An answer disproves "unresponsive"; other bans are about what the node said and stay.
          if (this.banList.get(id, now)?.reason === 'unresponsive') this.liftBan(id);
        }
        else if (countFailures && outcome.error && outcome.error.fault !== 'aborted' && outcome.error.fault !== 'node_error') this.health.set(id, recordFailure(health, outcome.error.code, now));
        this.emit('health');
      },
    });
  }

  private healthOf(id: string): NodeHealth {
    return this.health.get(id) ?? emptyHealth();
  }

  private httpTransport(id: string): HttpTransport {
    return new HttpTransport({ url: this.requireEndpoint(id).url, fetch: this.options.fetch, clock: this.clock, ...(this.options.maxResponseBytes ? { maxResponseBytes: this.options.maxResponseBytes } : {}) });
  }

  private requireEndpoint(id: string): NodeEndpoint {
    const endpoint = this.endpoints.get(id);
    if (!endpoint) throw new RangeError(`no such node: ${id.slice(0, 80)}`);
    return endpoint;
  }

  private emit(change: PoolChange): void {
    this.options.onChange?.(change);
  }
}

/** {@link describeVerdict}, with the node's own message when it refused with a JSON-RPC error. */
function describeFailure(error: unknown, verdict: Verdict): string {
  return error instanceof RpcNodeError ? `node error ${error.rpcCode}: ${error.rpcMessage.slice(0, 200)}` : describeVerdict(verdict);
}

/** Short text for a failure, for error details and the UI. */
export function describeVerdict(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'ban':
      return `banned: ${BAN_REASON_TEXT[verdict.reason]}`;
    case 'unhealthy':
    case 'declined':
      return verdict.code;
    case 'aborted':
      return 'aborted';
  }
}

