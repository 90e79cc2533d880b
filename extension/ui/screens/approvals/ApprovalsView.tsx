/** Requests from sites waiting for the user, each opening the approval page. */
import type { ReactElement } from 'react';
import { EmptyState } from '../../components/AsyncState.js';
import { Icon } from '../../components/icons.js';
import { timeAgo } from '../../format/time.js';
import type { PendingApproval } from '../../model/wallet.js';
import { useT } from '../../i18n/i18n.js';

export function ApprovalsView({ approvals, onOpen, now }: { approvals: readonly PendingApproval[]; onOpen: (approval: PendingApproval) => void; now: number }): ReactElement {
  const t = useT();
  if (approvals.length === 0) return <EmptyState title={t('approvals.empty')}>{t('approvals.emptyHint')}</EmptyState>;
  return (
    <ul className="list" data-testid="approvals">
      {approvals.map((approval) => (
        <li key={approval.id}>
          <button type="button" className="list-item" onClick={() => onOpen(approval)}>
            <Icon name="bell" />
            <span className="grow">
              <span className="primary">{approval.summary}</span>
              <br />
              <span className="secondary break">
                <span data-testid="approval-origin">{approval.origin}</span>
                {approval.createdAt !== undefined ? (
                  <>
                    {' · '}
                    <span data-volatile>{timeAgo(approval.createdAt, now)}</span>
                  </>
                ) : null}
              </span>
            </span>
            <span className="chevron">
              <Icon name="chevron" />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
