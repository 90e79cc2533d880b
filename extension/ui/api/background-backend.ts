/**
 * {@link WalletBackend} over the UI↔background API (extension/shared/ui-api). This is the one file
 * that knows the wire names and shapes of the vault and chain services; adapters in ./adapters/
 * turn their results into screen models.
 */
import { WayfarerError } from '../../../core/errors.js';
import { generateMnemonic } from '../../../core/keys/mnemonic.js';
import type { WalletBackend } from './backend.js';

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

export const backgroundBackend: WalletBackend = {
  vaultEvents: [],
  chainEvents: [],
  vaultState: async () => ({ status: 'uninitialized' }),
  // Generated here, from the platform CSPRNG, so the user can write it down before anything is
  // stored; the background validates it again when the wallet is created.
  newMnemonic: async () => generateMnemonic(12),
  createWallet: missing('Creating a wallet'),
  unlock: missing('Unlocking'),
  lock: missing('Locking'),
  accounts: missing('The account list'),
  addAccount: missing('Adding accounts'),
  revealMnemonic: missing('Showing the recovery phrase'),
  exportBackup: missing('Backups'),
  restoreBackup: missing('Backups'),
  resetWallet: missing('Resetting the wallet'),
  autoLock: missing('Auto-lock'),
  setAutoLock: missing('Auto-lock'),
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
