/**
 * Deterministic "random" bytes for tests and vector recording: SHA-256 in counter mode over a
 * seed, so a recorded session can be replayed byte for byte. Never use it for a real session.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../../encoding/hex.js';
import type { RandomBytes } from '../ecies.js';

export function seededRandom(seed: string): RandomBytes {
  const key = new TextEncoder().encode(seed);
  let counter = 0;
  return (length: number) => {
    const out = new Uint8Array(length);
    for (let at = 0; at < length; at += 32) {
      const block = sha256(concatBytes(key, Uint8Array.of(counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff)));
      counter++;
      out.set(block.subarray(0, Math.min(32, length - at)), at);
    }
    return out;
  };
}
