/**
 * An amount with its unit and its trust badge — the only way the UI shows a balance or value, so
 * no number ever appears without saying how far it was verified. Values remembered from an earlier
 * visit are labelled "last known, <time>" until fresh ones arrive.
 */
import type { ReactElement } from 'react';
import { formatAmountExact } from '../../shared/units.js';
import { formatAmountDisplay } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import type { Trust } from '../model/trust.js';
import { LastKnown } from './LastKnown.js';
import { TrustBadge } from './TrustBadge.js';
import { useHiddenAmounts } from '../app/hidden-amounts.js';

export interface AmountProps {
  /** null: the nodes disagree and nothing settles it — shown as unknown, with its badge. */
  value: bigint | null;
  decimals: number;
  symbol: string;
  trust: Trust;
  /** Set when the value is a remembered one (ms since epoch of when it was fetched). */
  lastKnownAt?: number | undefined;
  size?: 'big' | 'normal';
  maxFractionDigits?: number;
  /** Names the value for the badge's explanation ("balance", "fee"). */
  subject?: string;
}

export function Amount({ value, decimals, symbol, trust, lastKnownAt, size = 'normal', maxFractionDigits = 6, subject }: AmountProps): ReactElement {
  const { hidden } = useHiddenAmounts();
  const t = useT();
  const text = value === null ? t('common.unknown') : formatAmountDisplay(value, decimals, { maxFractionDigits });
  const exact = value === null ? undefined : formatAmountExact(value, decimals);
  return (
    <span className="stack amount-block">
      <span className="row wrap">
        <span className={`amount ${size === 'big' ? 'amount-big' : ''}`} data-testid="amount" data-exact={hidden ? undefined : exact} title={hidden || exact === undefined ? undefined : `${exact} ${symbol}`}>
          {hidden ? <span className="amount-mask" aria-label={t('common.hidden')}>••••••</span> : text}
          <span className="amount-unit">{symbol}</span>
        </span>
        <TrustBadge trust={trust} {...(subject === undefined ? {} : { subject })} />
      </span>
      {lastKnownAt !== undefined ? <LastKnown at={lastKnownAt} /> : null}
    </span>
  );
}
