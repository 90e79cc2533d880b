/**
 * The strength hint shown while a new wallet password is typed. The estimate and the minimum
 * length are the vault's (core/vault/password.ts), the same rules the vault enforces; this module
 * only turns its 0–4 score into the three-step meter and a sentence telling the user what to do.
 * @module
 */
import { estimatePasswordStrength, MIN_PASSWORD_LENGTH } from '../../../core/vault/password.js';

export { MIN_PASSWORD_LENGTH };

export type StrengthLevel = 'too_short' | 'weak' | 'fair' | 'strong';

export interface PasswordHint {
  level: StrengthLevel;
  /** The level in words, for the meter's label. */
  label: string;
  /** One sentence telling the user what to do. */
  hint: string;
}

const LABEL: Record<StrengthLevel, string> = { too_short: 'too short', weak: 'weak', fair: 'fair', strong: 'strong' };

/** Whether the vault accepts `password` as a new password (it counts characters, not UTF-16 units). */
export function isLongEnough(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}

/** The meter level and hint for `password`, from the vault's estimate. */
export function passwordHint(password: string): PasswordHint {
  if (!isLongEnough(password)) return hintFor('too_short', `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  const { score, warnings } = estimatePasswordStrength(password);
  const reason = warnings[0];
  if (score <= 1) return hintFor('weak', `Easy to guess. ${reason ?? 'Add more words or characters.'}`);
  if (score === 2) return hintFor('fair', `Could be stronger. ${reason ?? 'A few unrelated words make a long, memorable password.'}`);
  return hintFor('strong', 'Store it somewhere safe: it cannot be recovered.');
}

function hintFor(level: StrengthLevel, hint: string): PasswordHint {
  return { level, label: LABEL[level], hint };
}
