import { describe, expect, test } from 'vitest';
import { bigIntToBytes, bytesToBigInt, bytesToHex, HexError, hexToBytes, isHex, padBytes, quantityToBigInt, quantityToNumber, toQuantity } from './hex.js';

describe('hex helpers', () => {
  test('hexToBytes accepts 0x hex of any case and checks length', () => {
    expect(hexToBytes('0xAbCd')).toEqual(Uint8Array.of(0xab, 0xcd));
    expect(hexToBytes('0x')).toEqual(new Uint8Array(0));
    expect(() => hexToBytes('0xabcd', 3)).toThrow(/expected 3 bytes/);
  });
  test.each([['abcd'], ['0xabc'], ['0xzz'], ['0x 1'], [12 as unknown as string]])('hexToBytes rejects %s', (bad) => {
    expect(() => hexToBytes(bad)).toThrow(HexError);
  });
  test('quantities', () => {
    expect(quantityToBigInt('0x0')).toBe(0n);
    expect(quantityToBigInt('0x1f')).toBe(31n);
    expect(quantityToNumber('0x1f')).toBe(31);
    expect(toQuantity(31n)).toBe('0x1f');
    expect(toQuantity(0)).toBe('0x0');
    for (const bad of ['0x', '1f', '0x01', '0xg', '0x' + '1'.repeat(65)]) expect(() => quantityToBigInt(bad)).toThrow(HexError);
    expect(() => quantityToNumber('0x20000000000000')).toThrow(/53 bits/);
    expect(() => toQuantity(-1n)).toThrow(HexError);
  });
  test('integers and padding', () => {
    expect(bigIntToBytes(0n)).toEqual(new Uint8Array(0));
    expect(bigIntToBytes(256n)).toEqual(Uint8Array.of(1, 0));
    expect(bytesToBigInt(Uint8Array.of(1, 0))).toBe(256n);
    expect(bytesToHex(padBytes(Uint8Array.of(1), 4))).toBe('0x00000001');
    expect(() => padBytes(new Uint8Array(5), 4)).toThrow(HexError);
    expect(isHex('0x12')).toBe(true);
    expect(isHex('12')).toBe(false);
  });
});
