/**
 * Commitments over the receipts of one epoch: the deferred receipts root (simple MPT over the
 * blocks of the epoch, each value the simple-MPT root of that block's receipt RLPs) and the
 * deferred logs bloom hash (keccak256 of the OR of every receipt bloom).
 *
 * Threat model: receipts come from an untrusted node. They prove something only when the
 * recomputed commitment equals the one in a verified header committing this epoch; the
 * recomputation uses every receipt of the epoch, so a node can neither alter, reorder, add nor
 * drop a receipt without changing the root.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, equalBytes } from '../../encoding/hex.js';
import { LightClientError } from '../errors.js';
import { asArray } from '../json.js';
import { simpleMptRoot } from '../trie/simple-mpt.js';
import { orBlooms } from './bloom.js';
import { readReceipt, receiptEncodingCandidates, type ReceiptView } from './receipt.js';

/** Receipts of an epoch, one array per block in execution order (pivot block last). */
export type EpochReceipts = readonly (readonly ReceiptView[])[];

/**
 * Reads `cfx_getEpochReceipts(epoch, true)`.
 * @throws {LightClientError} `malformed`, `missing` (null answer)
 */
export function readEpochReceipts(value: unknown): EpochReceipts {
  if (value === null) throw new LightClientError('missing', 'the node has no receipts for this epoch (not executed yet?)');
  return asArray(value, 'epochReceipts').map((block, b) => {
    const receipts = asArray(block, `epochReceipts[${b}]`).map((r, i) => readReceipt(r, `epochReceipts[${b}][${i}]`));
    receipts.forEach((r, i) => {
      if (r.index !== i) throw new LightClientError('malformed', `epochReceipts[${b}][${i}]: index ${r.index}, expected ${i} (were eSpace receipts left out?)`);
    });
    return receipts;
  });
}

/** Upper bound on receipt-encoding combinations tried for one block (lossy storage fields). */
const MAX_COMBINATIONS = 64;

/**
 * Receipts root of one block. Returns every root reachable from the receipt encodings (normally
 * exactly one; more only when collateralized storage owners are ambiguous, capped).
 */
export function blockReceiptsRootCandidates(receipts: readonly ReceiptView[]): Uint8Array[] {
  const options = receipts.map(receiptEncodingCandidates);
  let combinations = 1;
  for (const o of options) {
    if (o.length === 0) throw new LightClientError('unprovable_receipt', 'a receipt has no possible consensus encoding');
    combinations *= o.length;
    if (combinations > MAX_COMBINATIONS) {
      // Only the most likely reading of each receipt.
      return [simpleMptRoot(options.map((opts) => opts[0]!))];
    }
  }
  const roots: Uint8Array[] = [];
  const choice = new Array<number>(options.length).fill(0);
  for (;;) {
    roots.push(simpleMptRoot(options.map((opts, i) => opts[choice[i]!]!)));
    let i = choice.length - 1;
    while (i >= 0 && choice[i] === options[i]!.length - 1) choice[i--] = 0;
    if (i < 0) break;
    choice[i]!++;
  }
  return roots;
}

/** Whether any receipt's consensus encoding had to be guessed. */
export function hasAmbiguousReceipts(epoch: EpochReceipts): boolean {
  return epoch.some((block) => block.some((r) => r.storageCollateralized > 0n));
}

/**
 * Finds the per-block receipt roots that reproduce `expectedRoot` (the epoch root committed by a
 * verified header), or throws.
 * @throws {LightClientError} `bad_receipts_root` (receipts are exact and do not match: the node
 *   lied), `unprovable_receipt` (an ambiguous storage field kept the root from being reproduced)
 */
export function matchEpochReceiptsRoot(epoch: EpochReceipts, expectedRoot: Uint8Array): Uint8Array[] {
  const perBlock = epoch.map(blockReceiptsRootCandidates);
  // With one ambiguous block every reading of it is tried; with several, only the most likely
  // reading of each (the product could be large).
  const ambiguousBlocks = perBlock.filter((c) => c.length > 1).length;
  if (ambiguousBlocks <= 1) {
    const fixed = perBlock.map((c) => c[0]!);
    const ambiguousAt = perBlock.findIndex((c) => c.length > 1);
    const tries = ambiguousAt < 0 ? [fixed] : perBlock[ambiguousAt]!.map((root) => fixed.map((r, i) => (i === ambiguousAt ? root : r)));
    for (const roots of tries) {
      if (equalBytes(simpleMptRoot(roots), expectedRoot)) return roots;
    }
  } else {
    const first = perBlock.map((c) => c[0]!);
    if (equalBytes(simpleMptRoot(first), expectedRoot)) return first;
  }
  if (hasAmbiguousReceipts(epoch)) {
    throw new LightClientError('unprovable_receipt', 'receipts use collateralized storage whose owner JSON-RPC does not report; the receipts root could not be reproduced');
  }
  throw new LightClientError('bad_receipts_root', `receipts do not reproduce the committed receipts root ${bytesToHex(expectedRoot)}`);
}

/** keccak256 of the OR of all receipt blooms of the epoch (the header's `deferredLogsBloomHash`). */
export function epochLogsBloomHash(epoch: EpochReceipts): Uint8Array {
  return keccak_256(orBlooms(epoch.flatMap((block) => block.map((r) => r.logsBloom))));
}
