/**
 * Strict hex and integer conversions shared by every module.
 *
 * Node answers and dApp parameters arrive as JSON strings; these helpers are the only place they
 * become bytes or integers, so one set of rules (0x prefix, even length, no stray characters,
 * bounded sizes) applies everywhere.
 * @module
 */
import { bytesToHex as nobleBytesToHex, hexToBytes as nobleHexToBytes, concatBytes } from '@noble/hashes/utils.js';
import { WayfarerError } from '../errors.js';

export { concatBytes };

export class HexError extends WayfarerError {
  declare readonly code: 'hex.invalid';
  constructor(message: string, details?: string) {
    super('hex.invalid', message, details === undefined ? {} : { details });
  }
}

/** A `0x`-prefixed hex string (bytes or a quantity); the type does not check the digits. */
export type Hex = `0x${string}`;

const HEX_BODY = /^[0-9a-fA-F]*$/;

/** True for a `0x`-prefixed string of hex digits (any length, including `0x`). */
export function isHex(value: unknown): value is Hex {
  return typeof value === 'string' && value.startsWith('0x') && HEX_BODY.test(value.slice(2));
}

/**
 * Parses `0x`-prefixed hex into bytes. Odd length, a missing prefix or a non-hex digit throw.
 * @param expectedLength when given, the byte length must match exactly.
 */
export function hexToBytes(hex: string, expectedLength?: number, title = 'hex'): Uint8Array {
  if (typeof hex !== 'string') throw new HexError(`${title}: expected a 0x-prefixed hex string, got ${typeof hex}`);
  if (!hex.startsWith('0x')) throw new HexError(`${title}: missing 0x prefix`);
  const body = hex.slice(2);
  if (body.length % 2 !== 0) throw new HexError(`${title}: odd number of hex digits`);
  if (!HEX_BODY.test(body)) throw new HexError(`${title}: not a hex string`);
  const bytes = nobleHexToBytes(body);
  if (expectedLength !== undefined && bytes.length !== expectedLength) {
    throw new HexError(`${title}: expected ${expectedLength} bytes, got ${bytes.length}`);
  }
  return bytes;
}

/** Lower-case `0x` hex of the bytes. */
export function bytesToHex(bytes: Uint8Array): Hex {
  return `0x${nobleBytesToHex(bytes)}`;
}

/** Largest integer width the wallet ever handles (uint256). */
export const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * Parses a JSON-RPC quantity (`0x`-prefixed hex, no leading zeros except `0x0`) into a bigint.
 * @param maxBits the value must fit in this many bits (256 by default).
 */
export function quantityToBigInt(value: string, title = 'quantity', maxBits = 256): bigint {
  if (typeof value !== 'string' || !value.startsWith('0x')) throw new HexError(`${title}: expected a 0x-prefixed quantity`);
  const body = value.slice(2);
  if (body.length === 0 || !HEX_BODY.test(body)) throw new HexError(`${title}: not a hex quantity`);
  if (body.length > 1 && body[0] === '0') throw new HexError(`${title}: quantity has leading zeros`);
  if (body.length > Math.ceil(maxBits / 4)) throw new HexError(`${title}: wider than ${maxBits} bits`);
  const n = BigInt(value);
  if (n >> BigInt(maxBits) !== 0n) throw new HexError(`${title}: wider than ${maxBits} bits`);
  return n;
}

/** Same as {@link quantityToBigInt} but for values that must be safe JavaScript integers. */
export function quantityToNumber(value: string, title = 'quantity'): number {
  const n = quantityToBigInt(value, title, 53);
  return Number(n);
}

/** Formats a non-negative integer as a JSON-RPC quantity (`0x0`, `0x1f`). */
export function toQuantity(value: bigint | number): Hex {
  const n = typeof value === 'number' ? BigInt(value) : value;
  if (n < 0n) throw new HexError('quantity must not be negative');
  return `0x${n.toString(16)}`;
}

/** Minimal big-endian bytes of a non-negative integer; zero is the empty array. */
export function bigIntToBytes(value: bigint): Uint8Array {
  if (value < 0n) throw new HexError('integer must not be negative');
  if (value === 0n) return new Uint8Array(0);
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return nobleHexToBytes(hex);
}

/** Big-endian bytes to an unsigned integer (empty → 0). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  return BigInt(`0x${nobleBytesToHex(bytes)}`);
}

/** Left-pads big-endian bytes to `length`; throws if they are longer. */
export function padBytes(bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length > length) throw new HexError(`value is ${bytes.length} bytes, more than ${length}`);
  const out = new Uint8Array(length);
  out.set(bytes, length - bytes.length);
  return out;
}

/** Constant-shape byte comparison (for equality checks of hashes and roots, not secrets). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
