/**
 * Hash-chain verification of Core headers: from a hash already trusted (a PoS-finalized pivot
 * block, or a verified child's `parentHash`) down the parent links.
 *
 * Threat model: every header JSON is untrusted. A header is accepted only when its recomputed
 * hash equals the trusted hash it is supposed to have; its `parentHash` then becomes the trusted
 * hash of the next one. The parent chain of a finalized pivot block is the finalized pivot chain,
 * so every header reached this way is final. Pure functions: the caller fetches.
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import { LightClientError } from '../errors.js';
import { matchRpcBlockView, type HeaderExtra } from './hash.js';
import { readRpcBlock } from './rpc-block.js';
import type { BlockHeaderFields } from './types.js';

/** A header whose hash was checked against a trusted hash. */
export interface VerifiedHeader {
  readonly hash: string;
  readonly height: number;
  readonly parentHash: string;
  /** `epochNumber` reported with it (informational; the pivot chain position is `height`). */
  readonly epochNumber: number | null;
  readonly fields: BlockHeaderFields;
  /** Core-space transaction hashes listed by the RPC block (not all transactions when eSpace ones exist). */
  readonly coreTransactionHashes: readonly string[] | null;
}

/**
 * Checks that `rpcBlock` is the header with hash `expectedHash`.
 * @throws {LightClientError} `bad_header_hash`, `malformed`, `espace_base_price_unknown`,
 *   `wrong_height` (when `expectedHeight` is given and differs)
 */
export function verifyHeaderAgainstHash(rpcBlock: unknown, expectedHash: string, extra?: HeaderExtra, expectedHeight?: number): VerifiedHeader {
  if (rpcBlock === null || rpcBlock === undefined) throw new LightClientError('missing', `the node does not have block ${expectedHash}`);
  const view = readRpcBlock(rpcBlock);
  const matched = matchRpcBlockView(view, expectedHash, extra);
  if (matched === null) throw new LightClientError('bad_header_hash', `block fields do not hash to ${expectedHash}`);
  const height = Number(matched.fields.height);
  if (!Number.isSafeInteger(height)) throw new LightClientError('malformed', 'height is too large');
  if (expectedHeight !== undefined && height !== expectedHeight) {
    throw new LightClientError('wrong_height', `block ${expectedHash} has height ${height}, expected ${expectedHeight}`);
  }
  return {
    hash: matched.hash,
    height,
    parentHash: bytesToHex(matched.fields.parentHash),
    epochNumber: view.epochNumber,
    fields: matched.fields,
    coreTransactionHashes: view.transactionHashes,
  };
}

/**
 * Verifies the parent of a verified header.
 * @throws {LightClientError} `broken_parent_link` (fields do not hash to the child's parentHash),
 *   `wrong_height`, `malformed`, `espace_base_price_unknown`, `missing`
 */
export function verifyParent(child: VerifiedHeader, parentBlock: unknown, extra?: HeaderExtra): VerifiedHeader {
  try {
    return verifyHeaderAgainstHash(parentBlock, child.parentHash, extra, child.height - 1);
  } catch (error) {
    if (error instanceof LightClientError && error.kind === 'bad_header_hash') {
      throw new LightClientError('broken_parent_link', `block offered as parent of ${child.hash} does not hash to its parentHash ${child.parentHash}`);
    }
    throw error;
  }
}

/**
 * Verifies a run of headers going down from a trusted anchor: `blocks[0]` must hash to
 * `anchorHash`, and each next one to the previous one's `parentHash`.
 * @param extras per-block extra data (eSpace base price candidates), same order as `blocks`
 * @returns the verified headers, highest first
 * @throws {LightClientError} the first failure, with `details` naming the index
 */
export function verifyHeaderChain(anchorHash: string, blocks: readonly unknown[], extras: readonly (HeaderExtra | undefined)[] = []): VerifiedHeader[] {
  const out: VerifiedHeader[] = [];
  blocks.forEach((block, i) => {
    try {
      out.push(i === 0 ? verifyHeaderAgainstHash(block, anchorHash, extras[i]) : verifyParent(out[i - 1]!, block, extras[i]));
    } catch (error) {
      if (error instanceof LightClientError) {
        throw new LightClientError(error.kind, `${error.message} (chain position ${i})`, { cause: error, details: `index ${i}` });
      }
      throw error;
    }
  });
  return out;
}
