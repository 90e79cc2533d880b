/**
 * Where a sent transaction is: sent to nodes → included in a block → verified (its inclusion and
 * receipt proved against PoS-finalized history) — or where it stopped, and why, in plain words.
 */
import type { ReactElement } from 'react';
import { Icon } from '../../components/icons.js';
import type { TxStatus } from '../../model/wallet.js';

type StepState = 'done' | 'current' | 'waiting' | 'failed';

/** Per status: the state of [sent, included, verified] and the label of a failed step. */
const STEPS: Record<TxStatus, { states: [StepState, StepState, StepState]; failedLabel?: string }> = {
  pending: { states: ['done', 'current', 'waiting'] },
  included: { states: ['done', 'done', 'current'] },
  verified: { states: ['done', 'done', 'done'] },
  failed: { states: ['done', 'done', 'failed'], failedLabel: 'Verified: the transaction failed when it ran' },
  stuck: { states: ['done', 'failed', 'waiting'], failedLabel: 'No node knows it any more — it may have been dropped or censored' },
  replaced: { states: ['done', 'failed', 'waiting'], failedLabel: 'Replaced by another transaction with the same nonce' },
  rejected: { states: ['failed', 'waiting', 'waiting'], failedLabel: 'Every node refused it' },
};

export function TxProgress({ status, error, blockNumber, space }: { status: TxStatus; error?: string | undefined; blockNumber?: number | undefined; space: 'core' | 'espace' }): ReactElement {
  const { states, failedLabel } = STEPS[status];
  const where = blockNumber !== undefined ? ` in ${space === 'core' ? 'epoch' : 'block'} ${blockNumber.toLocaleString('en-US')}` : ' in a block';
  const labels = ['Signed and sent to the network', `Included${where}`, 'Verified against finalized history'];
  return (
    <div className="stack" data-testid="tx-progress" data-status={status}>
      <ol className="steps" aria-label="Transaction progress">
        {states.map((state, i) => (
          <li key={i} data-state={state}>
            {state === 'done' ? <Icon name="check" /> : state === 'current' ? <span className="spinner" aria-hidden="true" /> : state === 'failed' ? <Icon name="close" /> : <span className="step-dot" aria-hidden="true" />}
            <span>
              {state === 'failed' && failedLabel ? failedLabel : labels[i]}
              <span className="visually-hidden">{{ done: ' (done)', current: ' (in progress)', waiting: ' (waiting)', failed: ' (stopped)' }[state]}</span>
            </span>
          </li>
        ))}
      </ol>
      {error ? <p className={states.includes('failed') ? 'field-error' : 'small muted'}>{error}</p> : null}
    </div>
  );
}
