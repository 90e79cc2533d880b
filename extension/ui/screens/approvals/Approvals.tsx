/** Pending approvals screen: what sites are waiting for, each opening the approval page. */
import type { ReactElement } from 'react';
import { useQuery } from '../../api/hooks.js';
import { approvalPageUrl, approvalsFromApi } from '../../api/adapters/provider.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { ApprovalsView } from './ApprovalsView.js';
import { useT } from '../../i18n/i18n.js';

export function openApprovalPage(): void {
  void chrome.tabs.create({ url: approvalPageUrl() });
}

export function Approvals(): ReactElement {
  const approvals = useQuery('provider.listApprovals', undefined, { refreshOn: ['provider.approvalsChanged'] });
  const t = useT();
  return (
    <div className="stack">
      <ScreenHeader title={t('approvals.title')} back="/" />
      {approvals.error ? <ErrorState error={approvals.error} onRetry={approvals.refresh} /> : null}
      {approvals.data ? <ApprovalsView approvals={approvalsFromApi(approvals.data)} onOpen={openApprovalPage} now={Date.now()} /> : !approvals.error ? <Loading /> : null}
    </div>
  );
}
