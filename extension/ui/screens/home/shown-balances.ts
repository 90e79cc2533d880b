/**
 * What the home screen shows of an account's balances, from three sources: the last verified
 * values the background keeps (labelled with their age), the screen's own fresh read, and the
 * values the background pushed since. For each value the newest read wins; a value is labelled
 * "last known" only while nothing fresher has arrived. Pure: use-balances.ts feeds it.
 */
import type { PushedBalance } from '../../api/backend.js';
import type { Checked, TokenItem } from '../../model/wallet.js';

export type Balance = Checked<bigint | null>;

export interface BalanceSources {
  known: { balance: Balance | undefined; tokens: TokenItem[] } | undefined;
  fresh: { balance: Balance | undefined; tokens: TokenItem[] | undefined };
  pushed: readonly PushedBalance[];
}

export interface ShownBalances {
  balance: Balance | undefined;
  /** Set while `balance` is the background's last known value (when it was read). */
  balanceLastKnownAt: number | undefined;
  /** Whether a pushed value is newer than anything read here. */
  balancePushed: boolean;
  tokens: TokenItem[] | undefined;
  tokensLastKnownAt: number | undefined;
}

/** The newer of two values (by the time the background read them). */
function newer(a: Balance | undefined, b: Balance | undefined): Balance | undefined {
  if (!a) return b;
  if (!b) return a;
  return (b.at ?? 0) > (a.at ?? 0) ? b : a;
}

/** The pushed values with `update` applied: a newer push for the same token (or CFX) replaces the older. */
export function withPushed(pushed: readonly PushedBalance[], update: readonly PushedBalance[]): PushedBalance[] {
  return [...pushed.filter((old) => !update.some((v) => v.token?.toLowerCase() === old.token?.toLowerCase())), ...update];
}

export function shownBalances({ known, fresh, pushed }: BalanceSources): ShownBalances {
  const pushedNative = pushed.find((v) => v.token === undefined)?.checked();
  const current = newer(fresh.balance, pushedNative);
  const fromKnown = fresh.tokens === undefined && known !== undefined && known.tokens.length > 0;
  const list = fresh.tokens ?? (fromKnown ? known.tokens : undefined);
  const tokens = list?.map((token) => {
    const push = pushed.find((v) => v.token !== undefined && v.token.toLowerCase() === token.address.toLowerCase());
    const value = newer(token.balance, push?.checked({ decimals: token.decimals, symbol: token.symbol }));
    return value === token.balance ? token : { ...token, balance: value, balanceError: undefined };
  });
  return {
    balance: current ?? known?.balance,
    balanceLastKnownAt: current ? undefined : known?.balance?.at,
    balancePushed: pushedNative !== undefined && current === pushedNative,
    tokens,
    tokensLastKnownAt: fromKnown ? known.tokens.find((t) => t.balance)?.balance?.at : undefined,
  };
}
