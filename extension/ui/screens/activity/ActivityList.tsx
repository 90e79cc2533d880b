/** Sent and received transactions, newest first, each with status and verification badge. */
import type { ReactElement } from 'react';
import { shortenAddress } from '../../components/AddressText.js';
import { EmptyState } from '../../components/AsyncState.js';
import { Icon } from '../../components/icons.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { Link } from '../../app/router.js';
import { timeAgo } from '../../format/time.js';
import { formatAmount } from '../../../shared/units.js';
import type { TxItem } from '../../model/wallet.js';
import { usePrivacy } from '../../app/privacy.js';

export const TX_STATUS_TEXT: Record<TxItem['status'], string> = {
  pending: 'Pending',
  included: 'Included, not final yet',
  verified: 'Confirmed',
  failed: 'Failed',
  stuck: 'Stuck',
  replaced: 'Replaced',
  rejected: 'Refused by nodes',
};

export function txTitle(tx: TxItem): string {
  if (tx.direction === 'self') return 'Sent to yourself';
  if (tx.direction === 'in') return `Received from ${shortenAddress(tx.from, 4)}`;
  if (tx.to === null) return 'Contract deployment';
  const to = tx.token?.to ?? tx.to;
  return to === undefined ? `Sent · nonce ${tx.nonce ?? '?'}` : `Sent to ${shortenAddress(to, 4)}`;
}

function amountText(tx: TxItem): string | undefined {
  if (tx.token) return `${formatAmount(tx.token.amount, tx.token.decimals, { maxFractionDigits: 6 })} ${tx.token.symbol}`;
  if (tx.value !== undefined) return `${formatAmount(tx.value, tx.decimals, { maxFractionDigits: 6 })} ${tx.symbol}`;
  return undefined;
}

export { amountText };

export function ActivityList({ items, now }: { items: readonly TxItem[]; now: number }): ReactElement {
  const { hidden } = usePrivacy();
  if (items.length === 0) return <EmptyState title="No transactions yet">Transactions you send or receive with this account appear here.</EmptyState>;
  return (
    <ul className="list" data-testid="activity">
      {items.map((tx) => {
        const amount = amountText(tx);
        return (
          <li key={tx.hash} className="list-item activity-item" data-status={tx.status}>
            <Icon name={tx.direction === 'in' ? 'receive' : 'send'} />
            <Link to={`/activity/${tx.hash}`} className="grow activity-link">
              <span className="primary">{txTitle(tx)}</span>
              <br />
              <span className="secondary">
                <span className={`status status-${tx.status}`}>{TX_STATUS_TEXT[tx.status]}</span>
                {tx.timestamp !== undefined ? ` · ${timeAgo(tx.timestamp, now)}` : ''}
              </span>
            </Link>
            <span className="stack activity-amount">
              {amount !== undefined ? <span className="amount">{hidden ? '••••' : `${tx.direction === 'in' ? '+' : tx.direction === 'out' ? '−' : ''}${amount}`}</span> : null}
              <TrustBadge trust={tx.trust} subject="transaction" />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
