/**
 * Transaction and receipt inclusion through a {@link HeaderSource} (the light client).
 *
 * A transaction is proved in a block when the block's header is verified (pivot chain, or reached
 * by hash links from its epoch's pivot block) and the block's full list of transaction hashes
 * reproduces the header's transactions root. `cfx_getBlockByHash` lists Core transactions only, so
 * for blocks with eSpace transactions the list comes from the epoch's receipts (all spaces, block
 * order) and must reproduce the same root.
 *
 * A receipt is proved when all receipts of its epoch reproduce the deferred receipts root (and
 * their blooms the deferred logs bloom hash) of the header that vouches for that epoch: the header
 * five epochs later, or a later one that blames it (see `header/blame.ts`). Receipt values that are
 * not committed (`gasUsed`, hashes, addresses in JSON) are re-derived or checked for consistency
 * against the verified transaction list. Threat model: as for the rest of the light client, the node
 * is untrusted; note that the position of a non-pivot block within its epoch is taken from the
 * node (`blockPositionVerified: false`), while a pivot block is always last in its epoch.
 * @module
 */
import { bytesToHex, hexToBytes } from '../../encoding/hex.js';
import { LightClientError } from '../errors.js';
import { checkDeferredField, DEFERRED_STATE_EPOCH_COUNT, findDeferredWitness, type BlameHeader } from '../header/blame.js';
import { verifyHeaderAgainstHash, type VerifiedHeader } from '../header/chain.js';
import { asObject, asSafeNumber } from '../json.js';
import { blockReceiptsRootCandidates, epochLogsBloomHash, hasAmbiguousReceipts, matchEpochReceiptsRoot, readEpochReceipts, type EpochReceipts } from '../receipts/epoch.js';
import { receiptLogsMatchBloom, type ReceiptView } from '../receipts/receipt.js';
import type { HeaderStatus } from '../sync/header-cache.js';
import { simpleMptRoot } from '../trie/simple-mpt.js';
import { headerExtraFor, normalizeHash } from './headers.js';
import type { CallOptions, HeaderSource } from './header-source.js';
import { request } from './requests.js';

/** Most non-pivot headers visited when searching an epoch for a block. */
const MAX_EPOCH_SEARCH = 64;

export interface TransactionInclusion {
  readonly transactionHash: string;
  readonly blockHash: string;
  readonly blockHeight: number;
  /** Epoch (pivot height) the block was found under. */
  readonly epoch: number;
  /** Position among all transactions of the block (Core and eSpace). */
  readonly index: number;
  readonly transactionCount: number;
  /** Finality of the block's epoch pivot. */
  readonly finality: HeaderStatus;
  /** Where the full transaction list came from. */
  readonly hashesSource: 'block' | 'epoch_receipts';
}

export type VerifiedReceipt = Pick<
  ReceiptView,
  'space' | 'outcome' | 'accumulatedGasUsed' | 'gasFee' | 'burntGasFee' | 'gasCoveredBySponsor' | 'storageCoveredBySponsor' | 'storageCollateralized' | 'logs' | 'logsBloom'
> & {
  /** Derived from the committed accumulated gas (the JSON `gasUsed` is not committed). */
  readonly gasUsed: bigint;
};

export interface ReceiptInclusion extends TransactionInclusion {
  readonly receipt: VerifiedReceipt;
  /** Height of the header whose deferred roots vouch for the epoch. */
  readonly witnessHeight: number;
  /** Finality of every header the proof relies on (the weakest of them). */
  readonly finality: HeaderStatus;
  readonly blockPositionVerified: boolean;
}

export interface InclusionQuery {
  readonly transactionHash: string;
  readonly blockHash: string;
  /** Epoch of the block, if known; otherwise read from the node (a hint, checked by the proof). */
  readonly epoch?: number;
}

async function epochOfBlock(client: HeaderSource, blockHash: string, options?: CallOptions): Promise<number> {
  const transport = client.headerContext(options).transport;
  return request(transport, 'cfx_getBlockByHash', [blockHash, false], (t) => t.cfx_getBlockByHash(blockHash, false), (a) => {
    if (a === null) throw new LightClientError('missing', `the node does not know block ${blockHash}`);
    const block = asObject(a, 'block');
    if (block.epochNumber === null || block.epochNumber === undefined) throw new LightClientError('not_finalized', `block ${blockHash} is not in an epoch yet`);
    return asSafeNumber(block.epochNumber, 'epochNumber');
  });
}

