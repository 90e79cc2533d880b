/**
 * Fetching and verifying Core headers through the transport: the finalized pivot block, its
 * parent chain down to any height, and blocks above the finalized pivot (linked to it, tracked as
 * unfinalized). Works on a {@link HeaderCache}; verification itself is the pure code in
 * `header/chain.ts`.
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import { LightClientError } from '../errors.js';
import { verifyHeaderAgainstHash, verifyParent, type VerifiedHeader } from '../header/chain.js';
import type { HeaderExtra } from '../header/hash.js';
import { readRpcBlock } from '../header/rpc-block.js';
import { asBytes, asObject, asQuantity } from '../json.js';
import type { HeaderCache, HeaderStatus } from '../sync/header-cache.js';
import type { LightClientTransport } from '../transport.js';
import { mapLimited, request } from './requests.js';

export interface HeaderContext {
  readonly transport: LightClientTransport;
  readonly cache: HeaderCache;
  readonly parallel: number;
}

/** `eth_getBlockByNumber(n).baseFeePerGas`, or null when the eSpace block has none. */
async function espaceBaseFee(ctx: HeaderContext, blockNumber: number): Promise<bigint | null> {
  return request(ctx.transport, 'eth_getBlockByNumber', [blockNumber, false], (t) => t.eth_getBlockByNumber(blockNumber, false), (answer) => {
    if (answer === null) return null;
    const block = asObject(answer, 'eSpace block');
    return block.baseFeePerGas === undefined || block.baseFeePerGas === null ? null : asQuantity(block.baseFeePerGas, 'eSpace baseFeePerGas');
  });
}

/**
 * Extra header data for a Core block: eSpace base price candidates from the eSpace blocks at its
 * epoch number and its height (equal for pivot blocks). Empty when the block has no base price.
 */
export async function headerExtraFor(ctx: HeaderContext, rpcBlock: unknown): Promise<HeaderExtra | undefined> {
  const view = readRpcBlock(rpcBlock);
  if (view.coreBasePrice === null) return undefined;
  const height = Number(view.exact.height);
  const numbers = [...new Set([height, ...(view.epochNumber === null ? [] : [view.epochNumber])])];
  const fees = await Promise.all(numbers.map((n) => espaceBaseFee(ctx, n)));
  const candidates = fees.filter((f): f is bigint => f !== null);
  if (candidates.length === 0) throw new LightClientError('espace_base_price_unknown', `no eSpace base price found for block at height ${height}`);
  return { espaceBaseFeePerGas: candidates };
}

async function blockByHash(ctx: HeaderContext, hash: string): Promise<unknown> {
  return request(ctx.transport, 'cfx_getBlockByHash', [hash, false], (t) => t.cfx_getBlockByHash(hash, false), (a) => a);
}

async function blockByEpoch(ctx: HeaderContext, epoch: number): Promise<unknown> {
  return request(ctx.transport, 'cfx_getBlockByEpochNumber', [epoch, false], (t) => t.cfx_getBlockByEpochNumber(epoch, false), (a) => a);
}

/**
 * Fetches the block with a trusted hash and verifies it.
 * @throws {LightClientError} `bad_header_hash` (attributed to `cfx_getBlockByHash`), `missing`, …
 */
export async function fetchHeaderByHash(ctx: HeaderContext, hash: string, status: HeaderStatus, pivot: boolean, expectedHeight?: number): Promise<VerifiedHeader> {
  const cached = ctx.cache.get(hash);
  if (cached !== undefined && (status === 'unfinalized' || cached.status === 'finalized')) return cached.header;
  const block = await blockByHash(ctx, hash);
  const failed = { method: 'cfx_getBlockByHash', params: [hash, false] };
  try {
    const extra = block === null ? undefined : await headerExtraFor(ctx, block);
    const header = verifyHeaderAgainstHash(block, hash, extra, expectedHeight);
    ctx.cache.put(header, status, pivot);
    return header;
  } catch (error) {
    if (error instanceof LightClientError) throw error.withRequest(failed);
    throw error;
  }
}

/**
 * Tries to verify `block` as the parent of `child` assuming it has the child's eSpace base price
 * (prices move slowly and often sit at the minimum), which saves one eSpace request per header.
 * Returns null when that guess does not reproduce the hash; the caller then asks for the price.
 */
