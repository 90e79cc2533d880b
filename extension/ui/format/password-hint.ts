/**
 * The strength hint shown while a new wallet password is typed. The estimate and the minimum
 * length are the vault's (core/vault/password.ts), the same rules the vault enforces; this module
 * only turns its 0–4 score into the three-step meter and a sentence telling the user what to do.
 * @module
 */
import { estimatePasswordStrength, MIN_PASSWORD_LENGTH } from '../../../core/vault/password.js';
import { t } from '../i18n/i18n.js';

export { MIN_PASSWORD_LENGTH };

export type StrengthLevel = 'too_short' | 'weak' | 'fair' | 'strong';

export interface PasswordHint {
  level: StrengthLevel;
  /** The level in words, for the meter's label. */
  label: string;
  /** One sentence telling the user what to do. */
  hint: string;
}

const LABEL: Record<StrengthLevel, () => string> = {
  too_short: () => t('password.tooShort'),
  weak: () => t('password.weak'),
  fair: () => t('password.fair'),
  strong: () => t('password.strong'),
};

/**
 * The vault's warnings are English sentences without codes; each known one is shown in the
 * language of the page (an unknown one is left out there, the level's own advice standing in).
 */
function warningText(warning: string | undefined): string | undefined {
  if (warning === undefined) return undefined;
  if (warning === 'This is one of the most common passwords.') return t('password.common');
  if (warning === `Use at least ${MIN_PASSWORD_LENGTH} characters.`) return t('onboarding.minLength', { count: MIN_PASSWORD_LENGTH });
  if (warning.startsWith('Avoid runs like')) return t('password.runs');
  if (warning === 'Dates and years are easy to guess.') return t('password.dates');
  if (warning === 'Use more different characters.') return t('password.variety');
  if (warning === 'Longer passphrases or mixed characters are stronger.') return t('password.longer');
  const length = /^Use (\d+) or more characters\.$/.exec(warning);
  if (length) return t('password.length', { count: Number(length[1]) });
  return undefined;
}

/** Whether the vault accepts `password` as a new password (it counts characters, not UTF-16 units). */
export function isLongEnough(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}

/** The meter level and hint for `password`, from the vault's estimate. */
export function passwordHint(password: string): PasswordHint {
  if (!isLongEnough(password)) return hintFor('too_short', t('onboarding.minLength', { count: MIN_PASSWORD_LENGTH }));
  const { score, warnings } = estimatePasswordStrength(password);
  const reason = warningText(warnings[0]);
  if (score <= 1) return hintFor('weak', t('password.weakHint', { reason: reason ?? t('password.weakDefault') }));
  if (score === 2) return hintFor('fair', t('password.fairHint', { reason: reason ?? t('password.fairDefault') }));
  return hintFor('strong', t('password.strongHint'));
}

function hintFor(level: StrengthLevel, hint: string): PasswordHint {
  return { level, label: LABEL[level](), hint };
}
