/** How many site requests wait for the user (the home screen's banner). */
import { useQuery } from '../../api/hooks.js';

export function usePendingApprovalCount(): number {
  const approvals = useQuery('provider.listApprovals', undefined, { refreshOn: ['provider.approvalsChanged'] });
  return approvals.data?.length ?? 0;
}
