/**
 * Wires name resolution into the background worker (UI methods of extension/shared/ui-api/names.ts
 * over {@link NamesService}), started on first use once the chain has (it reads through the network session).
 * @module
 */
import type { ChainService } from '../chain/service.js';
import { startOnDemand, type Service } from '../lifecycle.js';
import type { UiRouter } from '../router.js';
import { chromeArea } from '../storage-area.js';
import { NamesService } from './service.js';

export function installNames(router: UiRouter, options: { chain: Service<ChainService> }): void {
  const service = startOnDemand(async () => new NamesService({ chain: (await options.chain()).session, area: chromeArea(chrome.storage.local) }));
  router.register({
    'names.resolve': async ({ name }) => (await service()).resolve(name),
    'names.setLocalRegistry': async ({ registry }) => (await service()).setLocalRegistry(registry),
  });
}
