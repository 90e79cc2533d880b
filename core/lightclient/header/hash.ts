/**
 * Block-hash computation and checking from Core JSON-RPC blocks.
 *
 * Threat model: the block JSON comes from an untrusted node, and its own `hash` field is never
 * read. A header is accepted only when keccak256 of the RLP rebuilt from the JSON fields equals a
 * hash the caller already trusts (a PoS-finalized pivot hash, or the `parentHash` of a verified
 * child). Where the RPC reports a field differently from the header (gas limit after CIP-1559,
 * `custom` around CIP-112, the eSpace base price that Core RPC omits), every known way of reading
 * it is tried as a candidate: a candidate is only a guess at the preimage, and the hash decides,
 * so trying more candidates cannot make a forged header pass.
 * @module
 */
import { bytesToHex, hexToBytes } from '../../encoding/hex.js';
import { LightClientError, malformed } from '../errors.js';
import { asQuantity } from '../json.js';
import { headerHash } from './encode.js';
import { customItemsAreRlp, readRpcBlock, type RpcBlockView } from './rpc-block.js';
import type { BlockHeaderFields, CustomEncoding, HashedHeader } from './types.js';

/** What the Core RPC block lacks, supplied by the caller. */
export interface HeaderExtra {
  /**
   * eSpace base price of the block (`eth_getBlockByNumber(epoch).baseFeePerGas` for a pivot
   * block). Required when the block has `baseFeePerGas`. {@link verifyBlockHeaderHash} also
   * accepts a list of candidates.
   */
  espaceBaseFeePerGas?: string | bigint | readonly (string | bigint)[];
  /** Override how `custom` is placed ({@link CustomEncoding}); default 'raw' (no network has activated CIP-112). */
  customEncoding?: CustomEncoding;
  /** The header's own gas limit when the caller knows it (otherwise the reported value is used). */
  headerGasLimit?: string | bigint;
}

/** Core-space share of the block gas limit after CIP-1559: floor(limit * 9 / 10). */
export function coreSpaceGasLimit(headerGasLimit: bigint): bigint {
  return (headerGasLimit * 9n) / 10n;
}

/**
 * Header gas limits that an RPC `gasLimit` can stand for: the value itself (nodes ≤ v2.4, and
 * every pre-1559 block), then each x with floor(9x/10) == reported (nodes ≥ v2.5 report the
 * Core-space share once the header has a base price). Normally one or two values.
 */
export function gasLimitCandidates(reportedGasLimit: bigint, hasBasePrice: boolean): bigint[] {
  if (reportedGasLimit < 0n) throw new RangeError('gas limit must not be negative');
  const out = [reportedGasLimit];
  if (!hasBasePrice) return out;
  // floor(9x/10) == g  <=>  10g <= 9x <= 10g + 9
  const low = (10n * reportedGasLimit + 8n) / 9n;
  const high = (10n * reportedGasLimit + 9n) / 9n;
  for (let x = low; x <= high; x++) {
    if (coreSpaceGasLimit(x) === reportedGasLimit && x !== reportedGasLimit) out.push(x);
  }
  return out;
}

function toBigInt(value: string | bigint, title: string): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw malformed(`${title}: must not be negative`);
    return value;
  }
  return asQuantity(value, title);
}

function espaceCandidates(extra: HeaderExtra | undefined): bigint[] {
  const given = extra?.espaceBaseFeePerGas;
  if (given === undefined) return [];
  const list = typeof given === 'string' || typeof given === 'bigint' ? [given] : given;
  return list.map((v, i) => toBigInt(v, `espaceBaseFeePerGas[${i}]`));
}

function assembleHeader(view: RpcBlockView, gasLimit: bigint, espace: bigint | null, customEncoding: CustomEncoding): BlockHeaderFields {
  const e = view.exact;
  return {
    parentHash: e.parentHash,
    height: e.height,
    timestamp: e.timestamp,
    author: e.author,
    transactionsRoot: e.transactionsRoot,
    deferredStateRoot: e.deferredStateRoot,
    deferredReceiptsRoot: e.deferredReceiptsRoot,
    deferredLogsBloomHash: e.deferredLogsBloomHash,
    blame: e.blame,
    difficulty: e.difficulty,
    adaptive: e.adaptive,
    refereeHashes: e.refereeHashes,
    nonce: e.nonce,
    posReference: e.posReference,
    gasLimit,
    basePrice: view.coreBasePrice === null ? null : { core: view.coreBasePrice, espace: espace ?? 0n },
    custom: view.custom,
    customEncoding,
  };
}

