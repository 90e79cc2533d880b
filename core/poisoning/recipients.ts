/**
 * Checking a recipient before sending, and classifying transfers for Activity, against the
 * addresses the user knows: own accounts, contacts, and addresses the user has sent to.
 *
 * Threat model: poisoning plants look-alike addresses in the victim's history (zero-value
 * `transferFrom` calls that show the victim "sending" to the look-alike, and dust from it). The
 * known list must therefore hold only addresses the user chose (sent to, saved, owns) — never every
 * counterparty seen in Activity, or the attacker's address would become "known".
 * @module
 */
import { PoisoningError } from './errors.js';
import { addressBody, bodiesLookAlike, sameAddress, type AddressBody } from './looks-like.js';

export interface KnownAddress {
  address: string;
  source: 'account' | 'contact' | 'sent';
  /** A name to show (contact name, account name). */
  label?: string;
}

export type RecipientCheck =
  /** The recipient is a known address. */
  | { status: 'known'; match: KnownAddress }
  /** Not known, but looks like these known addresses: probably a poisoned copy. */
  | { status: 'lookalike'; similarTo: KnownAddress[] }
  /** Never seen: the first transfer to this address. */
  | { status: 'new' };

function readKnown(known: readonly KnownAddress[]): { entry: KnownAddress; body: AddressBody }[] {
  const out: { entry: KnownAddress; body: AddressBody }[] = [];
  for (const entry of known) {
    try {
      out.push({ entry, body: addressBody(entry.address) });
    } catch {
      // An unreadable stored entry resembles nothing.
    }
  }
  return out;
}

/**
 * Checks a recipient (hex or base32) against the known addresses.
 * @throws {PoisoningError} `poisoning.address` when the recipient is not an address
 * @example checkRecipient('0x1234…5678', [{ address: '0x1234…5678', source: 'sent' }]) // { status: 'known', … }
 */
export function checkRecipient(recipient: string, known: readonly KnownAddress[]): RecipientCheck {
  const target = addressBody(recipient);
  const entries = readKnown(known);
  const exact = entries.find((k) => sameAddress(k.body, target));
  if (exact !== undefined) return { status: 'known', match: exact.entry };
  const similar = entries.filter((k) => bodiesLookAlike(k.body, target)).map((k) => k.entry);
  return similar.length > 0 ? { status: 'lookalike', similarTo: similar } : { status: 'new' };
}

export interface TransferToClassify {
  /** The other side of the transfer: the sender of an incoming one, the recipient of an outgoing one. */
  counterparty: string;
  /** Raw units of the token (or the native currency). */
  amount: bigint;
  /** True when the user signed the transaction (their own send); false when someone else's call moved it. */
  initiatedByUser: boolean;
}

export type TransferClass =
  | { verdict: 'normal' }
  /** A zero-value transfer the user did not make: the classic poisoning entry; hide it. */
  | { verdict: 'zero_value'; similarTo: KnownAddress | null }
  /** A dust amount from an address that looks like a known one: hide it or flag it. */
  | { verdict: 'dust_from_lookalike'; similarTo: KnownAddress }
  /** More than dust, from or to a look-alike of a known address: show it, flagged. */
  | { verdict: 'lookalike'; similarTo: KnownAddress };

/**
 * Classifies a transfer in Activity.
 * @param dustThreshold amounts at or below this (raw units of the transfer's token) count as dust
 * @throws {PoisoningError} `poisoning.address`, `poisoning.amount`
 */
export function classifyTransfer(transfer: TransferToClassify, known: readonly KnownAddress[], dustThreshold: bigint): TransferClass {
  if (typeof transfer.amount !== 'bigint' || transfer.amount < 0n) throw new PoisoningError('poisoning.amount', 'amount: expected a non-negative bigint');
  if (typeof dustThreshold !== 'bigint' || dustThreshold < 0n) throw new PoisoningError('poisoning.amount', 'dustThreshold: expected a non-negative bigint');
  const check = checkRecipient(transfer.counterparty, known);
  const similarTo = check.status === 'lookalike' ? check.similarTo[0]! : null;
  if (transfer.amount === 0n && !transfer.initiatedByUser) return { verdict: 'zero_value', similarTo };
  if (similarTo === null) return { verdict: 'normal' };
  // The user's own send to a look-alike is the loss itself: always shown, flagged, never hidden.
  if (!transfer.initiatedByUser && transfer.amount <= dustThreshold) return { verdict: 'dust_from_lookalike', similarTo };
  return { verdict: 'lookalike', similarTo };
}
