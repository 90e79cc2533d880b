/**
 * A secp256k1 private key held as an opaque object.
 *
 * Threat model: the key must not leak through logs, JSON, errors or lingering buffers. The secret
 * lives in an ES private field (invisible to JSON.stringify and console inspection), is copied in
 * (the caller's buffer is not retained) and copied out only by {@link PrivateKey.exportBytes}, and
 * `wipe()` zeroes it; a wiped key refuses to work. Valid keys are exactly 1..n−1.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '../encoding/hex.js';
import { KeyError } from './errors.js';
import { assertHash32, type RecoverableSignature } from './signature.js';

const PRIVATE_KEY_HEX = /^(0x)?[0-9a-fA-F]{64}$/;

export class PrivateKey {
  readonly #secret: Uint8Array;
  #wiped = false;
  #publicKey: Uint8Array | undefined;

  private constructor(secret: Uint8Array) {
    this.#secret = secret;
  }

  /**
   * Copies 32 bytes into a new key.
   * @throws {KeyError} `key.private_key` when not 32 bytes or not in 1..n−1
   */
  static fromBytes(bytes: Uint8Array): PrivateKey {
    if (!(bytes instanceof Uint8Array) || bytes.length !== 32) throw new KeyError('key.private_key', 'private key: expected 32 bytes');
    if (!secp256k1.utils.isValidSecretKey(bytes)) throw new KeyError('key.private_key', 'private key is outside 1..n−1 of secp256k1');
    return new PrivateKey(Uint8Array.from(bytes));
  }

  /** 64 hex digits, with or without `0x`. */
  static fromHex(hex: string): PrivateKey {
    if (typeof hex !== 'string' || !PRIVATE_KEY_HEX.test(hex)) throw new KeyError('key.private_key', 'private key: expected 64 hex digits');
    const bytes = hexToBytes(hex.startsWith('0x') ? hex : `0x${hex}`, 32);
    try {
      return PrivateKey.fromBytes(bytes);
    } finally {
      bytes.fill(0);
    }
  }

  /** A fresh copy of the 32 secret bytes; the caller must zero it when done. */
  exportBytes(): Uint8Array {
    return Uint8Array.from(this.#live());
  }

  /** Public key, 65 bytes uncompressed (`04‖x‖y`) or 33 bytes compressed. */
  publicKey(compressed = false): Uint8Array {
    const secret = this.#live(); // a wiped key refuses every operation, even cached ones
    this.#publicKey ??= secp256k1.getPublicKey(secret, false);
    return compressed ? secp256k1.Point.fromBytes(this.#publicKey).toBytes(true) : Uint8Array.from(this.#publicKey);
  }

  /** Signs a 32-byte hash: RFC 6979 deterministic, low-s. */
  signHash(hash: Uint8Array): RecoverableSignature {
    assertHash32(hash);
    // prehash: false — the input already is the hash; noble would otherwise SHA-256 it again.
    const bytes = secp256k1.sign(hash, this.#live(), { prehash: false, format: 'recovered', lowS: true });
    // 'recovered' format is recovery ‖ r ‖ s.
    const signature = secp256k1.Signature.fromBytes(bytes, 'recovered');
    const recovery = signature.recovery;
    if (recovery !== 0 && recovery !== 1) throw new KeyError('key.signature', 'signer produced an unusable recovery bit');
    return { r: signature.r, s: signature.s, yParity: recovery };
  }

  /** Zeroes the secret; later use throws `key.wiped`. */
  wipe(): void {
    this.#secret.fill(0);
    this.#wiped = true;
  }

  get isWiped(): boolean {
    return this.#wiped;
  }

  /** Never serialises the secret. */
  toJSON(): string {
    return '[PrivateKey]';
  }

  toString(): string {
    return '[PrivateKey]';
  }

  #live(): Uint8Array {
    if (this.#wiped) throw new KeyError('key.wiped', 'private key has been wiped');
    return this.#secret;
  }
}

/** Imports a raw private key typed or pasted as hex (with or without `0x`). */
export function privateKeyFromHex(hex: string): PrivateKey {
  return PrivateKey.fromHex(hex);
}

/** A new random private key from the platform CSPRNG. */
export function generatePrivateKey(): PrivateKey {
  const bytes = secp256k1.utils.randomSecretKey();
  try {
    return PrivateKey.fromBytes(bytes);
  } finally {
    bytes.fill(0);
  }
}