/**
 * Computes the hash of the header described by a Core RPC block, reading every field as reported
 * (gas limit as given unless `extra.headerGasLimit`; custom items placed verbatim unless
 * `extra.customEncoding`). Never reads the JSON's own `hash`.
 * @throws {LightClientError} `malformed` (invalid JSON field), `espace_base_price_unknown`
 *   (post-1559 block without `extra.espaceBaseFeePerGas`)
 * @example hashBlockHeader(block, { espaceBaseFeePerGas: ethBlock.baseFeePerGas })
 */
export function hashBlockHeader(rpcBlock: unknown, extra?: HeaderExtra): string {
  return hashRpcBlockView(readRpcBlock(rpcBlock), extra);
}

function hashRpcBlockView(view: RpcBlockView, extra: HeaderExtra | undefined): string {
  const espace = espaceCandidates(extra);
  if (view.coreBasePrice !== null && espace.length !== 1) {
    throw new LightClientError('espace_base_price_unknown', 'block has a base price; pass exactly one extra.espaceBaseFeePerGas');
  }
  const encoding = extra?.customEncoding ?? 'raw';
  if (encoding === 'raw' && !customItemsAreRlp(view.custom)) throw malformed('custom: items are not RLP items (try customEncoding "bytes")');
  const gasLimit = extra?.headerGasLimit === undefined ? view.reportedGasLimit : toBigInt(extra.headerGasLimit, 'headerGasLimit');
  return headerHash(assembleHeader(view, gasLimit, espace[0] ?? null, encoding));
}

/**
 * Whether the last matched post-1559 block had its gas limit reported as the Core-space share.
 * Only changes the order of candidates, never which ones are accepted.
 */
let preferCoreShare = false;

/**
 * Tries every known reading of the RPC block (gas-limit candidates, both custom encodings, each
 * supplied eSpace base price) and returns the header whose hash equals `expectedHash`, or null.
 * @throws {LightClientError} `malformed`, `espace_base_price_unknown`
 */
export function matchBlockHeader(rpcBlock: unknown, expectedHash: string, extra?: HeaderExtra): HashedHeader | null {
  const view = readRpcBlock(rpcBlock);
  return matchRpcBlockView(view, expectedHash, extra);
}

/** {@link matchBlockHeader} over an already-read block. */
export function matchRpcBlockView(view: RpcBlockView, expectedHash: string, extra?: HeaderExtra): HashedHeader | null {
  const expected = bytesToHex(hexToBytes(expectedHash, 32, 'expectedHash'));
  const espace = espaceCandidates(extra);
  if (view.coreBasePrice !== null && espace.length === 0) {
    throw new LightClientError('espace_base_price_unknown', 'block has a base price but no eSpace base price candidate was given');
  }
  const espaceList: (bigint | null)[] = view.coreBasePrice === null ? [null] : espace;
  let gasLimits = extra?.headerGasLimit === undefined ? gasLimitCandidates(view.reportedGasLimit, view.coreBasePrice !== null) : [toBigInt(extra.headerGasLimit, 'headerGasLimit')];
  // Nodes of one version always report the gas limit the same way: try the last successful reading first.
  if (preferCoreShare && gasLimits.length > 1) gasLimits = [...gasLimits.slice(1), gasLimits[0]!];
  const encodings: CustomEncoding[] = [];
  if (extra?.customEncoding !== undefined) encodings.push(extra.customEncoding);
  else {
    if (customItemsAreRlp(view.custom)) encodings.push('raw');
    // The two placements only differ for items other than single bytes below 0x80.
    if (encodings.length === 0 || view.custom.some((c) => !(c.length === 1 && c[0]! < 0x80))) encodings.push('bytes');
  }
  for (const encoding of encodings) {
    for (const espacePrice of espaceList) {
      for (const gasLimit of gasLimits) {
        const fields = assembleHeader(view, gasLimit, espacePrice, encoding);
        const hash = headerHash(fields);
        if (hash === expected) {
          if (view.coreBasePrice !== null && extra?.headerGasLimit === undefined) preferCoreShare = gasLimit !== view.reportedGasLimit;
          return { hash, fields };
        }
      }
    }
  }
  return null;
}

/**
 * True when the RPC block describes a header whose hash is `expectedHash`, allowing for every
 * known way the RPC reports fields differently from the header (see {@link matchBlockHeader}).
 * @throws {LightClientError} `malformed`, `espace_base_price_unknown`
 */
export function verifyBlockHeaderHash(rpcBlock: unknown, expectedHash: string, extra?: HeaderExtra): boolean {
  return matchBlockHeader(rpcBlock, expectedHash, extra) !== null;
}
