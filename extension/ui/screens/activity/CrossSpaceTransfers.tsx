/** Cross-space transfers in Activity: each one entry (not its two or three transactions), linking to its status. */
import type { ReactElement } from 'react';
import { crossSpaceApi } from '../../api/ecosystem.js';
import { useAsync } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { Icon } from '../../components/icons.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { formatAmountDisplay } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { stateText } from '../crossspace/CrossSpaceStatus.js';

export function CrossSpaceTransfers(): ReactElement | null {
  const t = useT();
  const transfers = useAsync(() => crossSpaceApi.transfers(), 'crossspace:list', { refreshOn: ['chain.transactionChanged'], pollMs: 15_000 });
  if (!transfers.data || transfers.data.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="crossspace-list">
      <h2 id="crossspace-list">{t('activityExtra.crossSpace')}</h2>
      <ul className="list" data-testid="crossspace-transfers">
        {transfers.data.map((x) => (
          <li key={x.id} className="list-item" data-state={x.state}>
            <Icon name="send" />
            <Link to={`/crossspace/${x.id}`} className="grow activity-link">
              <span className="primary">{x.kind === 'core_to_espace' ? t('crossspace.movingToEspace') : t('crossspace.movingToCore')}</span>
              <br />
              <span className="secondary">{stateText(x.state)}</span>
            </Link>
            <span className="stack activity-amount">
              <span className="amount">
                {formatAmountDisplay(BigInt(x.amount), 18)}
                <span className="amount-unit">CFX</span>
              </span>
              {x.trust ? <TrustBadge trust={{ level: x.trust }} subject={t('trust.subject.transaction')} /> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
