/**
 * A Golomb-coded set of domain names: each name hashed to a number below N·2^P, sorted, and the
 * gaps stored Rice-coded (P low bits, the rest in unary). About P + 2 bits per name; a name not in
 * the set is reported as present with probability about 2^−P.
 *
 * Used for the bundled phishing blocklist, where it is several times smaller than the names
 * themselves (the extension's whole size budget is 350 KB gzipped). The hash is SHA-256, so no one
 * can craft a harmless-looking name that collides with a listed one on purpose more easily than by
 * brute force; an accidental false positive is a warning the user can pass, never a silent block.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { SitesError } from './errors.js';

export interface GolombSet {
  count: number;
  /** Rice parameter P: bits per remainder. */
  bits: number;
  /** The Rice-coded gaps. */
  data: Uint8Array;
}

/** The hash of a name in a set of `count` names with parameter `bits`: a number below count·2^bits. */
export function gcsHash(name: string, count: number, bits: number): number {
  const digest = sha256(utf8ToBytes(name));
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(digest[i]!);
  return Number(value % (BigInt(count) << BigInt(bits)));
}

/** Builds the set of `names` (duplicates allowed) with Rice parameter `bits` (1..30). */
export function encodeGolombSet(names: readonly string[], bits: number): GolombSet {
  if (!Number.isInteger(bits) || bits < 1 || bits > 30) throw new RangeError('bits: expected an integer in 1..30');
  const count = names.length;
  const values = names.map((n) => gcsHash(n, count, bits)).sort((a, b) => a - b);
  const out: number[] = [];
  let current = 0;
  let used = 0;
  const push = (bit: number) => {
    current = (current << 1) | bit;
    if (++used === 8) {
      out.push(current);
      current = 0;
      used = 0;
    }
  };
  let previous = 0;
  const divisor = 2 ** bits;
  for (const value of values) {
    const gap = value - previous;
    previous = value;
    for (let q = Math.floor(gap / divisor); q > 0; q--) push(1);
    push(0);
    const remainder = gap % divisor;
    for (let i = bits - 1; i >= 0; i--) push((remainder >>> i) & 1);
  }
  if (used > 0) out.push(current << (8 - used));
  return { count, bits, data: Uint8Array.from(out) };
}

/** Decodes the set into its sorted hash values. @throws {SitesError} `sites.data` on damaged data */
export function decodeGolombSet(set: GolombSet): Float64Array {
  const { count, bits, data } = set;
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(bits) || bits < 1 || bits > 30) throw new SitesError('sites.data', 'blocklist: bad set parameters');
  const values = new Float64Array(count);
  const totalBits = data.length * 8;
  let position = 0;
  const bit = () => {
    if (position >= totalBits) throw new SitesError('sites.data', 'blocklist: data ends early');
    const b = (data[position >> 3]! >> (7 - (position & 7))) & 1;
    position++;
    return b;
  };
  let previous = 0;
  const divisor = 2 ** bits;
  for (let i = 0; i < count; i++) {
    let q = 0;
    while (bit() === 1) q++;
    let remainder = 0;
    for (let j = 0; j < bits; j++) remainder = remainder * 2 + bit();
    previous += q * divisor + remainder;
    values[i] = previous;
  }
  if ((count > 0 && previous >= count * divisor) || totalBits - position >= 8) throw new SitesError('sites.data', 'blocklist: data does not match its count');
  return values;
}

/** True when `value` is in the sorted array. */
export function containsSorted(sorted: Float64Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
