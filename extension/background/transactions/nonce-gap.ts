/**
 * Nonce gaps: a new transfer would take nonce N, but the account's nonce on chain is S < N and the
 * transaction that must use S first is missing or stuck — not seen in a block for a while, or
 * known to no node. Until S is used, everything queued behind it waits, however high its price.
 *
 * The wallet does not decide for the user: it explains what blocks the account, and the user
 * either lets the new transfer wait behind it (nonce N) or lets it fill the gap (nonce S), which —
 * when the wallet tracks a transaction at S — replaces that one (see replacement.ts).
 *
 * Threat model: the account nonce S is the nodes' word (the higher of the cross-checked nonce at
 * the verified epoch and the nodes' latest state); a node can at most hide a gap (the same as today:
 * the transfer waits), never make the wallet reuse a nonce below the verified one.
 * @module
 */
import type { TxView } from '../../shared/ui-api/chain.js';
import type { NonceGapView } from '../../shared/ui-api/sends.js';

/** A transaction at the account nonce not seen in a block this long after it was sent counts as stuck. */
export const STUCK_AFTER_MS = 60_000;

const IN_FLIGHT = new Set<TxView['status']>(['pending', 'included', 'possibly_censored']);

/**
 * The gap in front of `queuedNonce`, or null when the account is not blocked.
 * @param own the wallet's tracked transactions of this account and space
 */
export function findNonceGap(accountNonce: bigint, queuedNonce: bigint, own: readonly TxView[], now: number): NonceGapView | null {
  if (queuedNonce <= accountNonce) return null;
  const atNonce = own.filter((tx) => BigInt(tx.nonce) === accountNonce && IN_FLIGHT.has(tx.status));
  if (atNonce.some((tx) => tx.status === 'included')) return null;
  const blocker = atNonce.sort((a, b) => b.submittedAt - a.submittedAt)[0];
  if (blocker && blocker.status !== 'possibly_censored' && now - blocker.submittedAt < STUCK_AFTER_MS) return null;
  const waiting = own.filter((tx) => IN_FLIGHT.has(tx.status) && BigInt(tx.nonce) > accountNonce).length;
  return {
    accountNonce: accountNonce.toString(),
    queuedNonce: queuedNonce.toString(),
    blocking: blocker ? { hash: blocker.hash, acceptedBy: blocker.acceptedBy.length, sentAt: blocker.submittedAt } : null,
    waiting,
  };
}
