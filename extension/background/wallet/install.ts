/**
 * Wires the wallet's own transfers into the background worker: UI methods of
 * extension/shared/ui-api/wallet.ts over {@link WalletSendService}, which starts once the chain
 * service has (the vault keyring waits for the vault itself). Prepared transfers wait in
 * `chrome.storage.session`, so a worker stopped while the user reads the review does not lose them.
 * @module
 */
import { ChainAdapter } from '../provider/chain-adapter.js';
import type { UiRouter } from '../router.js';
import type { ChainService } from '../chain/service.js';
import { WalletSendService, type SendKeyring } from './send-service.js';
import { trustedSessionArea } from '../vault/platform.js';

export function installWallet(router: UiRouter, options: { keyring: SendKeyring; chain: Promise<ChainService> }): void {
  const ready = options.chain.then(
    async (chain) =>
      new WalletSendService({
        chain,
        draftChain: new ChainAdapter(chain),
        keyring: options.keyring,
        now: () => Date.now(),
        randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
        preparedArea: await trustedSessionArea(),
      }),
  );
  router.register({
    'wallet.prepareSend': async ({ space, accountId, to, amount, token, nonce }) => (await ready).prepare({ space, accountId, to, amount: BigInt(amount), token, nonce }),
    'wallet.prepareReplacement': async ({ hash, kind, accountId }) => (await ready).prepareReplacement(hash, kind, accountId),
    'wallet.maxSendable': async ({ space, accountId, token }) => (await ready).maxSendable(space, accountId, token),
    'wallet.prepareRevoke': async ({ space, accountId, token, spender }) => (await ready).prepareRevoke(space, accountId, token, spender),
    'wallet.send': async ({ id }) => (await ready).send(id),
  });
}
