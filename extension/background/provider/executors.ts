/**
 * What happens once the user approved a request: one function per approval kind, each working
 * only from the persisted record (so it runs the same after a service-worker restart).
 *
 * Signing re-checks everything that may have changed while the approval was open: the account must
 * still be granted to the origin, the active chain must still be the one the request was prepared
 * for. A transaction is signed, then decoded back with core/tx and compared with what the user
 * approved (every field, sender, hash: core/tx/signed-check.ts) before it is stored and broadcast — so the bytes sent are provably
 * the transaction shown. The signed bytes are persisted before broadcasting: if the worker stops in
 * between, the restart broadcasts the same bytes again (same hash) instead of signing anew.
 * @module
 */
import { hexToBytes, type Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import { VaultLockedError } from '../../../core/vault/errors.js';
import { checkSignedTransaction, type ReviewedTransaction } from '../../../core/tx/signed-check.js';
import type { ApprovalAccount, TransactionDraft } from '../../shared/provider-approvals.js';
import { visibleAddresses, type AccountContext } from './accounts.js';
import { chainDisconnected, invalidParams, ProviderRpcError, unauthorized } from './errors.js';
import { permissionObjects } from './methods/accounts-methods.js';
import type { PendingRecord, PendingStore } from './pending-store.js';
import { siteOf } from './requester.js';
import { coreDraftToInput, espaceDraftToInput } from '../transactions/draft-builder.js';

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

/** Signs, proves the signed bytes are the approved transaction (the shared check), persists them. */
async function signDraft(ctx: ExecutionContext, record: PendingRecord, account: ApprovalAccount, draft: TransactionDraft): Promise<{ raw: Hex; hash: Hex }> {
  const signed = await signChecked(ctx, account, draft);
  await ctx.store.update(record.id, { signed });
  return signed;
}

/** Signs and proves the signed bytes are the approved transaction (fields and sender). */
async function signChecked(ctx: ExecutionContext, account: ApprovalAccount, draft: TransactionDraft): Promise<{ raw: Hex; hash: Hex }> {
  const chainId = draft.chainId;
  let signed: { raw: Hex; hash: Hex };
  let reviewed: ReviewedTransaction;
  if (ctx.space === 'core') {
    const input = coreDraftToInput(draft);
    signed = await ctx.keyring.signCoreTransaction(account.accountId, input, chainId);
    reviewed = { space: 'core', input, from: account.address };
  } else {
    const input = espaceDraftToInput(draft);
    signed = await ctx.keyring.signEspaceTransaction(account.accountId, input, chainId);
    reviewed = { space: 'espace', input, from: account.address };
  }
  try {
    checkSignedTransaction(reviewed, signed);
  } catch (cause) {
    throw new ProviderRpcError(-32603, 'The signed transaction does not match the approved one; nothing was sent', undefined, cause);
  }
  return signed;
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
    for (const call of request.calls) signed.push(await signChecked(ctx, request.account, call.tx));
    await ctx.store.update(record.id, { signedCalls: signed });
  }
  for (const tx of signed) {
    const hash = await ctx.chain.sendRawTransaction(ctx.space, tx.raw);
    if (hash.toLowerCase() !== tx.hash.toLowerCase()) throw new ProviderRpcError(-32603, 'The network reported a different transaction hash than the one signed');
  }
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
        signed = await signDraft(ctx, record, request.account, request.tx);
      }
      const hash = await ctx.chain.sendRawTransaction(ctx.space, signed.raw);
      if (hash.toLowerCase() !== signed.hash.toLowerCase()) throw new ProviderRpcError(-32603, 'The network reported a different transaction hash than the one signed');
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
