/**
 * The CIP-37 checksum: a 40-bit BCH code over 5-bit values (the same construction as Bitcoin
 * Cash's cashaddr, with Conflux's own generators).
 *
 * The 40-bit state is kept as two 32-bit halves so the loop stays in small-integer arithmetic;
 * a BigInt reference implementation in the tests checks it value for value.
 * @module
 */

// Generators from CIP-37, each split into its top 8 bits and low 32 bits.
const GENERATOR_HIGH = [0x98, 0x79, 0xf3, 0xae, 0x1e] as const;
const GENERATOR_LOW = [0xf2bc8e61, 0xb76d99e2, 0x3e5fb3c4, 0x2eabe2a8, 0x4f43e470] as const;

/**
 * Runs PolyMod over 5-bit values and returns `c ^ 1` as a number below 2^40 (safe in a double).
 * Encoding appends eight zeros and uses the result as checksum; a valid address gives 0.
 */
export function cip37PolyMod(values: ArrayLike<number>): number {
  let high = 0; // bits 32..39 of c
  let low = 1; // bits 0..31 of c
  for (let i = 0; i < values.length; i++) {
    const c0 = high >>> 3; // c >> 35
    // c = ((c & 0x07ffffffff) << 5) ^ d
    high = ((high & 0x07) << 5) | (low >>> 27);
    low = ((low << 5) ^ values[i]!) >>> 0;
    for (let bit = 0; bit < 5; bit++) {
      if ((c0 >>> bit) & 1) {
        high ^= GENERATOR_HIGH[bit]!;
        low = (low ^ GENERATOR_LOW[bit]!) >>> 0;
      }
    }
  }
  low = (low ^ 1) >>> 0;
  return high * 0x1_0000_0000 + low;
}
