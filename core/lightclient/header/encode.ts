/**
 * RLP encoding and hashing of Conflux Core block headers.
 *
 * `blockHash = keccak256(rlp([parent_hash, height, timestamp, author, transactions_root,
 * deferred_state_root, deferred_receipts_root, deferred_logs_bloom_hash, blame, difficulty,
 * adaptive, gas_limit, referee_hashes, nonce, [pos_reference]?, [[core_base_price,
 * espace_base_price]]?, ...custom]))`. Optional items are absent (not empty) when unset; custom
 * items are spliced verbatim before CIP-112 and written as byte strings after it.
 * The PoW problem hash is the same list without the nonce.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '../../encoding/hex.js';
import { encodeRlp, RlpRaw, rlpInt, type RlpItem } from '../../encoding/rlp.js';
import type { BlockHeaderFields } from './types.js';

function headerItems(h: BlockHeaderFields, withNonce: boolean): RlpItem[] {
  const items: RlpItem[] = [
    h.parentHash,
    rlpInt(h.height),
    rlpInt(h.timestamp),
    h.author,
    h.transactionsRoot,
    h.deferredStateRoot,
    h.deferredReceiptsRoot,
    h.deferredLogsBloomHash,
    rlpInt(h.blame),
    rlpInt(h.difficulty),
    rlpInt(h.adaptive ? 1 : 0),
    rlpInt(h.gasLimit),
    h.refereeHashes,
  ];
  if (withNonce) items.push(rlpInt(h.nonce));
  if (h.posReference !== null) items.push([h.posReference]);
  if (h.basePrice !== null) items.push([[rlpInt(h.basePrice.core), rlpInt(h.basePrice.espace)]]);
  for (const item of h.custom) items.push(h.customEncoding === 'raw' ? new RlpRaw(item) : item);
  return items;
}

/** RLP of the header as hashed for the block hash. */
export function encodeHeader(h: BlockHeaderFields): Uint8Array {
  return encodeRlp(headerItems(h, true));
}

/** keccak256 of {@link encodeHeader}, as lower-case `0x` hex. */
export function headerHash(h: BlockHeaderFields): string {
  return bytesToHex(keccak_256(encodeHeader(h)));
}

/** The PoW problem hash: keccak256 of the header list without the nonce. */
export function headerProblemHash(h: BlockHeaderFields): string {
  return bytesToHex(keccak_256(encodeRlp(headerItems(h, false))));
}
