import { expect, test } from 'vitest';
import { MIN_PASSWORD_LENGTH } from './password-hint.js';
import { checkNewPassword } from './new-password.js';

const good = 'a fine long passphrase';

test('a long enough password typed twice is accepted', () => {
  expect(checkNewPassword(good, good)).toEqual({ tooShort: false, mismatch: false, unchanged: false, ok: true });
  expect(checkNewPassword(good, good, 'the old one here').ok).toBe(true);
});

test('too short by the vault rule (characters, not UTF-16 units)', () => {
  const short = 'x'.repeat(MIN_PASSWORD_LENGTH - 1);
  expect(checkNewPassword(short, short)).toMatchObject({ tooShort: true, ok: false });
  const emoji = '🔑'.repeat(MIN_PASSWORD_LENGTH - 1);
  expect(checkNewPassword(emoji, emoji).tooShort).toBe(true);
});

test('a repeat that differs is refused', () => {
  expect(checkNewPassword(good, `${good} `)).toMatchObject({ mismatch: true, ok: false });
  expect(checkNewPassword(good, '')).toMatchObject({ mismatch: true, ok: false });
});

test('the current password as the new one is refused when changing', () => {
  expect(checkNewPassword(good, good, good)).toMatchObject({ unchanged: true, ok: false });
  // Onboarding has no current password.
  expect(checkNewPassword(good, good, '').unchanged).toBe(false);
});
