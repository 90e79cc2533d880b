/**
 * Wires cross-space transfers into the background worker: UI methods of
 * extension/shared/ui-api/crossspace.ts over {@link CrossSpaceService}, started on first use once
 * the chain service has. Prepared transfers wait in `chrome.storage.session`; started transfers
 * are kept in `chrome.storage.local`.
 * @module
 */
import type { UiRouter } from '../router.js';
import { startOnDemand } from '../lifecycle.js';
import { chromeArea } from '../storage-area.js';
import { sendDeps, type SendServiceOptions } from '../transactions/install.js';
import { CrossSpaceService } from './service.js';

export function installCrossSpace(router: UiRouter, options: SendServiceOptions): void {
  const service = startOnDemand(async () => new CrossSpaceService({ ...(await sendDeps(options)), recordsArea: chromeArea(chrome.storage.local) }));
  router.register({
    'crossspace.prepare': async ({ kind, accountId, to, amount }) => (await service()).prepare({ kind, accountId, to, amount: BigInt(amount) }),
    'crossspace.send': async ({ id }) => (await service()).send(id),
    'crossspace.transfer': async ({ id }) => (await service()).transfer(id),
    'crossspace.transfers': async () => (await service()).transfers(),
  });
}
