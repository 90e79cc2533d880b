/**
 * Strict decoding of the `clp` messages a light client receives: the status answer, the four
 * answers it asks for, and what the node pushes (new block hashes, throttling notices).
 *
 * Threat model: everything here is untrusted bytes. Decoding checks the exact shape (item counts,
 * byte lengths, canonical integers, optional fields as `[]` or `[x]`) and produces typed values;
 * it proves nothing — state entries are verified in `core/state`, headers by their hash. Each
 * answer item keeps its canonical RLP (`raw`) so a relay can pass it on unchanged and a verifier
 * can keep it as evidence. Malformed input is a `lightproto.message` error with the RLP failure
 * as its cause.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '../encoding/hex.js';
import { decodeRlp, encodeRlp, rlpBytes, rlpList, rlpToBigInt, type RlpDecoded } from '../encoding/rlp.js';
import { parseStateKeyBytes } from '../state/keys.js';
import type { StateEntryAnswer, StateProof } from '../state/state-proof.js';
import type { StateRootTriple } from '../state/state-root.js';
import type { TrieProofNode } from '../state/trie-proof.js';
import { LightProtocolError } from './errors.js';
import { MSG, splitMessageId } from './message-id.js';

export interface StatusPong {
  readonly bestEpoch: number;
  readonly chainId: number;
  readonly genesisHash: string;
  readonly nodeType: number;
  readonly terminals: readonly string[];
}

export interface StateRootItem {
  readonly epoch: number;
  readonly stateRoot: StateRootTriple;
  readonly raw: Uint8Array;
}

export interface StateEntryItem extends StateEntryAnswer {
  readonly raw: Uint8Array;
}

export interface WitnessInfoItem {
  readonly height: number;
  readonly stateRoots: readonly Uint8Array[];
  readonly receiptsRoots: readonly Uint8Array[];
  readonly logsBloomHashes: readonly Uint8Array[];
  readonly raw: Uint8Array;
}

/** A header as the node sends it; `hash` is keccak of its RLP — compare it with a trusted hash. */
export interface BlockHeaderItem {
  readonly hash: string;
  readonly parentHash: string;
  readonly height: number;
  readonly blame: number;
  readonly deferredStateRoot: Uint8Array;
  /** The header's base prices (CIP-1559), when it carries them. */
  readonly basePrice: { readonly core: bigint; readonly espace: bigint } | null;
  readonly raw: Uint8Array;
}

export type LightAnswer =
  | { readonly kind: 'state_roots'; readonly requestId: number; readonly items: readonly StateRootItem[] }
  | { readonly kind: 'state_entries'; readonly requestId: number; readonly items: readonly StateEntryItem[] }
  | { readonly kind: 'witness_info'; readonly requestId: number; readonly items: readonly WitnessInfoItem[] }
  | { readonly kind: 'block_headers'; readonly requestId: number; readonly items: readonly BlockHeaderItem[] };

export type LightMessage =
  | LightAnswer
  | { readonly kind: 'status'; readonly status: StatusPong }
  | { readonly kind: 'new_block_hashes'; readonly hashes: readonly string[] }
  | { readonly kind: 'throttled'; readonly messageId: number; readonly waitNanos: bigint; readonly requestId: number | null };

function bad(message: string, cause?: unknown): LightProtocolError {
  return new LightProtocolError('lightproto.message', message, cause === undefined ? {} : { cause });
}

function u64(item: RlpDecoded | undefined, title: string): number {
  const n = rlpToBigInt(item, title, 8);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw bad(`${title} is beyond the safe integer range`);
  return Number(n);
}

function hash32(item: RlpDecoded | undefined, title: string): Uint8Array {
  const bytes = rlpBytes(item, title);
  if (bytes.length !== 32) throw bad(`${title} is ${bytes.length} bytes, expected 32`);
  return bytes;
}

function fields(item: RlpDecoded | undefined, count: number, title: string): RlpDecoded[] {
  const items = rlpList(item, title);
  if (items.length !== count) throw bad(`${title} has ${items.length} items, expected ${count}`);
  return items;
}

/** An `Option<T>`: `[]` → null, `[x]` → x. */
function optional<T>(item: RlpDecoded | undefined, title: string, read: (x: RlpDecoded) => T): T | null {
  const items = rlpList(item, title);
  if (items.length > 1) throw bad(`${title} is an option with ${items.length} items`);
  return items.length === 0 ? null : read(items[0]!);
}

