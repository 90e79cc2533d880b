import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { AmountParseError, formatAmount, formatAmountExact, parseAmount } from './units.js';

describe('parseAmount', () => {
  test.each([
    ['1', 18, 10n ** 18n],
    ['1.5', 18, 15n * 10n ** 17n],
    ['0.000000000000000001', 18, 1n],
    ['.5', 6, 500000n],
    ['5.', 6, 5000000n],
    [' 42 ', 0, 42n],
    ['007', 2, 700n],
  ])('%s with %d decimals', (text, decimals, expected) => {
    expect(parseAmount(text, decimals)).toBe(expected);
  });

  test.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['.', 'format'],
    ['-1', 'format'],
    ['+1', 'format'],
    ['1e18', 'format'],
    ['1,000', 'format'],
    ['1.2.3', 'format'],
    ['0x10', 'format'],
    ['١', 'format'], // non-ASCII digit
    ['0.0000000000000000001', 'too_precise'],
    [(1n << 256n).toString(), 'too_large'],
  ])('rejects %j (%s)', (text, reason) => {
    try {
      parseAmount(text, 18);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AmountParseError);
      expect((error as AmountParseError).reason).toBe(reason);
    }
  });

  test('a token without decimals rejects fractions', () => {
    expect(() => parseAmount('1.0', 0)).toThrow(AmountParseError);
  });
});

describe('formatAmount', () => {
  test.each([
    [0n, 18, {}, '0'],
    [10n ** 18n, 18, {}, '1'],
    [1234567n * 10n ** 18n, 18, {}, '1,234,567'],
    [1234567n * 10n ** 18n, 18, { group: false }, '1234567'],
    [15n * 10n ** 17n, 18, {}, '1.5'],
    [1n, 18, {}, '0.000000000000000001'],
    [1n, 18, { maxFractionDigits: 4 }, '<0.0001'],
    [19999n * 10n ** 14n, 18, { maxFractionDigits: 2 }, '1.99'], // truncates, never rounds up
    [5n, 0, {}, '5'],
    [-15n * 10n ** 17n, 18, {}, '-1.5'],
  ] as const)('%s / 10^%d %j → %s', (value, decimals, options, expected) => {
    expect(formatAmount(value, decimals, options)).toBe(expected);
  });

  test('exact formatting round-trips through parsing', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.integer({ min: 0, max: 36 }), (value, decimals) => {
        expect(parseAmount(formatAmountExact(value, decimals), decimals)).toBe(value);
      }),
    );
  });
});
