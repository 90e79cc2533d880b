/**
 * What the light client knows and how it got there: the checkpoint it started from, the latest
 * PoS-finalized epoch it verified, how far the nodes are ahead of it, catch-up progress, and the
 * recent verification failures and banned nodes — the evidence behind every "verified" badge.
 */
import type { ReactElement } from 'react';
import { EmptyState } from '../../components/AsyncState.js';
import { DateTime } from '../../components/DateTime.js';
import { LastKnown } from '../../components/LastKnown.js';
import { Notice } from '../../components/Notice.js';
import { StaleFinality, SyncProgressBar } from '../../components/SyncNotice.js';
import { timeAgo } from '../../format/time.js';
import type { LightClientStatus, NodeItem } from '../../model/wallet.js';
import { Trans } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { t as translate, useT } from '../../i18n/i18n.js';

const n = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value));

const CHECKPOINT_TEXT: Record<LightClientStatus['checkpoint'], { title: () => string; detail: () => string }> = {
  shipped: { title: () => translate('status.checkpointShipped'), detail: () => translate('status.checkpointShippedDetail') },
  tofu: { title: () => translate('status.checkpointTofu'), detail: () => translate('status.checkpointTofuDetail') },
  none: { title: () => translate('status.checkpointNone'), detail: () => translate('status.checkpointNoneDetail') },
};

const STATE_TEXT: Record<LightClientStatus['state'], { title: () => string; tone: 'info' | 'warn' | 'danger' }> = {
  synced: { title: () => translate('status.synced'), tone: 'info' },
  syncing: { title: () => translate('status.syncing'), tone: 'info' },
  stalled: { title: () => translate('status.stalled'), tone: 'warn' },
  paused: { title: () => translate('finality.paused'), tone: 'info' },
  unanswered: { title: () => translate('finality.unanswered'), tone: 'warn' },
  error: { title: () => translate('status.error'), tone: 'danger' },
};

