/**
 * Conflux Merkle-Patricia proofs (`crates/dbs/storage/src/impls/merkle_patricia_trie`): a trie of
 * nodes with up to 16 children, an optional value and a compressed path; no extension nodes.
 *
 *   nodeHash = keccak('n' ‖ 16 child hashes (KECCAK_EMPTY for none) ‖ ['v' ‖ value])
 *   hash     = steps == 0 ? nodeHash
 *            : keccak((128 + 64·[mask & 0x0F ≠ 0] + steps mod 63) ‖ path (first nibble zeroed when
 *              mask & 0x0F) ‖ nodeHash),   steps = 2·len(path) − [mask & 0xF0 ≠ 0] − [mask & 0x0F ≠ 0]
 *
 * Threat model: the proof comes from an untrusted node. Every node's hash is recomputed from its
 * contents (the hash the node states must match it, or the proof is refused), nodes are found only
 * by recomputed hash starting from a trusted root, and the walk uses only committed data: the path
 * nibbles the hash covers, the child table, the value. A missing node is a gap (no conclusion),
 * never absence; absence is proved only by a committed path that diverges or a committed empty
 * child slot.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, equalBytes, hexToBytes } from '../encoding/hex.js';
import { StateProofError, type StateAnswerPart } from './errors.js';

/** keccak256 of the empty string: the hash of an empty trie and of an empty child slot. */
export const KECCAK_EMPTY = hexToBytes('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');

/** Path masks: the low nibble set means the first nibble is not part of the path; the high, the last. */
const WITHOUT_FIRST_NIBBLE = 0x0f;
const WITHOUT_LAST_NIBBLE = 0xf0;

/** One node of a proof as it arrives (`TrieProofNode`). */
export interface TrieProofNode {
  /** The hash the sender states for the node (checked, never trusted). */
  readonly merkle: Uint8Array;
  /** 16 child hashes (KECCAK_EMPTY for an empty slot), or null for a node without children. */
  readonly children: readonly Uint8Array[] | null;
  /** The node's value; an empty value is a tombstone (a deletion recorded in a delta trie). */
  readonly value: Uint8Array | null;
  /** The compressed path, or null when it is empty. */
  readonly path: { readonly mask: number; readonly bytes: Uint8Array } | null;
}

/** What a proof says about a key: its value, a recorded deletion, or that the trie has no such key. */
export type TrieLookup = { readonly kind: 'value'; readonly value: Uint8Array } | { readonly kind: 'tombstone' } | { readonly kind: 'absent' };

/** Limits that bound the work of one proof (conflux-rust refuses proofs of more than 1000 nodes). */
export const MAX_PROOF_NODES = 1000;

function malformed(part: StateAnswerPart, message: string): StateProofError {
  return new StateProofError('state.proof_malformed', part, message);
}

/** Checks the shape of a node (sizes, canonical mask and child table). */
export function checkNodeShape(node: TrieProofNode, part: StateAnswerPart): void {
  if (node.merkle.length !== 32) throw malformed(part, 'proof node hash is not 32 bytes');
  if (node.children !== null) {
    if (node.children.length !== 16) throw malformed(part, `proof node has ${node.children.length} children, expected 16`);
    if (node.children.some((c) => c.length !== 32)) throw malformed(part, 'proof node child hash is not 32 bytes');
    if (node.children.every((c) => equalBytes(c, KECCAK_EMPTY))) throw malformed(part, 'proof node lists 16 empty children');
  }
  if (node.path !== null) {
    const { mask, bytes } = node.path;
    if (![0, WITHOUT_FIRST_NIBBLE, WITHOUT_LAST_NIBBLE, WITHOUT_FIRST_NIBBLE | WITHOUT_LAST_NIBBLE].includes(mask)) throw malformed(part, `unknown path mask 0x${mask.toString(16)}`);
    // A one-byte path with both masks has no nibble (0 steps): a branch reached mid-byte.
    if (bytes.length === 0) throw malformed(part, 'empty compressed path given explicitly');
  }
}

function pathSteps(path: TrieProofNode['path']): number {
  if (path === null) return 0;
  return 2 * path.bytes.length - (path.mask & WITHOUT_LAST_NIBBLE ? 1 : 0) - (path.mask & WITHOUT_FIRST_NIBBLE ? 1 : 0);
}

