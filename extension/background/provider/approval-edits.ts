/**
 * The user's edits to a request before it is signed: the spending cap of an approval or permit,
 * and the gas limit of a transaction. Each returns the new request, which the approval center
 * stores in place of the old one — so what is signed is the edited request, shown again first.
 *
 * Threat model: the page sends only the new cap or gas limit (never calldata or typed data); the
 * rewrite is core/effects' own, which re-decodes its result and refuses anything but the same
 * request with only the cap changed. The edited draft passes core/tx's validation again. A cap
 * change can make the call cost more gas (a zero allowance becoming non-zero), so the nodes are
 * asked again and the gas limit only ever raised by their answer.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import { WayfarerError } from '../../../core/errors.js';
import { rewriteApprovalCap, rewritePermitCap } from '../../../core/effects/spending-cap.js';
import type { Space } from '../../../core/space.js';
import type { ApprovalRequest, TransactionDraft } from '../../shared/provider-approvals.js';
import { object, optional, quantity } from '../../shared/schema.js';
import { invalidParams } from './errors.js';
import { validateDraft } from '../transactions/draft-builder.js';
import type { ProviderChain } from './wallet-services.js';

export class ApprovalEditError extends WayfarerError {
  declare readonly code: 'provider.approval_edit';
  constructor(message: string, cause?: unknown) {
    super('provider.approval_edit', message, cause === undefined ? {} : { cause });
  }
}

const q = (n: bigint): Hex => `0x${n.toString(16)}`;
const coreEstimate = object({ gasLimit: quantity(), storageCollateralized: optional(quantity()) }, { strict: false });

/** The nodes' estimate for the edited draft, or null when they cannot give one. */
async function reestimate(chain: ProviderChain, space: Space, from: string, draft: TransactionDraft): Promise<{ gas: bigint; storage: bigint | null } | null> {
  const call = { from, value: draft.value, data: draft.data, ...(draft.to === null ? {} : { to: draft.to }) };
  try {
    if (space === 'core') {
      const answer = coreEstimate.parse(await chain.read('core', 'cfx_estimateGasAndCollateral', [call, 'latest_state']), 'estimate');
      return { gas: BigInt(answer.gasLimit), storage: answer.storageCollateralized === undefined ? null : BigInt(answer.storageCollateralized) };
    }
    return { gas: BigInt(quantity().parse(await chain.read('espace', 'eth_estimateGas', [call]), 'estimate')), storage: null };
  } catch {
    return null;
  }
}

function checked(space: Space, draft: TransactionDraft): TransactionDraft {
  try {
    validateDraft(space, draft);
  } catch (error) {
    throw new ApprovalEditError(error instanceof Error ? error.message : 'invalid transaction', error);
  }
  return draft;
}

/** The request with the spending cap set to `cap` raw units (allowance `index` of a batch permit). */
export async function withSpendingCap(chain: ProviderChain, space: Space, request: ApprovalRequest, cap: bigint, index: number): Promise<ApprovalRequest> {
  try {
    if (request.kind === 'typed_data') {
      return { ...request, typedData: rewritePermitCap(request.typedData, space, request.chainId, cap, index) };
    }
    if (request.kind === 'transaction') {
      const tx = request.tx;
      const data = rewriteApprovalCap({ space, chainId: tx.chainId, to: tx.to, value: tx.value, data: tx.data }, cap) as Hex;
      const edited: TransactionDraft = { ...tx, data };
      const estimate = await reestimate(chain, space, request.account.address, edited);
      if (estimate !== null && estimate.gas > BigInt(tx.gas)) edited.gas = q(estimate.gas);
      if (space === 'core' && estimate?.storage != null && estimate.storage > BigInt(tx.storageLimit ?? '0x0')) edited.storageLimit = q(estimate.storage);
      return { ...request, tx: checked(space, edited) };
    }
  } catch (error) {
    if (error instanceof ApprovalEditError) throw error;
    throw new ApprovalEditError(error instanceof Error ? error.message : 'the spending cap cannot be changed', error);
  }
  throw invalidParams('This request has no spending cap');
}

/** A transaction's intrinsic gas, and Conflux's block gas limit (a transaction above it is never included). */
export const MIN_GAS = 21_000n;
export const MAX_GAS = 30_000_000n;

/** The transaction with its gas limit set to `gas`. */
export function withGasLimit(space: Space, request: ApprovalRequest, gas: bigint): ApprovalRequest {
  if (request.kind !== 'transaction') throw invalidParams('Only a transaction has a gas limit');
  if (gas < MIN_GAS || gas > MAX_GAS) throw new ApprovalEditError(`The gas limit must be between ${MIN_GAS} and ${MAX_GAS}`);
  return { ...request, tx: checked(space, { ...request.tx, gas: q(gas) }) };
}
