/**
 * Conflux MPT proof walking on small hand-built tries (real proofs are in state-proof.test.ts):
 * values, absence by an empty child slot or a diverging path, deletions, gaps, the path masks and
 * nibble alignment, and the node-hash formula.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes } from '../encoding/hex.js';
import { KECCAK_EMPTY, lookupInProof, trieNodeHash, type TrieProofNode } from './trie-proof.js';

const EMPTY16 = () => Array.from({ length: 16 }, () => KECCAK_EMPTY);

function node(partial: Partial<TrieProofNode>): TrieProofNode {
  const base: TrieProofNode = { merkle: new Uint8Array(32), children: null, value: null, path: null, ...partial };
  return { ...base, merkle: trieNodeHash(base) };
}

function branch(children: Record<number, TrieProofNode>, extra: Partial<TrieProofNode> = {}): TrieProofNode {
  const table = EMPTY16();
  for (const [i, child] of Object.entries(children)) table[Number(i)] = child.merkle;
  return node({ children: table, ...extra });
}

describe('node hashes', () => {
  test('a leaf without path is keccak("n" ‖ 16 empty hashes ‖ "v" ‖ value)', () => {
    const n = node({ value: hexToBytes('0x2a') });
    expect(bytesToHex(n.merkle)).toBe(bytesToHex(keccak_256(concatBytes(Uint8Array.of(0x6e), ...EMPTY16(), Uint8Array.of(0x76, 0x2a)))));
  });

  test('a path wraps the node hash: info byte (128 + 64·firstMissing + steps), path with the missing nibble zeroed', () => {
    const inner = node({ value: hexToBytes('0x2a') }).merkle;
    const withPath = node({ value: hexToBytes('0x2a'), path: { mask: 0x0f, bytes: hexToBytes('0xabcd') } });
    expect(bytesToHex(withPath.merkle)).toBe(bytesToHex(keccak_256(concatBytes(Uint8Array.of(128 + 64 + 3), hexToBytes('0x0bcd'), inner))));
    const fullPath = node({ value: hexToBytes('0x2a'), path: { mask: 0x00, bytes: hexToBytes('0xabcd') } });
    expect(bytesToHex(fullPath.merkle)).toBe(bytesToHex(keccak_256(concatBytes(Uint8Array.of(128 + 4), hexToBytes('0xabcd'), inner))));
    // Both nibbles of a one-byte path missing: no steps, no wrapping.
    expect(bytesToHex(node({ value: hexToBytes('0x2a'), path: { mask: 0xff, bytes: hexToBytes('0x50') } }).merkle)).toBe(bytesToHex(inner));
  });

  test('the missing first nibble is not committed', () => {
    const a = node({ value: hexToBytes('0x2a'), path: { mask: 0x0f, bytes: hexToBytes('0x1bcd') } });
    const b = node({ value: hexToBytes('0x2a'), path: { mask: 0x0f, bytes: hexToBytes('0xfbcd') } });
    expect(bytesToHex(a.merkle)).toBe(bytesToHex(b.merkle));
  });
});

describe('lookups', () => {
  // Trie holding key 0x12 → "x" and 0x34 → "" (a deletion), plus 0x3456 → "y" under it.
  const leafX = node({ value: new TextEncoder().encode('x'), path: { mask: 0x0f, bytes: hexToBytes('0x12') } });
  const leafY = node({ value: new TextEncoder().encode('y'), path: { mask: 0x0f, bytes: hexToBytes('0x56') } });
  const mid = branch({ 5: leafY }, { value: new Uint8Array(0), path: { mask: 0x0f, bytes: hexToBytes('0x34') } });
  const root = branch({ 1: leafX, 3: mid });
  const proof = [root, leafX, mid, leafY];

  test('values, deletions and absence', () => {
    expect(lookupInProof(proof, root.merkle, hexToBytes('0x12'), 'delta')).toEqual({ kind: 'value', value: new TextEncoder().encode('x') });
    expect(lookupInProof(proof, root.merkle, hexToBytes('0x3456'), 'delta')).toEqual({ kind: 'value', value: new TextEncoder().encode('y') });
    expect(lookupInProof(proof, root.merkle, hexToBytes('0x34'), 'delta')).toEqual({ kind: 'tombstone' });
    expect(lookupInProof(proof, root.merkle, hexToBytes('0x99'), 'delta')).toEqual({ kind: 'absent' }); // empty child slot
    expect(lookupInProof(proof, root.merkle, hexToBytes('0x13'), 'delta')).toEqual({ kind: 'absent' }); // path diverges
    expect(lookupInProof(proof, root.merkle, hexToBytes('0x1234'), 'delta')).toEqual({ kind: 'absent' }); // key runs past a leaf
    expect(lookupInProof(proof, root.merkle, hexToBytes('0x3457'), 'delta')).toEqual({ kind: 'absent' });
    expect(lookupInProof([], KECCAK_EMPTY, hexToBytes('0x12'), 'delta')).toEqual({ kind: 'absent' });
  });

  test('a missing node is a gap, never absence', () => {
    expect(() => lookupInProof([root, leafX, mid], root.merkle, hexToBytes('0x3456'), 'delta')).toThrow(expect.objectContaining({ code: 'state.proof_gap', part: 'delta' }));
    expect(() => lookupInProof([leafX], root.merkle, hexToBytes('0x12'), 'delta')).toThrow(expect.objectContaining({ code: 'state.proof_gap' }));
  });

  test('a node whose stated hash is not its hash is refused even when unused', () => {
    const liar = { ...leafY, merkle: leafX.merkle };
    expect(() => lookupInProof([root, leafX, mid, liar], root.merkle, hexToBytes('0x12'), 'delta')).toThrow(expect.objectContaining({ code: 'state.node_hash' }));
  });

  test('paths must line up with the nibble they are reached at', () => {
    const misaligned = node({ value: new TextEncoder().encode('x'), path: { mask: 0x00, bytes: hexToBytes('0x02') } });
    const r = branch({ 1: misaligned });
    expect(() => lookupInProof([r, misaligned], r.merkle, hexToBytes('0x12'), 'snapshot')).toThrow(expect.objectContaining({ code: 'state.proof_malformed' }));
    const noPath = node({ value: new TextEncoder().encode('x') });
    const r2 = branch({ 1: noPath });
    expect(() => lookupInProof([r2, noPath], r2.merkle, hexToBytes('0x12'), 'snapshot')).toThrow(expect.objectContaining({ code: 'state.proof_malformed' }));
  });

  test('malformed nodes: child tables, masks, sizes', () => {
    const bad = [
      { ...root, children: root.children!.slice(0, 15) },
      { ...root, children: EMPTY16() },
      { ...leafX, path: { mask: 0x01, bytes: hexToBytes('0x12') } },
      { ...leafX, path: { mask: 0x0f, bytes: new Uint8Array(0) } },
      { ...leafX, merkle: new Uint8Array(31) },
    ];
    for (const n of bad) expect(() => lookupInProof([n], root.merkle, hexToBytes('0x12'), 'delta')).toThrow(expect.objectContaining({ code: 'state.proof_malformed' }));
  });
});
