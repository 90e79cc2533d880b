/**
 * Password → master key derivation for the vault.
 *
 * Threat model: an attacker who copies the browser profile (disk image, backup file, malware that
 * reads IndexedDB) gets the encrypted vault and tries passwords offline. The only defence is the
 * cost of each guess, so derivation uses PBKDF2-HMAC-SHA256 at 600,000 iterations (the OWASP 2023
 * recommendation), run by the platform's native WebCrypto: a native implementation is what the
 * attacker's hardware runs too, so the user pays no JavaScript penalty the attacker doesn't pay
 * (bench/vault.bench.ts compares it with scrypt and Argon2id in pure JavaScript, which cost several
 * times more wall time for the user at their recommended minimums).
 *
 * The parameters (algorithm, iterations, salt) live in every record, so the policy can be raised
 * later: records below {@link CURRENT_KDF} still open and are re-encrypted with current parameters
 * after the next successful password unlock. Values outside sane bounds are rejected before any
 * work, so a crafted record or backup cannot make the wallet spin for hours.
 * @module
 */
import { UnsupportedAlgorithmError, VaultFormatError } from './errors.js';
import { ownedBytes, randomBytes, utf8, wipe, type VaultCrypto } from './crypto.js';

/** PBKDF2-HMAC-SHA256 parameters as stored in a record. */
export interface Pbkdf2Params {
  readonly name: 'pbkdf2-sha256';
  readonly iterations: number;
  readonly salt: Uint8Array;
}

export type KdfParams = Pbkdf2Params;

/** Parameters new and re-encrypted vaults get. */
export const CURRENT_KDF = { name: 'pbkdf2-sha256', iterations: 600_000, saltLength: 32 } as const;

/**
 * Accepted iteration range when reading. The floor admits records written under older, weaker
 * policies (they are upgraded on unlock); the ceiling bounds the work a crafted record can demand.
 */
export const PBKDF2_MIN_ITERATIONS = 100_000;
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
const MIN_SALT_LENGTH = 16;
const MAX_SALT_LENGTH = 64;

/** Length of the derived master key in bytes. */
export const MASTER_KEY_LENGTH = 32;

/** Fresh parameters under the current policy (new random salt). */
export function freshKdfParams(crypto: VaultCrypto): KdfParams {
  return { name: CURRENT_KDF.name, iterations: CURRENT_KDF.iterations, salt: randomBytes(crypto, CURRENT_KDF.saltLength) };
}

/** Checks stored parameters before any work is spent on them. */
export function assertKdfParams(params: { name: unknown; iterations: unknown; salt: Uint8Array }): asserts params is KdfParams {
  if (params.name !== 'pbkdf2-sha256') throw new UnsupportedAlgorithmError('key derivation', params.name);
  const it = params.iterations;
  if (typeof it !== 'number' || !Number.isSafeInteger(it) || it < PBKDF2_MIN_ITERATIONS || it > PBKDF2_MAX_ITERATIONS) {
    throw new VaultFormatError(`kdf.iterations: expected an integer in [${PBKDF2_MIN_ITERATIONS}, ${PBKDF2_MAX_ITERATIONS}]`);
  }
  if (params.salt.length < MIN_SALT_LENGTH || params.salt.length > MAX_SALT_LENGTH) {
    throw new VaultFormatError(`kdf.salt: expected ${MIN_SALT_LENGTH}–${MAX_SALT_LENGTH} bytes`);
  }
}

/** True when the parameters are weaker than (or different from) the current policy. */
export function kdfNeedsUpgrade(params: KdfParams): boolean {
  return params.name !== CURRENT_KDF.name || params.iterations < CURRENT_KDF.iterations || params.salt.length < CURRENT_KDF.saltLength;
}

/**
 * Passwords are compared as Unicode NFC (the RFC 8265 OpaqueString rule), so the same password typed
 * on two keyboards that compose accents differently opens the same vault.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/**
 * Derives the 32-byte master key. The caller owns the result and should {@link wipe} it when done.
 * @example
 * const key = await deriveMasterKey(platformCrypto(), 'correct horse', freshKdfParams(platformCrypto()));
 */
export async function deriveMasterKey(crypto: VaultCrypto, password: string, params: KdfParams): Promise<Uint8Array> {
  if (typeof password !== 'string') throw new TypeError('"password" expected a string');
  assertKdfParams(params);
  const passwordBytes = utf8(normalizePassword(password));
  try {
    const baseKey = await crypto.subtle.importKey('raw', passwordBytes, 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: ownedBytes(params.salt), iterations: params.iterations },
      baseKey,
      MASTER_KEY_LENGTH * 8,
    );
    return new Uint8Array(bits);
  } finally {
    wipe(passwordBytes);
  }
}
