/**
 * fast-check generators for transaction property tests (test-only). Values lean on fast-check's
 * bias towards range ends, and add the cases that matter for encoding: zero, uint256 max, empty
 * and long data, contract creation, empty and populated access lists.
 */
import fc from 'fast-check';
import { bytesToHex } from '../encoding/hex.js';
import type { AccessList } from './access-list.js';

export const UINT256 = (1n << 256n) - 1n;
export const UINT64 = (1n << 64n) - 1n;

export const uint256 = fc.oneof(fc.constantFrom(0n, 1n, UINT256), fc.bigInt({ min: 0n, max: UINT256 }), fc.bigInt({ min: 0n, max: 1n << 64n }));
export const uint64 = fc.oneof(fc.constantFrom(0n, UINT64), fc.bigInt({ min: 0n, max: UINT64 }));
export const chainId = fc.oneof(fc.constantFrom(1, 71, 1029, 1030, 2999), fc.integer({ min: 1, max: 0xffff_ffff }));

/** Data bytes: empty, short, or long (several KiB). */
export const dataBytes = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.uint8Array({ minLength: 1000, maxLength: 3000 }),
);

/** 20 bytes with a Conflux Core type nibble (0, 1, 8). */
export const coreAddressBytes = fc.tuple(fc.constantFrom(0x00, 0x10, 0x80), fc.uint8Array({ minLength: 20, maxLength: 20 })).map(([bits, bytes]) => {
  const out = Uint8Array.from(bytes);
  out[0] = bits | (out[0]! & 0x0f);
  return out;
});
export const anyAddressBytes = fc.uint8Array({ minLength: 20, maxLength: 20 });

export function accessListOf(addresses: fc.Arbitrary<Uint8Array>): fc.Arbitrary<AccessList> {
  return fc.array(
    fc.record({
      address: addresses.map((b) => bytesToHex(b)),
      storageKeys: fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => bytesToHex(b)), { maxLength: 3 }),
    }),
    { maxLength: 3 },
  );
}

/** A valid secp256k1 private key as hex (nonzero, below n with overwhelming probability; checked by the caller). */
export const privateKeyHex = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((b) => b.some((x) => x !== 0) && b[0]! < 0xff).map((b) => bytesToHex(b));

/** Fee pair with maxPriorityFeePerGas ≤ maxFeePerGas. */
export const feePair = fc.tuple(uint256, uint256).map(([a, b]) => (a <= b ? { maxPriorityFeePerGas: a, maxFeePerGas: b } : { maxPriorityFeePerGas: b, maxFeePerGas: a }));
