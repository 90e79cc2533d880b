/**
 * BLS12-381 pieces of Conflux PoS: min-pk keys (G1) and signatures (G2), hash-to-curve with the
 * basic NUL suite (`BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_`), all from @noble/curves.
 *
 * Threat model: keys and signatures arrive from an untrusted node. Every point is decoded with
 * on-curve and prime-order-subgroup checks and the identity is refused, so a crafted point cannot
 * make a pairing check pass trivially. Aggregating keys of the same message is safe only because
 * validators prove possession of their key when they register on chain; therefore keys must come
 * from a verified EpochState only (never from the unsigned `nextEpochValidators` map).
 *
 * Cost: noble re-checks every point it pairs but remembers the check per point instance. The
 * signature equation is therefore written with the negation on the (constant) generator, so a
 * checked key instance — decoded once per committee, or an aggregate cached for a signer set —
 * is paired as is instead of a fresh negated copy that would be checked again for every message.
 * @module
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToHex } from '../../encoding/hex.js';
import { LightClientError } from '../errors.js';

const { longSignatures } = bls12_381;
const { Fp12 } = bls12_381.fields;

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

interface CheckablePoint {
  assertValidity(): void;
  is0(): boolean;
}

/** Decodes a point with noble's on-curve and subgroup checks; refuses wrong lengths and the identity. */
function decodeChecked<P extends CheckablePoint>(bytes: Uint8Array, lengths: readonly [number, number], title: string, fromBytes: (b: Uint8Array) => P): P {
  if (!lengths.includes(bytes.length)) throw new LightClientError('malformed', `${title}: expected ${lengths[0]} or ${lengths[1]} bytes, got ${bytes.length}`);
  let point: P;
  try {
    point = fromBytes(bytes);
    point.assertValidity(); // fromBytes checks too; the result is remembered per instance
  } catch (cause) {
    throw invalidPoint(title, cause);
  }
  if (point.is0()) throw invalidPoint(title);
  return point;
}

/** Decodes a G1 public key (48-byte compressed or 96-byte uncompressed); rejects identity and non-subgroup points. */
export function decodePublicKey(bytes: Uint8Array, title = 'public key'): G1Point {
  const cacheKey = bytesToHex(bytes);
  const cached = keyCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const point = decodeChecked(bytes, [48, 96], title, (b) => bls12_381.G1.Point.fromBytes(b));
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(cacheKey, point);
  return point;
}

/** Decodes a G2 signature (96-byte compressed or 192-byte uncompressed); rejects identity and non-subgroup points. */
export function decodeSignature(bytes: Uint8Array, title = 'signature'): G2Point {
  return decodeChecked(bytes, [96, 192], title, (b) => bls12_381.G2.Point.fromBytes(b));
}

/** 48-byte compressed encoding of a G1 point (the form BCS serializes). */
export function compressPublicKey(point: G1Point): Uint8Array {
  return point.toBytes(true);
}

/** Hash-to-G2 of the signed message (SEED ‖ BCS bytes), with the NUL-suite DST. */
export function hashMessage(message: Uint8Array): G2Point {
  return longSignatures.hash(message);
}

/** −G1, the negated generator (its validity check is done once and remembered by noble). */
export const NEGATED_GENERATOR = bls12_381.G1.Point.BASE.negate();

/**
 * e(pk, H(m)) == e(G1, sig), checked as e(pk, H(m)) · e(−G1, sig) == 1 in one multi-pairing:
 * the equation of noble's `longSignatures.verify` (which negates the key instead; the negation may
 * sit in either pair). Every input is still checked by `pairingBatch`, once per point instance.
 */
function pairingCheck(publicKey: G1Point, hashedMessage: G2Point, signature: G2Point): boolean {
  try {
    return Fp12.eql(bls12_381.pairingBatch([{ g1: publicKey, g2: hashedMessage }, { g1: NEGATED_GENERATOR, g2: signature }]), Fp12.ONE);
  } catch {
    return false; // an identity or invalid point (as noble's verify answers)
  }
}

/** The sum of checked keys (null for none or when they cancel out). */
export function aggregatePublicKeys(publicKeys: readonly G1Point[]): G1Point | null {
  if (publicKeys.length === 0) return null;
  const aggregate = publicKeys.reduce((sum, key) => sum.add(key), bls12_381.G1.Point.ZERO);
  return aggregate.is0() ? null : aggregate;
}

/** One pairing check for the whole signer set: e(Σpk, H(m)) == e(G1, sig). */
export function verifyAggregated(publicKeys: readonly G1Point[], hashedMessage: G2Point, signature: G2Point): boolean {
  const aggregate = aggregatePublicKeys(publicKeys);
  return aggregate !== null && pairingCheck(aggregate, hashedMessage, signature);
}

/** The same check with the signers' keys already summed by {@link aggregatePublicKeys} (e.g. cached). */
export function verifyWithAggregateKey(aggregateKey: G1Point, hashedMessage: G2Point, signature: G2Point): boolean {
  return pairingCheck(aggregateKey, hashedMessage, signature);
}

/** Aggregates individual signatures (for answers without `aggregatedSignature`). */
export function aggregateSignatures(signatures: readonly G2Point[]): G2Point {
  return signatures.reduce((sum, sig) => sum.add(sig), bls12_381.G2.Point.ZERO);
}

/** Checks one validator's own signature. */
export function verifySingle(publicKey: G1Point, hashedMessage: G2Point, signature: G2Point): boolean {
  return pairingCheck(publicKey, hashedMessage, signature);
}
