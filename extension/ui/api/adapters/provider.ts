/** Provider API results → screen models (connected sites, pending approvals). */
import type { ApprovalSummary, ConnectedSite as ApiSite } from '../../../shared/ui-api/provider.js';
import type { ConnectedSite, PendingApproval } from '../../model/wallet.js';

export function sitesFromApi(sites: readonly ApiSite[]): ConnectedSite[] {
  const rows: ConnectedSite[] = [];
  for (const site of sites) {
    if (site.core) rows.push({ origin: site.origin, space: 'core', accounts: site.core.addresses, connectedAt: site.core.date });
    if (site.espace) rows.push({ origin: site.origin, space: 'espace', accounts: site.espace.addresses, connectedAt: site.espace.date });
  }
  return rows.sort((a, b) => a.origin.localeCompare(b.origin));
}

const KIND_TEXT: Record<ApprovalSummary['kind'], string> = {
  connect: 'Connect to this site',
  unlock: 'Unlock the wallet for this site',
  personal_sign: 'Sign a message',
  typed_data: 'Sign structured data',
  transaction: 'Send a transaction',
  switch_chain: 'Switch network',
  add_chain: 'Add a network',
  watch_asset: 'Add a token',
};

export function approvalsFromApi(approvals: readonly ApprovalSummary[]): PendingApproval[] {
  return approvals.map((a) => ({
    id: a.id,
    origin: a.origin,
    kind: a.kind,
    summary: `${KIND_TEXT[a.kind]} (${a.space === 'core' ? 'Core space' : 'eSpace'})`,
    createdAt: a.createdAt,
  }));
}

/** The approval page. It shows the waiting requests in order, oldest first, one at a time. */
export function approvalPageUrl(): string {
  return chrome.runtime.getURL('approval/index.html');
}
