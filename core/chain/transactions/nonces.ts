/**
 * Nonces from the wallet's own tracked transactions: the next one to use while some are still in
 * flight, and the lowest account nonce a node may report at an epoch, given the transactions
 * proved included by then (a node reporting less is lying about the account).
 * @module
 */
import type { Space } from '../../space.js';
import type { TrackedTransaction } from './types.js';

/**
 * The next nonce to use: the account nonce from state (cross-checked) or one above the highest
 * nonce of this address's transactions still in flight, whichever is larger.
 */
export function pendingNonceOf(records: Iterable<TrackedTransaction>, space: Space, addressKey: string, stateNonce: bigint): bigint {
  let next = stateNonce;
  for (const r of records) {
    if (r.space !== space || r.addressKey !== addressKey || r.status === 'rejected' || r.status === 'replaced') continue;
    const n = BigInt(r.nonce);
    if (n + 1n > next) next = n + 1n;
  }
  return next;
}

/** One above the highest nonce proved included at or before `epoch`; undefined when none is. */
export function nonceFloorOf(records: Iterable<TrackedTransaction>, space: Space, addressKey: string, epoch: number): bigint | undefined {
  let floor: bigint | undefined;
  for (const r of records) {
    if (r.space !== space || r.addressKey !== addressKey || r.proof === undefined || r.proof.epoch > epoch) continue;
    const n = BigInt(r.nonce) + 1n;
    if (floor === undefined || n > floor) floor = n;
  }
  return floor;
}
