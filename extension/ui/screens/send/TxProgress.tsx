/**
 * Where a sent transaction is: sent to nodes → included in a block → verified (its inclusion and
 * receipt proved against PoS-finalized history) — or failed, with the reason in plain words.
 */
import type { ReactElement } from 'react';
import { Icon } from '../../components/icons.js';
import type { TxStatus } from '../../model/wallet.js';

type StepState = 'done' | 'current' | 'waiting' | 'failed';

export function TxProgress({ status, error, blockNumber, space }: { status: TxStatus; error?: string | undefined; blockNumber?: number | undefined; space: 'core' | 'espace' }): ReactElement {
  const failed = status === 'failed' || status === 'dropped';
  const reached = { pending: 1, included: 2, verified: 3, failed: 2, dropped: 1 }[status];
  const stateOf = (step: number): StepState => {
    if (failed && step === reached) return 'failed';
    if (step < reached || (step === reached && status === 'verified')) return 'done';
    if (step === reached) return 'done';
    if (step === reached + 1 && !failed) return 'current';
    return 'waiting';
  };
  const steps: { label: string; state: StepState }[] = [
    { label: 'Signed and sent to the network', state: stateOf(1) },
    {
      label: failed && reached === 2 ? `Included${blockNumber !== undefined ? ` in ${space === 'core' ? 'epoch' : 'block'} ${blockNumber.toLocaleString('en-US')}` : ''}, but it failed` : `Included${blockNumber !== undefined ? ` in ${space === 'core' ? 'epoch' : 'block'} ${blockNumber.toLocaleString('en-US')}` : ' in a block'}`,
      state: status === 'dropped' ? 'failed' : stateOf(2),
    },
    { label: 'Verified against finalized history', state: failed ? 'waiting' : stateOf(3) },
  ];
  return (
    <div className="stack" data-testid="tx-progress" data-status={status}>
      <ol className="steps" aria-label="Transaction progress">
        {steps.map((step) => (
          <li key={step.label} data-state={step.state}>
            {step.state === 'done' ? <Icon name="check" /> : step.state === 'current' ? <span className="spinner" aria-hidden="true" /> : step.state === 'failed' ? <Icon name="close" /> : <span className="step-dot" aria-hidden="true" />}
            <span>
              {step.label}
              <span className="visually-hidden">{{ done: ' (done)', current: ' (in progress)', waiting: ' (waiting)', failed: ' (failed)' }[step.state]}</span>
            </span>
          </li>
        ))}
      </ol>
      {failed && error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
