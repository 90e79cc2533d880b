/**
 * Received transfers sorted for Activity against address poisoning (core/poisoning): zero-value
 * transfers and dust from an address that looks like one the user knows are hidden behind a count
 * (they exist only to plant the look-alike in the history), and larger transfers from a look-alike
 * are shown flagged. `known` must hold only addresses the user chose — own accounts and past
 * recipients — never senders seen here, or the attacker's address would become "known".
 * @module
 */
import { classifyTransfer, type KnownAddress } from '../../../core/poisoning/recipients.js';
import type { ReceivedItem } from '../model/wallet.js';

export interface SortedReceived {
  shown: { item: ReceivedItem; lookalikeOf: KnownAddress | null }[];
  hidden: { item: ReceivedItem; lookalikeOf: KnownAddress | null }[];
}

/** Amounts at or below a ten-thousandth of a token count as dust (at least one base unit). */
export function dustThreshold(decimals: number): bigint {
  return 10n ** BigInt(Math.max(0, decimals - 4));
}

export function sortReceived(items: readonly ReceivedItem[], known: readonly KnownAddress[]): SortedReceived {
  const out: SortedReceived = { shown: [], hidden: [] };
  for (const item of items) {
    if (item.kind !== 'token') {
      out.shown.push({ item, lookalikeOf: null });
      continue;
    }
    let verdict;
    try {
      verdict = classifyTransfer({ counterparty: item.from, amount: item.amount, initiatedByUser: false }, known, dustThreshold(item.decimals));
    } catch {
      out.shown.push({ item, lookalikeOf: null });
      continue;
    }
    if (verdict.verdict === 'zero_value' || verdict.verdict === 'dust_from_lookalike') out.hidden.push({ item, lookalikeOf: verdict.similarTo });
    else out.shown.push({ item, lookalikeOf: verdict.verdict === 'lookalike' ? verdict.similarTo : null });
  }
  return out;
}
