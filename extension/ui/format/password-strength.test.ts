import { expect, test } from 'vitest';
import { passwordStrength } from './password-strength.js';

test.each([
  ['', 'too_short'],
  ['abc1234', 'too_short'],
  ['password', 'weak'],
  ['Password1!', 'weak'],
  ['aaaaaaaaaaaaaaaa', 'weak'],
  ['12345678901234', 'weak'],
  ['qwertyuiop', 'weak'],
  ['tR7#pLw2', 'fair'],
  ['correct horse battery staple', 'strong'],
  ['Kx9!mQ2@vB7#wZ4$', 'strong'],
] as const)('%j → %s', (password, level) => {
  expect(passwordStrength(password).level).toBe(level);
});

test('every level comes with a hint', () => {
  for (const p of ['x', 'password', 'tR7#pLw2', 'correct horse battery staple']) expect(passwordStrength(p).hint.length).toBeGreaterThan(10);
});