/** Finds `blockHash` among the blocks reachable from the epoch's pivot by verified links. */
async function findBlockInEpoch(client: HeaderSource, pivot: VerifiedHeader, blockHash: string, options?: CallOptions): Promise<VerifiedHeader> {
  if (pivot.hash === blockHash) return pivot;
  const ctx = client.headerContext(options);
  const queue: VerifiedHeader[] = [pivot];
  const seen = new Set<string>([pivot.hash]);
  let visited = 0;
  while (queue.length > 0 && visited < MAX_EPOCH_SEARCH) {
    const current = queue.shift()!;
    const links = current === pivot ? current.fields.refereeHashes.map(bytesToHex) : [current.parentHash, ...current.fields.refereeHashes.map(bytesToHex)];
    for (const link of links) {
      if (seen.has(link)) continue;
      seen.add(link);
      const cached = client.cachedHeader(link);
      let header: VerifiedHeader;
      if (cached !== undefined) header = cached.header;
      else {
        const block = await request(ctx.transport, 'cfx_getBlockByHash', [link, false], (t) => t.cfx_getBlockByHash(link, false), (a) => a);
        if (block === null) continue;
        const extra = await headerExtraFor(ctx, block);
        try {
          header = verifyHeaderAgainstHash(block, link, extra);
        } catch (error) {
          if (error instanceof LightClientError) throw error.withRequest({ method: 'cfx_getBlockByHash', params: [link, false] });
          throw error;
        }
        visited++;
      }
      if (header.hash === blockHash) return header;
      // Blocks below the previous pivot cannot belong to this epoch.
      if (header.height >= pivot.height - 1 - MAX_EPOCH_SEARCH && header.height < pivot.height) queue.push(header);
    }
  }
  throw new LightClientError('not_included', `block ${blockHash} was not found in epoch ${pivot.height}`);
}

async function fetchEpochReceipts(client: HeaderSource, epoch: number, options?: CallOptions): Promise<EpochReceipts> {
  const transport = client.headerContext(options).transport;
  return request(transport, 'cfx_getEpochReceipts', [epoch, true], (t) => t.cfx_getEpochReceipts(epoch, true), readEpochReceipts);
}

function blockReceipts(receipts: EpochReceipts, blockHash: string): { position: number; list: readonly ReceiptView[] } | undefined {
  const position = receipts.findIndex((block) => block.length > 0 && block[0]!.blockHash === blockHash);
  return position < 0 ? undefined : { position, list: receipts[position]! };
}

interface BlockTransactions {
  readonly header: VerifiedHeader;
  readonly epoch: number;
  readonly isPivot: boolean;
  readonly finality: HeaderStatus;
  readonly hashes: readonly string[];
  readonly source: 'block' | 'epoch_receipts';
  readonly receipts: EpochReceipts | undefined;
}

async function verifiedBlockTransactions(client: HeaderSource, query: InclusionQuery, options?: CallOptions): Promise<BlockTransactions> {
  const blockHash = normalizeHash(query.blockHash, 'blockHash');
  const epoch = query.epoch ?? (await epochOfBlock(client, blockHash, options));
  const { header: pivot, status } = await client.pivotHeaderAt(epoch, options);
  const header = await findBlockInEpoch(client, pivot, blockHash, options);
  const root = header.fields.transactionsRoot;
  const listed = header.coreTransactionHashes ?? [];
  if (bytesToHex(simpleMptRoot(listed.map((h) => hexToBytes(h)))) === bytesToHex(root)) {
    return { header, epoch, isPivot: header.hash === pivot.hash, finality: status, hashes: listed, source: 'block', receipts: undefined };
  }
  // The Core RPC hides eSpace transactions; the epoch's receipts list every transaction.
  const receipts = await fetchEpochReceipts(client, epoch, options);
  const found = blockReceipts(receipts, blockHash);
  const hashes = found === undefined ? [] : found.list.map((r) => r.transactionHash);
  if (bytesToHex(simpleMptRoot(hashes.map((h) => hexToBytes(h)))) !== bytesToHex(root)) {
    throw new LightClientError('bad_transactions_root', `transactions of block ${blockHash} do not reproduce its transactions root`, { request: { method: 'cfx_getEpochReceipts', params: [epoch, true] } });
  }
  return { header, epoch, isPivot: header.hash === pivot.hash, finality: status, hashes, source: 'epoch_receipts', receipts };
}

/**
 * Proves that a transaction is in a block whose header is verified.
 * @throws {LightClientError} `not_included`, `bad_transactions_root`, `not_finalized`, and header failures
 */
export async function proveTransaction(client: HeaderSource, query: InclusionQuery, options?: CallOptions): Promise<TransactionInclusion> {
  const txHash = normalizeHash(query.transactionHash, 'transactionHash');
  const block = await verifiedBlockTransactions(client, query, options);
  const index = block.hashes.indexOf(txHash);
  if (index < 0) throw new LightClientError('not_included', `transaction ${txHash} is not in block ${block.header.hash}`);
  return {
    transactionHash: txHash,
    blockHash: block.header.hash,
    blockHeight: block.header.height,
    epoch: block.epoch,
    index,
    transactionCount: block.hashes.length,
    finality: block.finality,
    hashesSource: block.source,
  };
}

function weakest(a: HeaderStatus, b: HeaderStatus): HeaderStatus {
  return a === 'unfinalized' || b === 'unfinalized' ? 'unfinalized' : 'finalized';
}

/**
 * Proves a transaction's receipt (outcome, gas, logs) against the deferred roots of its epoch.
 * @throws {LightClientError} `bad_receipts_root`, `bad_logs_bloom`, `unprovable_receipt`, `blamed_header`,
 *   `not_finalized` (the vouching headers do not exist yet), and the failures of {@link proveTransaction}
 */
