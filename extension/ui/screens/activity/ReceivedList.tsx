/**
 * What came in. Conflux nodes keep no list of transactions by recipient, so Wayfarer shows only
 * what it can stand behind: token transfers found in recent logs of the tokens in the user's list
 * (proved through their receipt when possible), and CFX balance increases between two reads — with
 * no sender, because none was seen. The explanation is on screen, not only here.
 */
import type { ReactElement } from 'react';
import type { Space } from '../../../../core/space.js';
import { shortenAddress } from '../../components/AddressText.js';
import { Icon } from '../../components/icons.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { useHiddenAmounts } from '../../app/hidden-amounts.js';
import { formatAmountDisplay, formatNumber } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import type { ReceivedItem } from '../../model/wallet.js';
import type { KnownAddress } from '../../../../core/poisoning/recipients.js';
import { sortReceived } from '../../format/received-poisoning.js';

/**
 * `known`: the user's accounts and past recipients. Zero-value transfers and dust from look-alikes
 * of them are folded away (they exist to plant an address in this list); larger ones are flagged.
 */
export function ReceivedList({ items, space, known }: { items: readonly ReceivedItem[]; space: Space; known: readonly KnownAddress[] }): ReactElement {
  const { hidden } = useHiddenAmounts();
  const t = useT();
  const where = (item: ReceivedItem): string => {
    if (item.kind === 'token') return space === 'core' ? t('activity.inEpoch', { number: formatNumber(item.epoch) }) : t('activity.inBlock', { number: formatNumber(item.epoch) });
    const range = { from: formatNumber(item.fromEpoch), to: formatNumber(item.toEpoch) };
    return space === 'core' ? t('activity.betweenEpochs', range) : t('activity.betweenBlocks', range);
  };
  const sorted = sortReceived(items, known);
  const row = ({ item, lookalikeOf }: { item: ReceivedItem; lookalikeOf: KnownAddress | null }) => (
    <li key={item.id} className="list-item activity-item" data-kind={item.kind} data-trust-level={item.trust.level} data-lookalike={lookalikeOf === null ? undefined : 'true'}>
      <Icon name="receive" />
      <span className="grow">
        <span className="primary">{item.kind === 'token' ? t('tx.receivedFrom', { address: shortenAddress(item.from, 4) }) : t('activity.balanceIncreased')}</span>
        <br />
        <span className="secondary">{where(item)}</span>
        {lookalikeOf !== null ? (
          <>
            <br />
            <span className="small field-error">{t('safety.activity.lookalike', { address: lookalikeOf.address })}</span>
          </>
        ) : null}
      </span>
      <span className="stack activity-amount">
        <span className="amount">{hidden ? '••••' : `+${item.kind === 'token' ? `${formatAmountDisplay(item.amount, item.decimals, { maxFractionDigits: 6 })} ${item.symbol}` : `${formatAmountDisplay(item.amount, 18, { maxFractionDigits: 6 })} CFX`}`}</span>
        <TrustBadge trust={item.trust} subject={item.kind === 'token' ? t('trust.subject.transfer') : t('trust.subject.balanceChange')} />
      </span>
    </li>
  );
  return (
    <section className="stack" aria-label={t('activity.received')}>
      <h2>{t('activity.received')}</h2>
      <p className="small muted" data-testid="received-explained">
        {t('activity.receivedExplained')}
      </p>
      {sorted.shown.length === 0 ? (
        <p className="small muted">{t('activity.nothingReceived')}</p>
      ) : (
        <ul className="list" data-testid="received">
          {sorted.shown.map(row)}
        </ul>
      )}
      {sorted.hidden.length > 0 ? (
        <details data-testid="received-hidden">
          <summary className="small muted">{t('safety.activity.hidden', { count: sorted.hidden.length })}</summary>
          <p className="small muted">{t('safety.activity.hiddenWhy')}</p>
          <ul className="list">{sorted.hidden.map(row)}</ul>
        </details>
      ) : null}
    </section>
  );
}
