/**
 * Checks a new wallet password before it goes to the background: long enough by the vault's own
 * rule (format/password-hint.ts), typed the same twice, and — when changing it — different from
 * the current one. Pure and synchronous; the passwords are only compared, never kept or logged.
 * The vault enforces the length again itself, so this is for telling the user early, not a guard.
 * @module
 */
import { isLongEnough } from './password-hint.js';

export interface NewPasswordCheck {
  tooShort: boolean;
  /** The repeat differs from the new password. */
  mismatch: boolean;
  /** The new password is the current one (only when `current` is given). */
  unchanged: boolean;
  ok: boolean;
}

export function checkNewPassword(password: string, repeat: string, current?: string): NewPasswordCheck {
  const tooShort = !isLongEnough(password);
  const mismatch = repeat !== password;
  const unchanged = current !== undefined && current !== '' && current === password;
  return { tooShort, mismatch, unchanged, ok: !tooShort && !mismatch && !unchanged };
}
