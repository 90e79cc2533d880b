/**
 * Recoverable secp256k1 signatures over 32-byte hashes, and public-key recovery. (Signing lives
 * in {@link PrivateKey.signHash} so the secret never leaves its object.)
 *
 * Threat model: recovery decides who sent a transaction or signed a message, so it only accepts
 * canonical signatures: r and s in 1..n−1, s in the lower half (high-s forms are the malleable
 * twin of a valid signature), recovery bit 0 or 1.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { KeyError } from './errors.js';

/** secp256k1 group order. */
export const SECP256K1_N = secp256k1.Point.CURVE().n;
const HALF_N = SECP256K1_N >> 1n;

/** A signature with its recovery bit (`yParity`), the form every Conflux/Ethereum format builds on. */
export interface RecoverableSignature {
  r: bigint;
  s: bigint;
  yParity: 0 | 1;
}

/** Throws unless the signature is canonical (see module header). */
export function assertCanonicalSignature(signature: RecoverableSignature): RecoverableSignature {
  const { r, s, yParity } = signature;
  if (typeof r !== 'bigint' || r < 1n || r >= SECP256K1_N) throw new KeyError('key.signature', 'signature r is out of range');
  if (typeof s !== 'bigint' || s < 1n || s >= SECP256K1_N) throw new KeyError('key.signature', 'signature s is out of range');
  if (s > HALF_N) throw new KeyError('key.signature', 'signature s is in the upper half of the curve order (malleable form)');
  if (yParity !== 0 && yParity !== 1) throw new KeyError('key.signature', `signature recovery bit must be 0 or 1, got ${String(yParity)}`);
  return signature;
}

export function assertHash32(hash: Uint8Array, title = 'hash'): Uint8Array {
  if (!(hash instanceof Uint8Array) || hash.length !== 32) throw new KeyError('key.hash', `${title}: expected 32 bytes`);
  return hash;
}

/**
 * Recovers the 65-byte uncompressed public key that produced `signature` over `hash`.
 * @throws {KeyError} `key.signature` for non-canonical or unrecoverable signatures
 */
export function recoverPublicKey(hash: Uint8Array, signature: RecoverableSignature): Uint8Array {
  assertHash32(hash);
  assertCanonicalSignature(signature);
  try {
    return new secp256k1.Signature(signature.r, signature.s, signature.yParity).recoverPublicKey(hash).toBytes(false);
  } catch (cause) {
    throw new KeyError('key.signature', 'no public key recovers from this signature', { cause });
  }
}
