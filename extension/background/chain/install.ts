/**
 * Wires the chain into the background worker. Called once, synchronously, from the composition
 * root: the alarm listener must be registered in the worker's first turn (the worker may have been
 * woken by that very alarm), while the session and its jobs start asynchronously, at once, and
 * again on the next request or alarm after a failed start (see ../lifecycle.ts).
 *
 * Sync schedule: once at start, then every minute through `chrome.alarms` (timers die with the
 * worker; alarms do not), plus whenever the UI asks.
 * @module
 */
import { IndexedDbCheckpointStore } from './checkpoint-store.js';
import { systemClock } from '../../../core/rpc/clock.js';
import type { BackgroundBus } from '../events.js';
import type { UiRouter } from '../router.js';
import { startNow, startOnDemand, type Service } from '../lifecycle.js';
import { CHAIN_SYNC_ALARM } from './session.js';
import { startChain, type ChainService } from './service.js';
import { ChainStore } from './store.js';
import { chainUiHandlers } from './ui-handlers.js';

export interface InstalledChain {
  /** The running session and the jobs over it, for the services built on them. */
  readonly service: Service<ChainService>;
}

const SYNC_PERIOD_MINUTES = 1;

export function installChain(router: UiRouter, bus: BackgroundBus): InstalledChain {
  const start = async (): Promise<ChainService> => {
    // First, so that the alarm also retries a start that fails below.
    await chrome.alarms.create(CHAIN_SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
    const store = await ChainStore.open(indexedDB);
    let chain: ChainService;
    try {
      chain = await startChain({
        store,
        checkpointStore: new IndexedDbCheckpointStore(indexedDB),
        fetch: (input, init) => fetch(input, init),
        connectWebSocket: (url) => new WebSocket(url),
        clock: systemClock,
        randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
        hasHostPermission: (pattern) => chrome.permissions.contains({ origins: [pattern] }),
        bus,
      });
    } catch (error) {
      store.close(); // the retry opens its own connection
      throw error;
    }
    void chain.session.sync();
    return chain;
  };
  const service = startNow('chain', startOnDemand(start));
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== CHAIN_SYNC_ALARM) return;
    service()
      .then((running) => running.session.handleAlarm(alarm.name))
      .catch((error: unknown) => console.error('chain: scheduled sync failed:', error instanceof Error ? error.name : typeof error));
  });
  router.register(chainUiHandlers(service));
  return { service };
}
