/**
 * Reject / approve buttons. Reject comes first in reading order (the safe choice is the easy one
 * to reach by keyboard); approval is never the default action of the form.
 *
 * Click-jacking: a page can make the approval window appear (or come to the front) right under
 * the user's cursor while they are clicking something else. Approve therefore becomes clickable
 * only APPROVE_ARM_MS after the approval is shown and again after the window regains focus; Reject
 * is always available.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.js';

export const APPROVE_ARM_MS = 800;

/** False for APPROVE_ARM_MS after mount and after each time the window gains focus or becomes visible. */
function useArmed(): boolean {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setArmed(true), APPROVE_ARM_MS);
    const disarm = () => {
      setArmed(false);
      clearTimeout(timer);
      timer = setTimeout(() => setArmed(true), APPROVE_ARM_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') disarm();
    };
    window.addEventListener('focus', disarm);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', disarm);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return armed;
}

export function Actions({ approveLabel, onApprove, onReject, busy, approveDisabled = false }: { approveLabel: string; onApprove: () => void; onReject: () => void; busy: boolean; approveDisabled?: boolean }) {
  const t = useT();
  const armed = useArmed();
  return (
    <div className="actions">
      <button type="button" className="secondary" data-testid="reject" onClick={onReject} disabled={busy}>
        {t('common.reject')}
      </button>
      <button type="button" className="primary" data-testid="approve" data-armed={armed ? 'true' : 'false'} onClick={onApprove} disabled={busy || approveDisabled || !armed}>
        {approveLabel}
      </button>
    </div>
  );
}
