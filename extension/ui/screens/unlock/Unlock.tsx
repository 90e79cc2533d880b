/**
 * The lock screen. A wrong password says so plainly; after repeated failures the background
 * imposes a growing delay, shown here as a countdown with the submit button disabled meanwhile.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { PasswordField } from '../../components/Field.js';
import { ErrorState } from '../../components/AsyncState.js';
import { markInteractive } from '../../app/perf.js';
import { useSecondsUntil } from '../../lib/use-seconds-until.js';
import { useT } from '../../i18n/i18n.js';

export interface UnlockProps {
  onUnlock: (password: string) => Promise<void>;
  /** When the next attempt is allowed (ms since epoch), if the background is backing off. */
  retryAt?: number | undefined;
  failedAttempts?: number | undefined;
  onForgot: () => void;
}

export function Unlock({ onUnlock, retryAt, failedAttempts, onForgot }: UnlockProps): ReactElement {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const seconds = useSecondsUntil(retryAt);
  const t = useT();

  useEffect(() => markInteractive('unlock'), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || seconds > 0 || password === '') return;
    setBusy(true);
    setError(undefined);
    try {
      await onUnlock(password);
      setPassword('');
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="focus-screen" id="main">
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <img className="brand-mark" src="icons/icon-128.png" alt="" width="56" height="56" />
        <h1 className="center">{t('unlock.title')}</h1>
        <PasswordField label={t('unlock.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus disabled={busy} />
        {error ? <ErrorState error={error} title={t('unlock.failed')} /> : null}
        {seconds > 0 ? (
          <p className="field-error" role="status" data-testid="unlock-backoff">
            {failedAttempts ? t('unlock.backoffCount', { count: failedAttempts, seconds }) : t('unlock.backoff', { seconds })}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || seconds > 0 || password === ''}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? t('unlock.unlocking') : t('unlock.unlock')}
        </button>
        <button type="button" className="btn btn-ghost btn-block" onClick={onForgot}>
          {t('unlock.forgot')}
        </button>
      </form>
    </main>
  );
}
