/**
 * Reader for vault format version 1, the original format, kept so old vaults and backups open.
 *
 * ```json
 * { "version": 1, "kdf": { "iterations": 310000, "salt": "<hex, 16 bytes>" },
 *   "iv": "<hex, 12 bytes>", "data": "<hex: AES-GCM ciphertext || tag>" }
 * ```
 * The AES-256-GCM key is PBKDF2-HMAC-SHA256(NFC(password), salt, iterations) used directly, with no
 * additional data. Its plaintext (payload schema 1) is
 * `{ "wallets": [ { "type": "hd", "mnemonic", "passphrase", "accounts": n } | { "type": "key", "privateKey" } ] }`
 * with no names, order or hidden flags.
 *
 * Version 1 bound nothing into the AAD and used one key for every write; version 2 fixed both. A
 * version-1 record is never written again: after a successful password unlock it is migrated
 * (migrations.ts) and stored as version 2 in the same atomic write. This module only reads.
 * @module
 */
import { AuthenticationFailedError, VaultFormatError } from './errors.js';
import { fromUtf8, ownedBytes, type VaultCrypto } from './crypto.js';
import { assertKdfParams, deriveMasterKey } from './kdf.js';
import { asObject, expectKeys, parseJsonObject, readArray, readInteger, readString, type JsonObject } from './json.js';

export interface LegacyV1Record {
  readonly version: 1;
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly iv: Uint8Array;
  readonly data: Uint8Array;
}

export type LegacyV1Wallet = { readonly type: 'hd'; readonly mnemonic: string; readonly passphrase: string; readonly accounts: number } | { readonly type: 'key'; readonly privateKey: string };

export interface LegacyV1Keyring {
  readonly wallets: readonly LegacyV1Wallet[];
}

const HEX = /^[0-9a-f]*$/;

function readHexField(object: JsonObject, key: string, title: string, length?: number): Uint8Array {
  const text = readString(object, key, title, 8 * 1024 * 1024);
  if (text.length % 2 !== 0 || !HEX.test(text)) throw new VaultFormatError(`${title}.${key}: expected lower-case hex`);
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  if (length !== undefined && bytes.length !== length) throw new VaultFormatError(`${title}.${key}: expected ${length} bytes`);
  return bytes;
}

/** Validates a parsed version-1 record object. */
export function legacyV1FromJson(object: JsonObject): LegacyV1Record {
  const title = 'vault';
  expectKeys(object, title, ['version', 'kdf', 'iv', 'data']);
  const kdf = asObject(object.kdf, `${title}.kdf`);
  expectKeys(kdf, `${title}.kdf`, ['iterations', 'salt']);
  const iterations = readInteger(kdf, 'iterations', `${title}.kdf`, 1, Number.MAX_SAFE_INTEGER);
  const salt = readHexField(kdf, 'salt', `${title}.kdf`);
  assertKdfParams({ name: 'pbkdf2-sha256', iterations, salt });
  const iv = readHexField(object, 'iv', title, 12);
  const data = readHexField(object, 'data', title);
  if (data.length < 16) throw new VaultFormatError(`${title}.data: shorter than the authentication tag`);
  return { version: 1, iterations, salt, iv, data };
}

/** Decrypts a version-1 record; a wrong password or altered data throws {@link AuthenticationFailedError}. */
export async function openLegacyV1(crypto: VaultCrypto, record: LegacyV1Record, password: string): Promise<Uint8Array> {
  const raw = await deriveMasterKey(crypto, password, { name: 'pbkdf2-sha256', iterations: record.iterations, salt: record.salt });
  try {
    const key = await crypto.subtle.importKey('raw', ownedBytes(raw), 'AES-GCM', false, ['decrypt']);
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ownedBytes(record.iv), tagLength: 128 }, key, ownedBytes(record.data));
    return new Uint8Array(plaintext);
  } catch (cause) {
    throw new AuthenticationFailedError({ cause });
  } finally {
    raw.fill(0);
  }
}

/** Parses the schema-1 plaintext. */
export function decodeLegacyV1Keyring(bytes: Uint8Array): LegacyV1Keyring {
  const object = parseJsonObject(fromUtf8(bytes, 'keyring'), 'keyring');
  expectKeys(object, 'keyring', ['wallets']);
  const wallets = readArray(object, 'wallets', 'keyring', 1000).map((entry, i): LegacyV1Wallet => {
    const title = `keyring.wallets[${i}]`;
    const w = asObject(entry, title);
    if (w.type === 'hd') {
      expectKeys(w, title, ['type', 'mnemonic', 'passphrase', 'accounts']);
      return { type: 'hd', mnemonic: readString(w, 'mnemonic', title, 1000), passphrase: readString(w, 'passphrase', title, 1000), accounts: readInteger(w, 'accounts', title, 1, 1000) };
    }
    if (w.type === 'key') {
      expectKeys(w, title, ['type', 'privateKey']);
      return { type: 'key', privateKey: readString(w, 'privateKey', title, 100) };
    }
    throw new VaultFormatError(`${title}.type: unknown wallet type`);
  });
  return { wallets };
}
