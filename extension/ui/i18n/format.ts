/**
 * Numbers, amounts and dates for the language shown, through the platform's Intl.
 *
 * Only what is displayed is localized. Amounts are converted from base units by shared/units.ts
 * exactly (no floating point), then the decimal string is handed to Intl.NumberFormat as a string,
 * which formats it exactly too: nothing signed, typed or copied (exact values, inputs with their '.'
 * decimal point) goes through here.
 * @module
 */
import { formatAmount, type FormatAmountOptions } from '../../shared/units.js';
import { currentLocale } from './i18n.js';

type NumberFormatOptions = Intl.NumberFormatOptions & { roundingMode?: 'trunc' };
type StringFormat = (value: string) => string;

/** An integer (epoch, block number, count) with the locale's digit grouping. */
export function formatNumber(value: number, locale: string = currentLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/**
 * A token amount from base units, for reading: truncated past `maxFractionDigits` (never rounded
 * up), grouped and with the decimal sign of the locale. `<0.0001` when a non-zero value would show
 * as zero.
 */
export function formatAmountDisplay(value: bigint, decimals: number, options: Omit<FormatAmountOptions, 'group'> = {}, locale: string = currentLocale()): string {
  const plain = formatAmount(value, decimals, { ...options, group: false });
  const match = /^(<?)(-?\d+)(?:\.(\d+))?$/.exec(plain);
  if (!match) return plain;
  const [, below = '', whole = '0', fraction = ''] = match;
  const digits = fraction.length;
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, roundingMode: 'trunc' } as NumberFormatOptions).format as unknown as StringFormat;
  return below + format(digits === 0 ? whole : `${whole}.${fraction}`);
}

/** A wall-clock date and time, e.g. for transaction details. */
export function formatDateTime(timestampMs: number, locale: string = currentLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(timestampMs));
}
