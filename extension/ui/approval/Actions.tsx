/**
 * Reject / approve buttons. Reject comes first in reading order (the safe choice is the easy one
 * to reach by keyboard); approval is never the default action of the form.
 */
import { useT } from '../i18n/i18n.js';

export function Actions({ approveLabel, onApprove, onReject, busy, approveDisabled = false }: { approveLabel: string; onApprove: () => void; onReject: () => void; busy: boolean; approveDisabled?: boolean }) {
  const t = useT();
  return (
    <div className="actions">
      <button type="button" className="secondary" data-testid="reject" onClick={onReject} disabled={busy}>
        {t('common.reject')}
      </button>
      <button type="button" className="primary" data-testid="approve" onClick={onApprove} disabled={busy || approveDisabled}>
        {approveLabel}
      </button>
    </div>
  );
}
