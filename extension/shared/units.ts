/**
 * Token amounts as text, for the wallet pages and the approval summaries the background builds:
 * the smallest unit (drip, wei, token base units) is a bigint, and the user reads and types decimal
 * strings. Conversion is exact — no floating point anywhere — because a rounding error here
 * changes what the user signs.
 *
 * Parsing is strict on purpose: exponents, signs, grouping characters and more fraction digits
 * than the token has are rejected with a reason, never rounded or guessed.
 * @module
 */

export class AmountParseError extends Error {
  constructor(readonly reason: 'empty' | 'format' | 'too_precise' | 'too_large', message: string) {
    super(message);
    this.name = 'AmountParseError';
  }
}

const MAX_UINT256 = (1n << 256n) - 1n;
const DECIMAL_RE = /^(\d*)(?:\.(\d*))?$/;

function assertDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77) throw new RangeError(`decimals: expected an integer in 0..77, got ${decimals}`);
  return decimals;
}

/**
 * Parses a user-typed decimal amount into base units.
 * @throws {AmountParseError} empty input, a malformed number, too many fraction digits, or more than uint256.
 * @example parseAmount('1.5', 18) // 1500000000000000000n
 */
export function parseAmount(text: string, decimals: number): bigint {
  assertDecimals(decimals);
  const trimmed = text.trim();
  if (trimmed === '') throw new AmountParseError('empty', 'Enter an amount.');
  const match = DECIMAL_RE.exec(trimmed);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) throw new AmountParseError('format', 'Use digits and at most one decimal point, e.g. 12.5');
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    throw new AmountParseError('too_precise', decimals === 0 ? 'This token has no decimal places.' : `At most ${decimals} digits after the decimal point.`);
  }
  const value = BigInt((whole || '0') + fraction.padEnd(decimals, '0'));
  if (value > MAX_UINT256) throw new AmountParseError('too_large', 'That amount is too large.');
  return value;
}

export interface FormatAmountOptions {
  /** Fraction digits to show at most; the value is truncated (never rounded up) beyond them. */
  maxFractionDigits?: number;
  /** Group the whole part in thousands (1,234,567). Default true. */
  group?: boolean;
}

/**
 * Formats base units as a decimal string. Truncates (never rounds up) past `maxFractionDigits`, and
 * shows `<0.0001`-style text when a non-zero value would otherwise print as zero.
 * @example formatAmount(1500000000000000000n, 18) // '1.5'
 */
export function formatAmount(value: bigint, decimals: number, options: FormatAmountOptions = {}): string {
  assertDecimals(decimals);
  if (value < 0n) return `-${formatAmount(-value, decimals, options)}`;
  const maxFraction = Math.min(options.maxFractionDigits ?? decimals, decimals);
  const base = 10n ** BigInt(decimals);
  const whole = value / base;
  const fractionFull = (value % base).toString().padStart(decimals, '0');
  const fraction = fractionFull.slice(0, maxFraction).replace(/0+$/, '');
  const wholeText = options.group === false ? whole.toString() : groupThousands(whole.toString());
  if (whole === 0n && fraction === '' && value !== 0n) return maxFraction === 0 ? '<1' : `<0.${'0'.repeat(maxFraction - 1)}1`;
  return fraction === '' ? wholeText : `${wholeText}.${fraction}`;
}

/** The exact value, for input fields and copy: no grouping, no truncation. */
export function formatAmountExact(value: bigint, decimals: number): string {
  return formatAmount(value, decimals, { group: false });
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
