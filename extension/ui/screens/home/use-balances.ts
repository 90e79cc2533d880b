/**
 * The home screen's balances (CFX and the token list) of one account: the last verified values the
 * background keeps, at once and labelled with their age; then one fresh read; then whatever the
 * background pushes (it reads the wallet's balances after each sync). Nothing is polled: the
 * background's pushes keep the screen current. The token list is read again when it changes, and
 * the balance again on a new status only while a read failed and nothing was pushed since.
 *
 * The background's store is the one last-known cache: nothing is remembered page-side.
 */
import { useEffect, useState } from 'react';
import type { Space } from '../../../../core/space.js';
import type { PushedBalance, WalletBackend } from '../../api/backend.js';
import { useAsync, type QueryState } from '../../api/hooks.js';
import type { TokenItem } from '../../model/wallet.js';
import { shownBalances, withPushed, type Balance } from './shown-balances.js';

export function useBalances(backend: WalletBackend, space: Space, address: string, scope: string): { balance: QueryState<Balance>; tokens: QueryState<TokenItem[]> } {
  const enabled = scope !== '';
  const [retry, setRetry] = useState(false);
  const balance = useAsync(() => backend.balance(space, address), `balance:${scope}`, { enabled, refreshOn: retry ? backend.events.status : [] });
  const tokens = useAsync(() => backend.tokens(space, address), `tokens:${scope}`, { enabled, refreshOn: ['tokens.changed'] });
  const [known, setKnown] = useState<{ scope: string; balance: Balance | undefined; tokens: TokenItem[] } | undefined>(undefined);
  const [pushed, setPushed] = useState<{ scope: string; values: PushedBalance[] }>({ scope, values: [] });

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    backend.lastKnownBalances(space, address).then(
      (values) => live && setKnown({ scope, ...values }),
      () => undefined, // the fresh read shows its own error
    );
    const stop = backend.onBalances(space, address, (values) => setPushed((p) => ({ scope, values: withPushed(p.scope === scope ? p.values : [], values) })));
    return () => {
      live = false;
      stop();
    };
  }, [backend, space, address, scope, enabled]);

  const shown = shownBalances({ known: known?.scope === scope ? known : undefined, fresh: { balance: balance.data, tokens: tokens.data }, pushed: pushed.scope === scope ? pushed.values : [] });
  // A pushed value answers what a failed read could not: its error is no longer news.
  const error = shown.balancePushed ? undefined : balance.error;
  const failed = error !== undefined && !shown.balancePushed;
  useEffect(() => setRetry(failed), [failed]);
  return {
    balance: { ...balance, error, data: shown.balance, lastKnownAt: shown.balanceLastKnownAt },
    tokens: { ...tokens, data: shown.tokens, lastKnownAt: shown.tokensLastKnownAt },
  };
}
