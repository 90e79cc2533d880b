/**
 * Authenticated encryption of vault payloads: AES-256-GCM under a per-write key.
 *
 * Threat model: the ciphertext sits in IndexedDB and in backup files the user moves around; an
 * attacker may read and rewrite it at will. Confidentiality and integrity rest on AES-256-GCM (native
 * WebCrypto). The header (format, version, record id, revision, KDF parameters) is passed as
 * additional authenticated data, so no header field can be changed, and no ciphertext moved to
 * another record, without failing authentication.
 *
 * Per-write keys: the slow password derivation ({@link ./kdf.ts}) yields a master key once per
 * unlock. Each write draws a fresh 32-byte salt and 12-byte IV and derives its own AES key with
 * HKDF-SHA256(master key, salt). So every write has a fresh random salt and IV without needing the
 * password again, no two writes ever share a GCM key (the nonce-reuse bound of a single long-lived
 * GCM key never comes into play), and the session only ever holds the master key, never the password.
 * @module
 */
import { AuthenticationFailedError } from './errors.js';
import { ownedBytes, randomBytes, utf8, type VaultCrypto } from './crypto.js';

export const CIPHER_NAME = 'aes-256-gcm-hkdf-sha256';
export const WRITE_SALT_LENGTH = 32;
export const IV_LENGTH = 12;
/** AES-GCM tag length in bytes; the tag is appended to the ciphertext (WebCrypto's layout). */
export const TAG_LENGTH = 16;
const HKDF_INFO = utf8('wayfarer-vault/aes-256-gcm');

/** Output of {@link seal}: everything besides the header needed to decrypt. */
export interface Sealed {
  readonly writeSalt: Uint8Array;
  readonly iv: Uint8Array;
  /** Ciphertext followed by the 16-byte tag. */
  readonly ciphertext: Uint8Array;
}

/**
 * Imports the master key as a non-extractable HKDF key: once imported, not even this code can read
 * the bytes back, so the caller can wipe its raw copy.
 */
export async function importMasterKey(crypto: VaultCrypto, raw: Uint8Array): Promise<CryptoKey> {
  if (!(raw instanceof Uint8Array) || raw.length !== 32) throw new RangeError('"masterKey" expected 32 bytes');
  return crypto.subtle.importKey('raw', ownedBytes(raw), 'HKDF', false, ['deriveKey', 'deriveBits']);
}

export const KEY_CHECK_LENGTH = 32;
const KEY_CHECK_INFO = utf8('wayfarer-vault/key-check');

/**
 * A value derived from the master key (HKDF-SHA256, its own info string) and stored in the record,
 * so a password attempt can tell "wrong password" from "right password, damaged data". It tells an
 * attacker nothing a trial decryption would not: computing it costs the same full KDF run.
 */
export async function keyCheck(crypto: VaultCrypto, masterKey: CryptoKey): Promise<Uint8Array> {
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: KEY_CHECK_INFO }, masterKey, KEY_CHECK_LENGTH * 8);
  return new Uint8Array(bits);
}

async function writeKey(crypto: VaultCrypto, masterKey: CryptoKey, writeSalt: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: ownedBytes(writeSalt), info: HKDF_INFO },
    masterKey,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Encrypts `plaintext` bound to `aad`, with a fresh write salt and IV. */
export async function seal(crypto: VaultCrypto, masterKey: CryptoKey, plaintext: Uint8Array, aad: Uint8Array): Promise<Sealed> {
  const writeSalt = randomBytes(crypto, WRITE_SALT_LENGTH);
  const iv = randomBytes(crypto, IV_LENGTH);
  const key = await writeKey(crypto, masterKey, writeSalt, 'encrypt');
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ownedBytes(aad), tagLength: TAG_LENGTH * 8 }, key, ownedBytes(plaintext));
  return { writeSalt, iv, ciphertext: new Uint8Array(ct) };
}

/**
 * Decrypts and authenticates. Any mismatch (key, salt, IV, AAD, ciphertext, tag) throws
 * {@link AuthenticationFailedError}; nothing unauthenticated is ever returned.
 */
export async function open(crypto: VaultCrypto, masterKey: CryptoKey, sealed: Sealed, aad: Uint8Array): Promise<Uint8Array> {
  if (sealed.writeSalt.length !== WRITE_SALT_LENGTH || sealed.iv.length !== IV_LENGTH || sealed.ciphertext.length < TAG_LENGTH) {
    throw new AuthenticationFailedError({ details: 'sealed fields have the wrong length' });
  }
  const key = await writeKey(crypto, masterKey, sealed.writeSalt, 'decrypt');
  try {
    const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ownedBytes(sealed.iv), additionalData: ownedBytes(aad), tagLength: TAG_LENGTH * 8 }, key, ownedBytes(sealed.ciphertext));
    return new Uint8Array(pt);
  } catch (cause) {
    throw new AuthenticationFailedError({ cause });
  }
}
