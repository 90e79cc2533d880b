/**
 * The light client's catch-up and finality as the first screens show them: a progress bar while a
 * sync verifies epochs ("Verifying the chain: 1,200 of 2,000 epochs"), a note when a catch-up was
 * interrupted (it resumes, it is not an error), a note when no node answered (a poor link), and a warning when the newest finalized block is
 * old, so values read at it are never taken for current ones.
 */
import type { ReactElement } from 'react';
import { Trans } from 'react-i18next';
import { timeAgo } from '../format/time.js';
import { formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import type { SyncProgressItem, SyncSummary } from '../model/wallet.js';
import { Notice } from './Notice.js';

export function SyncProgressBar({ sync, id }: { sync: SyncProgressItem; id: string }): ReactElement {
  const t = useT();
  return (
    <div className="stack" data-testid="sync-progress">
      <label htmlFor={id} className="label">
        {sync.total !== undefined ? t('finality.progressOf', { label: sync.label, done: formatNumber(sync.done), total: formatNumber(sync.total) }) : t('finality.progressAt', { label: sync.label })}
      </label>
      {sync.total !== undefined ? <progress id={id} className="progress" max={Math.max(1, sync.total)} value={Math.min(sync.done, sync.total)} /> : <progress id={id} className="progress" />}
    </div>
  );
}

/** The stale-finality warning (`detail`: also say why it may happen and what to do). */
export function StaleFinality({ finalizedAt, now, detail = false }: { finalizedAt: number; now: number; detail?: boolean }): ReactElement {
  const t = useT();
  return (
    <div data-testid="stale-finality">
      <Notice tone="warn" title={t('finality.staleTitle')} live>
        <p>
          <Trans i18nKey="finality.stale" values={{ time: timeAgo(finalizedAt, now) }} components={{ v: <span data-volatile /> }} />
        </p>
        {detail ? <p className="small">{t('finality.staleDetail')}</p> : null}
      </Notice>
    </div>
  );
}

/** Home's line about verification: progress, an interrupted catch-up, a failure, or stale finality; nothing when all is well. */
export function SyncBanner({ summary, now }: { summary: SyncSummary; now: number }): ReactElement | null {
  const t = useT();
  if (summary.state === 'syncing' && summary.sync) {
    return (
      <div className="card" data-testid="sync-banner" data-state="syncing">
        <SyncProgressBar sync={summary.sync} id="home-sync-progress" />
      </div>
    );
  }
  if (summary.state === 'paused') {
    return (
      <div data-testid="sync-banner" data-state="paused">
        <Notice tone="info">{t('finality.paused')}</Notice>
      </div>
    );
  }
  if (summary.state === 'unanswered') {
    return (
      <div data-testid="sync-banner" data-state="unanswered">
        <Notice tone="warn">{t('finality.unanswered')}</Notice>
      </div>
    );
  }
  if (summary.state === 'error') {
    return (
      <div data-testid="sync-banner" data-state="error">
        <Notice tone="danger" title={t('status.error')}>
          {summary.stateDetail ? <p>{summary.stateDetail}</p> : null}
        </Notice>
      </div>
    );
  }
  if (summary.stale && summary.finalizedAt !== undefined) return <StaleFinality finalizedAt={summary.finalizedAt} now={now} />;
  return null;
}
