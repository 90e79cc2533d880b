/**
 * Wires the token list into the background worker: UI methods of
 * extension/shared/ui-api/tokens.ts over {@link TokenListService}, started on first use like every
 * service (see ../lifecycle.ts), which reads the active network from the network session (its
 * requests wait for the chain). The dApp provider watches tokens through the same one service.
 * @module
 */
import type { Space } from '../../../core/space.js';
import type { UiRouter } from '../router.js';
import type { ChainService } from '../chain/service.js';
import { startOnDemand, type Service } from '../lifecycle.js';
import { chromeArea } from '../storage-area.js';
import { TokenListService } from './service.js';

export function installTokens(router: UiRouter, options: { chain: Service<ChainService> }): Service<TokenListService> {
  const chain = async () => {
    const { session, accounts } = await options.chain();
    return { status: () => session.status(), tokenInfo: (space: Space, address: string) => accounts.tokenInfo(space, address) };
  };
  const service = startOnDemand(async () => new TokenListService({ area: chromeArea(chrome.storage.local), chain, changed: (space) => router.emit('tokens.changed', { space }) }));
  router.register({
    'tokens.list': async ({ space }) => (await service()).list(space),
    'tokens.add': async ({ space, token }) => ({ added: await (await service()).add(space, token) }),
    'tokens.remove': async ({ space, address }) => (await service()).remove(space, address),
    'tokens.import': async ({ network, space, tokens }) => ({ moved: await (await service()).import(network, space, tokens) }),
  });
  return service;
}
