/**
 * What happens once the user approved a request: one function per approval kind, each working
 * only from the persisted record (so it runs the same after a service-worker restart).
 *
 * Signing re-checks everything that may have changed while the approval was open: the account must
 * still be granted to the origin, the active chain must still be the one the request was prepared
 * for. A transaction is signed and checked by the transactions wing (transactions/sign.ts: decoded
 * back and compared with what the user approved — every field, sender, hash) before it is stored
 * and broadcast — so the bytes sent are provably the transaction shown. The signed bytes are persisted before broadcasting: if the worker stops in
 * between, the restart broadcasts the same bytes again (same hash) instead of signing anew.
 * @module
 */
import { hexToBytes, type Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import { VaultLockedError } from '../../../core/vault/errors.js';
import type { ApprovalAccount, TransactionDraft } from '../../shared/provider-approvals.js';
import { visibleAddresses, type AccountContext } from './accounts.js';
import { chainDisconnected, invalidParams, unauthorized } from './errors.js';
import { permissionObjects } from './methods/accounts-methods.js';
import type { PendingRecord, PendingStore } from './pending-store.js';
import { siteOf } from './requester.js';
import { broadcastChecked, signChecked, type SignedTransaction } from '../transactions/sign.js';

export interface ExecutionContext extends AccountContext {
  store: PendingStore;
  /** Tells every document of an origin that its visible accounts in a space may have changed. */
  accountsChanged(origin: string, space: Space): Promise<void>;
}

async function requireUnlocked(ctx: ExecutionContext): Promise<void> {
  if (!(await ctx.keyring.isUnlocked())) throw new VaultLockedError();
}

/** The account is still granted to the origin and still shown in the wallet (not removed or hidden). */
async function requireGranted(ctx: ExecutionContext, account: ApprovalAccount): Promise<void> {
  const grant = await ctx.permissions.get(ctx.requester.origin, ctx.space);
  if (!grant?.accounts.some((a) => a.id === account.accountId)) throw unauthorized('The account is no longer connected to this site');
  if (!(await ctx.keyring.listAccounts()).some((a) => a.id === account.accountId)) throw unauthorized('The account is no longer in the wallet');
}

/** Signs and proves the signed bytes are the approved transaction (the wing's one signing path). */
function sign(ctx: ExecutionContext, account: ApprovalAccount, draft: TransactionDraft): Promise<SignedTransaction> {
  return signChecked(ctx.keyring, { accountId: account.accountId, from: account.address, space: ctx.space, draft, activeChainId: draft.chainId });
}

/** Broadcasts checked bytes through the chain (the tracker behind it) and checks the hash. */
function broadcast(ctx: ExecutionContext, signed: SignedTransaction): Promise<{ hash: Hex }> {
  return broadcastChecked(signed, async (raw) => ({ hash: await ctx.chain.sendRawTransaction(ctx.space, raw) }));
}

/**
 * An EIP-5792 batch: every transaction is signed and checked first (all persisted together), then
 * broadcast in nonce order. Answers with the batch id: the hashes, in order.
 */
async function executeCalls(ctx: ExecutionContext, record: PendingRecord, request: Extract<PendingRecord['request'], { kind: 'calls' }>): Promise<{ id: string }> {
  const { chainId } = await ctx.chain.activeNetwork(ctx.space);
  if (request.calls.some((c) => c.tx.chainId !== chainId)) throw chainDisconnected(`The active network changed to ${chainId}; these calls were prepared for another chain`);
  let signed = record.signedCalls;
  if (!signed) {
    await requireUnlocked(ctx);
    await requireGranted(ctx, request.account);
    signed = [];
    for (const call of request.calls) signed.push(await sign(ctx, request.account, call.tx));
    await ctx.store.update(record.id, { signedCalls: signed });
  }
  for (const tx of signed) await broadcast(ctx, tx);
  return { id: `0x${signed.map((s) => s.hash.slice(2).toLowerCase()).join('')}` };
}

export async function execute(ctx: ExecutionContext, record: PendingRecord): Promise<unknown> {
  const request = record.request;
  const origin = ctx.requester.origin;
  switch (request.kind) {
    case 'connect': {
      await requireUnlocked(ctx);
      const accountId = record.decision?.accountId;
      if (accountId === undefined) throw invalidParams('Choose an account to connect');
      const account = (await ctx.keyring.listAccounts()).find((a) => a.id === accountId);
      if (!account) throw invalidParams('That account no longer exists');
      const grant = await ctx.permissions.grant(origin, ctx.space, [{ id: account.id, coreHex: account.coreHex.toLowerCase(), espaceAddress: account.espaceAddress }]);
      await ctx.accountsChanged(origin, ctx.space);
      if (request.returns === 'permissions') {
        const { chainId } = await ctx.chain.activeNetwork(ctx.space);
        return permissionObjects(origin, ctx.space, grant, chainId);
      }
      return visibleAddresses(ctx);
    }
    case 'unlock': {
      await requireUnlocked(ctx);
      const visible = await visibleAddresses(ctx);
      if (visible.length === 0) throw unauthorized();
      return visible;
    }
    case 'personal_sign': {
      await requireUnlocked(ctx);
      await requireGranted(ctx, request.account);
      return ctx.keyring.personalSign(request.account.accountId, ctx.space, hexToBytes(request.messageHex));
    }
    case 'typed_data': {
      await requireUnlocked(ctx);
      await requireGranted(ctx, request.account);
      const { chainId } = await ctx.chain.activeNetwork(ctx.space);
      if (chainId !== request.chainId) throw chainDisconnected(`The active network changed to ${chainId}; this signature was requested for ${request.chainId}`);
      return ctx.keyring.signTypedData(request.account.accountId, ctx.space, request.typedData, chainId);
    }
    case 'transaction': {
      const { chainId } = await ctx.chain.activeNetwork(ctx.space);
      if (chainId !== request.tx.chainId) throw chainDisconnected(`The active network changed to ${chainId}; this transaction was prepared for ${request.tx.chainId}`);
      let signed = record.signed;
      if (!signed) {
        await requireUnlocked(ctx);
        await requireGranted(ctx, request.account);
        signed = await sign(ctx, request.account, request.tx);
        await ctx.store.update(record.id, { signed });
      }
      await broadcast(ctx, signed);
      return signed.hash;
    }
    case 'calls':
      return executeCalls(ctx, record, request);
    case 'switch_chain':
      await ctx.chain.switchNetwork(ctx.space, request.chainId);
      return null;
    case 'add_chain':
      await ctx.chain.addNetwork({ space: ctx.space, ...request.network }, siteOf(ctx.requester, record.topOrigin));
      await ctx.chain.switchNetwork(ctx.space, request.network.chainId);
      return null;
    case 'watch_asset': {
      const { chainId } = await ctx.chain.activeNetwork(ctx.space);
      if (chainId !== request.chainId) throw chainDisconnected('The active network changed since this token was suggested');
      await ctx.chain.watchToken(ctx.space, request.chainId, request.asset);
      return true;
    }
  }
}
