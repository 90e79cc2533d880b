/**
 * The three-step strength meter and its sentence under a new-password field (format/password-hint.ts
 * gives the level and advice). Shows nothing for an empty field; the password is only scored here,
 * never stored.
 */
import type { ReactElement } from 'react';
import { Trans } from 'react-i18next';
import { passwordHint } from '../format/password-hint.js';

/** `hideHint`: the field already shows why the password is refused (too short), so only the meter shows. */
export function PasswordStrength({ password, hideHint }: { password: string; hideHint?: boolean }): ReactElement | null {
  if (!password) return null;
  const strength = passwordHint(password);
  return (
    <div className="stack" aria-live="polite">
      <div className="strength" data-level={strength.level} aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      {hideHint ? null : (
        <span className="small" data-testid="password-strength">
          <Trans i18nKey="onboarding.strength" values={{ label: strength.label, hint: strength.hint }} components={{ b: <strong /> }} />
        </span>
      )}
    </div>
  );
}
