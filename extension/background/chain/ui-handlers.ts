/**
 * The chain's UI methods (extension/shared/ui-api/chain.ts) mapped onto the network session and
 * the jobs over it. Params arrive already checked against their schemas by the router; the jobs and
 * core check meaning.
 * @module
 */
import type { UiHandlers } from '../router.js';
import type { ChainService } from './service.js';
import { readAllowances } from './allowances.js';

export function chainUiHandlers(chain: () => Promise<ChainService>): UiHandlers {
  const session = async () => (await chain()).session;
  const accounts = async () => (await chain()).accounts;
  const nodes = async () => (await chain()).nodes;
  const tracking = async () => (await chain()).tracking;
  return {
    'chain.status': async () => (await session()).status(),
    'chain.sync': async () => (await session()).sync(),
    'chain.setNetwork': async ({ network }) => (await session()).setNetwork(network),
    'chain.setPrivacy': async ({ enabled }) => (await session()).setPrivacy(enabled),
    'chain.lastKnownBalances': async ({ space, addresses, tokens }) => (await accounts()).lastKnownBalances(space, addresses, tokens ?? []),
    'chain.balances': async ({ space, addresses, tokens }) => (await accounts()).balances(space, addresses, tokens ?? []),
    'chain.nonce': async ({ space, address }) => (await accounts()).nonce(space, address),
    'chain.tokenInfo': async ({ space, address }) => (await accounts()).tokenInfo(space, address),
    'chain.incoming': async ({ space, address, tokens }) => (await accounts()).incoming(space, address, tokens),
    'chain.allowances': async ({ space, address }) => readAllowances({ rt: (await session()).activeRuntime(), now: () => Date.now() }, space, address),
    'chain.nodes': async () => (await nodes()).nodeList(),
    'chain.addNode': async ({ space, url, wsUrl, operator }) => (await nodes()).addNode({ space, url, ...(wsUrl ? { wsUrl } : {}), ...(operator ? { operator } : {}) }),
    'chain.removeNode': async ({ id }) => (await nodes()).removeNode(id),
    'chain.bans': async () => (await nodes()).bans(),
    'chain.liftBan': async ({ id }) => (await nodes()).liftBan(id),
    'chain.sendTransaction': async ({ space, raw }) => (await tracking()).sendTransaction(space, raw),
    'chain.transactions': async () => (await tracking()).transactions(),
    'chain.refreshTransaction': async ({ hash }) => (await tracking()).refreshTransaction(hash),
    'chain.resendTransaction': async ({ hash }) => (await tracking()).resendTransaction(hash),
  };
}
