/**
 * A strength hint for a new wallet password. It is a hint, not a gate beyond a minimum length: the
 * vault's key derivation makes each guess slow, and the real risk is a short or common password.
 *
 * The estimate is deliberately conservative: it counts the character classes actually used, then
 * discounts repeats, sequences and the most common passwords and keyboard walks, which attackers
 * try first. No dictionary is shipped (it would dominate the bundle); the hint says so.
 * @module
 */

export type StrengthLevel = 'too_short' | 'weak' | 'fair' | 'strong';

export interface PasswordStrength {
  level: StrengthLevel;
  /** Rough bits of guessing work. */
  bits: number;
  /** One sentence telling the user what to do. */
  hint: string;
}

export const MIN_PASSWORD_LENGTH = 8;

const COMMON = ['password', 'passw0rd', 'qwerty', 'azerty', 'letmein', 'welcome', 'iloveyou', 'admin', 'monkey', 'dragon', 'conflux', 'wallet', 'bitcoin', 'abc123', '123456', '111111', 'asdf', 'zxcv'];
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function poolSize(password: string): number {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(password)) pool += 33;
  return pool;
}

/** Counts characters that add little: repeats of the previous one and steps of a sequence. */
function predictableCharacters(password: string): number {
  const lower = password.toLowerCase();
  let count = 0;
  for (let i = 1; i < lower.length; i++) {
    const pair = lower.slice(i - 1, i + 1);
    if (pair[0] === pair[1] || SEQUENCES.some((s) => s.includes(pair) || [...s].reverse().join('').includes(pair))) count++;
  }
  return count;
}

/** Estimates how hard `password` is to guess and how to improve it. */
export function passwordStrength(password: string): PasswordStrength {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return { level: 'too_short', bits: 0, hint: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  let effectiveLength = length - predictableCharacters(password);
  const lower = password.toLowerCase();
  for (const word of COMMON) if (lower.includes(word)) effectiveLength -= word.length - 1;
  const bits = Math.max(0, Math.round(Math.max(1, effectiveLength) * Math.log2(Math.max(poolSize(password), 10))));
  if (bits < 40) return { level: 'weak', bits, hint: 'Easy to guess: add more words or characters, and avoid common words and patterns.' };
  if (bits < 64) return { level: 'fair', bits, hint: 'Could be stronger: a few unrelated words make a long, memorable password.' };
  return { level: 'strong', bits, hint: 'Store it somewhere safe: it cannot be recovered.' };
}
