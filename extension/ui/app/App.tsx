/**
 * The root component: decides between onboarding, the lock screen and the wallet.
 */
import type { ReactElement } from 'react';
import { Onboarding } from '../screens/onboarding/Onboarding.js';
import { generateMnemonic } from '../../../core/keys/mnemonic.js';
import { WayfarerError } from '../../../core/errors.js';

const notConnected = async (): Promise<never> => {
  throw new WayfarerError('ui.unavailable', 'The wallet service is not available in this build yet.');
};

export function App(): ReactElement {
  return <Onboarding actions={{ newMnemonic: async () => generateMnemonic(12), createFromMnemonic: notConnected, importPrivateKey: notConnected }} />;
}
