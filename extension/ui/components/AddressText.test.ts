import { expect, test } from 'vitest';
import { shortenAddress } from './AddressText.js';

test('shortenAddress keeps the prefix and both ends', () => {
  expect(shortenAddress('cfx:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg')).toBe('cfx:aarc9a…jgh4xg');
  expect(shortenAddress('0xFCAd0B19bB29D4674531d6f115237E16AfCE377c')).toBe('0xFCAd0B…CE377c');
  expect(shortenAddress('0x1234')).toBe('0x1234');
});
