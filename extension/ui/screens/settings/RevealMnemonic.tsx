/**
 * Settings → Show recovery phrase, behind the password. The phrase stays in this component's
 * state only while shown: it is dropped on "Hide", when the screen is left, and after two minutes.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { PasswordField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { SecretCopyButton } from '../../components/SecretCopyButton.js';
import { MnemonicGrid } from '../onboarding/MnemonicGrid.js';
import { useT } from '../../i18n/i18n.js';

const SHOW_FOR_MS = 120_000;

export function RevealMnemonic(): ReactElement {
  const { backend, account } = useWallet();
  const [password, setPassword] = useState('');
  const [words, setWords] = useState<string[] | undefined>();
  const t = useT();
  const reveal = useAction((pw: string) => backend.revealMnemonic(account?.id, pw));
  useEffect(() => {
    if (!words) return;
    const timer = window.setTimeout(() => setWords(undefined), SHOW_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [words]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void reveal.run(password).then((phrase) => {
      setPassword('');
      if (phrase) setWords(phrase.split(' '));
    });
  };
  return (
    <div className="stack">
      <ScreenHeader title={t('settings.reveal.title')} back="/settings" />
      <Notice tone="warn">{t('settings.reveal.warning')}</Notice>
      {words ? (
        <>
          <MnemonicGrid words={words} />
          <SecretCopyButton secret={() => words.join(' ')} label={t('settings.reveal.copy')} />
          <button type="button" className="btn btn-primary btn-block" onClick={() => setWords(undefined)}>
            {t('settings.reveal.hide')}
          </button>
        </>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <PasswordField label={t('unlock.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
          {reveal.error ? <ErrorState error={reveal.error} title={t('settings.reveal.notShown')} /> : null}
          <button type="submit" className="btn btn-primary btn-block" disabled={reveal.busy || password === ''}>
            {reveal.busy ? t('settings.reveal.checking') : t('settings.reveal.show')}
          </button>
        </form>
      )}
    </div>
  );
}
