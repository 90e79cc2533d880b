/**
 * Wires cross-space transfers into the background worker: UI methods of
 * extension/shared/ui-api/crossspace.ts over {@link CrossSpaceService}, started once the chain
 * service has. Prepared transfers wait in `chrome.storage.session`; started transfers are kept in
 * `chrome.storage.local`.
 * @module
 */
import { ChainAdapter } from '../provider/chain-adapter.js';
import type { UiRouter } from '../router.js';
import type { ChainService } from '../chain/service.js';
import type { SendKeyring } from '../wallet/send-service.js';
import { chromeArea, trustedSessionArea } from '../vault/platform.js';
import { CrossSpaceService } from './service.js';

export function installCrossSpace(router: UiRouter, options: { keyring: SendKeyring; chain: Promise<ChainService> }): void {
  const ready = options.chain.then(
    async (chain) =>
      new CrossSpaceService({
        chain,
        draftChain: new ChainAdapter(chain),
        keyring: options.keyring,
        now: () => Date.now(),
        randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
        preparedArea: await trustedSessionArea(),
        recordsArea: chromeArea(chrome.storage.local),
      }),
  );
  router.register({
    'crossspace.prepare': async ({ kind, accountId, to, amount }) => (await ready).prepare({ kind, accountId, to, amount: BigInt(amount) }),
    'crossspace.send': async ({ id }) => (await ready).send(id),
    'crossspace.transfer': async ({ id }) => (await ready).transfer(id),
    'crossspace.transfers': async () => (await ready).transfers(),
  });
}
