/**
 * The home screen's balances (CFX and the token list) of one account: the last verified values the
 * background keeps, at once and labelled with their age; then one fresh read; then whatever the
 * background pushes (it reads the wallet's balances after each sync). Nothing is polled: the
 * background's pushes keep the screen current. The token list is read again when it changes.
 *
 * The background's store is the one last-known cache: nothing is remembered page-side.
 */
import { useEffect, useState } from 'react';
import type { Space } from '../../../../core/space.js';
import type { PushedBalance, WalletBackend } from '../../api/backend.js';
import { useAsync, type QueryState } from '../../api/hooks.js';
import type { Checked, TokenItem } from '../../model/wallet.js';

type Balance = Checked<bigint | null>;

/** What a screen shows: the value, and its time when it is a last-known one rather than fresh. */
export interface Shown<T> {
  data: T | undefined;
  lastKnownAt: number | undefined;
}

/** The newer of two values (by the time the background read them). */
function newer(a: Balance | undefined, b: Balance | undefined): Balance | undefined {
  if (!a) return b;
  if (!b) return a;
  return (b.at ?? 0) > (a.at ?? 0) ? b : a;
}

export function useBalances(backend: WalletBackend, space: Space, address: string, scope: string): { balance: QueryState<Balance> & Shown<Balance>; tokens: QueryState<TokenItem[]> & Shown<TokenItem[]> } {
  const enabled = scope !== '';
  const balance = useAsync(() => backend.balance(space, address), `balance:${scope}`, { enabled });
  const tokens = useAsync(() => backend.tokens(space, address), `tokens:${scope}`, { enabled, refreshOn: ['tokens.changed'] });
  const [lastKnown, setLastKnown] = useState<{ scope: string; balance: Balance | undefined; tokens: TokenItem[] } | undefined>(undefined);
  const [pushed, setPushed] = useState<{ scope: string; values: PushedBalance[] }>({ scope, values: [] });

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    backend.lastKnownBalances(space, address).then(
      (known) => live && setLastKnown({ scope, ...known }),
      () => undefined, // the fresh read shows its own error
    );
    const stop = backend.onBalances(space, address, (values) => setPushed((p) => ({ scope, values: [...(p.scope === scope ? p.values : []).filter((old) => !values.some((v) => v.token === old.token)), ...values] })));
    return () => {
      live = false;
      stop();
    };
  }, [backend, space, address, scope, enabled]);

  const known = lastKnown?.scope === scope ? lastKnown : undefined;
  const mine = pushed.scope === scope ? pushed.values : [];
  const pushedNative = mine.find((v) => v.token === undefined)?.checked();
  const freshBalance = newer(balance.data, pushedNative);
  const tokenList = tokens.data ?? (known && known.tokens.length > 0 ? known.tokens : undefined);
  const tokenData = tokenList?.map((token) => {
    const push = mine.find((v) => v.token !== undefined && v.token.toLowerCase() === token.address.toLowerCase());
    const value = newer(token.balance, push?.checked({ decimals: token.decimals, symbol: token.symbol }));
    return value === token.balance ? token : { ...token, balance: value, balanceError: undefined };
  });
  return {
    // A pushed value answers what a failed read could not: its error is no longer news.
    balance: { ...balance, error: pushedNative ? undefined : balance.error, data: freshBalance ?? known?.balance, lastKnownAt: freshBalance ? undefined : known?.balance?.at },
    tokens: { ...tokens, data: tokenData, lastKnownAt: tokens.data ? undefined : tokenData ? known?.tokens.find((t) => t.balance)?.balance?.at : undefined },
  };
}
