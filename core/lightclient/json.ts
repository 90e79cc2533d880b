/**
 * Strict readers for JSON-RPC answers: the light client's schema domain.
 *
 * Node answers are untrusted input: every field the light client hashes or verifies is read
 * through these helpers, which reject wrong types, wrong lengths and non-canonical numbers with a
 * `malformed` {@link LightClientError} naming the field. No field is ever defaulted. The checks are
 * the kernel's (`core/schema/`); these readers add the conversions (bytes, bigint, number) the
 * verifiers work on. Answers reach them already bounded by the RPC client's response cap.
 * @module
 */
import { hexToBytes as nobleHexToBytes } from '@noble/hashes/utils.js';
import { isPlainObject, kindOf, schemaKit } from '../schema/index.js';
import { LightClientError, malformed } from './errors.js';

const kit = schemaKit({
  error: (path, problem) => malformed(`${path}: ${problem}`),
  owns: (error) => error instanceof LightClientError && error.kind === 'malformed',
  limits: { string: Number.MAX_SAFE_INTEGER, hexBytes: Number.MAX_SAFE_INTEGER },
});
const fail: (path: string, problem: string) => never = kit.fail;
const STRING = kit.string();
const BOOLEAN = kit.boolean();
const LOOSE_BYTES = kit.hex({ allowPrefixless: true });
const QUANTITIES = new Map<number, ReturnType<typeof kit.quantity>>();

export type JsonObject = Readonly<Record<string, unknown>>;

const MAX_U64 = (1n << 64n) - 1n;

/** A plain object, returned as is: the caller reads the fields it needs through these readers. */
export function asObject(value: unknown, title: string): JsonObject {
  if (!isPlainObject(value)) fail(title, `expected an object, got ${kindOf(value)}`);
  return value;
}

export function asArray(value: unknown, title: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(title, `expected an array, got ${kindOf(value)}`);
  return value;
}

export function asString(value: unknown, title: string): string {
  return STRING.parse(value, title);
}

export function asBoolean(value: unknown, title: string): boolean {
  return BOOLEAN.parse(value, title);
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
  // A missing prefix or a wrong length: the kernel's check names the problem.
  kit.hex(length === undefined ? {} : { bytes: length }).parse(text, title);
  return fail(title, 'not a hex string');
}

/**
 * Hex with or without `0x` (PoS RPC answers of older nodes omit the prefix), for keys and
 * signatures whose length is then checked by the caller.
 */
export function asLooseBytes(value: unknown, title: string): Uint8Array {
  const text = LOOSE_BYTES.parse(value, title);
  return nobleHexToBytes(text.startsWith('0x') ? text.slice(2) : text);
}

/** A JSON-RPC quantity (`0x` hex, no leading zeros) of at most `maxBits` bits. */
export function asQuantity(value: unknown, title: string, maxBits = 256): bigint {
  let schema = QUANTITIES.get(maxBits);
  if (schema === undefined) QUANTITIES.set(maxBits, (schema = kit.quantity(maxBits)));
  return BigInt(schema.parse(value, title));
}

/** A u64 quantity as bigint. */
export function asU64(value: unknown, title: string): bigint {
  const n = asQuantity(value, title, 64);
  if (n > MAX_U64) fail(title, 'wider than 64 bits');
  return n;
}

/** A u64 quantity that must also be a safe JavaScript integer (heights, epochs, rounds). */
export function asSafeNumber(value: unknown, title: string): number {
  const n = asU64(value, title);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) fail(title, `larger than ${Number.MAX_SAFE_INTEGER}`);
  return Number(n);
}
