/**
 * Root of Conflux's "simple MPT": the Merkle-Patricia trie that commits an ordered list of values
 * (transaction hashes of a block, receipts of a block, block-receipt roots of an epoch).
 *
 * Rules (conflux-rust `simple_mpt.rs` / `merkle.rs`, checked against real roots):
 * - keys are the indices 0..n-1, big-endian in a fixed width of w bytes (w = 0 for n = 0, 1 for
 *   n = 1, else the byte length of n-1), read as nibbles, high nibble first;
 * - node merkle = keccak(0x6e ‖ 16 child merkles ‖ [0x76 ‖ value]); an absent child is keccak("");
 * - every non-root node may carry a compressed path of s > 0 nibbles shared by the keys below it;
 *   then its merkle is keccak(info ‖ path bytes ‖ node merkle), info = 0x80 + 0x40·(path starts at
 *   a low nibble) + (s mod 63), with the unused half bytes of the path bytes zeroed;
 * - the root has no compressed path; if it has exactly one child, that child's merkle is the root.
 *
 * Threat model: used to check that values supplied by a node are exactly the ones a verified
 * header commits to; any change of a value, its position, or the count changes the root.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';

/** keccak256 of the empty string: the root of an empty trie and the merkle of an absent child. */
export const EMPTY_TRIE_ROOT: Uint8Array = keccak_256(new Uint8Array(0));

const NODE_PREFIX = 0x6e; // 'n'
const VALUE_PREFIX = 0x76; // 'v'

/** Byte width of the index keys for n values. */
export function simpleMptKeyWidth(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`value count must be a non-negative integer, got ${n}`);
  if (n <= 1) return n;
  let width = 0;
  for (let largest = n - 1; largest > 0; largest = Math.floor(largest / 256)) width++;
  return width;
}

/** Nibble `i` (0 = high nibble of byte 0) of index `key` written in `width` bytes. */
function nibbleOf(key: number, width: number, i: number): number {
  const byteIndex = i >> 1;
  const byte = Math.floor(key / 256 ** (width - 1 - byteIndex)) % 256;
  return i % 2 === 0 ? byte >> 4 : byte & 0x0f;
}

function nodeMerkle(children: readonly Uint8Array[] | null, value: Uint8Array | null): Uint8Array {
  const size = 1 + 16 * 32 + (value === null ? 0 : 1 + value.length);
  const buffer = new Uint8Array(size);
  buffer[0] = NODE_PREFIX;
  for (let c = 0; c < 16; c++) buffer.set(children?.[c] ?? EMPTY_TRIE_ROOT, 1 + c * 32);
  if (value !== null) {
    buffer[1 + 16 * 32] = VALUE_PREFIX;
    buffer.set(value, 2 + 16 * 32);
  }
  return keccak_256(buffer);
}

/** Merkle of a compressed path of nibbles [start, end) of `key` over a node merkle. */
function pathMerkle(key: number, width: number, start: number, end: number, merkle: Uint8Array): Uint8Array {
  const steps = end - start;
  if (steps === 0) return merkle;
  const firstByte = start >> 1;
  const lastByte = (end - 1) >> 1;
  const withoutFirstNibble = start % 2 === 1;
  const pathBytes = new Uint8Array(lastByte - firstByte + 1);
  for (let b = firstByte; b <= lastByte; b++) {
    pathBytes[b - firstByte] = (nibbleOf(key, width, 2 * b) << 4) | nibbleOf(key, width, 2 * b + 1);
  }
  if (withoutFirstNibble) pathBytes[0]! &= 0x0f;
  if (end % 2 === 1) pathBytes[pathBytes.length - 1]! &= 0xf0;
  const buffer = new Uint8Array(1 + pathBytes.length + 32);
  buffer[0] = 0x80 + (withoutFirstNibble ? 0x40 : 0) + (steps % 63);
  buffer.set(pathBytes, 1);
  buffer.set(merkle, 1 + pathBytes.length);
  return keccak_256(buffer);
}

/**
 * Merkle of the subtree holding keys [from, to) whose first `depth` nibbles are already consumed
 * by ancestors; `compress` is false only for the root.
 */
function subtreeMerkle(values: readonly Uint8Array[], width: number, from: number, to: number, depth: number, compress: boolean): Uint8Array {
  const totalNibbles = 2 * width;
  // Length of the nibble run shared by every key in [from, to), starting at `depth`.
  let shared = 0;
  if (compress) {
    while (depth + shared < totalNibbles && nibbleOf(from, width, depth + shared) === nibbleOf(to - 1, width, depth + shared)) shared++;
  }
  const at = depth + shared;
  let merkle: Uint8Array;
  if (at === totalNibbles) {
    // Keys are distinct, so a fully shared path means exactly one key: a leaf.
    merkle = nodeMerkle(null, values[from]!);
  } else {
    const children: Uint8Array[] = [];
    let start = from;
    while (start < to) {
      const nibble = nibbleOf(start, width, at);
      let end = start + 1;
      while (end < to && nibbleOf(end, width, at) === nibble) end++;
      children[nibble] = subtreeMerkle(values, width, start, end, at + 1, true);
      start = end;
    }
    merkle = nodeMerkle(children, null);
  }
  return pathMerkle(from, width, depth, at, merkle);
}

/**
 * Root of the simple MPT over `values` (in order; key i = index i).
 * @example simpleMptRoot([]) // keccak256("") = 0xc5d2…a470
 */
export function simpleMptRoot(values: readonly Uint8Array[]): Uint8Array {
  if (!Array.isArray(values) || !values.every((v) => v instanceof Uint8Array)) throw new TypeError('"values" expected an array of Uint8Array');
  const n = values.length;
  if (n === 0) return EMPTY_TRIE_ROOT;
  const width = simpleMptKeyWidth(n);
  // Root: no compressed path. Group by the first nibble; one group means the child is the root.
  const firstNibbleOfLast = nibbleOf(n - 1, width, 0);
  if (firstNibbleOfLast === 0) return subtreeMerkle(values, width, 0, n, 1, true);
  return subtreeMerkle(values, width, 0, n, 0, false);
}
