/**
 * Reads the header fields out of a Core JSON-RPC block (`cfx_getBlockByHash`,
 * `cfx_getBlockByEpochNumber`, with or without full transactions).
 *
 * The JSON is not the header: the RPC reports a Core-space share of the gas limit on newer nodes,
 * omits the eSpace base price, and prints `custom` differently before and after CIP-112. This
 * module keeps those fields as reported; `hash.ts` turns them into header candidates. Fields that
 * are not part of the header (`hash`, `epochNumber`, `gasUsed`, `size`, …) are never read here
 * except `epochNumber` and the transaction hashes, which callers use for lookups, not for hashing.
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import { decodeRlp } from '../../encoding/rlp.js';
import { malformed } from '../errors.js';
import { asArray, asBoolean, asBytes, asObject, asQuantity, asSafeNumber, asString, asU64, type JsonObject } from '../json.js';
import { readRpcAddress } from '../rpc-address.js';
import type { BlockHeaderFields } from './types.js';

/** Header fields that the RPC reports exactly as they are hashed. */
export type ExactHeaderFields = Omit<BlockHeaderFields, 'gasLimit' | 'basePrice' | 'custom' | 'customEncoding'>;

export interface RpcBlockView {
  readonly exact: ExactHeaderFields;
  /** `gasLimit` as reported: the header value, or its Core-space share (9/10) on nodes ≥ v2.5 after CIP-1559. */
  readonly reportedGasLimit: bigint;
  /** `baseFeePerGas`: the Core-space base price, present iff the header carries a base price. */
  readonly coreBasePrice: bigint | null;
  /** `custom` items as the RPC printed them. */
  readonly custom: readonly Uint8Array[];
  /** `epochNumber` (null for blocks not yet in an epoch). Not a header field. */
  readonly epochNumber: number | null;
  /** Transaction hashes listed by the RPC (Core-space only on `cfx_` RPCs), or null if absent. Read on first use. */
  readonly transactionHashes: readonly string[] | null;
}

const U32_MAX = 0xffffffff;
const authorCache = new Map<string, Uint8Array>();

function readAuthor(value: unknown): Uint8Array {
  const text = asString(value, 'miner');
  const cached = authorCache.get(text);
  if (cached !== undefined) return cached;
  const bytes = readRpcAddress(text, 'miner');
  if (authorCache.size > 256) authorCache.clear();
  authorCache.set(text, bytes);
  return bytes;
}

function readTransactionHashes(block: JsonObject): string[] | null {
  if (block.transactions === undefined) return null;
  return asArray(block.transactions, 'transactions').map((tx, i) => {
    if (typeof tx === 'string') return bytesToHex(asBytes(tx, `transactions[${i}]`, 32));
    return bytesToHex(asBytes(asObject(tx, `transactions[${i}]`).hash, `transactions[${i}].hash`, 32));
  });
}

/**
 * Reads a Core RPC block.
 * @throws {LightClientError} `malformed` when a header field is missing or invalid
 */
export function readRpcBlock(value: unknown): RpcBlockView {
  const block = asObject(value, 'block');
  const blame = asSafeNumber(block.blame, 'blame');
  if (blame > U32_MAX) throw malformed('blame: wider than 32 bits');
  const posReference = block.posReference === undefined || block.posReference === null ? null : asBytes(block.posReference, 'posReference', 32);
  const exact: ExactHeaderFields = {
    parentHash: asBytes(block.parentHash, 'parentHash', 32),
    height: asU64(block.height, 'height'),
    timestamp: asU64(block.timestamp, 'timestamp'),
    author: readAuthor(block.miner),
    transactionsRoot: asBytes(block.transactionsRoot, 'transactionsRoot', 32),
    deferredStateRoot: asBytes(block.deferredStateRoot, 'deferredStateRoot', 32),
    deferredReceiptsRoot: asBytes(block.deferredReceiptsRoot, 'deferredReceiptsRoot', 32),
    deferredLogsBloomHash: asBytes(block.deferredLogsBloomHash, 'deferredLogsBloomHash', 32),
    blame,
    difficulty: asQuantity(block.difficulty, 'difficulty'),
    adaptive: asBoolean(block.adaptive, 'adaptive'),
    refereeHashes: asArray(block.refereeHashes, 'refereeHashes').map((h, i) => asBytes(h, `refereeHashes[${i}]`, 32)),
    nonce: asQuantity(block.nonce, 'nonce'),
    posReference,
  };
  const custom = asArray(block.custom, 'custom').map((item, i) => asBytes(item, `custom[${i}]`));
  const epochNumber = block.epochNumber === undefined || block.epochNumber === null ? null : asSafeNumber(block.epochNumber, 'epochNumber');
  return {
    exact,
    reportedGasLimit: asQuantity(block.gasLimit, 'gasLimit'),
    coreBasePrice: block.baseFeePerGas === undefined || block.baseFeePerGas === null ? null : asQuantity(block.baseFeePerGas, 'baseFeePerGas'),
    custom,
    epochNumber,
    // Not needed to check a hash; parsed (and validated) only when someone asks.
    get transactionHashes(): readonly string[] | null {
      return readTransactionHashes(block);
    },
  };
}

/** True when every item is exactly one canonical RLP item (required for the pre-CIP-112 'raw' placement). */
export function customItemsAreRlp(items: readonly Uint8Array[]): boolean {
  for (const item of items) {
    try {
      decodeRlp(item);
    } catch {
      return false;
    }
  }
  return true;
}
