/**
 * Wires the dApp provider into the background worker. Called once, synchronously, from the
 * composition root: the port, window and tab listeners must exist in the worker's first turn (the
 * worker may have been woken by that very event). The service starts at once, once the chain
 * service and the token list it needs have (the keyring waits for the vault itself), and again on
 * the next request after a failed start (see ../lifecycle.ts).
 * @module
 */
import type { ChainService } from '../chain/service.js';
import type { BackgroundBus } from '../events.js';
import { startNow, startOnDemand, type Service } from '../lifecycle.js';
import type { UiHandlers, UiRouter } from '../router.js';
import { APPROVAL_PAGE_PATH } from './approval-window.js';
import { ChainAdapter, chainServiceSlice, type TokenWatcher } from './chain-adapter.js';
import { ProviderGateway } from './gateway.js';
import { ProviderService } from './service.js';
import type { ProviderKeyring } from './wallet-services.js';

export interface InstalledProvider {
  /** Accepts a content script's provider port (from the worker's one onConnect listener). */
  attach(port: chrome.runtime.Port): void;
}

const UI_METHODS = ['provider.listApprovals', 'provider.getApproval', 'provider.resolveApproval', 'provider.setSpendingCap', 'provider.setGasLimit', 'provider.listSites', 'provider.disconnectSite', 'provider.resetSites'] as const;

export function installProvider(router: UiRouter, options: { keyring: ProviderKeyring; chain: Service<ChainService>; tokens: Service<TokenWatcher>; bus: BackgroundBus }): InstalledProvider {
  const start = async (): Promise<ProviderService> => {
    // Network switches (made here or in the wallet UI) reach pages as chainChanged through the bus.
    const chain = new ChainAdapter(chainServiceSlice(await options.chain(), options.bus), await options.tokens());
    return ProviderService.create({
      keyring: options.keyring,
      chain,
      local: chrome.storage.local,
      session: chrome.storage.session,
      tabs: { sendMessage: (tabId, message, sendOptions) => chrome.tabs.sendMessage(tabId, message, sendOptions) },
      windows: { ...(chrome.windows ? { windows: chrome.windows } : {}), tabs: chrome.tabs },
      approvalPageUrl: chrome.runtime.getURL(APPROVAL_PAGE_PATH),
      notifyUi: {
        approvals: (count) => router.emit('provider.approvalsChanged', { count }),
        sites: () => router.emit('provider.sitesChanged', {}),
      },
    });
  };
  // Started now: it restores and finishes what a previous worker left pending.
  const service = startNow('provider', startOnDemand(start));
  const gateway = new ProviderGateway(chrome.runtime.id, service);

  chrome.windows?.onRemoved.addListener((id) => gateway.windowRemoved('window', id));
  chrome.tabs.onRemoved.addListener((id) => gateway.windowRemoved('tab', id));

  // UI handlers exist from the first turn and wait for the service.
  const handlers: Record<string, (params: never, context: never) => Promise<unknown>> = {};
  for (const name of UI_METHODS) {
    handlers[name] = async (params, context) => {
      const h = (await service()).uiHandlers()[name] as (p: unknown, c: unknown) => unknown;
      return h(params, context);
    };
  }
  router.register(handlers as UiHandlers);

  return { attach: (port) => gateway.attach(port) };
}
