/**
 * Reset: start over with a new or imported wallet. The current vault is not destroyed but moved to
 * this device's archive (the background keeps it, encrypted, restorable with its password), so a
 * mis-tap or a forgotten-then-remembered password is never a loss. Typing the confirmation word
 * guards against accidents.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { onboardingActions } from '../../app/onboarding-actions.js';
import { useWallet } from '../../app/wallet.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { Onboarding } from '../onboarding/Onboarding.js';
import { useT } from '../../i18n/i18n.js';

export function ResetWallet({ back = '/settings' }: { back?: string }): ReactElement {
  const wallet = useWallet();
  const [typed, setTyped] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const t = useT();
  // Typed by the user: the catalog gives a word in the user's script (English "RESET" is accepted too).
  const confirmWord = t('settings.reset.confirmWord');
  const matches = (text: string) => [confirmWord.toUpperCase(), 'RESET'].includes(text.trim().toUpperCase());
  if (confirmed) return <Onboarding actions={onboardingActions(wallet, true)} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches(typed)) setConfirmed(true);
  };
  return (
    <main className="focus-screen" id="main">
      <form className="stack" onSubmit={submit} noValidate>
        <ScreenHeader title={t('settings.entries.startOver')} back={back} />
        <Notice tone="warn" title={t('settings.reset.warnTitle')}>
          <p>{t('settings.reset.warn')}</p>
        </Notice>
        <p>{t('settings.reset.onlyIf')}</p>
        <TextField label={t('settings.reset.typeToConfirm', { word: confirmWord })} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoCapitalize="characters" />
        <button type="submit" className="btn btn-danger btn-block" disabled={!matches(typed)}>
          {t('settings.entries.startOver')}
        </button>
      </form>
    </main>
  );
}
