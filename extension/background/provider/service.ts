/**
 * The provider service: wires the dispatcher, approvals, permissions, events and connections
 * together, and exposes the UI handlers. Created once per worker start (async factory: it loads
 * what a previous worker persisted and finishes or expires it before taking new requests); a
 * creation that fails leaves nothing registered, so it can be tried again.
 * @module
 */
import { SPACES, type Space } from '../../../core/space.js';
import type { ContentToBackground } from '../../shared/provider-protocol.js';
import type { ConnectedSite } from '../../shared/ui-api/provider.js';
import type { UiHandlers } from '../router.js';
import { formatAddress } from './accounts.js';
import { ApprovalCenter } from './approvals.js';
import { ApprovalWindow, type WindowApis } from './approval-window.js';
import { Connections, type TabMessaging } from './connections.js';
import { RequestDispatcher } from './dispatcher.js';
import { ProviderEvents } from './events.js';
import { PendingStore } from './pending-store.js';
import { PermissionStore } from './permissions.js';
import type { Requester } from './requester.js';
import { ReadLimiter } from './read-limiter.js';
import type { StorageArea } from '../storage-area.js';
import type { ProviderChain, ProviderKeyring } from './wallet-services.js';

export interface ProviderServiceDeps {
  keyring: ProviderKeyring;
  chain: ProviderChain;
  /** chrome.storage.local: permissions. */
  local: StorageArea;
  /** chrome.storage.session: pending requests, known documents, the approval window. */
  session: StorageArea;
  tabs: TabMessaging;
  windows: WindowApis;
  approvalPageUrl: string;
  /** Pushes UI events (approvals and connected sites changed). */
  notifyUi: { approvals(count: number): void; sites(): void };
  now?: () => number;
  newId?: () => string;
  /** Timers (default setTimeout): when a site's cool-down ends, its approval is shown. */
  schedule?: (run: () => void, ms: number) => void;
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ProviderService {
  private constructor(
    private readonly deps: ProviderServiceDeps,
    private readonly permissions: PermissionStore,
    private readonly connections: Connections,
    private readonly events: ProviderEvents,
    private readonly approvals: ApprovalCenter,
    private readonly window: ApprovalWindow,
    private readonly dispatcher: RequestDispatcher,
  ) {}

  static async create(deps: ProviderServiceDeps): Promise<ProviderService> {
    const now = deps.now ?? Date.now;
    const newId = deps.newId ?? randomId;
    const permissions = new PermissionStore(deps.local, newId, now);
    const connections = new Connections(deps.session, deps.tabs);
    const events = new ProviderEvents(connections, permissions, deps.keyring, deps.chain);
    const store = new PendingStore(deps.session);
    await store.load();
    const window = new ApprovalWindow(deps.windows, deps.session, deps.approvalPageUrl);
    const approvals = new ApprovalCenter({ store, window, connections, events, permissions, keyring: deps.keyring, chain: deps.chain, now, newId, notifyUi: deps.notifyUi.approvals, ...(deps.schedule ? { schedule: deps.schedule } : {}) });
    const dispatcher = new RequestDispatcher({ keyring: deps.keyring, chain: deps.chain, permissions, approvals, connections, events, reads: new ReadLimiter(now) });
    const service = new ProviderService(deps, permissions, connections, events, approvals, window, dispatcher);
    const unsubscribe = [deps.keyring.onChange(() => void service.walletChanged()), deps.chain.onNetworkChange((space) => void events.chainChanged(space).catch(() => undefined))];
    try {
      await approvals.restore();
    } catch (error) {
      // A failed start leaves no listener behind: the next start builds its own service.
      for (const stop of unsubscribe) stop();
      throw error;
    }
    return service;
  }

  private async walletChanged(): Promise<void> {
    try {
      // Accounts the user removed or hid lose their grants (only known while unlocked).
      if (await this.deps.keyring.isUnlocked()) {
        const visible = new Set((await this.deps.keyring.listAccounts()).map((a) => a.id));
        if ((await this.permissions.retainAccounts(visible)).length > 0) this.deps.notifyUi.sites();
      }
      await this.events.walletChanged();
      if (await this.deps.keyring.isUnlocked()) await this.approvals.walletUnlocked();
      this.deps.notifyUi.approvals(this.approvals.list().length);
    } catch (error) {
      console.error('provider: wallet change handling failed:', error instanceof Error ? error.name : typeof error);
    }
  }

  async connect(requester: Requester, port: chrome.runtime.Port): Promise<void> {
    await this.connections.attach(requester, port);
  }

  async disconnect(requester: Requester, port: chrome.runtime.Port): Promise<void> {
    if (!this.connections.isConnected(requester.documentId)) return;
    this.connections.detach(requester.documentId, port);
    await this.approvals.documentGone(requester.documentId);
  }

  async message(requester: Requester, message: ContentToBackground): Promise<void> {
    if (message.type === 'request') {
      await this.dispatcher.handle(requester, message);
      return;
    }
    const unknown = await this.approvals.hello(requester.documentId, message.pending);
    for (const id of unknown) {
      if (!this.dispatcher.isInFlight(requester.documentId, id)) this.connections.post(requester.documentId, { type: 'unknown', id });
    }
  }

  async windowRemoved(kind: 'window' | 'tab', id: number): Promise<void> {
    if (await this.window.wasClosed(kind, id)) await this.approvals.windowClosed();
  }

  private async sites(): Promise<ConnectedSite[]> {
    const all = await this.permissions.list();
    const chainIds = {} as Record<Space, number>;
    for (const space of SPACES) chainIds[space] = (await this.deps.chain.activeNetwork(space)).chainId;
    return Object.entries(all)
      .map(([origin, site]) => ({
        origin,
        core: site.core ? { addresses: site.core.accounts.map((a) => formatAddress('core', a, chainIds.core)), date: site.core.date } : null,
        espace: site.espace ? { addresses: site.espace.accounts.map((a) => formatAddress('espace', a, chainIds.espace)), date: site.espace.date } : null,
      }))
      .sort((a, b) => a.origin.localeCompare(b.origin));
  }

  uiHandlers(): UiHandlers {
    return {
      'provider.listApprovals': () => this.approvals.list(),
      'provider.getApproval': ({ id }) => this.approvals.view(id),
      'provider.resolveApproval': ({ id, approve, accountId }) => this.approvals.resolve(id, approve, accountId),
      'provider.setSpendingCap': ({ id, cap, index }) => this.approvals.edit(id, { cap: BigInt(cap), index: index ?? 0 }),
      'provider.setGasLimit': ({ id, gas }) => this.approvals.edit(id, { gas: BigInt(gas) }),
      'provider.listSites': () => this.sites(),
      'provider.disconnectSite': async ({ origin, space }) => {
        const site = (await this.permissions.list())[origin];
        const spaces = SPACES.filter((s) => site?.[s] && (space === undefined || space === s));
        if (await this.permissions.revoke(origin, space)) {
          await this.events.accountsChanged(origin, spaces);
          this.deps.notifyUi.sites();
        }
      },
      'provider.resetSites': async () => {
        const sites = await this.permissions.list().catch(() => ({}) as Awaited<ReturnType<PermissionStore['list']>>);
        await this.permissions.reset();
        for (const [origin, site] of Object.entries(sites)) await this.events.accountsChanged(origin, SPACES.filter((s) => site[s]));
        this.deps.notifyUi.sites();
      },
    };
  }
}
