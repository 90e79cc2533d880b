/**
 * Speed-up and cancel of a stuck transaction by replacement: a new transaction with the same nonce
 * and a higher price, which nodes prefer over the original. Speed-up keeps everything else; cancel
 * sends nothing to yourself (value 0, no data, minimal gas), so whichever gets included, the nonce
 * is used up and the original can no longer execute.
 *
 * Returns an unsigned transaction for the vault to sign (after the user approves it); nothing here
 * touches keys.
 * @module
 */
import { decodeCoreTransaction } from '../../tx/core-decode.js';
import { decodeEspaceTransaction } from '../../tx/espace-decode.js';
import type { CoreTransaction, CoreTransactionInput } from '../../tx/core-transaction.js';
import type { EspaceTransaction, EspaceTransactionInput } from '../../tx/espace-transaction.js';
import type { TrackedTransaction } from './types.js';

/** Minimum price increase for a replacement, in percent (nodes require a real bump). */
export const REPLACEMENT_BUMP_PERCENT = 15n;
const TRANSFER_GAS = 21_000n;

export type ReplacementKind = 'speed_up' | 'cancel';

/** The larger of the bumped old price and the current price. */
export function bumpedPrice(old: bigint, current: bigint): bigint {
  const bumped = (old * (100n + REPLACEMENT_BUMP_PERCENT) + 99n) / 100n;
  return bumped > current ? bumped : current;
}

function withCoreFees(tx: CoreTransaction, current: bigint): CoreTransactionInput {
  if (tx.type === 2) return { ...tx, maxFeePerGas: bumpedPrice(tx.maxFeePerGas, current), maxPriorityFeePerGas: bumpedPrice(tx.maxPriorityFeePerGas, 0n) };
  return { ...tx, gasPrice: bumpedPrice(tx.gasPrice, current) };
}

function withEspaceFees(tx: EspaceTransaction, current: bigint): EspaceTransactionInput {
  if (tx.type === 2) return { ...tx, maxFeePerGas: bumpedPrice(tx.maxFeePerGas, current), maxPriorityFeePerGas: bumpedPrice(tx.maxPriorityFeePerGas, 0n) };
  return { ...tx, gasPrice: bumpedPrice(tx.gasPrice, current) };
}

/**
 * The replacement of a tracked Core transaction.
 * @param currentGasPrice the network's current price (drip per gas)
 * @param currentEpoch used as the new `epochHeight` (Core transactions expire relative to it)
 */
export function coreReplacement(record: TrackedTransaction, kind: ReplacementKind, currentGasPrice: bigint, currentEpoch: bigint): CoreTransactionInput {
  const tx = decodeCoreTransaction(record.raw).transaction;
  const base = withCoreFees(tx, currentGasPrice);
  const fresh = { ...base, epochHeight: currentEpoch };
  if (kind === 'speed_up') return fresh;
  return { ...fresh, to: record.from, value: 0n, data: '0x', gas: TRANSFER_GAS, storageLimit: 0n };
}

/** The replacement of a tracked eSpace transaction. */
export function espaceReplacement(record: TrackedTransaction, kind: ReplacementKind, currentGasPrice: bigint): EspaceTransactionInput {
  const tx = decodeEspaceTransaction(record.raw).transaction;
  const fresh = withEspaceFees(tx, currentGasPrice);
  if (kind === 'speed_up') return fresh;
  return { ...fresh, to: record.from, value: 0n, data: '0x', gas: TRANSFER_GAS };
}
