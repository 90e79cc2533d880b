/**
 * What came in. Conflux nodes keep no list of transactions by recipient, so Wayfarer shows only
 * what it can stand behind: token transfers found in recent logs of the tokens in the user's list
 * (proved through their receipt when possible), and CFX balance increases between two reads — with
 * no sender, because none was seen. The explanation is on screen, not only here.
 */
import type { ReactElement } from 'react';
import { shortenAddress } from '../../components/AddressText.js';
import { Icon } from '../../components/icons.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { usePrivacy } from '../../app/privacy.js';
import { formatAmount } from '../../../shared/units.js';
import type { ReceivedItem } from '../../model/wallet.js';

export function ReceivedList({ items, space }: { items: readonly ReceivedItem[]; space: 'core' | 'espace' }): ReactElement {
  const { hidden } = usePrivacy();
  const unit = space === 'core' ? 'epoch' : 'block';
  return (
    <section className="stack" aria-label="Received">
      <h2>Received</h2>
      <p className="small muted" data-testid="received-explained">
        Nodes keep no list of payments to an address, so Wayfarer shows what it can check: transfers of the tokens in your list found in recent blocks (proved when possible), and CFX balance increases between two checks of your balance — without a sender, because none was seen, and net of what you sent meanwhile.
      </p>
      {items.length === 0 ? (
        <p className="small muted">Nothing received seen yet.</p>
      ) : (
        <ul className="list" data-testid="received">
          {items.map((item) => (
            <li key={item.id} className="list-item activity-item" data-kind={item.kind} data-trust-level={item.trust.level}>
              <Icon name="receive" />
              <span className="grow">
                <span className="primary">{item.kind === 'token' ? `Received from ${shortenAddress(item.from, 4)}` : 'Balance increased'}</span>
                <br />
                <span className="secondary">
                  {item.kind === 'token' ? `${unit} ${item.epoch.toLocaleString('en-US')}` : `between ${unit}s ${item.fromEpoch.toLocaleString('en-US')} and ${item.toEpoch.toLocaleString('en-US')}`}
                </span>
              </span>
              <span className="stack activity-amount">
                <span className="amount">{hidden ? '••••' : `+${item.kind === 'token' ? `${formatAmount(item.amount, item.decimals, { maxFractionDigits: 6 })} ${item.symbol}` : `${formatAmount(item.amount, 18, { maxFractionDigits: 6 })} CFX`}`}</span>
                <TrustBadge trust={item.trust} subject={item.kind === 'token' ? 'transfer' : 'balance change'} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
