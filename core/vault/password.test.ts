import { describe, expect, test } from 'vitest';
import { assertNewPassword, estimatePasswordStrength, MIN_PASSWORD_LENGTH } from './password.js';
import { WeakPasswordError } from './errors.js';

describe('new password rule', () => {
  test('minimum length in characters, not UTF-16 units', () => {
    expect(() => assertNewPassword('1234567')).toThrow(WeakPasswordError);
    expect(() => assertNewPassword('😀😀😀😀')).toThrow(WeakPasswordError); // 8 UTF-16 units, 4 characters
    expect(() => assertNewPassword('x'.repeat(MIN_PASSWORD_LENGTH))).not.toThrow();
    expect(() => assertNewPassword('x'.repeat(2000))).toThrow(RangeError);
    expect(() => Reflect.apply(assertNewPassword, undefined, [12345678])).toThrow(TypeError);
  });
});

describe('strength estimate', () => {
  test.each([
    ['password', 0],
    ['Password123!', 0],
    ['P@ssw0rd', 0],
    ['qwertyuiop', 0],
    ['12345678', 0],
    ['aaaaaaaaaaaa', 0],
    ['abcdefgh', 0],
    ['conflux2024', 0],
    ['Tr0ub4dor&3', 2],
    ['correct horse battery staple', 4],
    ['vH7#qL9!xR2@mN5$', 4],
  ] as const)('%s scores %i', (password, score) => {
    expect(estimatePasswordStrength(password).score).toBe(score);
  });

  test('warnings explain weak passwords, none for strong ones', () => {
    expect(estimatePasswordStrength('password').warnings[0]).toMatch(/common/);
    expect(estimatePasswordStrength('abcdefgh1').warnings.join(' ')).toMatch(/runs/);
    expect(estimatePasswordStrength('summer1999x').warnings.join(' ')).toMatch(/years/);
    expect(estimatePasswordStrength('correct horse battery staple').warnings).toEqual([]);
  });

  test('longer is never weaker when adding random characters', () => {
    let previous = -1;
    for (const p of ['kq', 'kq7Z', 'kq7Z#m', 'kq7Z#mW2', 'kq7Z#mW2p!', 'kq7Z#mW2p!Xv', 'kq7Z#mW2p!Xv4&']) {
      const { bits } = estimatePasswordStrength(p);
      expect(bits).toBeGreaterThanOrEqual(previous);
      previous = bits;
    }
  });
});
