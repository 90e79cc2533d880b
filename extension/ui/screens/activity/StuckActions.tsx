/**
 * What the user can do about their transaction while no node reports it in a block: what is known
 * (how many nodes accepted it, for how long it has not been seen in a block), send it again to every
 * node, or replace it — speed it up or cancel it — through a reviewed replacement (ReplaceTx.tsx).
 */
import { useState, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { Notice } from '../../components/Notice.js';
import { formatDuration } from '../../format/time.js';
import { useT } from '../../i18n/i18n.js';
import type { TxItem } from '../../model/wallet.js';

/** "Accepted by 1 node, not seen in a block for 3 minutes." */
export function knownText(t: ReturnType<typeof useT>, acceptedBy: number, sentAt: number | undefined, now: number): string {
  const duration = formatDuration(sentAt === undefined ? 0 : now - sentAt);
  return acceptedBy === 0 ? t('txRecovery.knownNone', { duration }) : t('txRecovery.known', { count: acceptedBy, duration });
}

export function StuckActions({ tx }: { tx: TxItem }): ReactElement | null {
  const { backend } = useWallet();
  const t = useT();
  const [resent, setResent] = useState<number>();
  const resend = useAction(async () => {
    const after = await backend.resend(tx.hash);
    setResent(after.acceptedBy?.length ?? 0);
  });
  if (tx.status !== 'pending' && tx.status !== 'stuck') return null;
  return (
    <div className="card stack" data-testid="tx-recovery">
      <strong>{t('txRecovery.title')}</strong>
      <p data-testid="tx-known">{knownText(t, tx.acceptedBy?.length ?? 0, tx.timestamp, Date.now())}</p>
      <p className="small muted">{t('txRecovery.explain')}</p>
      {resent !== undefined ? (
        <Notice tone="info" live>
          <span data-testid="tx-resent">{t('txRecovery.resent', { count: resent })}</span>
        </Notice>
      ) : null}
      {resend.error ? <ErrorState error={resend.error} title={t('txRecovery.resendFailed')} /> : null}
      <div className="btn-row wrap">
        <button type="button" className="btn" data-testid="tx-resend" onClick={() => void resend.run()} disabled={resend.busy}>
          {resend.busy ? <span className="spinner" aria-hidden="true" /> : null}
          {t('txRecovery.resend')}
        </button>
        <Link to={`/activity/${tx.hash}/speed_up`} className="btn" data-testid="tx-speed-up">
          {t('txRecovery.speedUp')}
        </Link>
        <Link to={`/activity/${tx.hash}/cancel`} className="btn" data-testid="tx-cancel">
          {t('txRecovery.cancel')}
        </Link>
      </div>
    </div>
  );
}
