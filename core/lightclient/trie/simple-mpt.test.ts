import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes } from '../../encoding/hex.js';
import { EMPTY_TRIE_ROOT, simpleMptKeyWidth, simpleMptRoot } from './simple-mpt.js';

const VECTORS = join(import.meta.dirname, '../../../test/vectors/headers');

/**
 * Naive reference written straight from the rules: insert every key into an uncompressed nibble
 * trie of plain objects, then hash it, turning single-child chains into compressed paths.
 */
interface RefNode {
  depth: number;
  children: (RefNode | undefined)[];
  value?: Uint8Array;
}

function refNibbles(index: number, width: number): number[] {
  const hex = index.toString(16).padStart(2 * width, '0');
  return Array.from(hex, (c) => parseInt(c, 16));
}

function refHashNode(node: RefNode): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0x6e)];
  for (let c = 0; c < 16; c++) {
    const child = node.children[c];
    parts.push(child === undefined ? keccak_256(new Uint8Array(0)) : refMerkleOfChild(child));
  }
  if (node.value !== undefined) parts.push(Uint8Array.of(0x76), node.value);
  return keccak_256(concatBytes(...parts));
}

/** Merkle of a non-root node: its single-child chain becomes the compressed path. */
function refMerkleOfChild(start: RefNode): Uint8Array {
  const path: number[] = [];
  let node = start;
  for (;;) {
    const present = node.children.flatMap((c, i) => (c === undefined ? [] : [i]));
    if (node.value !== undefined || present.length !== 1) break;
    path.push(present[0]!);
    node = node.children[present[0]!]!;
  }
  // A leaf's remaining key nibbles are all on its path: count the nibbles from `start` to `node`.
  const inner = refHashNode(node);
  if (path.length === 0) return inner;
  const odd = start.depth % 2 === 1;
  const nibbles = [...(odd ? [0] : []), ...path];
  if (nibbles.length % 2 === 1) nibbles.push(0);
  const bytes: number[] = [];
  for (let i = 0; i < nibbles.length; i += 2) bytes.push((nibbles[i]! << 4) | nibbles[i + 1]!);
  const info = 0x80 + (odd ? 0x40 : 0) + (path.length % 63);
  return keccak_256(concatBytes(Uint8Array.of(info), Uint8Array.from(bytes), inner));
}

function referenceRoot(values: Uint8Array[]): Uint8Array {
  if (values.length === 0) return keccak_256(new Uint8Array(0));
  const width = values.length === 1 ? 1 : Math.ceil((values.length - 1).toString(16).length / 2);
  const root: RefNode = { depth: 0, children: [] };
  values.forEach((v, i) => {
    let node = root;
    refNibbles(i, width).forEach((n, d) => {
      node.children[n] ??= { depth: d + 1, children: [] };
      node = node.children[n]!;
    });
    node.value = v;
  });
  const present = root.children.filter((c): c is RefNode => c !== undefined);
  return present.length === 1 ? refMerkleOfChild(present[0]!) : refHashNode(root);
}

const value = (i: number): Uint8Array => keccak_256(Uint8Array.of(i & 0xff, i >> 8));

describe('simple MPT', () => {
  test('key width follows min_repr_bytes', () => {
    expect([0, 1, 2, 16, 17, 256, 257, 65536, 65537].map(simpleMptKeyWidth)).toEqual([0, 1, 1, 1, 1, 1, 2, 2, 3]);
  });

  test('empty trie root is keccak256("")', () => {
    expect(bytesToHex(simpleMptRoot([]))).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(simpleMptRoot([])).toEqual(EMPTY_TRIE_ROOT);
  });

  test('one value: the root is the single child, a leaf with a one-nibble path (worked example)', () => {
    const v = value(7);
    const leaf = keccak_256(concatBytes(Uint8Array.of(0x6e), ...Array.from({ length: 16 }, () => EMPTY_TRIE_ROOT), Uint8Array.of(0x76), v));
    expect(simpleMptRoot([v])).toEqual(keccak_256(concatBytes(Uint8Array.of(0xc1, 0x00), leaf)));
  });

  test.each([0, 1, 2, 3, 15, 16, 17, 255, 256, 257, 4096, 4097])('%i values match the naive reference', (n) => {
    const values = Array.from({ length: n }, (_, i) => value(i));
    expect(bytesToHex(simpleMptRoot(values))).toBe(bytesToHex(referenceRoot(values)));
  });

  test('the root commits to every value and its position', () => {
    const values = Array.from({ length: 17 }, (_, i) => value(i));
    const root = bytesToHex(simpleMptRoot(values));
    const swapped = [...values];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(bytesToHex(simpleMptRoot(swapped))).not.toBe(root);
    expect(bytesToHex(simpleMptRoot(values.slice(0, 16)))).not.toBe(root);
    const changed = values.map((v, i) => (i === 16 ? value(99) : v));
    expect(bytesToHex(simpleMptRoot(changed))).not.toBe(root);
  });

  const files = readdirSync(VECTORS).filter((f) => f.endsWith('.json'));
  test.each(files)('real transactions root: %s', (file) => {
    const v = JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as { txRootCase?: { txHashes: string[]; transactionsRoot: string } };
    if (v.txRootCase === undefined) return;
    expect(bytesToHex(simpleMptRoot(v.txRootCase.txHashes.map((h) => hexToBytes(h))))).toBe(v.txRootCase.transactionsRoot);
  });
});
