/**
 * From stored text to keyring and back, across format versions.
 *
 * Threat model: stored text and backup files are attacker-controlled until authenticated. Decoding
 * checks structure and bounds (before any KDF work); only an authenticated plaintext is parsed as a
 * keyring. A failed authentication under a password means "wrong password"; the caller that knows
 * the key was right (a session key) reports tampering instead.
 * @module
 */
import { AuthenticationFailedError, UnsupportedVaultVersionError, VaultFormatError, VaultTamperedError, VaultUnreadableError, WrongPasswordError } from './errors.js';
import { importMasterKey, keyCheck, open, seal } from './cipher.js';
import { equalBytes } from '../encoding/hex.js';
import { deriveMasterKey, type KdfParams } from './kdf.js';
import { recordAad, recordFromJson, type VaultRecord } from './format.js';
import { decodeKeyring, encodeKeyring } from './keyring-codec.js';
import { decodeLegacyV1Keyring, legacyV1FromJson, openLegacyV1, type LegacyV1Record } from './legacy-v1.js';
import { migrateKeyringV1 } from './migrations.js';
import { parseJsonObject } from './json.js';
import { wipe, type VaultCrypto } from './crypto.js';
import type { Keyring } from './keyring.js';

export type AnyVaultRecord = VaultRecord | LegacyV1Record;

/** Parses stored text of any known format version. */
export function decodeAnyRecord(text: string): AnyVaultRecord {
  const object = parseJsonObject(text, 'vault');
  if (!('version' in object)) throw new VaultFormatError('vault.version: missing field "version"');
  if (object.version === 1) return legacyV1FromJson(object);
  if (object.version === 2) return recordFromJson(object);
  throw new UnsupportedVaultVersionError(object.version);
}

/** What a password opened: the keyring, and for version-2 records the master key (caller wipes). */
export interface OpenedWithPassword {
  readonly keyring: Keyring;
  /** Raw master key of a version-2 record; undefined for version 1, which must be re-encrypted. */
  readonly masterKey: Uint8Array | undefined;
}

/**
 * Opens any record with a password. Throws {@link WrongPasswordError} when the password is wrong,
 * {@link VaultTamperedError} when it is right (the key check matches) but the ciphertext does not
 * authenticate, {@link VaultUnreadableError} when the decrypted keyring cannot be parsed. Version-1
 * records have no key check, so for them any authentication failure reads as a wrong password.
 * `newId` and `now` are used only when migrating an old keyring.
 */
export async function openWithPassword(crypto: VaultCrypto, record: AnyVaultRecord, password: string, newId: () => string, now: number): Promise<OpenedWithPassword> {
  if (record.version === 1) {
    const plaintext = await authenticated(openLegacyV1(crypto, record, password));
    try {
      return { keyring: await migrateKeyringV1(decodeLegacyV1Keyring(plaintext), newId, now), masterKey: undefined };
    } catch (error) {
      if (error instanceof VaultFormatError) throw new VaultUnreadableError({ cause: error });
      throw error;
    } finally {
      wipe(plaintext);
    }
  }
  const raw = await deriveMasterKey(crypto, password, record.kdf);
  try {
    const key = await importMasterKey(crypto, raw);
    if (!(await keyMatches(crypto, key, record))) throw new WrongPasswordError();
    return { keyring: await openWithKnownKey(crypto, key, record), masterKey: raw };
  } catch (error) {
    wipe(raw);
    throw error;
  }
}

async function authenticated<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AuthenticationFailedError) throw new WrongPasswordError({ cause: error });
    throw error;
  }
}

/** True when `masterKey` is the key the record was written under (compares the key check). */
export async function keyMatches(crypto: VaultCrypto, masterKey: CryptoKey, record: VaultRecord): Promise<boolean> {
  return equalBytes(await keyCheck(crypto, masterKey), record.keyCheck);
}

/**
 * {@link openRecord} for a key known to be right: an authentication failure means the data was
 * altered ({@link VaultTamperedError}); an unparseable keyring is {@link VaultUnreadableError}.
 */
export async function openWithKnownKey(crypto: VaultCrypto, masterKey: CryptoKey, record: VaultRecord): Promise<Keyring> {
  try {
    return await openRecord(crypto, masterKey, record);
  } catch (error) {
    if (error instanceof AuthenticationFailedError) throw new VaultTamperedError({ cause: error });
    if (error instanceof VaultFormatError) throw new VaultUnreadableError({ cause: error });
    throw error;
  }
}

/** Decrypts a version-2 record with an imported master key and parses its keyring. */
export async function openRecord(crypto: VaultCrypto, masterKey: CryptoKey, record: VaultRecord): Promise<Keyring> {
  const plaintext = await open(crypto, masterKey, record.sealed, recordAad(record));
  try {
    return decodeKeyring(plaintext);
  } finally {
    wipe(plaintext);
  }
}

/** Encrypts a keyring into a version-2 record with a fresh write salt and IV. */
export async function sealRecord(crypto: VaultCrypto, masterKey: CryptoKey, header: { id: string; revision: number; kdf: KdfParams }, keyring: Keyring): Promise<VaultRecord> {
  const plaintext = encodeKeyring(keyring);
  try {
    const full = { id: header.id, revision: header.revision, kdf: header.kdf, keyCheck: await keyCheck(crypto, masterKey) };
    const sealed = await seal(crypto, masterKey, plaintext, recordAad(full));
    return { version: 2, ...full, sealed };
  } finally {
    wipe(plaintext);
  }
}
