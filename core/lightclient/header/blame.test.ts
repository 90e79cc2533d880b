import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { concatBytes } from '../../encoding/hex.js';
import { blameVectorCommitment, checkDeferredField, findDeferredWitness, MAX_BLAME_VECTOR, type BlameHeader } from './blame.js';

const root = (i: number): Uint8Array => keccak_256(Uint8Array.of(i));

describe('blame vector commitment', () => {
  test('one root (blame 0) is the root itself', () => {
    expect(blameVectorCommitment([root(1)])).toEqual(root(1));
  });

  test('k+1 roots fold from the oldest: keccak(r0 ‖ keccak(r1 ‖ r2))', () => {
    const expected = keccak_256(concatBytes(root(0), keccak_256(concatBytes(root(1), root(2)))));
    expect(blameVectorCommitment([root(0), root(1), root(2)])).toEqual(expected);
    expect(blameVectorCommitment([root(1), root(0), root(2)])).not.toEqual(expected);
  });

  test('an empty vector is refused', () => {
    expect(() => blameVectorCommitment([])).toThrow(RangeError);
  });
});

/** Pivot headers by height with the given blames (height → blame); others have blame 0. */
function chain(top: number, blames: Record<number, number> = {}): (h: number) => BlameHeader | undefined {
  return (h) => (h <= top ? { height: h, blame: blames[h] ?? 0 } : undefined);
}

describe('choosing the header that vouches for an epoch', () => {
  test('without blame, the header five epochs later vouches with plain roots', () => {
    expect(findDeferredWitness(100, chain(200), 5)).toEqual({ witnessHeight: 105, index: 0, vectorEpochs: [100] });
  });

  test('a committing header with blame commits a vector starting at its own epoch', () => {
    expect(findDeferredWitness(100, chain(200, { 105: 2 }), 5)).toEqual({ witnessHeight: 105, index: 0, vectorEpochs: [100, 99, 98] });
  });

  test('a later header blaming the committer becomes the witness', () => {
    // 107 blames 106 and 105: its vector covers epochs 102, 101, 100.
    expect(findDeferredWitness(100, chain(200, { 107: 2 }), 5)).toEqual({ witnessHeight: 107, index: 2, vectorEpochs: [102, 101, 100] });
  });

  test('blame that stops short of the committer does not move the witness', () => {
    expect(findDeferredWitness(100, chain(200, { 108: 2 }), 5)).toMatchObject({ witnessHeight: 105, index: 0 });
  });

  test('headers beyond the look-ahead are not awaited; missing ones within it are not_finalized', () => {
    expect(findDeferredWitness(100, chain(110), 5)).toMatchObject({ witnessHeight: 105 });
    expect(() => findDeferredWitness(100, chain(109), 5)).toThrow(expect.objectContaining({ kind: 'not_finalized' }));
  });

  test('vectors longer than the limit are refused with a typed reason', () => {
    expect(() => findDeferredWitness(100, chain(200, { 105: MAX_BLAME_VECTOR }), 5)).toThrow(expect.objectContaining({ kind: 'blamed_header' }));
  });

  test('a header reporting another height is refused', () => {
    expect(() => findDeferredWitness(100, (h) => ({ height: h + 1, blame: 0 }), 0)).toThrow(expect.objectContaining({ kind: 'wrong_height' }));
  });
});

describe('checking a deferred field', () => {
  const witness = { witnessHeight: 107, index: 2, vectorEpochs: [102, 101, 100] };
  const roots = [root(2), root(1), root(0)];
  test('matching roots pass', () => {
    expect(() => checkDeferredField(blameVectorCommitment(roots), witness, roots, 'bad_receipts_root')).not.toThrow();
  });
  test('a wrong root for any epoch fails with the given reason', () => {
    for (let i = 0; i < 3; i++) {
      const wrong = roots.map((r, j) => (j === i ? root(9) : r));
      expect(() => checkDeferredField(blameVectorCommitment(roots), witness, wrong, 'bad_logs_bloom')).toThrow(expect.objectContaining({ kind: 'bad_logs_bloom' }));
    }
  });
  test('without the whole vector the roots of a blamed header are not used', () => {
    expect(() => checkDeferredField(blameVectorCommitment(roots), witness, [root(2)], 'bad_receipts_root')).toThrow(expect.objectContaining({ kind: 'blamed_header' }));
  });
});
