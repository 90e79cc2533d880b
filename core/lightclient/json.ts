/**
 * Strict readers for JSON-RPC answers.
 *
 * Node answers are untrusted input: every field the light client hashes or verifies is read
 * through these helpers, which reject wrong types, wrong lengths and non-canonical numbers with a
 * `malformed` {@link LightClientError} naming the field. No field is ever defaulted.
 * @module
 */
import { hexToBytes as nobleHexToBytes } from '@noble/hashes/utils.js';
import { hexToBytes, quantityToBigInt } from '../encoding/hex.js';
import { malformed } from './errors.js';

export type JsonObject = Readonly<Record<string, unknown>>;

const HEX_BODY = /^[0-9a-fA-F]*$/;
const MAX_U64 = (1n << 64n) - 1n;

export function asObject(value: unknown, title: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`${title}: expected an object`);
  return value as JsonObject;
}

export function asArray(value: unknown, title: string): readonly unknown[] {
  if (!Array.isArray(value)) throw malformed(`${title}: expected an array`);
  return value;
}

export function asString(value: unknown, title: string): string {
  if (typeof value !== 'string') throw malformed(`${title}: expected a string`);
  return value;
}

export function asBoolean(value: unknown, title: string): boolean {
  if (typeof value !== 'boolean') throw malformed(`${title}: expected a boolean`);
  return value;
}

/** `0x`-prefixed hex of an exact byte length (hashes, addresses, blooms). */
export function asBytes(value: unknown, title: string, length?: number): Uint8Array {
  const text = asString(value, title);
  // Hot path (every header field): noble's decoder rejects odd lengths and non-hex digits itself.
  if (text.startsWith('0x') && (length === undefined || text.length === 2 + 2 * length)) {
    try {
      return nobleHexToBytes(text.slice(2));
    } catch (cause) {
      throw malformed(`${title}: not a hex string`, cause);
    }
  }
  try {
    return hexToBytes(text, length, title);
  } catch (cause) {
    throw malformed(`${title}: ${cause instanceof Error ? cause.message : 'invalid hex'}`, cause);
  }
}

/**
 * Hex with or without `0x` (PoS RPC answers of older nodes omit the prefix), for keys and
 * signatures whose length is then checked by the caller.
 */
export function asLooseBytes(value: unknown, title: string): Uint8Array {
  const text = asString(value, title);
  const body = text.startsWith('0x') ? text.slice(2) : text;
  if (body.length % 2 !== 0 || !HEX_BODY.test(body)) throw malformed(`${title}: not a hex string`);
  return hexToBytes(`0x${body}`, undefined, title);
}

/** A JSON-RPC quantity (`0x` hex, no leading zeros) of at most `maxBits` bits. */
export function asQuantity(value: unknown, title: string, maxBits = 256): bigint {
  try {
    return quantityToBigInt(asString(value, title), title, maxBits);
  } catch (cause) {
    throw malformed(`${title}: ${cause instanceof Error ? cause.message : 'invalid quantity'}`, cause);
  }
}

/** A u64 quantity as bigint. */
export function asU64(value: unknown, title: string): bigint {
  const n = asQuantity(value, title, 64);
  if (n > MAX_U64) throw malformed(`${title}: wider than 64 bits`);
  return n;
}

/** A u64 quantity that must also be a safe JavaScript integer (heights, epochs, rounds). */
export function asSafeNumber(value: unknown, title: string): number {
  const n = asU64(value, title);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed(`${title}: larger than ${Number.MAX_SAFE_INTEGER}`);
  return Number(n);
}
