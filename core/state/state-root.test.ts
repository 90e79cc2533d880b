/**
 * Which root an epoch's state must have: the header 5 epochs later, or the blame vector of a later
 * header that blames it (synthetic headers: a dev node never blames), and the triple hash.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { bytesToHex, concatBytes } from '../encoding/hex.js';
import type { VerifiedStateHeader } from './header.js';
import { blameVectorCommitment, checkStateRoot, committedStateRoot, stateRootHash, stateRootWitness, witnessHeights } from './state-root.js';

const root = (n: number) => keccak_256(Uint8Array.of(n));
const header = (height: number, blame: number, deferredStateRoot: Uint8Array): VerifiedStateHeader => ({ height, hash: `0x${height.toString(16).padStart(64, '0')}`, blame, deferredStateRoot });

/** Headers 105 … 110 for epoch 100, all unblamed unless changed. */
function chain(changes: Record<number, VerifiedStateHeader> = {}): VerifiedStateHeader[] {
  return witnessHeights(100).map((h) => changes[h] ?? header(h, 0, root(h)));
}

describe('state roots', () => {
  test('the triple hash is keccak of the raw 96 bytes', () => {
    const t = { snapshot: root(1), intermediate: root(2), delta: root(3) };
    expect(bytesToHex(stateRootHash(t))).toBe(bytesToHex(keccak_256(concatBytes(root(1), root(2), root(3)))));
    expect(() => checkStateRoot(t, stateRootHash(t), 9)).not.toThrow();
    expect(() => checkStateRoot(t, root(4), 9)).toThrow(expect.objectContaining({ code: 'state.state_root_mismatch' }));
    expect(() => checkStateRoot(t, root(4), 9, 'prev_snapshot_root')).toThrow(expect.objectContaining({ code: 'state.prev_snapshot_mismatch' }));
  });

  test('unblamed: the deferred root of the header 5 epochs later', () => {
    const w = stateRootWitness(100, chain());
    expect([w.header.height, w.index, w.needsWitnessInfo]).toEqual([105, 0, false]);
    expect(bytesToHex(committedStateRoot(w, null))).toBe(bytesToHex(root(105)));
  });

  test('a later header blaming e + 5 commits the vector; the epoch root is its entry w − (e + 5)', () => {
    // Header 107 blames 2 ancestors (105, 106): its vector is [r107, r106, r105].
    const vector = [root(207), root(206), root(205)];
    const w = stateRootWitness(100, chain({ 107: header(107, 2, blameVectorCommitment(vector)) }));
    expect([w.header.height, w.index, w.needsWitnessInfo]).toEqual([107, 2, true]);
    expect(bytesToHex(committedStateRoot(w, vector))).toBe(bytesToHex(root(205)));
    expect(() => committedStateRoot(w, null)).toThrow(expect.objectContaining({ code: 'state.witness_mismatch' }));
    expect(() => committedStateRoot(w, vector.slice(1))).toThrow(expect.objectContaining({ code: 'state.witness_mismatch' }));
    expect(() => committedStateRoot(w, [root(207), root(1), root(205)])).toThrow(expect.objectContaining({ code: 'state.witness_mismatch' }));
  });

  test('blame that does not reach e + 5 leaves the plain root; the latest header reaching it wins', () => {
    expect(stateRootWitness(100, chain({ 108: header(108, 2, root(1)) })).header.height).toBe(105); // covers 106, 107
    const both = chain({ 106: header(106, 1, root(1)), 109: header(109, 4, root(2)) });
    expect(stateRootWitness(100, both).header.height).toBe(109);
  });

  test('e + 5 itself blamed by its own author still needs its vector', () => {
    const w = stateRootWitness(100, chain({ 105: header(105, 1, blameVectorCommitment([root(7), root(8)])) }));
    expect([w.header.height, w.index, w.needsWitnessInfo]).toEqual([105, 0, true]);
    expect(bytesToHex(committedStateRoot(w, [root(7), root(8)]))).toBe(bytesToHex(root(7)));
  });

  test('missing or misplaced headers are refused', () => {
    expect(() => stateRootWitness(100, chain().slice(0, 5))).toThrow(expect.objectContaining({ code: 'state.header_unavailable' }));
    expect(() => stateRootWitness(100, chain({ 106: header(107, 0, root(1)) }))).toThrow(expect.objectContaining({ code: 'state.header_unavailable' }));
    expect(() => stateRootWitness(100, chain({ 106: header(106, 106, root(1)) }))).toThrow(expect.objectContaining({ code: 'state.header_unavailable' }));
  });

  test('a one-root vector folds to the root itself', () => {
    expect(bytesToHex(blameVectorCommitment([root(1)]))).toBe(bytesToHex(root(1)));
  });
});
