/** Provider API results → screen models (connected sites, pending approvals). */
import type { ApprovalSummary, ConnectedSite as ApiSite } from '../../../shared/ui-api/provider.js';
import type { ConnectedSite, PendingApproval } from '../../model/wallet.js';
import { t } from '../../i18n/i18n.js';

export function sitesFromApi(sites: readonly ApiSite[]): ConnectedSite[] {
  const rows: ConnectedSite[] = [];
  for (const site of sites) {
    if (site.core) rows.push({ origin: site.origin, space: 'core', accounts: site.core.addresses, connectedAt: site.core.date });
    if (site.espace) rows.push({ origin: site.origin, space: 'espace', accounts: site.espace.addresses, connectedAt: site.espace.date });
  }
  return rows.sort((a, b) => a.origin.localeCompare(b.origin));
}

const KIND_TEXT: Record<ApprovalSummary['kind'], () => string> = {
  connect: () => t('approvals.kind.connect'),
  unlock: () => t('approvals.kind.unlock'),
  personal_sign: () => t('approvals.kind.personal_sign'),
  typed_data: () => t('approvals.kind.typed_data'),
  transaction: () => t('approvals.kind.transaction'),
  calls: () => t('approvals.kind.calls'),
  switch_chain: () => t('approvals.kind.switch_chain'),
  add_chain: () => t('approvals.kind.add_chain'),
  watch_asset: () => t('approvals.kind.watch_asset'),
};

export function approvalsFromApi(approvals: readonly ApprovalSummary[]): PendingApproval[] {
  return approvals.map((a) => ({
    id: a.id,
    origin: a.origin,
    kind: a.kind,
    summary: t('approvals.summary', { kind: KIND_TEXT[a.kind](), space: a.space === 'core' ? t('common.coreSpace') : t('common.eSpace') }),
    createdAt: a.createdAt,
  }));
}

/** The approval page. It shows the waiting requests in order, oldest first, one at a time. */
export function approvalPageUrl(): string {
  return chrome.runtime.getURL('approval/index.html');
}
