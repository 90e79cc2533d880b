/**
 * The active network's node list: the nodes with their health and host-permission state, nodes the
 * user (or, with the user's approval, a site) adds, shipped nodes the user removes, and bans. One
 * job over the network session (session.ts); edits are persisted in the chain store and announced
 * by the pool (`nodesChanged` on the bus).
 *
 * Threat model: an added node passes the endpoint rules of core/rpc/pool/endpoint.ts (a site's node
 * is marked as the site's, with its own operator); a node already listed is refused, so a site
 * cannot relabel one; a removed node's bans are not shown.
 * @module
 */
import { InvalidInputError } from '../../../core/errors.js';
import { hostPermissionPattern, makeEndpoint, type NodeKind } from '../../../core/rpc/pool/endpoint.js';
import type { BanView, NodeView } from '../../shared/ui-api/chain.js';
import type { NetworkSession } from './session.js';
import type { ChainStore } from './store.js';
import { banView, nodeView } from './views.js';

export interface NodesDeps {
  session: Pick<NetworkSession, 'activeRuntime' | 'markSyncStale'>;
  store: ChainStore;
  /** Whether the extension holds a host permission (`chrome.permissions.contains`). */
  hasHostPermission(pattern: string): Promise<boolean>;
}

export class Nodes {
  /** Host-permission pattern → granted, as last checked. */
  private readonly permissions = new Map<string, boolean>();

  constructor(private readonly deps: NodesDeps) {}

  private get pool() {
    return this.deps.session.activeRuntime().pool;
  }

  /** The node list as last known (permission states from the last {@link nodeList} call). */
  nodes(): NodeView[] {
    return this.pool.list().map((v) => nodeView(v, this.permissions.get(hostPermissionPattern(v.endpoint.url)) === true ? 'granted' : 'missing'));
  }

  /** The node list with host-permission states checked now. */
  async nodeList(): Promise<NodeView[]> {
    const patterns = new Set(this.pool.list().map((v) => hostPermissionPattern(v.endpoint.url)));
    await Promise.all([...patterns].map(async (p) => this.permissions.set(p, await this.deps.hasHostPermission(p))));
    return this.nodes();
  }

  /** A node the user typed in Settings, or (with `site`) one a site suggested and the user approved. */
  async addNode(input: { space: NodeKind; url: string; wsUrl?: string; operator?: string; site?: string }): Promise<NodeView> {
    const network = this.deps.session.activeRuntime().network;
    const endpoint = input.site !== undefined ? makeEndpoint({ network, space: input.space, url: input.url, origin: 'site', site: input.site }) : makeEndpoint({ network, space: input.space, url: input.url, origin: 'user', ...(input.wsUrl ? { wsUrl: input.wsUrl } : {}), ...(input.operator ? { operator: input.operator } : {}) });
    if (this.pool.get(endpoint.id)) throw new InvalidInputError(`${endpoint.label} is already in the node list`);
    await this.deps.store.putNode({ id: endpoint.id, kind: 'added', endpoint });
    this.pool.add(endpoint);
    this.deps.session.markSyncStale();
    return (await this.nodeList()).find((n) => n.id === endpoint.id)!;
  }

  async removeNode(id: string): Promise<void> {
    const endpoint = this.pool.get(id);
    if (!endpoint) throw new InvalidInputError('no such node');
    if (endpoint.origin === 'default') await this.deps.store.putNode({ id, kind: 'removed_default' });
    else await this.deps.store.deleteNode(id);
    this.pool.remove(id);
    this.deps.session.markSyncStale();
  }

  /** Bans of the active network's nodes (in force, and recent ones including lifted or expired). */
  bans(): { active: BanView[]; recent: BanView[] } {
    const pool = this.pool;
    const mine = (b: { nodeId: string }) => b.nodeId.startsWith(`${pool.network}/`) && pool.get(b.nodeId) !== undefined; // a removed node's ban is not shown
    return { active: pool.bans().filter(mine).map(banView), recent: pool.banHistory().filter(mine).map(banView) };
  }

  async liftBan(id: string): Promise<void> {
    if (!this.pool.liftBan(id)) throw new InvalidInputError('that node is not banned');
  }
}
