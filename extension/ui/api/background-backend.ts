/**
 * {@link WalletBackend} over the UI↔background API (extension/shared/ui-api). This is the one file
 * that knows the wire names and shapes of the vault and chain services; adapters in ./adapters/
 * turn their results into screen models.
 */
import { WayfarerError } from '../../../core/errors.js';
import { generateMnemonic } from '../../../core/keys/mnemonic.js';
import type { WalletBackend } from './backend.js';
import { background } from './client.js';
import { accountsFromApi, phraseWalletOf, vaultStateFromApi } from './adapters/vault.js';

/** A background service the screens need is not part of this build. */
export class ServiceUnavailableError extends WayfarerError {
  constructor(what: string) {
    super('ui.service_unavailable', `${what} is not available in this version of the wallet background.`);
  }
}

const missing =
  (what: string) =>
  async (): Promise<never> => {
    throw new ServiceUnavailableError(what);
  };

/** The wallet list does not depend on the network; any valid id gives the same wallets. */
const ANY_NETWORK_ID = 1029;

async function phraseWallet(accountId: string | undefined): Promise<string> {
  const view = await background.call('vault.accounts', { networkId: ANY_NETWORK_ID });
  const walletId = phraseWalletOf(view, accountId);
  if (walletId === undefined) throw new WayfarerError('ui.no_phrase', 'This wallet has only imported keys; there is no recovery phrase.');
  return walletId;
}

export const backgroundBackend: WalletBackend = {
  vaultEvents: ['vault.changed', 'vault.accountsChanged'],
  chainEvents: [],
  vaultState: async () => vaultStateFromApi(await background.call('vault.status')),
  // Generated here, from the platform CSPRNG, so the user can write it down before anything is
  // stored; the background validates it again when the wallet is created.
  newMnemonic: async () => generateMnemonic(12),
  createWallet: async (wallet, password, replaceExisting) => {
    const spec = wallet.kind === 'mnemonic' ? { kind: 'mnemonic' as const, mnemonic: wallet.mnemonic } : { kind: 'private-key' as const, privateKey: wallet.privateKey };
    await background.call('vault.create', replaceExisting ? { password, wallet: spec, replaceExisting } : { password, wallet: spec });
  },
  unlock: async (password) => {
    await background.call('vault.unlock', { password });
  },
  lock: () => background.call('vault.lock'),
  accounts: async (networkId) => accountsFromApi(await background.call('vault.accounts', { networkId })),
  addAccount: async (fromAccountId) => {
    const { accountId } = await background.call('vault.addAccount', { walletId: await phraseWallet(fromAccountId) });
    return { id: accountId };
  },
  revealMnemonic: async (accountId, password) => (await background.call('vault.revealMnemonic', { walletId: await phraseWallet(accountId), password })).mnemonic,
  exportBackup: (password) => background.call('vault.exportBackup', { password }),
  restoreBackup: async (text, password) => {
    await background.call('vault.restoreBackup', { text, password });
  },
  restorePrevious: async (password) => {
    await background.call('vault.restorePrevious', { password });
  },
  autoLock: async () => {
    const setting = await background.call('vault.getAutoLock');
    return { idleMs: setting.autoLockMs, choicesMs: setting.choicesMs };
  },
  setAutoLock: async (idleMs) => {
    await background.call('vault.setAutoLock', { autoLockMs: idleMs });
  },
  networks: missing('The network list'),
  selectNetwork: missing('Switching networks'),
  balance: missing('Balances'),
  tokens: missing('Tokens'),
  addToken: missing('Adding tokens'),
  removeToken: missing('Removing tokens'),
  prepareSend: missing('Sending'),
  maxSendable: missing('Sending'),
  send: missing('Sending'),
  activity: missing('Activity'),
  transaction: missing('Transaction details'),
  nodes: missing('The node list'),
  addNode: missing('Adding nodes'),
  removeNode: missing('Removing nodes'),
  lightClient: missing('The light-client status'),
  privacy: missing('Node privacy settings'),
  setPrivacy: missing('Node privacy settings'),
};
