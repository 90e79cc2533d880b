/**
 * Wires name resolution into the background worker (UI methods of extension/shared/ui-api/names.ts
 * over {@link NamesService}), started once the chain service has.
 * @module
 */
import type { ChainService } from '../chain/service.js';
import type { UiRouter } from '../router.js';
import { chromeArea } from '../vault/platform.js';
import { NamesService } from './service.js';

export function installNames(router: UiRouter, options: { chain: Promise<ChainService> }): void {
  const ready = options.chain.then((chain) => new NamesService({ chain, area: chromeArea(chrome.storage.local) }));
  router.register({
    'names.resolve': async ({ name }) => (await ready).resolve(name),
    'names.setLocalRegistry': async ({ registry }) => (await ready).setLocalRegistry(registry),
  });
}