function stateRoot(item: RlpDecoded | undefined, title: string): StateRootTriple {
  const [snapshot, intermediate, delta] = fields(item, 3, title);
  return { snapshot: hash32(snapshot, `${title}.snapshot`), intermediate: hash32(intermediate, `${title}.intermediate`), delta: hash32(delta, `${title}.delta`) };
}

function proofNode(item: RlpDecoded): TrieProofNode {
  const items = rlpList(item, 'proof node');
  if (items.length !== 3 && items.length !== 4) throw bad(`proof node has ${items.length} items`);
  const children = rlpList(items[1], 'children');
  if (children.length !== 0 && children.length !== 16) throw bad(`proof node has ${children.length} children`);
  let path: TrieProofNode['path'] = null;
  if (items.length === 4) {
    const [mask, bytes] = fields(items[3], 2, 'compressed path');
    path = { mask: Number(rlpToBigInt(mask, 'path mask', 1)), bytes: rlpBytes(bytes, 'path') };
  }
  return {
    merkle: hash32(items[0], 'proof node hash'),
    children: children.length === 0 ? null : children.map((c) => hash32(c, 'child hash')),
    value: optional(items[2], 'proof node value', (v) => rlpBytes(v, 'value')),
    path,
  };
}

function trieProof(item: RlpDecoded): readonly TrieProofNode[] {
  const nodes = rlpList(item, 'trie proof');
  if (nodes.length > 1000) throw bad('trie proof of more than 1000 nodes');
  return nodes.map(proofNode);
}

/** A `Vec<u8>` written by the node's RLP derive: a list of single-byte integers. */
function byteList(item: RlpDecoded | undefined, title: string): Uint8Array {
  return Uint8Array.from(rlpList(item, title).map((b) => Number(rlpToBigInt(b, `${title} byte`, 1))));
}

function wrap<T>(title: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof LightProtocolError) throw error;
    throw bad(`malformed ${title}`, error);
  }
}

/** Decodes one `StateEntryWithKey` (RLP item). */
export function decodeStateEntryItem(item: RlpDecoded): StateEntryItem {
  return wrap('state entry', () => {
    const [key, entry, proof] = fields(item, 3, 'state entry');
    const [epoch, keyBytes] = fields(key, 2, 'state key');
    const [stateProof, root, prev] = fields(proof, 3, 'state entry proof');
    const [delta, intermediate, snapshot] = fields(stateProof, 3, 'state proof');
    const proofs: StateProof = { delta: optional(delta, 'delta proof', trieProof), intermediate: optional(intermediate, 'intermediate proof', trieProof), snapshot: optional(snapshot, 'snapshot proof', trieProof) };
    let parsedKey;
    try {
      parsedKey = parseStateKeyBytes(byteList(keyBytes, 'state key'));
    } catch (cause) {
      throw bad('the answer carries a malformed state key', cause);
    }
    return {
      epoch: u64(epoch, 'epoch'),
      key: parsedKey,
      entry: optional(entry, 'entry', (v) => rlpBytes(v, 'entry')),
      stateProof: proofs,
      stateRoot: stateRoot(root, 'state root'),
      prevSnapshotRoot: optional(prev, 'previous snapshot root', (r) => stateRoot(r, 'previous snapshot root')),
      raw: encodeRlp(item),
    };
  });
}

/** Decodes one `StateRootWithEpoch`. */
export function decodeStateRootItem(item: RlpDecoded): StateRootItem {
  return wrap('state root', () => {
    const [epoch, root] = fields(item, 2, 'state root item');
    return { epoch: u64(epoch, 'epoch'), stateRoot: stateRoot(root, 'state root'), raw: encodeRlp(item) };
  });
}

/** Decodes one `WitnessInfoWithHeight`. */
export function decodeWitnessInfoItem(item: RlpDecoded): WitnessInfoItem {
  return wrap('witness info', () => {
    const [height, states, receipts, blooms] = fields(item, 4, 'witness info');
    const read = (x: RlpDecoded | undefined, title: string) => rlpList(x, title).map((h) => hash32(h, title));
    const stateRoots = read(states, 'witness state roots');
    const receiptsRoots = read(receipts, 'witness receipts roots');
    const logsBloomHashes = read(blooms, 'witness bloom hashes');
    if (stateRoots.length === 0 || stateRoots.length !== receiptsRoots.length || stateRoots.length !== logsBloomHashes.length) throw bad('witness info vectors are empty or of different lengths');
    if (stateRoots.length > 4096) throw bad('witness info vector too long');
    return { height: u64(height, 'height'), stateRoots, receiptsRoots, logsBloomHashes, raw: encodeRlp(item) };
  });
}

