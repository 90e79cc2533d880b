/**
 * Settings → Reset wallet: removes every key and setting from this device. Typing the confirmation
 * word guards against a mis-tap; the recovery phrase is the only way back.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { forgetAll } from '../../lib/last-known.js';

const CONFIRM_WORD = 'RESET';

export function ResetWallet({ back = '/settings' }: { back?: string }): ReactElement {
  const { backend, refreshVault } = useWallet();
  const [typed, setTyped] = useState('');
  const reset = useAction(async () => {
    await backend.resetWallet();
    forgetAll();
    navigate('/', { replace: true });
    refreshVault();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().toUpperCase() === CONFIRM_WORD) void reset.run();
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ScreenHeader title="Reset wallet" back={back} />
      <Notice tone="danger" title="This removes the wallet from this device">
        <p>All accounts, keys and settings are deleted. Without your recovery phrase (or a backup file and its password), your funds are lost for good.</p>
      </Notice>
      <TextField label={`Type ${CONFIRM_WORD} to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoCapitalize="characters" />
      {reset.error ? <ErrorState error={reset.error} title="Not reset" /> : null}
      <button type="submit" className="btn btn-danger btn-block" disabled={reset.busy || typed.trim().toUpperCase() !== CONFIRM_WORD}>
        {reset.busy ? 'Resetting…' : 'Reset wallet'}
      </button>
    </form>
  );
}
