/**
 * BLS12-381 pieces of Conflux PoS: min-pk keys (G1) and signatures (G2), hash-to-curve with the
 * basic NUL suite (`BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_`), all from @noble/curves.
 *
 * Threat model: keys and signatures arrive from an untrusted node. Every point is decoded with
 * on-curve and prime-order-subgroup checks and the identity is refused, so a crafted point cannot
 * make a pairing check pass trivially. Aggregating keys of the same message is safe only because
 * validators prove possession of their key when they register on chain; therefore keys must come
 * from a verified EpochState only (never from the unsigned `nextEpochValidators` map).
 * @module
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToHex } from '../../encoding/hex.js';
import { LightClientError } from '../errors.js';

const { longSignatures } = bls12_381;

export type G1Point = ReturnType<typeof bls12_381.G1.Point.fromBytes>;
export type G2Point = ReturnType<typeof bls12_381.G2.Point.fromBytes>;

function invalidPoint(title: string, cause?: unknown): LightClientError {
  return new LightClientError('invalid_point', `${title}: not a valid point of the BLS12-381 subgroup`, cause === undefined ? {} : { cause });
}

/**
 * Checked keys by encoding. Validators keep their keys across epochs, so each rotation would
 * otherwise repeat the same decompressions and subgroup checks. Only valid points are cached.
 */
const keyCache = new Map<string, G1Point>();
const KEY_CACHE_SIZE = 1024;

/** Decodes a G1 public key (48-byte compressed or 96-byte uncompressed); rejects identity and non-subgroup points. */
export function decodePublicKey(bytes: Uint8Array, title = 'public key'): G1Point {
  if (bytes.length !== 48 && bytes.length !== 96) throw new LightClientError('malformed', `${title}: expected 48 or 96 bytes, got ${bytes.length}`);
  const cacheKey = bytesToHex(bytes);
  const cached = keyCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let point: G1Point;
  try {
    point = bls12_381.G1.Point.fromBytes(bytes);
    point.assertValidity();
  } catch (cause) {
    throw invalidPoint(title, cause);
  }
  if (point.is0()) throw invalidPoint(title);
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(cacheKey, point);
  return point;
}

/** Decodes a G2 signature (96-byte compressed or 192-byte uncompressed); rejects identity and non-subgroup points. */
export function decodeSignature(bytes: Uint8Array, title = 'signature'): G2Point {
  if (bytes.length !== 96 && bytes.length !== 192) throw new LightClientError('malformed', `${title}: expected 96 or 192 bytes, got ${bytes.length}`);
  let point: G2Point;
  try {
    point = bls12_381.G2.Point.fromBytes(bytes);
    point.assertValidity();
  } catch (cause) {
    throw invalidPoint(title, cause);
  }
  if (point.is0()) throw invalidPoint(title);
  return point;
}

/** 48-byte compressed encoding of a G1 point (the form BCS serializes). */
export function compressPublicKey(point: G1Point): Uint8Array {
  return point.toBytes(true);
}

/** Hash-to-G2 of the signed message (SEED ‖ BCS bytes), with the NUL-suite DST. */
export function hashMessage(message: Uint8Array): G2Point {
  return longSignatures.hash(message);
}

/** One pairing check for the whole signer set: e(Σpk, H(m)) == e(G1, sig). */
export function verifyAggregated(publicKeys: readonly G1Point[], hashedMessage: G2Point, signature: G2Point): boolean {
  if (publicKeys.length === 0) return false;
  const aggregate = publicKeys.reduce((sum, key) => sum.add(key), bls12_381.G1.Point.ZERO);
  if (aggregate.is0()) return false;
  return longSignatures.verify(signature, hashedMessage, aggregate);
}

/** Aggregates individual signatures (for answers without `aggregatedSignature`). */
export function aggregateSignatures(signatures: readonly G2Point[]): G2Point {
  return signatures.reduce((sum, sig) => sum.add(sig), bls12_381.G2.Point.ZERO);
}

/** Checks one validator's own signature. */
export function verifySingle(publicKey: G1Point, hashedMessage: G2Point, signature: G2Point): boolean {
  return longSignatures.verify(signature, hashedMessage, publicKey);
}
