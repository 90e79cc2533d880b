/**
 * The allowances an account granted, one row each: token, spender (its contact name when saved),
 * the amount with its trust badge or an "Unlimited" flag, and Revoke.
 */
import type { ReactElement } from 'react';
import { AddressText } from '../../components/AddressText.js';
import { Amount } from '../../components/Amount.js';
import { EmptyState } from '../../components/AsyncState.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import type { AllowanceItem } from '../../api/allowances.js';
import { useT } from '../../i18n/i18n.js';

export interface AllowancesViewProps {
  items: readonly AllowanceItem[];
  /** The saved contact name of an address, if any. */
  contactName: (address: string) => string | undefined;
  /** Rows whose revoke was sent (key → transaction hash), waiting for the change to be read. */
  revoking: ReadonlyMap<string, string>;
  busyKey: string | undefined;
  onRevoke: (item: AllowanceItem) => void;
}

export function AllowancesView({ items, contactName, revoking, busyKey, onRevoke }: AllowancesViewProps): ReactElement {
  const t = useT();
  if (items.length === 0) return <EmptyState title={t('allowances.empty')}>{t('allowances.emptyHint')}</EmptyState>;
  return (
    <ul className="list" data-testid="allowances">
      {items.map((item) => {
        const symbol = item.symbol ?? t('allowances.unnamedToken');
        const spenderName = contactName(item.spender);
        const subject = t('allowances.subject', { symbol });
        return (
          <li key={item.key} className="list-item allowance-item" data-testid="allowance">
            <span className="token-symbol" aria-hidden="true">
              {symbol.slice(0, 3)}
            </span>
            <span className="grow stack allowance-body">
              <span className="primary" data-testid="allowance-token">
                {symbol}
              </span>
              <span className="secondary break">
                <AddressText address={item.token} />
              </span>
              <span className="secondary" data-testid="allowance-spender">
                {t('allowances.spender')}
                {spenderName ? (
                  <>
                    {' '}
                    <strong>{spenderName}</strong>
                  </>
                ) : null}
                <br />
                <AddressText address={item.spender} />
              </span>
              {item.unlimited ? (
                <span className="row wrap">
                  <span className="allowance-unlimited" data-testid="allowance-unlimited">
                    {t('allowances.unlimited')}
                  </span>
                  <TrustBadge trust={item.trust} subject={subject} />
                </span>
              ) : item.decimals === null ? (
                <span className="row wrap">
                  <span className="secondary">{t('allowances.rawUnits', { amount: item.amount === null ? t('common.unknown') : item.amount.toString() })}</span>
                  <TrustBadge trust={item.trust} subject={subject} />
                </span>
              ) : (
                <Amount value={item.amount} decimals={item.decimals} symbol={symbol} trust={item.trust} subject={subject} />
              )}
            </span>
            {revoking.has(item.key) ? (
              <span className="secondary" data-testid="allowance-revoking">
                {t('allowances.revokeSent')}
              </span>
            ) : (
              <button type="button" className="btn btn-small" data-testid="allowance-revoke" disabled={busyKey !== undefined} onClick={() => onRevoke(item)} aria-label={t('allowances.revokeOf', { symbol })}>
                {t('allowances.revoke')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
