/**
 * Wires the chain service into the background worker. Called once, synchronously, from the
 * composition root: the alarm listener must be registered in the worker's first turn (the worker
 * may have been woken by that very alarm), while the service starts asynchronously.
 *
 * Sync schedule: once at start, then every minute through `chrome.alarms` (timers die with the
 * worker; alarms do not), plus whenever the UI asks.
 * @module
 */
import { IndexedDbCheckpointStore } from './checkpoint-store.js';
import { systemClock } from '../../../core/rpc/clock.js';
import type { UiRouter } from '../router.js';
import { CHAIN_SYNC_ALARM, ChainService } from './service.js';
import { ChainStore } from './store.js';
import { chainUiHandlers } from './ui-handlers.js';
import { txView } from './views.js';

export interface InstalledChain {
  readonly ready: Promise<ChainService>;
}

const SYNC_PERIOD_MINUTES = 1;

export function installChain(router: UiRouter): InstalledChain {
  const ready = (async () => {
    const service = await ChainService.start({
      store: await ChainStore.open(indexedDB),
      checkpointStore: new IndexedDbCheckpointStore(indexedDB),
      fetch: (input, init) => fetch(input, init),
      connectWebSocket: (url) => new WebSocket(url),
      clock: systemClock,
      randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
      hasHostPermission: (pattern) => chrome.permissions.contains({ origins: [pattern] }),
      events: {
        statusChanged: (status) => router.emit('chain.statusChanged', status),
        nodesChanged: () => router.emit('chain.nodesChanged', {}),
        balancesChanged: (space, addresses) => router.emit('chain.balancesChanged', { space, addresses }),
        transactionChanged: (tx) => router.emit('chain.transactionChanged', tx),
      },
    });
    await chrome.alarms.create(CHAIN_SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
    void service.sync();
    return service;
  })();
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== CHAIN_SYNC_ALARM) return;
    ready.then((service) => service.handleAlarm(alarm.name)).catch((error: unknown) => console.error('chain: scheduled sync failed:', error instanceof Error ? error.name : typeof error));
  });
  router.register(chainUiHandlers(() => ready));
  return { ready };
}

export { txView };
