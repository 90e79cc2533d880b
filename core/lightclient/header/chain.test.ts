import { describe, expect, test } from 'vitest';
import { syntheticPivotChain } from '../testing/synthetic-chain.js';
import { verifyHeaderAgainstHash, verifyHeaderChain, verifyParent } from './chain.js';

const blocks = syntheticPivotChain(12);
const extra = (h: number) => ({ espaceBaseFeePerGas: `0x${blocks[h]!.fields.basePrice!.espace.toString(16)}` });
const down = (from: number, to: number) => {
  const out = [];
  for (let h = from; h >= to; h--) out.push(h);
  return out;
};

describe('header chains', () => {
  test('a chain verifies down from a trusted hash', () => {
    const heights = down(11, 3);
    const verified = verifyHeaderChain(blocks[11]!.hash, heights.map((h) => blocks[h]!.rpc), heights.map(extra));
    expect(verified.map((h) => h.height)).toEqual(heights);
    expect(verified.map((h) => h.hash)).toEqual(heights.map((h) => blocks[h]!.hash));
  });

  test('a header that does not hash to the trusted hash is bad_header_hash', () => {
    expect(() => verifyHeaderAgainstHash(blocks[10]!.rpc, blocks[11]!.hash, extra(10))).toThrow(expect.objectContaining({ kind: 'bad_header_hash' }));
  });

  test('a block that is not the parent breaks the link', () => {
    const top = verifyHeaderAgainstHash(blocks[11]!.rpc, blocks[11]!.hash, extra(11));
    expect(() => verifyParent(top, blocks[9]!.rpc, extra(9))).toThrow(expect.objectContaining({ kind: 'broken_parent_link', nodeAtFault: true }));
    const heights = [11, 10, 8];
    expect(() => verifyHeaderChain(blocks[11]!.hash, heights.map((h) => blocks[h]!.rpc), heights.map(extra))).toThrow(expect.objectContaining({ kind: 'broken_parent_link', details: 'index 2' }));
  });

  test('a tampered parent breaks the link even with the right parentHash field', () => {
    const top = verifyHeaderAgainstHash(blocks[11]!.rpc, blocks[11]!.hash, extra(11));
    const forged = { ...blocks[10]!.rpc, deferredStateRoot: `0x${'11'.repeat(32)}` };
    expect(() => verifyParent(top, forged, extra(10))).toThrow(expect.objectContaining({ kind: 'broken_parent_link' }));
  });

  test('the expected height is enforced', () => {
    expect(() => verifyHeaderAgainstHash(blocks[5]!.rpc, blocks[5]!.hash, extra(5), 6)).toThrow(expect.objectContaining({ kind: 'wrong_height' }));
  });

  test('a missing block is reported as missing, not as a bad node', () => {
    expect(() => verifyHeaderAgainstHash(null, blocks[5]!.hash)).toThrow(expect.objectContaining({ kind: 'missing', nodeAtFault: false }));
  });
});
