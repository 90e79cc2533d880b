/**
 * The stored vault record, format version 2 (current): a self-describing JSON document.
 *
 * ```json
 * { "format": "wayfarer-vault", "version": 2, "id": "<32 hex>", "revision": 7,
 *   "kdf": { "name": "pbkdf2-sha256", "iterations": 600000, "salt": "<base64>" },
 *   "keyCheck": "<base64>",
 *   "cipher": { "name": "aes-256-gcm-hkdf-sha256", "salt": "<base64>", "iv": "<base64>" },
 *   "ciphertext": "<base64: AES-GCM ciphertext || tag>" }
 * ```
 *
 * `id` names the vault (stable across writes, so a record cannot be swapped for another vault's);
 * `revision` grows by one on every write (so concurrent writers detect each other). `keyCheck`
 * (cipher.ts) tells a wrong password from damaged data. All of them, with the
 * format, version and KDF parameters, are bound into the AES-GCM additional data by
 * {@link recordAad}: editing any header field makes decryption fail. The same document is the body
 * of a backup file. Parsing is strict; unknown versions and unknown fields are rejected, never
 * guessed at.
 * @module
 */
import { UnsupportedAlgorithmError, UnsupportedVaultVersionError, VaultFormatError } from './errors.js';
import { CIPHER_NAME, IV_LENGTH, KEY_CHECK_LENGTH, TAG_LENGTH, WRITE_SALT_LENGTH, type Sealed } from './cipher.js';
import { assertKdfParams, type KdfParams } from './kdf.js';
import { decodeBase64, encodeBase64, utf8 } from './crypto.js';
import { asObject, expectKeys, parseJsonObject, readId, readInteger, readString, type JsonObject } from './json.js';

export const VAULT_FORMAT = 'wayfarer-vault';
export const CURRENT_VAULT_VERSION = 2;
/** Revisions stay safe integers for any realistic number of writes. */
export const MAX_REVISION = Number.MAX_SAFE_INTEGER;

/** A parsed version-2 record. The ciphertext is still encrypted. */
export interface VaultRecord {
  readonly version: 2;
  readonly id: string;
  readonly revision: number;
  readonly kdf: KdfParams;
  readonly keyCheck: Uint8Array;
  readonly sealed: Sealed;
}

/** The record fields besides the ciphertext. */
export type RecordHeader = Pick<VaultRecord, 'id' | 'revision' | 'kdf' | 'keyCheck'>;

/** The additional authenticated data of a record: every header field, in a fixed order. */
export function recordAad(header: RecordHeader): Uint8Array {
  const { id, revision, kdf, keyCheck } = header;
  return utf8(JSON.stringify([VAULT_FORMAT, CURRENT_VAULT_VERSION, id, revision, kdf.name, kdf.iterations, encodeBase64(kdf.salt), encodeBase64(keyCheck), CIPHER_NAME]));
}

/** Serializes a record to its stored text. */
export function encodeRecord(record: VaultRecord): string {
  return JSON.stringify(recordToJson(record));
}

export function recordToJson(record: VaultRecord): JsonObject {
  return {
    format: VAULT_FORMAT,
    version: CURRENT_VAULT_VERSION,
    id: record.id,
    revision: record.revision,
    kdf: { name: record.kdf.name, iterations: record.kdf.iterations, salt: encodeBase64(record.kdf.salt) },
    keyCheck: encodeBase64(record.keyCheck),
    cipher: { name: CIPHER_NAME, salt: encodeBase64(record.sealed.writeSalt), iv: encodeBase64(record.sealed.iv) },
    ciphertext: encodeBase64(record.sealed.ciphertext),
  };
}

/** Parses stored text as a version-2 record. */
export function decodeRecord(text: string): VaultRecord {
  return recordFromJson(parseJsonObject(text, 'vault'));
}

/** Validates an already-parsed version-2 record object. */
export function recordFromJson(object: JsonObject): VaultRecord {
  const title = 'vault';
  if (object.format !== VAULT_FORMAT) throw new VaultFormatError(`${title}.format: expected "${VAULT_FORMAT}"`);
  if (object.version !== CURRENT_VAULT_VERSION) throw new UnsupportedVaultVersionError(object.version);
  expectKeys(object, title, ['format', 'version', 'id', 'revision', 'kdf', 'keyCheck', 'cipher', 'ciphertext']);
  const id = readId(object, 'id', title);
  const revision = readInteger(object, 'revision', title, 1, MAX_REVISION);

  const kdfJson = asObject(object.kdf, `${title}.kdf`);
  expectKeys(kdfJson, `${title}.kdf`, ['name', 'iterations', 'salt']);
  const kdf = { name: kdfJson.name, iterations: kdfJson.iterations, salt: decodeBase64(kdfJson.salt, `${title}.kdf.salt`) };
  assertKdfParams(kdf);
  const keyCheck = decodeBase64(object.keyCheck, `${title}.keyCheck`, KEY_CHECK_LENGTH);

  const cipherJson = asObject(object.cipher, `${title}.cipher`);
  expectKeys(cipherJson, `${title}.cipher`, ['name', 'salt', 'iv']);
  if (cipherJson.name !== CIPHER_NAME) throw new UnsupportedAlgorithmError('cipher', cipherJson.name);
  const writeSalt = decodeBase64(cipherJson.salt, `${title}.cipher.salt`, WRITE_SALT_LENGTH);
  const iv = decodeBase64(cipherJson.iv, `${title}.cipher.iv`, IV_LENGTH);
  const ciphertext = decodeBase64(readString(object, 'ciphertext', title, Number.MAX_SAFE_INTEGER), `${title}.ciphertext`);
  if (ciphertext.length < TAG_LENGTH) throw new VaultFormatError(`${title}.ciphertext: shorter than the authentication tag`);

  return { version: 2, id, revision, kdf, keyCheck, sealed: { writeSalt, iv, ciphertext } };
}
