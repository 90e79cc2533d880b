/**
 * What onboarding does when it finishes: create the first wallet, or one that replaces (and
 * archives) the current vault, then show the new wallet. Shared by the first run and Start over.
 */
import type { OnboardingActions } from '../screens/onboarding/Onboarding.js';
import { forgetAll } from '../lib/last-known.js';
import { navigate } from './router.js';
import type { WalletSession } from './wallet.js';

/** Creating the first wallet, or one that replaces (and archives) the current vault. */
export function onboardingActions(wallet: WalletSession, replaceExisting: boolean): OnboardingActions {
  const { backend } = wallet;
  const done = () => {
    forgetAll();
    navigate('/', { replace: true });
    wallet.refreshVault();
  };
  return {
    newMnemonic: () => backend.newMnemonic(),
    createFromMnemonic: async (mnemonic, password) => {
      await backend.createWallet({ kind: 'mnemonic', mnemonic }, password, replaceExisting);
      done();
    },
    importPrivateKey: async (privateKey, password) => {
      await backend.createWallet({ kind: 'private-key', privateKey }, password, replaceExisting);
      done();
    },
  };
}