export async function proveReceipt(client: HeaderSource, query: InclusionQuery, options?: CallOptions): Promise<ReceiptInclusion> {
  const txHash = normalizeHash(query.transactionHash, 'transactionHash');
  const block = await verifiedBlockTransactions(client, query, options);
  const index = block.hashes.indexOf(txHash);
  if (index < 0) throw new LightClientError('not_included', `transaction ${txHash} is not in block ${block.header.hash}`);
  const epoch = block.epoch;
  const receipts = block.receipts ?? (await fetchEpochReceipts(client, epoch, options));
  const failed = { method: 'cfx_getEpochReceipts', params: [epoch, true] };
  const found = blockReceipts(receipts, block.header.hash);
  if (found === undefined) throw new LightClientError('malformed', `epoch ${epoch} receipts do not include block ${block.header.hash}`, { request: failed });
  const isPivot = block.isPivot;
  if (isPivot && found.position !== receipts.length - 1) throw new LightClientError('malformed', 'the pivot block is not last in its epoch receipts', { request: failed });
  if (found.list.length !== block.hashes.length || found.list.some((r, i) => r.transactionHash !== block.hashes[i])) {
    throw new LightClientError('malformed', `receipts of block ${block.header.hash} do not match its verified transactions`, { request: failed });
  }

  // Headers that settle the epoch's deferred roots: e+5 and the blame look-ahead after it.
  const committing = epoch + DEFERRED_STATE_EPOCH_COUNT;
  let finality = block.finality;
  const byHeight = new Map<number, VerifiedHeader>();
  for (let h = committing; h <= committing + client.blameLookahead; h++) {
    let settled: { header: VerifiedHeader; status: HeaderStatus };
    try {
      settled = await client.pivotHeaderAt(h, options);
    } catch (error) {
      if (error instanceof LightClientError && error.kind === 'missing') {
        throw new LightClientError('not_finalized', `the header at height ${h}, needed to settle the roots of epoch ${epoch}, does not exist yet`, { cause: error });
      }
      throw error;
    }
    byHeight.set(h, settled.header);
    finality = weakest(finality, settled.status);
  }
  const witness = findDeferredWitness(epoch, (h): BlameHeader | undefined => {
    const header = byHeight.get(h);
    return header === undefined ? undefined : { height: header.height, blame: header.fields.blame };
  }, client.blameLookahead);
  const witnessHeader = byHeight.get(witness.witnessHeight)!;

  const epochs = new Map<number, EpochReceipts>([[epoch, receipts]]);
  for (const e of witness.vectorEpochs) {
    if (!epochs.has(e)) epochs.set(e, await fetchEpochReceipts(client, e, options));
  }
  try {
    if (witness.vectorEpochs.length === 1) {
      matchEpochReceiptsRoot(receipts, witnessHeader.fields.deferredReceiptsRoot);
    } else {
      const roots = witness.vectorEpochs.map((e) => simpleMptRoot(epochs.get(e)!.map((blockList) => blockReceiptsRootCandidates(blockList)[0]!)));
      try {
        checkDeferredField(witnessHeader.fields.deferredReceiptsRoot, witness, roots, 'bad_receipts_root');
      } catch (error) {
        if (error instanceof LightClientError && error.kind === 'bad_receipts_root' && [...epochs.values()].some(hasAmbiguousReceipts)) {
          throw new LightClientError('unprovable_receipt', 'receipts of a blamed range use storage fields JSON-RPC does not fully report');
        }
        throw error;
      }
    }
    checkDeferredField(witnessHeader.fields.deferredLogsBloomHash, witness, witness.vectorEpochs.map((e) => epochLogsBloomHash(epochs.get(e)!)), 'bad_logs_bloom');
  } catch (error) {
    if (error instanceof LightClientError) throw error.withRequest(failed);
    throw error;
  }

  const r = found.list[index]!;
  if (!receiptLogsMatchBloom(r)) throw new LightClientError('bad_logs_bloom', `logs of ${txHash} do not match the receipt bloom`, { request: failed });
  const previous = index === 0 ? 0n : found.list[index - 1]!.accumulatedGasUsed;
  if (r.accumulatedGasUsed < previous) throw new LightClientError('malformed', 'accumulated gas decreases within the block', { request: failed });
  return {
    transactionHash: txHash,
    blockHash: block.header.hash,
    blockHeight: block.header.height,
    epoch,
    index,
    transactionCount: block.hashes.length,
    finality,
    hashesSource: block.source,
    witnessHeight: witness.witnessHeight,
    blockPositionVerified: isPivot,
    receipt: {
      space: r.space,
      outcome: r.outcome,
      gasUsed: r.accumulatedGasUsed - previous,
      accumulatedGasUsed: r.accumulatedGasUsed,
      gasFee: r.gasFee,
      burntGasFee: r.burntGasFee,
      gasCoveredBySponsor: r.gasCoveredBySponsor,
      storageCoveredBySponsor: r.storageCoveredBySponsor,
      storageCollateralized: r.storageCollateralized,
      logs: r.logs,
      logsBloom: r.logsBloom,
    },
  };
}
