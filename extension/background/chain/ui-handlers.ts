/**
 * The chain service's UI methods (extension/shared/ui-api/chain.ts) mapped onto the service. Params
 * arrive already checked against their schemas by the router; the service and core check meaning.
 * @module
 */
import type { UiHandlers } from '../router.js';
import type { ChainService } from './service.js';
import { readAllowances } from './allowances.js';

export function chainUiHandlers(service: () => Promise<ChainService>): UiHandlers {
  return {
    'chain.status': async () => (await service()).status(),
    'chain.sync': async () => (await service()).sync(),
    'chain.setNetwork': async ({ network }) => (await service()).setNetwork(network),
    'chain.setPrivacy': async ({ enabled }) => (await service()).setPrivacy(enabled),
    'chain.lastKnownBalances': async ({ space, addresses }) => (await service()).lastKnownBalances(space, addresses),
    'chain.balances': async ({ space, addresses, tokens }) => (await service()).balances(space, addresses, tokens ?? []),
    'chain.nonce': async ({ space, address }) => (await service()).nonce(space, address),
    'chain.nodes': async () => (await service()).nodeList(),
    'chain.addNode': async ({ space, url, wsUrl, operator }) => (await service()).addNode({ space, url, ...(wsUrl ? { wsUrl } : {}), ...(operator ? { operator } : {}) }),
    'chain.removeNode': async ({ id }) => (await service()).removeNode(id),
    'chain.bans': async () => (await service()).bans(),
    'chain.liftBan': async ({ id }) => (await service()).liftBan(id),
    'chain.sendTransaction': async ({ space, raw }) => (await service()).sendTransaction(space, raw),
    'chain.transactions': async () => (await service()).transactions(),
    'chain.refreshTransaction': async ({ hash }) => (await service()).refreshTransaction(hash),
    'chain.resendTransaction': async ({ hash }) => (await service()).resendTransaction(hash),
    'chain.tokenInfo': async ({ space, address }) => (await service()).tokenInfo(space, address),
    'chain.incoming': async ({ space, address, tokens }) => (await service()).incoming(space, address, tokens),
    'chain.allowances': async ({ space, address }) => readAllowances({ rt: (await service()).activeRuntime(), now: () => Date.now() }, space, address),
  };
}
