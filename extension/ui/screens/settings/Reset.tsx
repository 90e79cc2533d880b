/**
 * Reset: start over with a new or imported wallet. The current vault is not destroyed but moved to
 * this device's archive (the background keeps it, encrypted, restorable with its password), so a
 * mis-tap or a forgotten-then-remembered password is never a loss. Typing the confirmation word
 * guards against accidents.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { onboardingActions } from '../../app/App.js';
import { useWallet } from '../../app/wallet.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { Onboarding } from '../onboarding/Onboarding.js';

const CONFIRM_WORD = 'RESET';

export function ResetWallet({ back = '/settings' }: { back?: string }): ReactElement {
  const wallet = useWallet();
  const [typed, setTyped] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  if (confirmed) return <Onboarding actions={onboardingActions(wallet, true)} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().toUpperCase() === CONFIRM_WORD) setConfirmed(true);
  };
  return (
    <main className="focus-screen" id="main">
      <form className="stack" onSubmit={submit} noValidate>
        <ScreenHeader title="Start over" back={back} />
        <Notice tone="warn" title="Set up a new wallet on this device">
          <p>You will create or import another wallet. The current one is moved to this device’s archive, still encrypted with its password — it can be restored from there, or from its recovery phrase.</p>
        </Notice>
        <p>Continue only if you have the recovery phrase of the current wallet, or are sure you do not need it.</p>
        <TextField label={`Type ${CONFIRM_WORD} to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoCapitalize="characters" />
        <button type="submit" className="btn btn-danger btn-block" disabled={typed.trim().toUpperCase() !== CONFIRM_WORD}>
          Start over
        </button>
      </form>
    </main>
  );
}
