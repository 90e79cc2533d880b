/**
 * EIP-5792 batched calls on eSpace: `wallet_getCapabilities`, `wallet_sendCalls` and
 * `wallet_getCallsStatus`. Wayfarer offers no atomic execution (no smart account): a batch is a
 * sequence of ordinary transactions with consecutive nonces, built and decoded exactly like
 * `eth_sendTransaction` and reviewed together on one approval page (`atomic: false`). A dApp that
 * requires atomicity, or a capability the wallet does not have, is told so before anything is shown.
 *
 * The batch id is the list of the transactions' hashes (`0x` + 64 hex digits each), so the status
 * needs no stored state: it is read from the user's nodes like `eth_getTransactionReceipt`. A
 * dApp-chosen id cannot be honoured that way and is refused.
 * Spec: https://eips.ethereum.org/EIPS/eip-5792
 * @module
 */
import type { Hex } from '../../../../core/encoding/hex.js';
import { ProviderErrorCode } from '../../../shared/provider-errors.js';
import { array, json, object, optional, quantity, string, type Schema } from '../../../shared/schema.js';
import { grantedAccount } from '../accounts.js';
import { invalidParams, ProviderRpcError } from '../errors.js';
import { buildEspaceDraft } from '../../transactions/draft-builder.js';
import { bool, data, ethAddress, passThroughObject, tuple } from './params.js';
import { answer, ask, method, type MethodSpec } from './types.js';

/** Calls in one batch at most (each is reviewed on the same page). */
export const MAX_CALLS = 10;

const capabilities = (): Schema<unknown> => optional(passThroughObject(16 * 1024));

const sendCallsParams = tuple(
  object({
    version: string({ max: 20 }),
    id: optional(string({ max: 4096 })),
    from: optional(ethAddress()),
    chainId: quantity(),
    atomicRequired: bool(),
    calls: array(object({ to: optional(ethAddress()), data: optional(data()), value: optional(quantity()), capabilities: capabilities() }), { min: 1, max: 100 }),
    capabilities: capabilities(),
  }),
);

const BATCH_ID = /^0x(?:[0-9a-f]{64}){1,10}$/;

/** Required capabilities (those not marked `optional: true`) are refused: Wayfarer offers none. */
function refuseRequiredCapabilities(caps: unknown): void {
  if (caps === undefined) return;
  for (const [name, value] of Object.entries(caps as Record<string, unknown>)) {
    const optionalCap = typeof value === 'object' && value !== null && (value as { optional?: unknown }).optional === true;
    if (!optionalCap) throw new ProviderRpcError(ProviderErrorCode.unsupportedCapability, `Wayfarer does not support the capability "${name.slice(0, 60)}"`);
  }
}

const q = (n: bigint): Hex => `0x${n.toString(16)}`;

const receiptSchema = object(
  { transactionHash: string(), blockHash: string(), blockNumber: quantity(), gasUsed: quantity(), status: optional(quantity()), logs: json({ maxBytes: 512 * 1024 }) },
  { strict: false },
);

export function batchMethods(): Record<string, MethodSpec> {
  return {
    wallet_getCapabilities: method(tuple(ethAddress(), optional(array(quantity(), { max: 20 }))), async (ctx, [address]) => {
      await grantedAccount(ctx, address);
      const { chainId } = await ctx.chain.activeNetwork('espace');
      return answer({ [q(BigInt(chainId))]: { atomic: { status: 'unsupported' } } });
    }),
    wallet_sendCalls: method(sendCallsParams, async (ctx, [request]) => {
      const network = await ctx.chain.activeNetwork('espace');
      if (BigInt(request.chainId) !== BigInt(network.chainId)) throw new ProviderRpcError(ProviderErrorCode.unsupportedChain, `The batch is for chain ${request.chainId}; the active chain is 0x${network.chainId.toString(16)}`);
      if (request.atomicRequired) throw new ProviderRpcError(ProviderErrorCode.atomicityNotSupported, 'Wayfarer cannot run calls atomically; send them with atomicRequired: false');
      if (request.calls.length > MAX_CALLS) throw new ProviderRpcError(ProviderErrorCode.bundleTooLarge, `At most ${MAX_CALLS} calls per batch`);
      if (request.id !== undefined) throw invalidParams('Wayfarer chooses the batch id (the transactions\' hashes); leave "id" out');
      refuseRequiredCapabilities(request.capabilities);
      for (const call of request.calls) refuseRequiredCapabilities(call.capabilities);
      const from = request.from ?? (await ctx.permissions.get(ctx.requester.origin, 'espace'))?.accounts[0]?.espaceAddress;
      if (from === undefined) throw invalidParams('No account: connect one or give "from"');
      const account = await grantedAccount(ctx, from);
      const calls: { tx: Awaited<ReturnType<typeof buildEspaceDraft>>; estimateFailure?: { reason: string } }[] = [];
      let nonce: bigint | undefined;
      for (const call of request.calls) {
        let estimateFailure: { reason: string } | undefined;
        const tx = await buildEspaceDraft(ctx.chain, { from: account.address, ...(call.to === undefined ? {} : { to: call.to }), ...(call.data === undefined ? {} : { data: call.data }), ...(call.value === undefined ? {} : { value: call.value }) }, account.address, {
          // A later call may depend on an earlier one (approve, then swap): its estimate may fail until then.
          onEstimateFailure: (reason) => (estimateFailure = { reason }),
        });
        nonce = nonce === undefined ? BigInt(tx.nonce) : nonce + 1n;
        calls.push({ tx: { ...tx, nonce: q(nonce) }, ...(estimateFailure ? { estimateFailure } : {}) });
      }
      return ask({ kind: 'calls', account, calls });
    }),
    wallet_getCallsStatus: method(tuple(string({ max: 4096 })), async (ctx, [id]) => {
      if (!BATCH_ID.test(id)) throw new ProviderRpcError(ProviderErrorCode.invalidParams, 'Unknown batch id');
      const { chainId } = await ctx.chain.activeNetwork('espace');
      const hashes = id.slice(2).match(/.{64}/g)!.map((h) => `0x${h}`);
      const receipts = [];
      for (const hash of hashes) {
        const raw = await ctx.chain.read('espace', 'eth_getTransactionReceipt', [hash]);
        if (raw === null) break;
        receipts.push(receiptSchema.parse(raw, 'receipt'));
      }
      const done = receipts.length === hashes.length;
      const failed = receipts.filter((r) => r.status === '0x0').length;
      const status = !done ? 100 : failed === 0 ? 200 : failed === receipts.length ? 500 : 600;
      return answer({ version: '2.0.0', id, chainId: q(BigInt(chainId)), atomic: false, status, ...(receipts.length > 0 ? { receipts } : {}) });
    }),
  };
}
