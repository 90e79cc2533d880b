/**
 * The foot of a review before signing: what went wrong last time (nothing was sent), Edit, and
 * Sign and send. Shared by the send review and the cross-space review.
 */
import type { ReactElement } from 'react';
import { ErrorState } from './AsyncState.js';
import { useT } from '../i18n/i18n.js';

export function SignActions({ error, busy, onBack, onConfirm }: { error: unknown; busy: boolean | undefined; onBack: () => void; onConfirm: () => void }): ReactElement {
  const t = useT();
  return (
    <>
      {error ? <ErrorState error={error} title={t('send.notSent')} /> : null}
      <div className="btn-row">
        <button type="button" className="btn" onClick={onBack} disabled={busy}>
          {t('common.edit')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onConfirm} disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? t('send.signing') : t('send.signAndSend')}
        </button>
      </div>
    </>
  );
}
