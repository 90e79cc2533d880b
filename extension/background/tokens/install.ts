/**
 * Wires the token list into the background worker: UI methods of
 * extension/shared/ui-api/tokens.ts over {@link TokenListService}, which reads the active network
 * from the chain service (its requests wait for that service).
 * @module
 */
import type { UiRouter } from '../router.js';
import type { ChainService } from '../chain/service.js';
import { chromeArea } from '../vault/platform.js';
import { TokenListService } from './service.js';

export function installTokens(router: UiRouter, options: { chain: () => Promise<ChainService> }): TokenListService {
  const service = new TokenListService({ area: chromeArea(chrome.storage.local), chain: options.chain, changed: (space) => router.emit('tokens.changed', { space }) });
  router.register({
    'tokens.list': ({ space }) => service.list(space),
    'tokens.add': async ({ space, token }) => ({ added: await service.add(space, token) }),
    'tokens.remove': ({ space, address }) => service.remove(space, address),
    'tokens.import': async ({ network, space, tokens }) => ({ moved: await service.import(network, space, tokens) }),
  });
  return service;
}
