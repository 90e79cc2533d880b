import { describe, expect, test } from 'vitest';
import vectors from '../../test/vectors/signing/cip37-addresses.json' with { type: 'json' };
import { decodeCfxAddress, decodeCfxAddressAnyType, decodeCfxAddressToBytes, encodeCfxAddress, isValidCfxAddress } from './cip37.js';
import { AddressError, type AddressErrorCode } from './errors.js';
import { networkIdFromPrefix, networkPrefix } from './network.js';
import { cip37PolyMod } from './polymod.js';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';

/** The vectors' error categories and the code each maps to. */
const ERROR_CODES: Record<string, AddressErrorCode> = {
  'invalid checksum': 'address.checksum',
  'mixed case': 'address.mixed_case',
  'invalid network prefix': 'address.prefix',
  'invalid length': 'address.length',
  'invalid version byte': 'address.version',
  'invalid character': 'address.character',
  'address type mismatch': 'address.type_mismatch',
  'missing network prefix': 'address.missing_prefix',
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AddressError);
    return (error as AddressError).code;
  }
  throw new Error('expected a throw');
}

/** Literal transcription of the CIP-37 PolyMod with BigInt, to check the 32-bit-split version. */
function referencePolyMod(values: readonly number[]): bigint {
  const generators = [0x98f2bc8e61n, 0x79b76d99e2n, 0xf33e5fb3c4n, 0xae2eabe2a8n, 0x1e4f43e470n];
  let c = 1n;
  for (const d of values) {
    const c0 = c >> 35n;
    c = ((c & 0x07ffffffffn) << 5n) ^ BigInt(d);
    for (let i = 0; i < 5; i++) if ((c0 >> BigInt(i)) & 1n) c ^= generators[i]!;
  }
  return c ^ 1n;
}

describe('CIP-37 vectors', () => {
  test.each(vectors.encode)('encode $hex on $netId ($type)', (v) => {
    expect(encodeCfxAddress(v.hex, v.netId)).toBe(v.base32);
    expect(encodeCfxAddress(v.hex, v.netId, { verbose: true })).toBe(v.verbose);
    expect(encodeCfxAddress(hexToBytes(v.hex), v.netId)).toBe(v.base32);
    expect(decodeCfxAddress(v.base32)).toEqual({ hex: v.hex, networkId: v.netId, type: v.type });
    expect(decodeCfxAddress(v.verbose)).toEqual({ hex: v.hex, networkId: v.netId, type: v.type });
  });

  test.each(vectors.specCases)('CIP-37 text case $base32', (v) => {
    expect(encodeCfxAddress(v.hex, v.netId)).toBe(v.base32);
    expect(decodeCfxAddress(v.base32).hex).toBe(v.hex);
  });

  test.each(vectors.validDecode)('decodes $input ($note)', (v) => {
    expect(decodeCfxAddress(v.input)).toEqual({ hex: v.hex, networkId: v.netId, type: v.type });
    expect(bytesToHex(decodeCfxAddressToBytes(v.input).bytes)).toBe(v.hex);
    expect(isValidCfxAddress(v.input)).toBe(true);
  });

  test.each(vectors.invalid)('rejects $input: $error', (v) => {
    const expected = ERROR_CODES[v.error];
    expect(expected, `unmapped error category ${v.error}`).toBeDefined();
    expect(codeOf(() => decodeCfxAddress(v.input))).toBe(expected);
    expect(isValidCfxAddress(v.input)).toBe(false);
  });

  test('the checksum implementation matches a literal BigInt transcription of CIP-37', () => {
    let seed = 12345;
    for (let n = 0; n < 500; n++) {
      const values: number[] = [];
      const length = n % 60;
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        values.push(seed % 32);
      }
      expect(BigInt(cip37PolyMod(values))).toBe(referencePolyMod(values));
    }
  });
});

