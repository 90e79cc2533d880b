/**
 * Settings → Change password: the current password, the new one twice, with the same strength
 * hint and minimum length as onboarding. The background re-encrypts the vault under the new
 * password in one write and keeps the wallet unlocked. The passwords live only in this form's
 * state, are sent once, and are cleared after each attempt; success returns to Settings, which
 * says the password was changed (the URL carries only that fact, never a password).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { PasswordField } from '../../components/Field.js';
import { PasswordStrength } from '../../components/PasswordStrength.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { PASSWORD_CHANGED_QUERY } from './SettingsIndex.js';
import { checkNewPassword } from '../../format/new-password.js';
import { MIN_PASSWORD_LENGTH } from '../../format/password-hint.js';
import { useT } from '../../i18n/i18n.js';

export function ChangePassword(): ReactElement {
  const { backend } = useWallet();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const t = useT();
  const change = useAction((from: string, to: string) => backend.changePassword(from, to).then(() => true));
  const check = checkNewPassword(next, repeat, current);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (current === '' || !check.ok) return;
    void change.run(current, next).then((done) => {
      setCurrent('');
      if (!done) return;
      setNext('');
      setRepeat('');
      navigate(`/settings?${PASSWORD_CHANGED_QUERY}`, { replace: true });
    });
  };
  const newError = tried && check.tooShort ? t('onboarding.minLength', { count: MIN_PASSWORD_LENGTH }) : tried && check.unchanged ? t('settings.password.unchanged') : undefined;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ScreenHeader title={t('settings.password.title')} back="/settings" />
      <p>{t('settings.password.intro')}</p>
      <PasswordField label={t('settings.password.current')} value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" error={tried && current === '' ? t('settings.password.currentMissing') : undefined} />
      <PasswordField label={t('onboarding.newPassword')} value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" error={newError} hint={next ? undefined : t('onboarding.minLengthHint', { count: MIN_PASSWORD_LENGTH })} />
      <PasswordStrength password={next} hideHint={newError !== undefined} />
      <PasswordField label={t('onboarding.repeatPassword')} value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" error={tried && check.mismatch ? t('onboarding.mismatch') : undefined} />
      {change.error ? <ErrorState error={change.error} title={t('settings.password.notChanged')} /> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={change.busy}>
        {change.busy ? <span className="spinner" aria-hidden="true" /> : null}
        {change.busy ? t('onboarding.encrypting') : t('settings.password.submit')}
      </button>
    </form>
  );
}
