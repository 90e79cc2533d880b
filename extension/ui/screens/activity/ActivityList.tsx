/** Sent and received transactions, newest first, each with status and verification badge. */
import type { ReactElement } from 'react';
import { shortenAddress } from '../../components/AddressText.js';
import { EmptyState } from '../../components/AsyncState.js';
import { Icon } from '../../components/icons.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { Link } from '../../app/router.js';
import { timeAgo } from '../../format/time.js';
import { formatAmountDisplay } from '../../i18n/format.js';
import { t as translate, useT } from '../../i18n/i18n.js';
import type { TxItem } from '../../model/wallet.js';
import { useHiddenAmounts } from '../../app/hidden-amounts.js';

/** Each status in words, in the language shown (read when used). */
export const TX_STATUS_TEXT: Readonly<Record<TxItem['status'], string>> = {
  get pending() {
    return translate('tx.status.pending');
  },
  get included() {
    return translate('tx.status.included');
  },
  get verified() {
    return translate('tx.status.verified');
  },
  get failed() {
    return translate('tx.status.failed');
  },
  get stuck() {
    return translate('tx.status.stuck');
  },
  get replaced() {
    return translate('tx.status.replaced');
  },
  get rejected() {
    return translate('tx.status.rejected');
  },
};

/** `labelOf` names an address the user saved as a contact. */
export function txTitle(tx: TxItem, labelOf: (address: string) => string | undefined = () => undefined): string {
  if (tx.direction === 'self') return translate('tx.toSelf');
  if (tx.direction === 'in') return translate('tx.receivedFrom', { address: labelOf(tx.from) ?? shortenAddress(tx.from, 4) });
  if (tx.to === null) return translate('tx.deployment');
  const to = tx.token?.to ?? tx.to;
  return to === undefined ? translate('tx.sentNonce', { nonce: tx.nonce ?? '?' }) : translate('tx.sentTo', { address: labelOf(to) ?? shortenAddress(to, 4) });
}

function amountText(tx: TxItem): string | undefined {
  if (tx.token) return `${formatAmountDisplay(tx.token.amount, tx.token.decimals, { maxFractionDigits: 6 })} ${tx.token.symbol}`;
  if (tx.value !== undefined) return `${formatAmountDisplay(tx.value, tx.decimals, { maxFractionDigits: 6 })} ${tx.symbol}`;
  return undefined;
}

export { amountText };

export function ActivityList({ items, now, labelOf }: { items: readonly TxItem[]; now: number; labelOf?: (address: string) => string | undefined }): ReactElement {
  const { hidden } = useHiddenAmounts();
  const t = useT();
  if (items.length === 0) return <EmptyState title={t('activity.empty')}>{t('activity.emptyHint')}</EmptyState>;
  return (
    <ul className="list" data-testid="activity">
      {items.map((tx) => {
        const amount = amountText(tx);
        return (
          <li key={tx.hash} className="list-item activity-item" data-status={tx.status}>
            <Icon name={tx.direction === 'in' ? 'receive' : 'send'} />
            <Link to={`/activity/${tx.hash}`} className="grow activity-link">
              <span className="primary">{txTitle(tx, labelOf)}</span>
              <br />
              <span className="secondary">
                <span className={`status status-${tx.status}`}>{TX_STATUS_TEXT[tx.status]}</span>
                {tx.timestamp !== undefined ? ` · ${timeAgo(tx.timestamp, now)}` : ''}
              </span>
            </Link>
            <span className="stack activity-amount">
              {amount !== undefined ? <span className="amount">{hidden ? '••••' : `${tx.direction === 'in' ? '+' : tx.direction === 'out' ? '−' : ''}${amount}`}</span> : null}
              <TrustBadge trust={tx.trust} subject={t('trust.subject.transaction')} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
