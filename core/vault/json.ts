/**
 * Strict readers for untrusted JSON objects (stored records, backup files, decrypted payloads): the
 * vault's schema domain, raising {@link VaultFormatError} (`vault.malformed`) with the field's path.
 * Objects must have exactly the expected keys, so a record this code did not write (or a future
 * format squeezed into an old version number) is rejected instead of half-understood. Only own
 * properties are read. The checks are the kernel's (`core/schema/`).
 * @module
 */
import { isPlainObject, kindOf, quoteKey, schemaKit } from '../schema/index.js';
import { VaultFormatError } from './errors.js';

export type JsonObject = Record<string, unknown>;

/** Upper bound for any stored record or backup text (a keyring with hundreds of wallets fits). */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const kit = schemaKit({ error: (path, problem) => new VaultFormatError(`${path}: ${problem}`), owns: (error) => error instanceof VaultFormatError });
const fail: (path: string, problem: string) => never = kit.fail;
const BOOLEAN = kit.boolean();
const ID_PATTERN = /^[0-9a-f]{32}$/;
const ID = kit.string({ max: 32, pattern: ID_PATTERN });

const own = (object: JsonObject, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

export function parseJsonObject(text: unknown, title: string): JsonObject {
  if (typeof text !== 'string') fail(title, 'expected text');
  if (text.length > MAX_RECORD_CHARS) fail(title, `larger than ${MAX_RECORD_CHARS} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new VaultFormatError(`${title}: not valid JSON (truncated or damaged)`, { cause });
  }
  return asObject(value, title);
}

export function asObject(value: unknown, title: string): JsonObject {
  if (!isPlainObject(value)) fail(title, `expected an object, got ${kindOf(value)}`);
  return value;
}

/** Rejects keys outside `required` and `optional` and requires every key in `required`. */
export function expectKeys(object: JsonObject, title: string, required: readonly string[], optional: readonly string[] = []): void {
  for (const key of Object.keys(object)) {
    if (!required.includes(key) && !optional.includes(key)) fail(title, `unexpected field ${quoteKey(key)}`);
  }
  for (const key of required) {
    if (!Object.hasOwn(object, key)) fail(title, `missing field ${quoteKey(key)}`);
  }
}

export function readString(object: JsonObject, key: string, title: string, maxLength = 10_000): string {
  return kit.string({ max: maxLength }).parse(own(object, key), `${title}.${key}`);
}

export function readInteger(object: JsonObject, key: string, title: string, min: number, max: number): number {
  return kit.number({ integer: true, min, max }).parse(own(object, key), `${title}.${key}`);
}

export function readBoolean(object: JsonObject, key: string, title: string): boolean {
  return BOOLEAN.parse(own(object, key), `${title}.${key}`);
}

export function readArray(object: JsonObject, key: string, title: string, maxLength = 10_000): unknown[] {
  const value = own(object, key);
  if (!Array.isArray(value)) fail(`${title}.${key}`, `expected an array, got ${kindOf(value)}`);
  if (value.length > maxLength) fail(`${title}.${key}`, `more than ${maxLength} entries`);
  return value;
}

/** Record, wallet and account ids: 16 random bytes as lower-case hex. */
export function readId(object: JsonObject, key: string, title: string): string {
  return ID.parse(own(object, key), `${title}.${key}`);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
