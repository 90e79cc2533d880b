import { describe, expect, test } from 'vitest';
import hd from '../../test/vectors/signing/hd-derivation.json' with { type: 'json' };
import espace from '../../test/vectors/signing/espace-transactions.json' with { type: 'json' };
import { isValidEspaceAddress, parseEspaceAddress, toChecksumAddress } from './eip55.js';
import { AddressError } from './errors.js';

const checksummed = [
  ...hd.privateKeys.map((k) => k.eSpaceAddress),
  ...hd.vectors.flatMap((v) => v.core.map((a) => a.ethStyleAddressOfSameKey)),
  ...espace.vectors.map((v) => v.from),
  // EIP-55 specification examples
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

describe('EIP-55', () => {
  test.each(checksummed)('%s', (address) => {
    expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    expect(toChecksumAddress(`0x${address.slice(2).toUpperCase()}`)).toBe(address);
    expect(parseEspaceAddress(address)).toBe(address.toLowerCase());
    expect(parseEspaceAddress(address.toLowerCase())).toBe(address.toLowerCase());
    expect(parseEspaceAddress(`0x${address.slice(2).toUpperCase()}`)).toBe(address.toLowerCase());
  });

  test('a case flip in a checksummed address is caught', () => {
    for (const address of checksummed) {
      const at = [...address].findIndex((c, i) => i > 1 && /[a-fA-F]/.test(c));
      const ch = address[at]!;
      const flipped = address.slice(0, at) + (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) + address.slice(at + 1);
      if (flipped.slice(2) === flipped.slice(2).toLowerCase() || flipped.slice(2) === flipped.slice(2).toUpperCase()) continue;
      expect(() => parseEspaceAddress(flipped)).toThrow(expect.objectContaining({ code: 'address.eip55_checksum' }));
      expect(isValidEspaceAddress(flipped)).toBe(false);
    }
  });

  test.each([['0x1234'], ['FCAd0B19bB29D4674531d6f115237E16AfCE377c'], ['0xFCAd0B19bB29D4674531d6f115237E16AfCE377g'], ['0X' + 'a'.repeat(40)], ['cfx:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg']])('rejects %s', (bad) => {
    expect(() => parseEspaceAddress(bad)).toThrow(AddressError);
    expect(() => toChecksumAddress(bad)).toThrow(AddressError);
  });
  test('rejects non-strings', () => {
    expect(() => parseEspaceAddress(7 as unknown as string)).toThrow(expect.objectContaining({ code: 'address.not_string' }));
    expect(isValidEspaceAddress(null)).toBe(false);
  });
});