export function LightClientView({ status, lastKnownAt, now }: { status: LightClientStatus; lastKnownAt?: number | undefined; now: number }): ReactElement {
  const lag = status.networkEpoch !== undefined && status.verifiedEpoch !== undefined ? Math.max(0, status.networkEpoch - status.verifiedEpoch) : undefined;
  const state = STATE_TEXT[status.state];
  const t = useT();
  const v = { v: <span data-volatile /> };
  return (
    <div className="stack" data-testid="lightclient-status" data-state={status.state}>
      <Notice tone={state.tone} title={state.title()}>
        {status.stateDetail ? <p>{status.stateDetail}</p> : null}
        {lastKnownAt !== undefined ? <LastKnown at={lastKnownAt} /> : null}
      </Notice>
      {status.sync ? (
        <div className="card" data-testid="lc-sync">
          <SyncProgressBar sync={status.sync} id="lc-progress" />
        </div>
      ) : null}
      {status.stale && status.finalizedAt !== undefined ? <StaleFinality finalizedAt={status.finalizedAt} now={now} detail /> : null}
      <div className="card">
        <dl className="dl">
          <dt>{t('status.checkpoint')}</dt>
          <dd data-testid="lc-checkpoint">
            {CHECKPOINT_TEXT[status.checkpoint].title()}
            <br />
            <span className="small muted">{CHECKPOINT_TEXT[status.checkpoint].detail()}</span>
          </dd>
          <dt>{t('status.committee')}</dt>
          <dd>{t('status.committeeEpoch', { epoch: n(status.committeeEpoch) })}</dd>
          <dt>{t('status.finalizedPos')}</dt>
          <dd data-testid="lc-pos-epoch">
            <span data-volatile>{n(status.finalizedPosEpoch)}</span>
          </dd>
          <dt>{t('status.verifiedUpTo')}</dt>
          <dd data-testid="lc-verified-epoch">
            <Trans i18nKey="status.epoch" values={{ epoch: n(status.verifiedEpoch) }} components={v} />
            {status.finalizedAt !== undefined ? (
              <span className="small muted" data-testid="lc-finalized-at">
                {' · '}
                <Trans i18nKey="finality.finalizedAt" values={{ time: timeAgo(status.finalizedAt, now) }} components={v} />
              </span>
            ) : null}
            {status.lastCheckedAt !== undefined ? (
              <>
                <br />
                <span className="small muted">
                  <Trans i18nKey="finality.checkedAt" values={{ time: timeAgo(status.lastCheckedAt, now) }} components={v} />
                </span>
              </>
            ) : null}
          </dd>
          {status.finality !== undefined ? (
            <>
              <dt>{t('finality.how')}</dt>
              <dd data-testid="lc-finality" data-finality={status.finality}>
                {status.finality === 'sequential' ? t('finality.sequential') : t('finality.skipped')}
                {status.confirming ? (
                  <>
                    <br />
                    <span className="small muted">{t('finality.confirming', { done: n(status.confirming.done), total: n(status.confirming.total) })}</span>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          {status.networkEpoch !== undefined ? (
            <>
              <dt>{t('status.networkHead')}</dt>
              <dd>
                <Trans i18nKey="status.epoch" values={{ epoch: n(status.networkEpoch) }} components={v} /> <span className="small muted">{t('status.networkHeadNote')}</span>
              </dd>
            </>
          ) : null}
          <dt>{t('status.behindBy')}</dt>
          <dd data-testid="lc-lag">
            {lag !== undefined ? (
              <Trans i18nKey="status.lagEpochs" count={lag} values={{ n: n(lag) }} components={v} />
            ) : status.finalizedAt !== undefined ? (
              <Trans i18nKey="finality.finalizedAt" values={{ time: timeAgo(status.finalizedAt, now) }} components={v} />
            ) : (
              '—'
            )}
            <br />
            <span className="small muted">{t('status.finalityNote')}</span>
          </dd>
        </dl>
      </div>
      {status.withholding.length > 0 ? (
        <section className="stack" aria-labelledby="lc-withholding" data-testid="lc-withholding">
          <h2 id="lc-withholding">{t('finality.withholding')}</h2>
          <p className="small muted">{t('finality.withholdingNote')}</p>
          <ul className="list">
            {status.withholding.map((node) => (
              <li key={node} className="list-item">
                <span className="primary mono break">{node}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="stack" aria-labelledby="lc-failures">
        <h2 id="lc-failures">{t('status.failures')}</h2>
        {status.failures.length === 0 ? (
          <EmptyState title={t('common.none')}>{t('status.noFailures')}</EmptyState>
        ) : (
          <ul className="list">
            {status.failures.map((f, i) => (
              <li key={`${f.at}-${i}`} className="list-item">
                <span className="grow">
                  <span className="primary">{f.what}</span>
                  <br />
                  <span className="secondary">
                    {f.node} · <DateTime at={f.at} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack" aria-labelledby="lc-banned">
        <h2 id="lc-banned">{t('status.banned')}</h2>
        {status.bannedNodes.length === 0 ? (
          <EmptyState title={t('common.none')}>{t('status.noBans')}</EmptyState>
        ) : (
          <NodeProblemList nodes={status.bannedNodes} fallback={t('status.bannedDefault')} untilLabel={t('status.until')} />
        )}
      </section>
      {status.setAsideNodes.length > 0 ? (
        <section className="stack" aria-labelledby="lc-set-aside">
          <h2 id="lc-set-aside">{t('nodeState.setAsideTitle')}</h2>
          <NodeProblemList nodes={status.setAsideNodes} untilLabel={t('nodeState.retryAfter')} testId="set-aside-nodes" />
        </section>
      ) : null}
    </div>
  );
}

/** Nodes with what is wrong with each and until when (banned, or set aside as unreachable). */
function NodeProblemList({ nodes, fallback, untilLabel, testId }: { nodes: readonly NodeItem[]; fallback?: string; untilLabel: string; testId?: string }): ReactElement {
  return (
    <ul className="list" data-testid={testId}>
      {nodes.map((node) => (
        <li key={node.id} className="list-item">
          <span className="grow">
            <span className="primary mono break">{node.url}</span>
            <br />
            <span className="secondary">
              {node.problem ?? fallback}
              {node.bannedUntil !== undefined ? (
                <>
                  {untilLabel}
                  <DateTime at={node.bannedUntil} />
                </>
              ) : null}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
