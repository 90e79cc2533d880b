/**
 * Wires the wallet's own transfers into the background worker: UI methods of
 * extension/shared/ui-api/wallet.ts over {@link WalletSendService}, which starts on first use once
 * the chain service has (the vault keyring waits for the vault itself). Prepared transfers wait in
 * `chrome.storage.session`, so a worker stopped while the user reads the review does not lose them.
 * @module
 */
import { ChainAdapter } from '../provider/chain-adapter.js';
import type { UiRouter } from '../router.js';
import type { ChainService } from '../chain/service.js';
import { startOnDemand, type Service } from '../lifecycle.js';
import { WalletSendService, type SendKeyring, type WalletSendDeps } from './send-service.js';
import { trustedSessionArea } from '../storage-area.js';

/** What a service that signs the wallet's own transactions is installed with. */
export interface SendServiceOptions {
  keyring: SendKeyring;
  chain: Service<ChainService>;
}

/**
 * What the wallet's sends and cross-space transfers are both built from: the running chain
 * service (so this waits for it, and fails while it cannot start), the keyring, the clock,
 * randomness and the trusted session area where prepared transfers wait.
 */
export async function sendDeps(options: SendServiceOptions): Promise<WalletSendDeps & { chain: ChainService }> {
  const chain = await options.chain();
  return {
    chain,
    draftChain: new ChainAdapter(chain),
    keyring: options.keyring,
    now: () => Date.now(),
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    preparedArea: await trustedSessionArea(),
  };
}

export function installWallet(router: UiRouter, options: SendServiceOptions): void {
  const service = startOnDemand(async () => new WalletSendService(await sendDeps(options)));
  router.register({
    'wallet.prepareSend': async ({ space, accountId, to, amount, token, nonce }) => (await service()).prepare({ space, accountId, to, amount: BigInt(amount), token, nonce }),
    'wallet.prepareReplacement': async ({ hash, kind, accountId }) => (await service()).prepareReplacement(hash, kind, accountId),
    'wallet.maxSendable': async ({ space, accountId, token }) => (await service()).maxSendable(space, accountId, token),
    'wallet.prepareRevoke': async ({ space, accountId, token, spender }) => (await service()).prepareRevoke(space, accountId, token, spender),
    'wallet.send': async ({ id }) => (await service()).send(id),
  });
}
