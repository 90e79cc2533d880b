import { expect, test } from 'vitest';
import { estimatePasswordStrength } from '../../../core/vault/password.js';
import { isLongEnough, passwordHint } from './password-hint.js';

test.each([
  ['', 'too_short'],
  ['abc1234', 'too_short'],
  ['password', 'weak'],
  ['password1', 'weak'],
  ['Password1!', 'weak'],
  ['aaaaaaaaaaaaaaaa', 'weak'],
  ['12345678901234', 'weak'],
  ['qwertyuiop', 'weak'],
  ['tR7#pLw2', 'fair'],
  ['correct horse battery staple', 'strong'],
  ['Kx9!mQ2@vB7#wZ4$', 'strong'],
] as const)('%j → %s', (password, level) => {
  expect(passwordHint(password).level).toBe(level);
});

test('the level follows the vault’s score: 0–1 weak, 2 fair, 3–4 strong', () => {
  for (const password of ['password1', 'horsebattery', 'tR7#pLw2', 'tR7#pLw2xQ9!', 'correct horse battery staple', 'Kx9!mQ2@vB7#wZ4$']) {
    const { score } = estimatePasswordStrength(password);
    expect(passwordHint(password).level, password).toBe(score <= 1 ? 'weak' : score === 2 ? 'fair' : 'strong');
  }
});

test('a weak or fair password is told why, in the vault’s words', () => {
  const weak = passwordHint('Password1!');
  expect(weak.hint).toContain(estimatePasswordStrength('Password1!').warnings[0]);
  expect(passwordHint('tR7#pLw2xQ').level).toBe('fair');
  expect(passwordHint('tR7#pLw2xQ').hint).toContain('Use 12 or more characters.');
});

test('length is counted in characters, as the vault counts it', () => {
  // Seven emoji are 14 UTF-16 units but 7 characters: too short for the vault.
  expect(isLongEnough('🔑🔑🔑🔑🔑🔑🔑')).toBe(false);
  expect(passwordHint('🔑🔑🔑🔑🔑🔑🔑').level).toBe('too_short');
  expect(isLongEnough('🔑🔑🔑🔑🔑🔑🔑🔑')).toBe(true);
});

test('every level comes with a label and a hint', () => {
  for (const p of ['x', 'password', 'tR7#pLw2', 'correct horse battery staple']) {
    const { label, hint } = passwordHint(p);
    expect(label.length).toBeGreaterThan(2);
    expect(hint.length).toBeGreaterThan(10);
  }
});
