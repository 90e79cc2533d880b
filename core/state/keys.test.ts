import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes } from '../encoding/hex.js';
import { accountKey, deltaKeyBytes, deltaKeyPadding, parseStateKeyBytes, sameStateKey, stateKeyBytes, storageKey } from './keys.js';

const address = hexToBytes('0x1be45681ac6c53d5a40475f7526bac1fe7590fb8');
const slot = keccak_256(Uint8Array.of(1));
const DATA = new TextEncoder().encode('data');

describe('state keys', () => {
  test('raw keys: address, 0x81 for eSpace, "data" ‖ slot for storage', () => {
    expect(bytesToHex(stateKeyBytes(accountKey(address, 'core')))).toBe(bytesToHex(address));
    expect(bytesToHex(stateKeyBytes(accountKey(address, 'espace')))).toBe(`${bytesToHex(address)}81`);
    expect(bytesToHex(stateKeyBytes(storageKey(address, 'core', slot)))).toBe(bytesToHex(concatBytes(address, DATA, slot)));
    expect(bytesToHex(stateKeyBytes(storageKey(address, 'espace', slot)))).toBe(bytesToHex(concatBytes(address, Uint8Array.of(0x81), DATA, slot)));
  });

  test('parsing accepts exactly the four shapes', () => {
    for (const key of [accountKey(address, 'core'), accountKey(address, 'espace'), storageKey(address, 'core', slot), storageKey(address, 'espace', slot)]) {
      expect(sameStateKey(parseStateKeyBytes(stateKeyBytes(key)), key)).toBe(true);
    }
    const bad = [new Uint8Array(0), address.subarray(0, 19), concatBytes(address, Uint8Array.of(0x80)), concatBytes(address, DATA), concatBytes(address, DATA, slot.subarray(1)), concatBytes(address, new TextEncoder().encode('code'), slot), concatBytes(address, Uint8Array.of(0x82), DATA, slot)];
    for (const bytes of bad) expect(() => parseStateKeyBytes(bytes), bytesToHex(bytes)).toThrow(expect.objectContaining({ code: 'input.invalid' }));
  });

  test('delta keys: keccak-padded account part, then "data" ‖ keccak(padding ‖ slot)[4..] ‖ slot', () => {
    const padding = deltaKeyPadding(keccak_256(Uint8Array.of(2)), keccak_256(Uint8Array.of(3)));
    expect(bytesToHex(padding)).toBe(bytesToHex(keccak_256(concatBytes(keccak_256(Uint8Array.of(2)), keccak_256(Uint8Array.of(3))))));
    const accountPart = concatBytes(keccak_256(concatBytes(padding.subarray(0, 12), address)).subarray(0, 12), address);
    expect(bytesToHex(deltaKeyBytes(accountKey(address, 'core'), padding))).toBe(bytesToHex(accountPart));
    expect(bytesToHex(deltaKeyBytes(accountKey(address, 'espace'), padding))).toBe(bytesToHex(concatBytes(accountPart, Uint8Array.of(0x81))));
    const tail = concatBytes(DATA, keccak_256(concatBytes(padding, slot)).subarray(4), slot);
    expect(bytesToHex(deltaKeyBytes(storageKey(address, 'core', slot), padding))).toBe(bytesToHex(concatBytes(accountPart, tail)));
    expect(bytesToHex(deltaKeyBytes(storageKey(address, 'espace', slot), padding))).toBe(bytesToHex(concatBytes(accountPart, Uint8Array.of(0x81), tail)));
  });

  test('constructors check their input and copy it', () => {
    expect(() => accountKey(address.subarray(1), 'core')).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => accountKey(address, 'evm' as never)).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => storageKey(address, 'core', slot.subarray(2))).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    const mutable = Uint8Array.from(address);
    const key = accountKey(mutable, 'core');
    mutable[0] = 0;
    expect(key.address[0]).toBe(0x1b);
  });
});