/** The nibbles of the path that the node's hash commits (high nibble first). */
function pathNibbles(path: TrieProofNode['path']): number[] {
  if (path === null) return [];
  const nibbles: number[] = [];
  for (const b of path.bytes) nibbles.push(b >> 4, b & 0x0f);
  if (path.mask & WITHOUT_LAST_NIBBLE) nibbles.pop();
  if (path.mask & WITHOUT_FIRST_NIBBLE) nibbles.shift();
  return nibbles;
}

/** Recomputes a node's hash from its contents (never from its stated `merkle`). */
export function trieNodeHash(node: TrieProofNode): Uint8Array {
  const children = node.children ?? Array.from({ length: 16 }, () => KECCAK_EMPTY);
  const parts: Uint8Array[] = [Uint8Array.of(0x6e), ...children];
  if (node.value !== null) parts.push(Uint8Array.of(0x76), node.value);
  const nodeHash = keccak_256(concatBytes(...parts));
  const steps = pathSteps(node.path);
  if (steps === 0 || node.path === null) return nodeHash;
  const path = Uint8Array.from(node.path.bytes);
  const withoutFirst = (node.path.mask & WITHOUT_FIRST_NIBBLE) !== 0;
  if (withoutFirst) path[0] = path[0]! & 0x0f;
  return keccak_256(concatBytes(Uint8Array.of(128 + (withoutFirst ? 64 : 0) + (steps % 63)), path, nodeHash));
}

/**
 * Indexes a proof by recomputed hash, refusing nodes whose stated hash differs.
 * @throws {StateProofError} `state.node_hash`, `state.proof_malformed`
 */
export function indexProof(nodes: readonly TrieProofNode[], part: StateAnswerPart): Map<string, TrieProofNode> {
  if (nodes.length > MAX_PROOF_NODES) throw malformed(part, `proof of ${nodes.length} nodes exceeds ${MAX_PROOF_NODES}`);
  const byHash = new Map<string, TrieProofNode>();
  for (const [i, node] of nodes.entries()) {
    checkNodeShape(node, part);
    const hash = trieNodeHash(node);
    if (!equalBytes(hash, node.merkle)) {
      throw new StateProofError('state.node_hash', part, `${part} proof node ${i} states hash ${bytesToHex(node.merkle)} but hashes to ${bytesToHex(hash)}`);
    }
    byHash.set(bytesToHex(hash), node);
  }
  return byHash;
}

/**
 * Looks `key` up in the trie with root `root` using only the proof's nodes.
 * @throws {StateProofError} `state.proof_gap` (a needed node is missing), `state.proof_malformed`
 *   (a node's path does not line up with the nibble it is reached at), `state.node_hash`
 */
export function lookupInProof(nodes: readonly TrieProofNode[], root: Uint8Array, key: Uint8Array, part: StateAnswerPart): TrieLookup {
  const byHash = indexProof(nodes, part);
  if (equalBytes(root, KECCAK_EMPTY)) return { kind: 'absent' };
  const keyNibbles: number[] = [];
  for (const b of key) keyNibbles.push(b >> 4, b & 0x0f);
  let at = 0;
  let hash = root;
  for (let depth = 0; depth <= keyNibbles.length; depth++) {
    const node = byHash.get(bytesToHex(hash));
    if (node === undefined) throw new StateProofError('state.proof_gap', part, `${part} proof has no node with hash ${bytesToHex(hash)} (depth ${depth})`);
    // A node reached at an odd nibble starts mid-byte: its path must say so, and vice versa.
    const startsMidByte = node.path !== null && (node.path.mask & WITHOUT_FIRST_NIBBLE) !== 0;
    if (node.path !== null && startsMidByte !== (at % 2 === 1)) throw malformed(part, `${part} proof node at nibble ${at} has a path that does not line up`);
    if (node.path === null && at % 2 === 1) throw malformed(part, `${part} proof node at nibble ${at} has no path to finish the byte`);
    const path = pathNibbles(node.path);
    for (let i = 0; i < path.length; i++) {
      if (at + i >= keyNibbles.length || keyNibbles[at + i] !== path[i]) return { kind: 'absent' };
    }
    at += path.length;
    if (at === keyNibbles.length) {
      if (node.value === null) return { kind: 'absent' };
      return node.value.length === 0 ? { kind: 'tombstone' } : { kind: 'value', value: node.value };
    }
    const child = node.children?.[keyNibbles[at]!];
    if (child === undefined || equalBytes(child, KECCAK_EMPTY)) return { kind: 'absent' };
    at += 1;
    hash = child;
  }
  throw malformed(part, `${part} proof is deeper than its key`);
}
