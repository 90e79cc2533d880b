/**
 * Batch verification of BLS signature equations e(pk_i, H(m_i)) == e(G1, σ_i) with random linear
 * combinations: with random 64-bit scalars r_i, one check
 *   ∏ e(r_i·pk_i, H(m_i)) · e(−G1, Σ r_i·σ_i) == 1
 * replaces n checks, sharing one final exponentiation (the most expensive step of a pairing) and
 * one Miller loop for all signatures. Every primitive (scalar multiplication, pairings) is
 * @noble/curves'; this module only builds the equation.
 *
 * Threat model: the signatures come from untrusted nodes, which could try to make invalid
 * signatures cancel each other out inside a batch. The scalars are drawn after the answers are in
 * and are unknown to the node, so a batch containing any invalid equation passes with probability
 * at most 2⁻⁶⁴ per attempt. Inputs must already be checked points of the prime-order subgroups
 * (keys from a verified committee, signatures decoded with subgroup checks, hashes from
 * hash-to-curve). A failed batch says only that some equation is wrong: callers then check the
 * equations one by one to find which answer to blame.
 * @module
 */
import { pippenger } from '@noble/curves/abstract/curve.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { randomBytes as secureRandomBytes } from '@noble/hashes/utils.js';
import type { G1Point, G2Point } from './bls.js';
import { NEGATED_GENERATOR, verifyWithAggregateKey } from './bls.js';

const { Fp12 } = bls12_381.fields;

/** One signature equation: e(key, hashed) == e(G1, signature). */
export interface SignatureEquation {
  readonly key: G1Point;
  readonly hashed: G2Point;
  readonly signature: G2Point;
}

/** Source of random bytes (secure by default; tests inject a seeded one). */
export type RandomBytes = (length: number) => Uint8Array;

/** `count` uniformly random non-zero 64-bit scalars. */
export function randomScalars(count: number, random: RandomBytes = secureRandomBytes): bigint[] {
  const bytes = random(count * 8);
  if (bytes.length !== count * 8) throw new RangeError(`expected ${count * 8} random bytes, got ${bytes.length}`);
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    let r = 0n;
    for (let j = 0; j < 8; j++) r = (r << 8n) | BigInt(bytes[i * 8 + j]!);
    out.push(r === 0n ? 1n : r);
  }
  return out;
}

/**
 * Checks all equations at once. True only if (with overwhelming probability) every one holds.
 * @example if (!verifyBatch(equations)) equations.forEach((e) => verifyWithAggregateKey(e.key, e.hashed, e.signature))
 */
export function verifyBatch(equations: readonly SignatureEquation[], random: RandomBytes = secureRandomBytes): boolean {
  if (equations.length === 0) return true;
  if (equations.length === 1) return verifyWithAggregateKey(equations[0]!.key, equations[0]!.hashed, equations[0]!.signature);
  const scalars = randomScalars(equations.length, random);
  try {
    const combined = pippenger(bls12_381.G2.Point, equations.map((e) => e.signature), scalars);
    const pairs = equations.map((e, i) => ({ g1: e.key.multiplyUnsafe(scalars[i]!), g2: e.hashed }));
    if (combined.is0()) return false;
    pairs.push({ g1: NEGATED_GENERATOR, g2: combined });
    return Fp12.eql(bls12_381.pairingBatch(pairs), Fp12.ONE);
  } catch {
    return false; // an identity point inside the combination: let the one-by-one check decide
  }
}