/** Decodes one header of a `BlockHeaders` answer and hashes it. */
export function decodeBlockHeaderItem(item: RlpDecoded): BlockHeaderItem {
  return wrap('block header', () => {
    const items = rlpList(item, 'block header');
    if (items.length < 14) throw bad(`block header has ${items.length} fields`);
    const raw = encodeRlp(item);
    const blame = rlpToBigInt(items[8], 'blame', 4);
    // After the nonce: `[pos_reference]` and `[[core, espace]]`, each only when present.
    let at = 14;
    const posReference = items[at];
    if (Array.isArray(posReference) && posReference.length === 1 && posReference[0] instanceof Uint8Array) at++;
    const price = items[at];
    let basePrice: BlockHeaderItem['basePrice'] = null;
    if (Array.isArray(price) && price.length === 1 && Array.isArray(price[0]) && price[0].length === 2) {
      basePrice = { core: rlpToBigInt(price[0][0], 'core base price'), espace: rlpToBigInt(price[0][1], 'eSpace base price') };
    }
    return {
      hash: bytesToHex(keccak_256(raw)),
      parentHash: bytesToHex(hash32(items[0], 'parent hash')),
      height: u64(items[1], 'height'),
      blame: Number(blame),
      deferredStateRoot: hash32(items[5], 'deferred state root'),
      basePrice,
      raw,
    };
  });
}

/** Decodes an item from its RLP bytes (e.g. as relayed by a gateway). */
export function decodeItemBytes<T>(bytes: Uint8Array, decode: (item: RlpDecoded) => T, title = 'item'): T {
  let item: RlpDecoded;
  try {
    item = decodeRlp(bytes, { maxBytes: 8 * 1024 * 1024 });
  } catch (cause) {
    throw bad(`malformed ${title}`, cause);
  }
  return decode(item);
}

function answer<K extends LightAnswer['kind'], T>(kind: K, rlp: Uint8Array, decode: (item: RlpDecoded) => T): { kind: K; requestId: number; items: T[] } {
  return wrap(kind, () => {
    const [rid, items] = fields(decodeRlp(rlp), 2, kind);
    return { kind, requestId: u64(rid, 'request id'), items: rlpList(items, `${kind} items`).map(decode) };
  });
}

/**
 * Decodes a `clp` message body (RLP and message id).
 * @throws {LightProtocolError} `lightproto.message` (malformed, or a message a light client never receives)
 */
export function decodeLightMessage(body: Uint8Array): LightMessage {
  const { id, rlp } = splitMessageId(body);
  switch (id) {
    case MSG.STATUS_PONG_V2:
      return wrap('status', () => {
        const [best, chain, genesis, nodeType, terminals] = fields(decodeRlp(rlp), 5, 'status');
        const [chainId] = fields(chain, 1, 'chain id params');
        return {
          kind: 'status',
          status: {
            bestEpoch: u64(best, 'best epoch'),
            chainId: Number(rlpToBigInt(chainId, 'chain id', 4)),
            genesisHash: bytesToHex(hash32(genesis, 'genesis hash')),
            nodeType: Number(rlpToBigInt(nodeType, 'node type', 1)),
            terminals: rlpList(terminals, 'terminals').map((t) => bytesToHex(hash32(t, 'terminal'))),
          },
        };
      });
    case MSG.STATE_ROOTS:
      return answer('state_roots', rlp, decodeStateRootItem);
    case MSG.STATE_ENTRIES:
      return answer('state_entries', rlp, decodeStateEntryItem);
    case MSG.WITNESS_INFO:
      return answer('witness_info', rlp, decodeWitnessInfoItem);
    case MSG.BLOCK_HEADERS:
      return answer('block_headers', rlp, decodeBlockHeaderItem);
    case MSG.NEW_BLOCK_HASHES:
      return wrap('new block hashes', () => {
        const [hashes] = fields(decodeRlp(rlp), 1, 'new block hashes');
        return { kind: 'new_block_hashes', hashes: rlpList(hashes, 'hashes').map((h) => bytesToHex(hash32(h, 'block hash'))) };
      });
    case MSG.THROTTLED:
      return wrap('throttled', () => {
        const [messageId, wait, rid] = fields(decodeRlp(rlp), 3, 'throttled');
        return { kind: 'throttled', messageId: Number(rlpToBigInt(messageId, 'message id', 2)), waitNanos: rlpToBigInt(wait, 'wait', 8), requestId: optional(rid, 'request id', (r) => u64(r, 'request id')) };
      });
    default:
      throw bad(`message id 0x${id.toString(16)} is not one a light client receives`);
  }
}
