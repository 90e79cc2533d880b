import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { encodeRlp, rlpInt } from '../encoding/rlp.js';
import { decodeAccount, decodeStorageValue } from './account.js';

const hash = new Uint8Array(32).fill(0xaa);
const admin = new Uint8Array(20).fill(0x11);

describe('account values', () => {
  test('Core user (5 fields), contract (8) and eSpace (3)', () => {
    // A real Core user account proved from a dev node: 10,000 CFX, nonce 0.
    expect(decodeAccount(hexToBytes('0xcf8a021e19e0c9bab240000080808080'), 'core')).toEqual({ kind: 'core_user', balance: 10n ** 22n, nonce: 0n, stakingBalance: 0n, collateralForStorage: 0n, accumulatedInterestReturn: 0n });
    const contract = encodeRlp([rlpInt(5), rlpInt(1), hash, rlpInt(0), rlpInt(62_500_000_000_000_000n), rlpInt(0), admin, [new Uint8Array(20), new Uint8Array(20), rlpInt(0), rlpInt(0), rlpInt(0)]]);
    expect(decodeAccount(contract, 'core')).toMatchObject({ kind: 'core_contract', balance: 5n, nonce: 1n, codeHash: bytesToHex(hash), collateralForStorage: 62_500_000_000_000_000n, admin: bytesToHex(admin) });
    expect(decodeAccount(encodeRlp([rlpInt(7), rlpInt(2), hash]), 'espace')).toEqual({ kind: 'espace', balance: 7n, nonce: 2n, codeHash: bytesToHex(hash) });
  });

  test.each([
    ['eSpace shape in Core', encodeRlp([rlpInt(7), rlpInt(2), hash]), 'core'],
    ['Core shape in eSpace', hexToBytes('0xcf8a021e19e0c9bab240000080808080'), 'espace'],
    ['not RLP', hexToBytes('0xcf8a02'), 'core'],
    ['a byte string', encodeRlp(rlpInt(5)), 'core'],
    ['leading zero', encodeRlp([Uint8Array.of(0, 5), rlpInt(1), hash]), 'espace'],
    ['short code hash', encodeRlp([rlpInt(7), rlpInt(2), hash.subarray(1)]), 'espace'],
  ] as const)('malformed: %s', (_, value, space) => {
    expect(() => decodeAccount(value, space)).toThrow(expect.objectContaining({ code: 'state.value_malformed' }));
  });
});

describe('storage values', () => {
  test('a U256, or [value, owner] when a Core contract records the collateral owner', () => {
    expect(decodeStorageValue(encodeRlp(rlpInt(123_456_789n)))).toEqual({ value: 123_456_789n, owner: null });
    expect(decodeStorageValue(encodeRlp([rlpInt(5), admin]))).toEqual({ value: 5n, owner: bytesToHex(admin) });
    expect(() => decodeStorageValue(encodeRlp([rlpInt(5)]))).toThrow(expect.objectContaining({ code: 'state.value_malformed' }));
    expect(() => decodeStorageValue(encodeRlp(new Uint8Array(33).fill(1)))).toThrow(expect.objectContaining({ code: 'state.value_malformed' }));
  });
});
