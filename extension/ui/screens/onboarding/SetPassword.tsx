/**
 * Chooses the password that encrypts the wallet on this device, with a strength hint. The
 * password lives only in this component's state and is handed to the background once.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { PasswordField } from '../../components/Field.js';
import { ErrorState } from '../../components/AsyncState.js';
import { PasswordStrength } from '../../components/PasswordStrength.js';
import { MIN_PASSWORD_LENGTH } from '../../format/password-hint.js';
import { checkNewPassword } from '../../format/new-password.js';
import { useT } from '../../i18n/i18n.js';

export function SetPassword({ onSubmit, onBack, busy, error, submitLabel }: { onSubmit: (password: string) => void; onBack: () => void; busy: boolean; error: unknown; submitLabel?: string }): ReactElement {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const t = useT();
  const { tooShort, mismatch } = checkNewPassword(password, repeat);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (tooShort || mismatch) return;
    onSubmit(password);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h1>{t('onboarding.passwordTitle')}</h1>
      <p>{t('onboarding.passwordIntro')}</p>
      <PasswordField label={t('onboarding.newPassword')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" autoFocus error={tried && tooShort ? t('onboarding.minLength', { count: MIN_PASSWORD_LENGTH }) : undefined} hint={password ? undefined : t('onboarding.minLengthHint', { count: MIN_PASSWORD_LENGTH })} />
      {/* The field's own error already says what a too-short password lacks. */}
      <PasswordStrength password={password} hideHint={tried && tooShort} />
      <PasswordField label={t('onboarding.repeatPassword')} value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" error={tried && mismatch ? t('onboarding.mismatch') : undefined} />
      {error ? <ErrorState error={error} title={t('onboarding.createFailedTitle')} /> : null}
      <div className="btn-row">
        <button type="button" className="btn" onClick={onBack} disabled={busy}>
          {t('common.back')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? t('onboarding.encrypting') : (submitLabel ?? t('onboarding.createWallet'))}
        </button>
      </div>
    </form>
  );
}
