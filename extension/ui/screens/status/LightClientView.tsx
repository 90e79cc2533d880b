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
import { timeAgo } from '../../format/time.js';
import type { LightClientStatus } from '../../model/wallet.js';

const n = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('en-US'));

const CHECKPOINT_TEXT: Record<LightClientStatus['checkpoint'], { title: string; detail: string }> = {
  shipped: { title: 'Built into Wayfarer', detail: 'Verification starts from a PoS committee shipped with this version, not from anything a node says.' },
  tofu: { title: 'Taken from the nodes on first use', detail: 'This network has no checkpoint in Wayfarer, so the first one came from your nodes; everything after it is verified.' },
  none: { title: 'None', detail: 'Nothing can be verified on this network: values are at best cross-checked between nodes.' },
};

const STATE_TEXT: Record<LightClientStatus['state'], { title: string; tone: 'info' | 'warn' | 'danger' }> = {
  synced: { title: 'Up to date: new values are verified against finalized history.', tone: 'info' },
  syncing: { title: 'Catching up: verifying the chain’s history since the last visit.', tone: 'info' },
  stalled: { title: 'Stalled: no node has given verifiable new data for a while.', tone: 'warn' },
  error: { title: 'Verification is failing.', tone: 'danger' },
};

export function LightClientView({ status, lastKnownAt, now }: { status: LightClientStatus; lastKnownAt?: number | undefined; now: number }): ReactElement {
  const lag = status.networkEpoch !== undefined && status.verifiedEpoch !== undefined ? Math.max(0, status.networkEpoch - status.verifiedEpoch) : undefined;
  const state = STATE_TEXT[status.state];
  return (
    <div className="stack" data-testid="lightclient-status" data-state={status.state}>
      <Notice tone={state.tone} title={state.title}>
        {status.stateDetail ? <p>{status.stateDetail}</p> : null}
        {lastKnownAt !== undefined ? <LastKnown at={lastKnownAt} /> : null}
      </Notice>
      {status.sync ? (
        <div className="card stack" data-testid="lc-sync">
          <label htmlFor="lc-progress" className="label">
            {status.sync.label}: {status.sync.total !== undefined ? `${n(status.sync.done)} of ${n(status.sync.total)}` : `at ${n(status.sync.done)}`}
          </label>
          {status.sync.total !== undefined ? <progress id="lc-progress" className="progress" max={Math.max(1, status.sync.total)} value={Math.min(status.sync.done, status.sync.total)} /> : <progress id="lc-progress" className="progress" />}
        </div>
      ) : null}
      <div className="card">
        <dl className="dl">
          <dt>Checkpoint</dt>
          <dd data-testid="lc-checkpoint">
            {CHECKPOINT_TEXT[status.checkpoint].title}
            <br />
            <span className="small muted">{CHECKPOINT_TEXT[status.checkpoint].detail}</span>
          </dd>
          <dt>Verified committee</dt>
          <dd>PoS epoch {n(status.committeeEpoch)}</dd>
          <dt>Finalized PoS epoch</dt>
          <dd data-testid="lc-pos-epoch">
            <span data-volatile>{n(status.finalizedPosEpoch)}</span>
          </dd>
          <dt>Verified up to</dt>
          <dd data-testid="lc-verified-epoch">
            epoch <span data-volatile>{n(status.verifiedEpoch)}</span>
            {status.lastVerifiedAt !== undefined ? (
              <span className="small muted">
                {' · '}
                <span data-volatile>{timeAgo(status.lastVerifiedAt, now)}</span>
              </span>
            ) : null}
          </dd>
          {status.networkEpoch !== undefined ? (
            <>
              <dt>Network head</dt>
              <dd>
                epoch <span data-volatile>{n(status.networkEpoch)}</span> <span className="small muted">(as the nodes report it, not verified)</span>
              </dd>
            </>
          ) : null}
          <dt>Behind by</dt>
          <dd data-testid="lc-lag">
            {lag !== undefined ? (
              <>
                <span data-volatile>{n(lag)}</span> epochs
              </>
            ) : status.lastVerifiedAt !== undefined ? (
              <>
                last finalized block verified <span data-volatile>{timeAgo(status.lastVerifiedAt, now)}</span>
              </>
            ) : (
              '—'
            )}
            <br />
            <span className="small muted">Finality takes a few minutes on Conflux, so the newest blocks are always a little ahead of what is verified.</span>
          </dd>
        </dl>
      </div>
      <section className="stack" aria-labelledby="lc-failures">
        <h2 id="lc-failures">Recent verification failures</h2>
        {status.failures.length === 0 ? (
          <EmptyState title="None">Every piece of data checked so far was consistent.</EmptyState>
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
        <h2 id="lc-banned">Banned nodes</h2>
        {status.bannedNodes.length === 0 ? (
          <EmptyState title="None">No node has been caught serving bad data.</EmptyState>
        ) : (
          <ul className="list">
            {status.bannedNodes.map((node) => (
              <li key={node.id} className="list-item">
                <span className="grow">
                  <span className="primary mono break">{node.url}</span>
                  <br />
                  <span className="secondary">
                    {node.problem ?? 'Banned'}
                    {node.bannedUntil !== undefined ? (
                      <>
                        {' · until '}
                        <DateTime at={node.bannedUntil} />
                      </>
                    ) : null}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
