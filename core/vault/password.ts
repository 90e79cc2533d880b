/**
 * Password rules and a small strength estimator.
 *
 * The only hard rule is a minimum length: refusing "weak" passwords outright pushes people to
 * predictable tweaks, so strength is a hint the UI shows while the user types. The estimator is a
 * deliberately small heuristic (no large dictionary): it estimates guessing entropy from length and
 * character classes, then discounts what attackers try first: common passwords, keyboard and
 * alphabet runs, repeats, and dates. It errs on the side of calling a password weak.
 * @module
 */
import { WeakPasswordError } from './errors.js';

export const MIN_PASSWORD_LENGTH = 8;
/** Below this length the estimate is capped at "fair". */
const SHORT_LENGTH = 12;
/** Upper bound on what is fed to the KDF; far above anything typed. */
export const MAX_PASSWORD_LENGTH = 1024;

/** 0 = very weak … 4 = strong. */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  readonly score: PasswordScore;
  /** Rough guessing entropy in bits after the discounts below. */
  readonly bits: number;
  /** Short, user-facing reasons the score is low (empty for strong passwords). */
  readonly warnings: readonly string[];
}

/** Throws {@link WeakPasswordError} when a new password is shorter than the minimum. */
export function assertNewPassword(password: string): void {
  if (typeof password !== 'string') throw new TypeError('"password" expected a string');
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw new WeakPasswordError(MIN_PASSWORD_LENGTH);
  if (length > MAX_PASSWORD_LENGTH) throw new RangeError(`"password" must be at most ${MAX_PASSWORD_LENGTH} characters`);
}

// The most common leaked passwords and wallet-flavoured variants (lower case; compared after
// stripping trailing digits and symbols, so "Password123!" matches "password").
const COMMON = new Set(
  (
    'password passw0rd p@ssword p@ssw0rd qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm iloveyou ' +
    'letmein welcome welcome1 admin administrator monkey dragon football baseball basketball ' +
    'sunshine princess superman batman master shadow michael jennifer jordan hunter hunter2 ' +
    'trustno1 whatever starwars freedom charlie donald abc123 abcdef abcd1234 secret ' +
    'changeme default login access flower hello hello123 loveme mustang pokemon ninja ' +
    'azerty qazwsx 1q2w3e4r 1qaz2wsx zaq12wsx wallet mywallet crypto bitcoin ethereum conflux ' +
    'metamask fluent wayfarer blockchain satoshi moon tothemoon hodl lambo mnemonic seedphrase ' +
    'google facebook computer internet samsung iphone android cookie summer winter autumn spring'
  ).split(' '),
);

const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc', 'qazwsxedc'];

function classSize(password: string): number {
  let size = 0;
  if (/[a-z]/.test(password)) size += 26;
  if (/[A-Z]/.test(password)) size += 26;
  if (/[0-9]/.test(password)) size += 10;
  if (/[^a-zA-Z0-9\s]/u.test(password)) size += 33;
  if (/\s/.test(password)) size += 1;
  if (/[^\u0000-\u007f]/u.test(password)) size += 100;
  return Math.max(size, 1);
}

/** Characters that continue a run (aaa, abc, cba, 123, qwe) add almost nothing. */
function countPredictable(lower: string): number {
  const chars = [...lower];
  let predictable = 0;
  for (let i = 2; i < chars.length; i++) {
    const triple = chars.slice(i - 2, i + 1).join('');
    const reversed = [...triple].reverse().join('');
    const repeat = chars[i] === chars[i - 1] && chars[i] === chars[i - 2];
    const run = SEQUENCES.some((s) => s.includes(triple) || s.includes(reversed));
    if (repeat || run) predictable++;
  }
  return predictable;
}

/**
 * Estimates how hard the password is to guess.
 * @example
 * estimatePasswordStrength('correct horse battery staple').score // 4
 * estimatePasswordStrength('Password123!').score // 0
 */
export function estimatePasswordStrength(password: string): PasswordStrength {
  if (typeof password !== 'string') throw new TypeError('"password" expected a string');
  const warnings: string[] = [];
  const length = [...password].length;
  const lower = password.toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');

  if (COMMON.has(lower) || COMMON.has(core) || COMMON.has(core.replace(/0/g, 'o').replace(/1/g, 'i').replace(/3/g, 'e').replace(/@/g, 'a').replace(/\$/g, 's'))) {
    return { score: 0, bits: 0, warnings: ['This is one of the most common passwords.'] };
  }
  if (length < MIN_PASSWORD_LENGTH) warnings.push(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);

  const predictable = countPredictable(lower);
  if (predictable > 0) warnings.push('Avoid runs like "abc", "123", "qwerty" or repeated characters.');
  if (/(19|20)\d\d/.test(password)) warnings.push('Dates and years are easy to guess.');
  const distinct = new Set(lower).size;

  const perChar = Math.log2(classSize(password));
  // Each predictable character counts as ~1 bit; a date counts as ~7 bits for its 4 digits.
  const dateDigits = (password.match(/(19|20)\d\d/g)?.length ?? 0) * 4;
  const freeChars = Math.max(length - predictable - dateDigits, 0);
  let bits = freeChars * perChar + predictable + (dateDigits > 0 ? 7 : 0);
  // Few distinct characters means a small effective alphabet.
  if (distinct < length / 2) {
    bits = Math.min(bits, length * Math.log2(Math.max(distinct, 2)));
    warnings.push('Use more different characters.');
  }
  if (classSize(password) <= 26 && length < 16) warnings.push('Longer passphrases or mixed characters are stronger.');

  let score: PasswordScore = bits < 30 ? 0 : bits < 45 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  // Short passwords are usually words with substitutions, which this small estimator cannot see
  // through; against offline guessing they deserve no better than "fair".
  if (length < SHORT_LENGTH && score > 2) {
    score = 2;
    warnings.push(`Use ${SHORT_LENGTH} or more characters.`);
  }
  return { score, bits: Math.round(bits), warnings: score === 4 ? [] : [...new Set(warnings)] };
}