describe('CIP-37 invalid inputs', () => {
  const user = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
  const good = 'cfx:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg';
  test.each<[string, unknown, AddressErrorCode]>([
    ['not a string', 42, 'address.not_string'],
    ['empty', '', 'address.missing_prefix'],
    ['far too long', `cfx:${'a'.repeat(500)}`, 'address.length'],
    ['letter l', good.replace('aarc', 'larc'), 'address.character'],
    ['letter q', good.replace('aarc', 'qarc'), 'address.character'],
    ['non-ASCII', good.replace('aarc', 'äarc'), 'address.character'],
    ['space inside', good.replace('aarc', 'aar '), 'address.character'],
    ['net0', 'net0:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg', 'address.prefix'],
    ['leading zero net id', 'net01234:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg', 'address.prefix'],
    ['net id above 2^32-1', 'net4294967296:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg', 'address.prefix'],
    ['bad type option', good.replace('cfx:', 'cfx:type.builtin:'), 'address.type_mismatch'],
  ])('decode rejects %s', (_name, input, code) => {
    expect(codeOf(() => decodeCfxAddress(input as string))).toBe(code);
  });

  test('a valid checksum over a 0x2… address is refused (type nibble)', () => {
    // Build a correctly checksummed address by hand for a nibble Conflux does not define.
    const words = [0, ...hexToBytes('0x2a2f80341409639ea6a35bbcab8299066109aa55')];
    const encoded = encodeWithoutTypeCheck(Uint8Array.from(words), 'cfx');
    expect(codeOf(() => decodeCfxAddress(encoded))).toBe('address.type_nibble');
  });

  test('non-zero padding bits are refused even with a valid checksum', () => {
    const valid = encodeWithoutTypeCheck(Uint8Array.from([0, ...hexToBytes(user)]), 'cfx');
    expect(decodeCfxAddress(valid).hex).toBe(user);
    const alphabet = 'abcdefghjkmnprstuvwxyz0123456789';
    const values = [...valid.slice(4, 4 + 34)].map((c) => alphabet.indexOf(c));
    values[33] = values[33]! | 1; // last group holds 3 data bits and 2 padding bits
    expect(codeOf(() => decodeCfxAddress(withChecksum('cfx', values)))).toBe('address.padding');
  });

  test.each<[string, unknown, number, AddressErrorCode]>([
    ['short hex', '0x1a2f', 1029, 'address.hex'],
    ['no 0x', user.slice(2), 1029, 'address.hex'],
    ['not a string', 12, 1029, 'address.not_string'],
    ['unknown type nibble', '0x2a2f80341409639ea6a35bbcab8299066109aa55', 1029, 'address.type_nibble'],
    ['net id 0', user, 0, 'address.network_id'],
    ['net id too large', user, 2 ** 32, 'address.network_id'],
    ['fractional net id', user, 1.5, 'address.network_id'],
  ])('encode rejects %s', (_name, hex, networkId, code) => {
    expect(codeOf(() => encodeCfxAddress(hex as string, networkId))).toBe(code);
  });

  test('prefix helpers', () => {
    expect(networkPrefix(1029)).toBe('cfx');
    expect(networkPrefix(1)).toBe('cfxtest');
    expect(networkPrefix(4294967295)).toBe('net4294967295');
    expect(networkIdFromPrefix('net4294967295')).toBe(4294967295);
    expect(decodeCfxAddress(encodeCfxAddress(user, 4294967295)).networkId).toBe(4294967295);
  });
});

function withChecksum(prefix: string, payloadValues: number[]): string {
  const alphabet = 'abcdefghjkmnprstuvwxyz0123456789';
  const prefixValues = [...prefix].map((c) => c.charCodeAt(0) & 0x1f);
  const checksum = referencePolyMod([...prefixValues, 0, ...payloadValues, 0, 0, 0, 0, 0, 0, 0, 0]);
  const groups = [...payloadValues];
  for (let i = 7; i >= 0; i--) groups.push(Number((checksum >> BigInt(5 * i)) & 31n));
  return `${prefix}:${groups.map((g) => alphabet[g]).join('')}`;
}

function encodeWithoutTypeCheck(payload: Uint8Array, prefix: string): string {
  const values: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of payload) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      values.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) values.push((acc << (5 - bits)) & 31);
  return withChecksum(prefix, values);
}

describe('decodeCfxAddressAnyType (node data)', () => {
  test('accepts any first nibble but keeps every other rule', () => {
    const words = [0, ...hexToBytes('0x2a2f80341409639ea6a35bbcab8299066109aa55')];
    const unknown = encodeWithoutTypeCheck(Uint8Array.from(words), 'net1024');
    expect(bytesToHex(decodeCfxAddressAnyType(unknown).bytes)).toBe('0x2a2f80341409639ea6a35bbcab8299066109aa55');
    expect(decodeCfxAddressAnyType(unknown).networkId).toBe(1024);
    expect(bytesToHex(decodeCfxAddressAnyType(`NET1024:TYPE.UNKNOWN:${unknown.slice(8).toUpperCase()}`).bytes)).toBe('0x2a2f80341409639ea6a35bbcab8299066109aa55');
    expect(codeOf(() => decodeCfxAddressAnyType(`net1024:type.user:${unknown.slice(8)}`))).toBe('address.type_mismatch');
    expect(codeOf(() => decodeCfxAddress(unknown))).toBe('address.type_nibble');
    for (const v of vectors.invalid) {
      if (v.error === 'address type mismatch') continue;
      expect(() => decodeCfxAddressAnyType(v.input)).toThrow(AddressError);
    }
    for (const v of vectors.encode) expect(bytesToHex(decodeCfxAddressAnyType(v.verbose).bytes)).toBe(v.hex);
  });
});
