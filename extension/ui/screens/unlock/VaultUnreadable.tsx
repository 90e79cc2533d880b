/**
 * The stored vault cannot be read (damaged storage, a failed write). Nothing is guessed: the user
 * chooses between the copy from before the last write, a backup file, or starting over (which
 * archives the damaged vault instead of deleting it).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { START_OVER_PATH } from '../settings/start-over.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { PasswordField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { useT } from '../../i18n/i18n.js';

export function VaultUnreadable(): ReactElement {
  const { backend, vault, refreshVault } = useWallet();
  const [password, setPassword] = useState('');
  const t = useT();
  const info = vault.data?.unreadable;
  const restore = useAction(async (pw: string) => {
    await backend.restorePrevious(pw);
    refreshVault();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void restore.run(password).then(() => setPassword(''));
  };
  return (
    <main className="focus-screen" id="main">
      <div className="stack">
        <h1>{t('unlock.unreadableTitle')}</h1>
        <Notice tone="danger">{info?.message ?? t('unlock.unreadableDefault')}</Notice>
        {info?.previousAvailable ? (
          <form className="stack card" onSubmit={submit} noValidate>
            <h2>{t('unlock.restorePreviousTitle')}</h2>
            <p className="small">{t('unlock.restorePreviousIntro')}</p>
            <PasswordField label={t('unlock.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
            {restore.error ? <ErrorState error={restore.error} title={t('unlock.notRestored')} /> : null}
            <button type="submit" className="btn btn-primary" disabled={restore.busy || password === ''}>
              {restore.busy ? t('unlock.restoring') : t('unlock.restorePrevious')}
            </button>
          </form>
        ) : null}
        <button type="button" className="btn btn-block" onClick={() => navigate(START_OVER_PATH)}>
          {t('unlock.startOverWithPhrase')}
        </button>
      </div>
    </main>
  );
}
