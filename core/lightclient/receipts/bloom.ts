/**
 * 2048-bit log blooms (Ethereum's scheme, used unchanged by Conflux): each log adds its address
 * and each topic; an input sets the three bits given by the first three 11-bit pairs of its
 * keccak256. Used to check that the logs a node shows for a receipt match the receipt's bloom, and
 * to recompute an epoch's `deferredLogsBloomHash` = keccak256(OR of every receipt bloom).
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';

export const BLOOM_BYTES = 256;

/** keccak256 of the all-zero bloom: the logs bloom hash of an epoch without logs. */
export const EMPTY_BLOOM_HASH: Uint8Array = keccak_256(new Uint8Array(BLOOM_BYTES));

/** Sets the three bloom bits of `input` in `bloom` (in place). */
export function accrueBloom(bloom: Uint8Array, input: Uint8Array): void {
  const h = keccak_256(input);
  for (let i = 0; i < 6; i += 2) {
    const bit = ((h[i]! << 8) | h[i + 1]!) & 2047;
    bloom[BLOOM_BYTES - 1 - (bit >> 3)]! |= 1 << (bit & 7);
  }
}

/** Bloom of a set of logs (each with a 20-byte address and 32-byte topics). */
export function logsBloom(logs: readonly { address: Uint8Array; topics: readonly Uint8Array[] }[]): Uint8Array {
  const bloom = new Uint8Array(BLOOM_BYTES);
  for (const log of logs) {
    accrueBloom(bloom, log.address);
    for (const topic of log.topics) accrueBloom(bloom, topic);
  }
  return bloom;
}

/** OR of several blooms. */
export function orBlooms(blooms: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(BLOOM_BYTES);
  for (const bloom of blooms) {
    for (let i = 0; i < BLOOM_BYTES; i++) out[i]! |= bloom[i]!;
  }
  return out;
}

/** True when every bit of `inner` is set in `outer` (a bloom "may contain" test). */
export function bloomContains(outer: Uint8Array, inner: Uint8Array): boolean {
  for (let i = 0; i < BLOOM_BYTES; i++) {
    if ((outer[i]! & inner[i]!) !== inner[i]) return false;
  }
  return true;
}
