/**
 * What a cross-space plan costs and who pays it, and the drafts completed into the transactions
 * the signer takes.
 *
 * Fees: each draft's gas limit times the fee per gas the caller quotes for its space. The limits
 * are tight (gas.ts), so a transaction is charged about its limit, never the 3/4-of-limit minimum
 * of an oversized one. Core → eSpace: the Core sender pays amount + Core fee. eSpace → Core: the
 * eSpace sender pays amount + eSpace fee, and the Core recipient pays the withdrawal's Core fee —
 * from CFX it already holds on Core (the CFX arriving cannot pay for its own withdrawal).
 *
 * Threat model: the completed transaction carries the draft's fields unchanged (to, value, data,
 * gas, storage limit, chain); only nonce, fees and epoch height are added, each range-checked by
 * the transaction validators in core/tx.
 * @module
 */
import type { Space } from '../space.js';
import type { CoreTransactionInput } from '../tx/core-transaction.js';
import type { EspaceTransactionInput } from '../tx/espace-transaction.js';
import { CrossSpaceError } from './errors.js';
import type { CrossSpacePlan, TransactionDraft } from './plan.js';

/** Fee per gas for one space (drip on Core, wei on eSpace; 1 CFX = 10^18 of either). */
export interface FeeQuote {
  /** The most the transaction may pay per gas (CIP-1559 maxFeePerGas, or the legacy gas price). */
  maxFeePerGas: bigint;
  /** What it is likely to pay (base fee + tip); defaults to `maxFeePerGas`. */
  likelyFeePerGas?: bigint;
}

export interface DraftFee {
  step: TransactionDraft['step'];
  space: Space;
  /** Who pays: the draft's sender. */
  payer: string;
  gas: bigint;
  maxFee: bigint;
  likelyFee: bigint;
}

export interface PlanFees {
  drafts: DraftFee[];
  /** What each paying account needs at least (amount it sends + its fees), by address as shown. */
  required: { account: string; space: Space; amount: bigint; fees: bigint; total: bigint }[];
}

function quoteFor(quotes: { core?: FeeQuote; espace?: FeeQuote }, space: Space): FeeQuote {
  const quote = quotes[space];
  if (quote === undefined || typeof quote.maxFeePerGas !== 'bigint' || quote.maxFeePerGas < 0n) {
    throw new CrossSpaceError('crossspace.input', `fees: a ${space} fee quote is needed`, { details: space });
  }
  return quote;
}

/** Fees of every draft and the balance each paying account needs. */
export function planFees(plan: CrossSpacePlan, quotes: { core?: FeeQuote; espace?: FeeQuote }): PlanFees {
  const drafts = plan.drafts.map((d): DraftFee => {
    const quote = quoteFor(quotes, d.space);
    const likely = quote.likelyFeePerGas ?? quote.maxFeePerGas;
    return { step: d.step, space: d.space, payer: d.from, gas: d.gas, maxFee: d.gas * quote.maxFeePerGas, likelyFee: d.gas * likely };
  });
  const required = new Map<string, PlanFees['required'][number]>();
  plan.drafts.forEach((d, i) => {
    const entry = required.get(d.from) ?? { account: d.from, space: d.space, amount: 0n, fees: 0n, total: 0n };
    entry.amount += d.value;
    entry.fees += drafts[i]!.maxFee;
    entry.total = entry.amount + entry.fees;
    required.set(d.from, entry);
  });
  return { drafts, required: [...required.values()] };
}

/** Accounts whose balance (as the caller read it) is below what the plan needs from them. */
export function fundingShortfalls(fees: PlanFees, balances: Readonly<Record<string, bigint>>): { account: string; space: Space; needed: bigint; available: bigint | null }[] {
  return fees.required
    .filter((r) => !(typeof balances[r.account] === 'bigint' && balances[r.account]! >= r.total))
    .map((r) => ({ account: r.account, space: r.space, needed: r.total, available: typeof balances[r.account] === 'bigint' ? balances[r.account]! : null }));
}

export type FeeFields = { type: 2; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { type: 0; gasPrice: bigint };

/** A Core draft completed with nonce, epoch height and fee fields. */
export function coreTransactionFromDraft(draft: TransactionDraft, fill: { nonce: bigint; epochHeight: bigint; fee: FeeFields }): CoreTransactionInput {
  if (draft.space !== 'core' || draft.storageLimit === null) throw new CrossSpaceError('crossspace.input', `draft ${draft.step} is not a Core transaction`, { details: 'space' });
  const common = { chainId: draft.chainId, nonce: fill.nonce, gas: draft.gas, to: draft.to, value: draft.value, storageLimit: draft.storageLimit, epochHeight: fill.epochHeight, data: draft.data };
  return fill.fee.type === 2
    ? { type: 2, ...common, maxFeePerGas: fill.fee.maxFeePerGas, maxPriorityFeePerGas: fill.fee.maxPriorityFeePerGas, accessList: [] }
    : { type: 0, ...common, gasPrice: fill.fee.gasPrice };
}

/** An eSpace draft completed with nonce and fee fields. */
export function espaceTransactionFromDraft(draft: TransactionDraft, fill: { nonce: bigint; fee: FeeFields }): EspaceTransactionInput {
  if (draft.space !== 'espace') throw new CrossSpaceError('crossspace.input', `draft ${draft.step} is not an eSpace transaction`, { details: 'space' });
  const common = { chainId: draft.chainId, nonce: fill.nonce, gas: draft.gas, to: draft.to, value: draft.value, data: draft.data };
  return fill.fee.type === 2
    ? { type: 2, ...common, maxFeePerGas: fill.fee.maxFeePerGas, maxPriorityFeePerGas: fill.fee.maxPriorityFeePerGas, accessList: [] }
    : { type: 0, ...common, gasPrice: fill.fee.gasPrice };
}
