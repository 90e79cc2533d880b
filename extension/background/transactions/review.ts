/**
 * The one way a completed draft becomes what the user reviews: validated with core/tx (the same
 * validation the signer applies), its signing hash, its cost bound, every field as a
 * {@link TransactionReview}. Used by dApp approvals (provider/approval-view.ts), the wallet's own
 * sends and replacements (send-preparation.ts) and cross-space transfers.
 *
 * Threat model: the draft comes from the draft builder or the persisted approval record; it is
 * validated again here, and what is shown is derived from the validated form only — the signing
 * hash shown is the digest the signature will cover, compared again after signing (sign.ts).
 * @module
 */
import { decodeCfxAddress } from '../../../core/address/cip37.js';
import { bytesToHex, hexToBytes } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import { coreTransactionSigningHash } from '../../../core/tx/core-sign.js';
import { validateCoreTransaction, type CoreTransaction, type CoreTransactionInput } from '../../../core/tx/core-transaction.js';
import { espaceTransactionSigningHash } from '../../../core/tx/espace-sign.js';
import { validateEspaceTransaction, type EspaceTransaction, type EspaceTransactionInput } from '../../../core/tx/espace-transaction.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import type { TransactionReview } from '../../shared/ui-api/review.js';
import { maxCost, maxTotalNative, type MaxCost } from '../chain/tx-cost.js';
import { coreDraftToInput, espaceDraftToInput } from './draft-builder.js';

export type SignableTransaction = { space: 'core'; input: CoreTransactionInput } | { space: 'espace'; input: EspaceTransactionInput };

/** A reviewed draft: what the signer gets, what the user sees, and its cost bound. */
export interface ReviewedDraft {
  signable: SignableTransaction;
  review: TransactionReview;
  cost: MaxCost;
  maxTotalNative: bigint;
}

const text = (v: bigint | number): string => v.toString();

function reviewOf(tx: CoreTransaction | EspaceTransaction, from: string, signingHash: Uint8Array, cost: MaxCost, core: { storageLimit: bigint; epochHeight: bigint; toKind: TransactionReview['toKind'] } | null): TransactionReview {
  const dataBytes = hexToBytes(tx.data);
  return {
    type: tx.type,
    chainId: tx.chainId,
    from,
    to: tx.to,
    toKind: core?.toKind ?? null,
    value: text(tx.value),
    data: tx.data,
    dataBytes: dataBytes.length,
    selector: tx.to !== null && dataBytes.length >= 4 ? bytesToHex(dataBytes.subarray(0, 4)) : null,
    nonce: text(tx.nonce),
    gas: text(tx.gas),
    gasPrice: tx.type === 2 ? null : text(tx.gasPrice),
    maxFeePerGas: tx.type === 2 ? text(tx.maxFeePerGas) : null,
    maxPriorityFeePerGas: tx.type === 2 ? text(tx.maxPriorityFeePerGas) : null,
    storageLimit: core === null ? null : text(core.storageLimit),
    epochHeight: core === null ? null : text(core.epochHeight),
    accessList: tx.type === 0 ? [] : tx.accessList.map((e) => ({ address: e.address, storageKeys: [...e.storageKeys] })),
    maxFee: text(cost.maxFee),
    maxCollateral: cost.maxCollateral === null ? null : text(cost.maxCollateral),
    maxTotalNative: text(maxTotalNative(tx.value, cost)),
    signingHash: bytesToHex(signingHash),
  };
}

/** Validates `draft` (core/tx) and derives what the review shows and the signer gets; `from` is the sender in the space's form. */
export function reviewDraft(space: Space, draft: TransactionDraft, from: string): ReviewedDraft {
  if (space === 'core') {
    const tx = validateCoreTransaction(coreDraftToInput(draft));
    const cost = maxCost('core', tx);
    const toKind = tx.to === null ? null : decodeCfxAddress(tx.to).type;
    const review = reviewOf(tx, from, coreTransactionSigningHash(tx), cost, { storageLimit: tx.storageLimit, epochHeight: tx.epochHeight, toKind });
    return { signable: { space, input: tx }, review, cost, maxTotalNative: maxTotalNative(tx.value, cost) };
  }
  const tx = validateEspaceTransaction(espaceDraftToInput(draft));
  const cost = maxCost('espace', tx);
  const review = reviewOf(tx, from, espaceTransactionSigningHash(tx), cost, null);
  return { signable: { space, input: tx }, review, cost, maxTotalNative: maxTotalNative(tx.value, cost) };
}
