/**
 * Turns a pending request into what the approval page shows. All decoding happens here, in the
 * background, with core's validators: the transaction shown is core/tx's validated form of the
 * exact draft that will be signed (plus its signing hash), typed data is core/message-validated,
 * and the origin is the browser's. Amounts are exact decimal strings (no floating point).
 * @module
 */
import { decodeCfxAddress } from '../../../core/address/cip37.js';
import { hexToBytes } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import { coreTransactionSigningHash } from '../../../core/tx/core-sign.js';
import { prepareCoreTransaction } from '../../../core/tx/core-transaction.js';
import { espaceTransactionSigningHash } from '../../../core/tx/espace-sign.js';
import { prepareEspaceTransaction } from '../../../core/tx/espace-transaction.js';
import { bytesToHex } from '../../../core/encoding/hex.js';
import { DOMAIN_TYPE_NAMES } from '../../../core/message/typed-data.js';
import type { ApprovalAccount, TransactionDraft } from '../../shared/provider-approvals.js';
import type { AccountChoice, ApprovalDetail, ApprovalView, TransactionView } from '../../shared/ui-api/provider.js';
import { maxCost, maxTotalNative, type MaxCost } from '../chain/tx-cost.js';
import { formatAmountExact } from '../../shared/units.js';
import { formatAddress } from './accounts.js';
import type { PendingRecord } from './pending-store.js';
import { describeOrigin, siteOf } from './requester.js';
import { signInView, siteWarning, transactionEffects, typedDataEffects } from './safety-view.js';
import { coreDraftToInput, espaceDraftToInput } from '../transactions/draft-builder.js';
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

export function transactionView(space: Space, draft: TransactionDraft, from: string, symbol: string): TransactionView {
  const priceUnit = space === 'core' ? 'GDrip' : 'Gwei';
  const price = (value: bigint | undefined): string | null => (value === undefined ? null : `${formatAmountExact(value, 9)} ${priceUnit}`);
  const cfx = (value: bigint): string => `${formatAmountExact(value, 18)} ${symbol}`;
  let tx;
  let signingHash: Uint8Array;
  let cost: MaxCost;
  let storageLimit: bigint | null = null;
  let epochHeight: bigint | null = null;
  let toKind: TransactionView['toKind'] = null;
  if (space === 'core') {
    const input = coreDraftToInput(draft);
    const prepared = prepareCoreTransaction(input).tx;
    tx = prepared;
    signingHash = coreTransactionSigningHash(input);
    storageLimit = prepared.storageLimit;
    epochHeight = prepared.epochHeight;
    cost = maxCost('core', prepared);
    if (prepared.to !== null) toKind = decodeCfxAddress(prepared.to).type;
  } else {
    const input = espaceDraftToInput(draft);
    tx = prepareEspaceTransaction(input).tx;
    signingHash = espaceTransactionSigningHash(input);
    cost = maxCost('espace', tx);
  }
  const gasPrice = tx.type === 2 ? undefined : tx.gasPrice;
  const maxFeePerGas = tx.type === 2 ? tx.maxFeePerGas : undefined;
  const dataBytes = hexToBytes(tx.data);
  return {
    typeLabel: tx.type === 0 ? 'legacy' : tx.type === 1 ? 'access list (type 1)' : 'dynamic fee (type 2)',
    chainId: tx.chainId,
    from,
    to: tx.to,
    toKind,
    valueBase: tx.value.toString(),
    value: cfx(tx.value),
    data: tx.data,
    dataBytes: dataBytes.length,
    selector: tx.to !== null && dataBytes.length >= 4 ? bytesToHex(dataBytes.subarray(0, 4)) : null,
    nonce: tx.nonce.toString(),
    gas: tx.gas.toString(),
    gasPrice: price(gasPrice),
    maxFeePerGas: price(maxFeePerGas),
    maxPriorityFeePerGas: price(tx.type === 2 ? tx.maxPriorityFeePerGas : undefined),
    storageLimit: storageLimit === null ? null : storageLimit.toString(),
    epochHeight: epochHeight === null ? null : epochHeight.toString(),
    accessList: tx.type === 0 ? [] : tx.accessList,
    maxFee: cfx(cost.maxFee),
    maxStorageCollateral: cost.maxCollateral === null ? null : cfx(cost.maxCollateral),
    maxTotal: cfx(maxTotalNative(tx.value, cost)),
    signingHash: bytesToHex(signingHash),
  };
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
      const network = await ctx.chain.activeNetwork(space);
      return {
        kind: 'transaction',
        account: await accountChoice(ctx, request.account),
        tx: transactionView(space, request.tx, request.account.address, network.currencySymbol),
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
      const network = await ctx.chain.activeNetwork(space);
      return {
        kind: 'calls',
        account: await accountChoice(ctx, request.account),
        calls: request.calls.map((c) => ({ tx: transactionView(space, c.tx, request.account.address, network.currencySymbol), effects: transactionEffects(space, c.tx), estimateFailure: c.estimateFailure ?? null })),
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
