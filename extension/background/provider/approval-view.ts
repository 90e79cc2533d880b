/**
 * Turns a pending request into what the approval page shows. All decoding happens here, in the
 * background, with core's validators: the transaction shown is the transactions wing's review of the
 * exact draft that will be signed (transactions/review.ts: core/tx's validated form, its signing
 * hash, its cost bound), typed data is core/message-validated,
 * and the origin is the browser's. Amounts are exact decimal strings (no floating point).
 * @module
 */
import { hexToBytes } from '../../../core/encoding/hex.js';
import { DOMAIN_TYPE_NAMES } from '../../../core/message/typed-data.js';
import type { ApprovalAccount } from '../../shared/provider-approvals.js';
import type { AccountChoice, ApprovalDetail, ApprovalView } from '../../shared/ui-api/provider.js';
import { reviewDraft } from '../transactions/review.js';
import { formatAddress } from './accounts.js';
import type { PendingRecord } from './pending-store.js';
import { describeOrigin, siteOf } from './requester.js';
import { signInView, siteWarning, transactionEffects, typedDataEffects } from './safety-view.js';
import type { ProviderChain, ProviderKeyring } from './wallet-services.js';

/** Decodes UTF-8 strictly; null when the bytes are not text a person can read. */
export function readableText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Control characters (other than tab/newline) would hide or reorder what is shown.
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text) ? null : text;
}

export interface ViewContext {
  keyring: ProviderKeyring;
  chain: ProviderChain;
  waiting: number;
  /** Origins the user connected (a look-alike of one is suspicious). */
  trustedOrigins: readonly string[];
  now: number;
}

async function accountChoice(ctx: ViewContext, account: ApprovalAccount): Promise<AccountChoice> {
  const unlocked = await ctx.keyring.isUnlocked();
  const known = unlocked ? (await ctx.keyring.listAccounts()).find((a) => a.id === account.accountId) : undefined;
  return { id: account.accountId, name: known?.name ?? '', address: account.address };
}

async function detailFor(record: PendingRecord, ctx: ViewContext, locked: boolean): Promise<ApprovalDetail> {
  const request = record.request;
  const space = record.space;
  switch (request.kind) {
    case 'connect': {
      const { chainId } = await ctx.chain.activeNetwork(space);
      const accounts = locked ? [] : (await ctx.keyring.listAccounts()).map((a) => ({ id: a.id, name: a.name, address: formatAddress(space, { coreHex: a.coreHex, espaceAddress: a.espaceAddress }, chainId) }));
      return { kind: 'connect', accounts, returns: request.returns };
    }
    case 'unlock':
      return { kind: 'unlock' };
    case 'personal_sign': {
      const bytes = hexToBytes(request.messageHex);
      const text = readableText(bytes);
      const { chainId } = await ctx.chain.activeNetwork(space);
      const signIn = signInView(text, { origin: record.requester.origin, account: request.account.address, chainId, now: ctx.now });
      return { kind: 'personal_sign', account: await accountChoice(ctx, request.account), text, hex: request.messageHex, byteLength: bytes.length, signIn };
    }
    case 'typed_data': {
      const td = request.typedData as { primaryType: string; domain: unknown; message: unknown; types: Record<string, { name: string }[]> };
      const domainType = DOMAIN_TYPE_NAMES[space];
      const declaresChain = (td.types[domainType] ?? []).some((f) => f.name === 'chainId');
      return {
        kind: 'typed_data',
        account: await accountChoice(ctx, request.account),
        primaryType: td.primaryType,
        domain: td.domain,
        message: td.message,
        chainId: declaresChain ? request.chainId : null,
        domainType,
        effects: typedDataEffects(space, request.typedData, request.chainId),
      };
    }
    case 'transaction': {
      return {
        kind: 'transaction',
        account: await accountChoice(ctx, request.account),
        tx: reviewDraft(space, request.tx, request.account.address).review,
        effects: transactionEffects(space, request.tx),
        estimateFailure: request.estimateFailure ?? null,
      };
    }
    case 'switch_chain': {
      const active = await ctx.chain.activeNetwork(space);
      return { kind: 'switch_chain', from: { chainId: active.chainId, name: active.name }, to: { chainId: request.chainId, name: request.networkName } };
    }
    case 'add_chain':
      return { kind: 'add_chain', network: request.network, site: siteOf(record.requester, record.topOrigin) };
    case 'watch_asset':
      return { kind: 'watch_asset', asset: request.asset };
    case 'calls': {
      return {
        kind: 'calls',
        account: await accountChoice(ctx, request.account),
        calls: request.calls.map((c) => ({ tx: reviewDraft(space, c.tx, request.account.address).review, effects: transactionEffects(space, c.tx), estimateFailure: c.estimateFailure ?? null })),
      };
    }
  }
}

export async function buildApprovalView(record: PendingRecord, ctx: ViewContext): Promise<ApprovalView> {
  const locked = !(await ctx.keyring.isUnlocked());
  const network = await ctx.chain.activeNetwork(record.space);
  return {
    id: record.id,
    space: record.space,
    createdAt: record.createdAt,
    requester: {
      origin: describeOrigin(record.requester.origin),
      frame: record.requester.frameId === 0 ? null : { topOrigin: record.topOrigin ?? null },
    },
    network: { chainId: network.chainId, name: network.name, currencySymbol: network.currencySymbol },
    locked,
    waiting: ctx.waiting,
    site: siteWarning(record.requester.origin, ctx.trustedOrigins),
    detail: await detailFor(record, ctx, locked),
  };
}
