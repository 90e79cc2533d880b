import { describe, expect, test } from 'vitest';
import type { PushedBalance } from '../../api/backend.js';
import type { TokenItem } from '../../model/wallet.js';
import { shownBalances, withPushed, type Balance } from './shown-balances.js';

const trust = { level: 'single-source', detail: 'one node' } as Balance['trust'];
const value = (v: bigint, at: number): Balance => ({ value: v, trust, at });
const push = (token: string | undefined, v: bigint, at: number): PushedBalance => ({ token, checked: (unit) => ({ value: v, trust: { ...trust, detail: unit?.symbol ?? 'CFX' }, at }) });
const token = (balance: Balance | undefined): TokenItem => ({ address: 'cfx:token', symbol: 'TOK', name: 'Token', decimals: 0, balance });

describe('what the home screen shows of the balances', () => {
  test('the last known values at once, labelled with when they were read', () => {
    const shown = shownBalances({ known: { balance: value(5n, 100), tokens: [token(value(7n, 90))] }, fresh: { balance: undefined, tokens: undefined }, pushed: [] });
    expect(shown).toMatchObject({ balance: { value: 5n }, balanceLastKnownAt: 100, tokensLastKnownAt: 90, balancePushed: false });
    expect(shown.tokens?.[0]?.balance?.value).toBe(7n);
  });

  test('a fresh read replaces them and is not labelled; a newer push replaces the read, an older one does not', () => {
    const known = { balance: value(5n, 100), tokens: [token(value(7n, 90))] };
    const fresh = { balance: value(6n, 200), tokens: [token(value(8n, 200))] };
    expect(shownBalances({ known, fresh, pushed: [] })).toMatchObject({ balance: { value: 6n }, balanceLastKnownAt: undefined, tokensLastKnownAt: undefined });
    const later = shownBalances({ known, fresh, pushed: [push(undefined, 9n, 300), push('CFX:TOKEN', 10n, 300)] });
    expect(later).toMatchObject({ balance: { value: 9n }, balancePushed: true });
    // The token's pushed value is read in the token's unit.
    expect(later.tokens?.[0]?.balance).toMatchObject({ value: 10n, trust: { detail: 'TOK' } });
    expect(shownBalances({ known, fresh, pushed: [push(undefined, 1n, 150)] })).toMatchObject({ balance: { value: 6n }, balancePushed: false });
  });

  test('a push alone is enough (the read failed), and a newer push for the same value replaces the older', () => {
    const pushed = withPushed(withPushed([], [push(undefined, 1n, 10), push('cfx:token', 2n, 10)]), [push(undefined, 3n, 20)]);
    expect(pushed.map((p) => p.checked().value)).toEqual([2n, 3n]);
    expect(shownBalances({ known: undefined, fresh: { balance: undefined, tokens: undefined }, pushed })).toMatchObject({ balance: { value: 3n }, balancePushed: true, tokens: undefined });
  });
});