function guessParent(child: VerifiedHeader, block: unknown): VerifiedHeader | null {
  if (block === null || block === undefined || child.fields.basePrice === null) return null;
  try {
    return verifyParent(child, block, { espaceBaseFeePerGas: child.fields.basePrice.espace });
  } catch (error) {
    if (error instanceof LightClientError && (error.kind === 'broken_parent_link' || error.kind === 'espace_base_price_unknown')) return null;
    throw error;
  }
}

/**
 * Verifies the finalized pivot chain from `top` (verified) down to `height`, fetching the pivot
 * blocks by epoch number in parallel and checking each against its child's `parentHash`.
 * @returns the header at `height`
 */
export async function walkDownTo(ctx: HeaderContext, top: VerifiedHeader, height: number, status: HeaderStatus): Promise<VerifiedHeader> {
  if (height > top.height) throw new RangeError(`height ${height} is above the start ${top.height}`);
  let child = top;
  while (child.height > height) {
    // Reuse cached pivot headers when the link is already known.
    const cached = ctx.cache.pivotAt(child.height - 1);
    if (cached !== undefined && cached.header.hash === child.parentHash) {
      child = cached.header;
      ctx.cache.put(child, status, true); // linked from a `status` child, so it has that status too
      continue;
    }
    const batchEnd = Math.max(height, child.height - 4 * ctx.parallel);
    const heights: number[] = [];
    for (let h = child.height - 1; h >= batchEnd; h--) heights.push(h);
    const blocks = await mapLimited(heights, ctx.parallel, (h) => blockByEpoch(ctx, h).then((block) => ({ h, block })));
    for (const { h, block } of blocks) {
      const failed = { method: 'cfx_getBlockByEpochNumber', params: [h, false] };
      try {
        child = guessParent(child, block) ?? verifyParent(child, block, block === null ? undefined : await headerExtraFor(ctx, block));
      } catch (error) {
        if (error instanceof LightClientError) throw error.withRequest(failed);
        throw error;
      }
      ctx.cache.put(child, status, true);
    }
  }
  return child;
}

/**
 * Verifies pivot blocks above the finalized pivot: fetches the pivot block at `height` and walks
 * its parent links down to the finalized pivot, which must be reached exactly. Everything on the
 * way is linked to finality but not final itself.
 * @throws {LightClientError} `broken_parent_link` when the chain does not reach the finalized pivot
 */
export async function linkToFinalized(ctx: HeaderContext, finalized: VerifiedHeader, height: number): Promise<VerifiedHeader> {
  if (height <= finalized.height) throw new RangeError(`height ${height} is not above the finalized pivot ${finalized.height}`);
  const block = await blockByEpoch(ctx, height);
  if (block === null) throw new LightClientError('missing', `the node has no pivot block at height ${height}`, { request: { method: 'cfx_getBlockByEpochNumber', params: [height, false] } });
  const claimed = asObject(block, 'block').hash;
  const claimedHash = typeof claimed === 'string' ? claimed.toLowerCase() : '';
  if (!/^0x[0-9a-f]{64}$/.test(claimedHash)) throw new LightClientError('malformed', 'block hash missing', { request: { method: 'cfx_getBlockByEpochNumber', params: [height, false] } });
  let top: VerifiedHeader;
  try {
    // The block's own `hash` is only a claim here; it is checked like any other expected hash,
    // and the chain below must then lead to the finalized pivot.
    top = verifyHeaderAgainstHash(block, claimedHash, await headerExtraFor(ctx, block), height);
  } catch (error) {
    if (error instanceof LightClientError) throw error.withRequest({ method: 'cfx_getBlockByEpochNumber', params: [height, false] });
    throw error;
  }
  const lowest = await walkDownTo(ctx, top, finalized.height + 1, 'unfinalized');
  if (lowest.parentHash !== finalized.hash) {
    throw new LightClientError('broken_parent_link', `pivot chain above height ${finalized.height} does not descend from the finalized pivot ${finalized.hash}`, {
      request: { method: 'cfx_getBlockByEpochNumber', params: [lowest.height, false] },
    });
  }
  ctx.cache.put(top, 'unfinalized', true);
  return top;
}

/**
 * A 32-byte hash as lower-case `0x` hex.
 * @throws {LightClientError} `malformed`
 */
export function normalizeHash(hash: string, title = 'hash'): string {
  return bytesToHex(asBytes(hash, title, 32));
}
