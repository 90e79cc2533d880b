/**
 * What a transaction can cost at most, in the native unit (drip): the gas fee at the highest price
 * it allows, plus on Core the storage collateral its storage limit may lock (1 CFX per 1024 bytes,
 * refunded when the storage is freed). Nodes accept a transaction only if the sender's balance
 * covers value + both maximums, which is why "Max" leaves exactly that room.
 * @module
 */
import type { Space } from '../../../core/space.js';

/** Drip locked per byte of storage on Core: 1 CFX / 1024. */
export const DRIP_PER_STORAGE_BYTE = 10n ** 18n / 1024n;

export interface FeeFields {
  gas: bigint;
  /** Legacy and access-list transactions. */
  gasPrice?: bigint | undefined;
  /** EIP-1559-style transactions. */
  maxFeePerGas?: bigint | undefined;
  /** Core only (bytes). */
  storageLimit?: bigint | undefined;
}

export interface MaxCost {
  /** gas × highest gas price the transaction allows. */
  maxFee: bigint;
  /** Core: storage limit × collateral price; null on eSpace. */
  maxCollateral: bigint | null;
}

/**
 * @example maxCost('core', { gas: 21000n, gasPrice: 10n ** 9n, storageLimit: 0n }) // { maxFee: 21000000000000n, maxCollateral: 0n }
 */
export function maxCost(space: Space, tx: FeeFields): MaxCost {
  const price = tx.maxFeePerGas ?? tx.gasPrice;
  if (price === undefined) throw new TypeError('a transaction needs gasPrice or maxFeePerGas');
  if (tx.gas < 0n || price < 0n) throw new RangeError('gas and price must not be negative');
  const maxFee = tx.gas * price;
  if (space === 'espace') return { maxFee, maxCollateral: null };
  const limit = tx.storageLimit ?? 0n;
  if (limit < 0n) throw new RangeError('storageLimit must not be negative');
  return { maxFee, maxCollateral: limit * DRIP_PER_STORAGE_BYTE };
}

/** value + max fee + max collateral: the most native currency that can leave the account. */
export function maxTotalNative(value: bigint, cost: MaxCost): bigint {
  return value + cost.maxFee + (cost.maxCollateral ?? 0n);
}

/**
 * The largest native amount that can be sent: the balance, minus the new transaction's max fee and
 * collateral, minus what transactions still in flight may take. Zero when that is negative.
 */
export function largestNativeSend(input: { balance: bigint; cost: MaxCost; reservedInFlight: bigint }): bigint {
  const left = input.balance - input.cost.maxFee - (input.cost.maxCollateral ?? 0n) - input.reservedInFlight;
  return left > 0n ? left : 0n;
}
