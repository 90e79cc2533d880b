/**
 * Strict readers for untrusted JSON objects (stored records, backup files, decrypted payloads).
 * Each reader names the field in its error, and objects must have exactly the expected keys, so a
 * record this code did not write (or a future format squeezed into an old version number) is
 * rejected instead of half-understood.
 * @module
 */
import { VaultFormatError } from './errors.js';

export type JsonObject = Record<string, unknown>;

/** Upper bound for any stored record or backup text (a keyring with hundreds of wallets fits). */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

export function parseJsonObject(text: unknown, title: string): JsonObject {
  if (typeof text !== 'string') throw new VaultFormatError(`${title}: expected text`);
  if (text.length > MAX_RECORD_CHARS) throw new VaultFormatError(`${title}: larger than ${MAX_RECORD_CHARS} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new VaultFormatError(`${title}: not valid JSON (truncated or damaged)`, { cause });
  }
  return asObject(value, title);
}

export function asObject(value: unknown, title: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new VaultFormatError(`${title}: expected an object`);
  return value as JsonObject;
}

/** Rejects keys outside `allowed` and requires every key in `required`. */
export function expectKeys(object: JsonObject, title: string, required: readonly string[], optional: readonly string[] = []): void {
  for (const key of Object.keys(object)) {
    if (!required.includes(key) && !optional.includes(key)) throw new VaultFormatError(`${title}: unexpected field "${key}"`);
  }
  for (const key of required) {
    if (!(key in object)) throw new VaultFormatError(`${title}: missing field "${key}"`);
  }
}

export function readString(object: JsonObject, key: string, title: string, maxLength = 10_000): string {
  const value = object[key];
  if (typeof value !== 'string') throw new VaultFormatError(`${title}.${key}: expected a string`);
  if (value.length > maxLength) throw new VaultFormatError(`${title}.${key}: longer than ${maxLength} characters`);
  return value;
}

export function readInteger(object: JsonObject, key: string, title: string, min: number, max: number): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new VaultFormatError(`${title}.${key}: expected an integer in [${min}, ${max}]`);
  }
  return value;
}

export function readBoolean(object: JsonObject, key: string, title: string): boolean {
  const value = object[key];
  if (typeof value !== 'boolean') throw new VaultFormatError(`${title}.${key}: expected a boolean`);
  return value;
}

export function readArray(object: JsonObject, key: string, title: string, maxLength = 10_000): unknown[] {
  const value = object[key];
  if (!Array.isArray(value)) throw new VaultFormatError(`${title}.${key}: expected an array`);
  if (value.length > maxLength) throw new VaultFormatError(`${title}.${key}: more than ${maxLength} entries`);
  return value;
}

const ID = /^[0-9a-f]{32}$/;

/** Record, wallet and account ids: 16 random bytes as lower-case hex. */
export function readId(object: JsonObject, key: string, title: string): string {
  const value = readString(object, key, title, 32);
  if (!ID.test(value)) throw new VaultFormatError(`${title}.${key}: expected a 32-digit lower-case hex id`);
  return value;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}
