/**
 * Chooses the password that encrypts the wallet on this device, with a strength hint. The
 * password lives only in this component's state and is handed to the background once.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { PasswordField } from '../../components/Field.js';
import { ErrorState } from '../../components/AsyncState.js';
import { isLongEnough, MIN_PASSWORD_LENGTH, passwordHint } from '../../format/password-hint.js';

export function SetPassword({ onSubmit, onBack, busy, error, submitLabel = 'Create wallet' }: { onSubmit: (password: string) => void; onBack: () => void; busy: boolean; error: unknown; submitLabel?: string }): ReactElement {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const strength = passwordHint(password);
  const tooShort = !isLongEnough(password);
  const mismatch = repeat !== password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (tooShort || mismatch) return;
    onSubmit(password);
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h1>Set a password</h1>
      <p>It unlocks Wayfarer on this device. It cannot be recovered — only your recovery phrase can restore the wallet.</p>
      <PasswordField label="New password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" autoFocus error={tried && tooShort ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : undefined} hint={password ? undefined : `At least ${MIN_PASSWORD_LENGTH} characters.`} />
      {password ? (
        <div className="stack" aria-live="polite">
          <div className="strength" data-level={strength.level} aria-hidden="true">
            <span />
            <span />
            <span />
          </div>
          <span className="small" data-testid="password-strength">
            <strong>Strength: {strength.label}.</strong> {strength.hint}
          </span>
        </div>
      ) : null}
      <PasswordField label="Repeat password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" error={tried && mismatch ? 'The passwords do not match.' : undefined} />
      {error ? <ErrorState error={error} title="Could not create the wallet" /> : null}
      <div className="btn-row">
        <button type="button" className="btn" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? 'Encrypting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
