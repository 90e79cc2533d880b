/**
 * Wires the wallet's own transfers into the background worker: UI methods of
/**
 * Wires the wallet's own transfers into the background worker: UI methods of
 * extension/shared/ui-api/sends.ts over {@link WalletSendService}, which starts on first use once
 * the chain has (the vault keyring waits for the vault itself). Prepared transfers wait in
 * `chrome.storage.session`, so a worker stopped while the user reads the review does not lose them.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import type { UiRouter } from '../router.js';
import type { ChainService } from '../chain/service.js';
import { startOnDemand, type Service } from '../lifecycle.js';
import type { CrossSpaceChain } from '../crossspace/service.js';
import { WalletSendService, type SendChain, type SendKeyring, type WalletSendDeps } from './sends.js';
import { trustedSessionArea } from '../storage-area.js';
import { chainDrafts } from './draft-chain.js';

/** What a service that signs the wallet's own transactions is installed with. */
export interface SendServiceOptions {
  keyring: SendKeyring;
  chain: Service<ChainService>;
}

/** What sends read of the session and the jobs over it (accounts and tracked transactions). */
function sendChain({ session, accounts, tracking }: ChainService): SendChain & CrossSpaceChain {
  return {
    status: () => session.status(),
    read: (space, method, params) => session.read(space, method, params),
    activeRuntime: () => session.activeRuntime(),
    balances: (space: Space, addresses: readonly string[], tokens?: readonly string[]) => accounts.balances(space, addresses, tokens),
    reservedInFlight: (space, address) => accounts.reservedInFlight(space, address),
    tokenInfo: (space, address) => accounts.tokenInfo(space, address),
    nonce: (space, address) => accounts.nonce(space, address),
    labelTransaction: (hash, label) => tracking.labelTransaction(hash, label),
    sendTransaction: (space: Space, raw: Hex, replaces?: string) => tracking.sendTransaction(space, raw, replaces),
    refreshTransaction: (hash) => tracking.refreshTransaction(hash),
    transactions: () => tracking.transactions(),
    tracked: (hash) => tracking.tracked(hash),
  };
}

/**
 * What the wallet's sends and cross-space transfers are both built from: the running chain
 * (so this waits for it, and fails while it cannot start), the keyring, the clock,
 * randomness and the trusted session area where prepared transfers wait.
 */
export async function sendDeps(options: SendServiceOptions): Promise<WalletSendDeps & { chain: CrossSpaceChain }> {
  const chain = await options.chain();
  return {
    chain: sendChain(chain),
    drafts: chainDrafts({
      status: () => chain.session.status(),
      read: (space, method, params) => chain.session.read(space, method, params),
      nextNonce: (space, address) => chain.accounts.nextNonce(space, address),
      sync: () => chain.session.sync(),
    }),
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
