/**
 * The password form shown before any request while the wallet is locked. After repeated wrong
 * passwords the background makes the next attempt wait; the wait is shown as a countdown.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { background, BackgroundError } from '../api/client.js';
import { useSecondsUntil } from '../lib/use-seconds-until.js';
import { useT } from '../i18n/i18n.js';
import { errorText } from '../i18n/errors.js';

export function Unlock({ onUnlocked, onReject }: { onUnlocked: () => void; onReject: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [backoff, setBackoff] = useState<{ retryAt: number; failedAttempts: number }>();
  const seconds = useSecondsUntil(backoff?.retryAt);
  const id = useId();
  const t = useT();
  const readBackoff = () =>
    background.call('vault.status').then(
      ({ retryAt, failedAttempts }) => setBackoff({ retryAt, failedAttempts }),
      () => undefined,
    );
  useEffect(() => void readBackoff(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || seconds > 0 || password.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await background.call('vault.unlock', { password });
      setPassword('');
      onUnlocked();
    } catch (e) {
      setError(e instanceof BackgroundError ? errorText(e) : t('approval.unlockFailed'));
      setPassword('');
      await readBackoff();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approval.unlockTitle')}</h2>
      <label htmlFor={`${id}-password`}>{t('unlock.password')}</label>
      <input id={`${id}-password`} type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {seconds > 0 && (
        <p className="error" role="status" data-testid="unlock-backoff">
          {t('unlock.backoffCount', { count: backoff?.failedAttempts ?? 0, seconds })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onReject}>
          {t('common.reject')}
        </button>
        <button type="submit" className="primary" disabled={busy || seconds > 0 || password.length === 0}>
          {t('unlock.unlock')}
        </button>
      </div>
    </form>
  );
}
