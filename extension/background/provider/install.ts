/**
 * Wires the dApp provider into the background worker. Called once, synchronously, from the
 * composition root: the port, window and tab listeners must exist in the worker's first turn (the
 * worker may have been woken by that very event); the service starts once the keyring and the
 * chain service it needs are available.
 * @module
 */
import type { UiHandlers, UiRouter } from '../router.js';
import { APPROVAL_PAGE_PATH } from './approval-window.js';
import { ChainAdapter } from './chain-adapter.js';
import { ProviderGateway } from './gateway.js';
import { ProviderService } from './service.js';
import type { ProviderChain, ProviderKeyring } from './wallet-services.js';

export interface InstalledProvider {
  /** Accepts a content script's provider port (from the worker's one onConnect listener). */
  attach(port: chrome.runtime.Port): void;
  /** Starts the service; resolves once persisted requests were restored. */
  start(services: { keyring: ProviderKeyring; chain: ProviderChain }): Promise<void>;
}

const UI_METHODS = ['provider.listApprovals', 'provider.getApproval', 'provider.resolveApproval', 'provider.setSpendingCap', 'provider.setGasLimit', 'provider.listSites', 'provider.disconnectSite', 'provider.resetSites'] as const;

export function installProvider(router: UiRouter): InstalledProvider {
  const gateway = new ProviderGateway(chrome.runtime.id);
  let resolveService!: (service: ProviderService) => void;
  let rejectService!: (error: unknown) => void;
  const service = new Promise<ProviderService>((resolve, reject) => {
    resolveService = resolve;
    rejectService = reject;
  });
  service.catch(() => undefined);
  gateway.setService(service);

  chrome.windows?.onRemoved.addListener((id) => gateway.windowRemoved('window', id));
  chrome.tabs.onRemoved.addListener((id) => gateway.windowRemoved('tab', id));

  // UI handlers exist from the first turn and wait for the service.
  const handlers: Record<string, (params: never, context: never) => Promise<unknown>> = {};
  for (const name of UI_METHODS) {
    handlers[name] = async (params, context) => {
      const h = (await service).uiHandlers()[name] as (p: unknown, c: unknown) => unknown;
      return h(params, context);
    };
  }
  router.register(handlers as UiHandlers);

  // Network switches made in the wallet UI reach pages at once as chainChanged: the chain service
  // announces them as a UI event, which the provider observes (observation only; the event still
  // goes to the UI unchanged).
  let statusListener: (() => void) | undefined;
  const emit = router.emit.bind(router);
  router.emit = ((name, data) => {
    emit(name, data);
    if (name === 'chain.statusChanged') statusListener?.();
  }) as UiRouter['emit'];

  return {
    attach: (port) => gateway.attach(port),
    start: async ({ keyring, chain }) => {
      if (chain instanceof ChainAdapter) statusListener = () => chain.notifyStatusChanged();
      try {
        resolveService(
          await ProviderService.create({
            keyring,
            chain,
            local: chrome.storage.local,
            session: chrome.storage.session,
            tabs: { sendMessage: (tabId, message, options) => chrome.tabs.sendMessage(tabId, message, options) },
            windows: { ...(chrome.windows ? { windows: chrome.windows } : {}), tabs: chrome.tabs },
            approvalPageUrl: chrome.runtime.getURL(APPROVAL_PAGE_PATH),
            notifyUi: {
              approvals: (count) => router.emit('provider.approvalsChanged', { count }),
              sites: () => router.emit('provider.sitesChanged', {}),
            },
          }),
        );
      } catch (error) {
        rejectService(error);
        throw error;
      }
    },
  };
}
