/**
 * Changing the spending cap of an approval before it is signed, as the user chooses on the
 * approval page: `approve` / `increaseAllowance` / Permit2 `approve` calldata, and EIP-2612 and
 * Permit2 permit typed data.
 *
 * Threat model: this is the one place the wallet edits what a dApp asked to sign, so it is narrow
 * and checks itself. Only a canonical encoding is rewritten (an irregular one could be read
 * differently by the contract); only the cap word or field changes; the cap must fit the field's
 * type; and the result is decoded again and must describe the same request with only the cap
 * changed, or nothing is returned. Note for the UI: a dApp that submits a permit with its own copy
 * of the amount will see that permit fail (the signature no longer matches); the user loses nothing.
 * @module
 */
import { bytesToHex, hexToBytes, padBytes, bigIntToBytes } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { EffectsError } from './errors.js';
import { describeTransaction, type TransactionRequest } from './transaction.js';
import { describeTypedData } from './typed-data.js';
import type { Effect, PermitStandard } from './types.js';

const UINT160_MAX = (1n << 160n) - 1n;
const UINT256_MAX = (1n << 256n) - 1n;

function assertCap(newCap: unknown, max: bigint): bigint {
  if (typeof newCap !== 'bigint') throw new EffectsError('effects.cap_range', 'newCap: expected a bigint', { details: 'newCap' });
  if (newCap < 0n || newCap > max) throw new EffectsError('effects.cap_range', `newCap: ${newCap} is outside 0..${max}`, { details: 'newCap' });
  return newCap;
}

/** JSON of an effect with its cap fields blanked, for comparing before and after a rewrite. */
function withoutCap(effect: Effect, index: number): string {
  const copy: Record<string, unknown> = { ...effect };
  if (effect.kind === 'token_approval') {
    copy['amount'] = null;
    copy['unlimited'] = null;
  }
  if (effect.kind === 'permit') copy['allowances'] = effect.allowances.map((a, i) => (i === index ? { ...a, amount: null, unlimited: null } : a));
  return JSON.stringify(copy, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
}

function capOf(effect: Effect | undefined, index: number): bigint | undefined {
  if (effect?.kind === 'token_approval') return effect.amount;
  if (effect?.kind === 'permit') return effect.allowances[index]?.amount;
  return undefined;
}

/**
 * New calldata for an approval transaction with the cap set to `newCap` (raw token units).
 * @throws {EffectsError} `effects.cap_not_applicable`, `effects.cap_non_canonical`, `effects.cap_range`, `effects.cap_verify`
 * @example rewriteApprovalCap({ space: 'espace', chainId: 1030, to: token, value: 0n, data }, 1000n) // '0x095ea7b3…03e8'
 */
export function rewriteApprovalCap(request: TransactionRequest, newCap: bigint): string {
  const effects = describeTransaction(request);
  const approval = effects.find((e) => e.kind === 'token_approval');
  if (approval?.kind !== 'token_approval' || effects.length !== 1 || approval.method === 'decreaseAllowance') {
    throw new EffectsError('effects.cap_not_applicable', 'the transaction is not a single approve, increaseAllowance or Permit2 approve call');
  }
  if (approval.irregularities.length > 0) throw new EffectsError('effects.cap_non_canonical', 'the approval is not in the standard encoding; its cap is not rewritten');
  const permit2 = approval.method === 'permit2_approve';
  const cap = assertCap(newCap, permit2 ? UINT160_MAX : UINT256_MAX);
  const data = hexToBytes(request.data);
  const at = 4 + 32 * (permit2 ? 2 : 1);
  data.set(padBytes(bigIntToBytes(cap), 32), at);
  const rewritten = bytesToHex(data);
  const after = describeTransaction({ ...request, data: rewritten });
  if (after.length !== 1 || capOf(after[0], 0) !== cap || withoutCap(after[0]!, 0) !== withoutCap(approval, 0)) {
    throw new EffectsError('effects.cap_verify', 'the rewritten approval does not decode to the same approval with the new cap');
  }
  return rewritten;
}

/** Where each permit standard keeps the cap of allowance `index`, and the field's maximum. */
function capField(standard: PermitStandard, index: number): { path: (string | number)[]; max: bigint } | undefined {
  switch (standard) {
    case 'eip2612':
      return { path: ['value'], max: UINT256_MAX };
    case 'permit2_single':
      return { path: ['details', 'amount'], max: UINT160_MAX };
    case 'permit2_batch':
      return { path: ['details', index, 'amount'], max: UINT160_MAX };
    case 'permit2_transfer':
      return { path: ['permitted', 'amount'], max: UINT256_MAX };
    case 'permit2_batch_transfer':
      return { path: ['permitted', index, 'amount'], max: UINT256_MAX };
    default:
      return undefined;
  }
}

/**
 * A copy of permit typed data with allowance `index` capped at `newCap` (raw token units, written
 * as a decimal string). The input is not modified.
 * @throws {EffectsError} `effects.input`, `effects.cap_not_applicable`, `effects.cap_range`, `effects.cap_verify`
 */
export function rewritePermitCap(typedData: unknown, space: Space, chainId: number, newCap: bigint, index = 0): unknown {
  const [effect] = describeTypedData(typedData, space, chainId);
  if (effect?.kind !== 'permit' || !effect.capEditable) throw new EffectsError('effects.cap_not_applicable', 'the typed data is not a permit whose amount can be changed');
  if (!Number.isInteger(index) || index < 0 || index >= effect.allowances.length) {
    throw new EffectsError('effects.cap_not_applicable', `index: the permit has ${effect.allowances.length} allowance(s)`, { details: 'index' });
  }
  const field = capField(effect.standard, index)!;
  const cap = assertCap(newCap, field.max);
  const copy = structuredClone(typedData) as { message: Record<string | number, unknown> };
  let target: Record<string | number, unknown> = copy.message;
  for (const key of field.path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[field.path[field.path.length - 1]!] = cap.toString();
  let after: Effect[];
  try {
    after = describeTypedData(copy, space, chainId);
  } catch (cause) {
    throw new EffectsError('effects.cap_verify', 'the rewritten permit is not valid typed data', { cause });
  }
  if (after.length !== 1 || capOf(after[0], index) !== cap || withoutCap(after[0]!, index) !== withoutCap(effect, index)) {
    throw new EffectsError('effects.cap_verify', 'the rewritten permit does not describe the same permit with the new cap');
  }
  return copy;
}
