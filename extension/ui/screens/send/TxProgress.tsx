/**
 * Where a sent transaction is: sent to nodes → included in a block → verified (its inclusion and
 * receipt proved against PoS-finalized history) — or where it stopped, and why, in plain words.
 */
import type { ReactElement } from 'react';
import type { Space } from '../../../../core/space.js';
import { Icon } from '../../components/icons.js';
import type { TxStatus } from '../../model/wallet.js';
import { t as translate, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../../i18n/format.js';

type StepState = 'done' | 'current' | 'waiting' | 'failed';

/** Per status: the state of [sent, included, verified] and the label of a failed step. */
const STEPS: Record<TxStatus, { states: [StepState, StepState, StepState]; failedLabel?: () => string }> = {
  pending: { states: ['done', 'current', 'waiting'] },
  included: { states: ['done', 'done', 'current'] },
  verified: { states: ['done', 'done', 'done'] },
  failed: { states: ['done', 'done', 'failed'], failedLabel: () => translate('tx.failedRan') },
  stuck: { states: ['done', 'failed', 'waiting'], failedLabel: () => translate('tx.failedStuck') },
  replaced: { states: ['done', 'failed', 'waiting'], failedLabel: () => translate('tx.failedReplaced') },
  rejected: { states: ['failed', 'waiting', 'waiting'], failedLabel: () => translate('tx.failedRejected') },
};

/**
 * `acceptedBy`: how many nodes took the transaction when it was sent. While it is in no block, the
 * steps say so and how many nodes accepted it, instead of a bare "sent ✓" (a node can accept a
 * transaction and never relay it).
 */
export function TxProgress({ status, error, blockNumber, space, acceptedBy }: { status: TxStatus; error?: string | undefined; blockNumber?: number | undefined; space: Space; acceptedBy?: number | undefined }): ReactElement {
  const { states, failedLabel } = STEPS[status];
  const t = useT();
  const notInBlock = (status === 'pending' || status === 'stuck') && blockNumber === undefined;
  const included = notInBlock && status === 'pending' ? t('tx.stepNotInBlock') : blockNumber === undefined ? t('tx.stepIncluded') : space === 'core' ? t('tx.stepIncludedEpoch', { number: formatNumber(blockNumber) }) : t('tx.stepIncludedBlock', { number: formatNumber(blockNumber) });
  const sent = acceptedBy !== undefined && acceptedBy > 0 ? t('tx.stepAccepted', { count: acceptedBy }) : t('tx.stepSent');
  const labels = [sent, included, t('tx.stepVerified')];
  const stateText = { done: t('tx.stateDone'), current: t('tx.stateCurrent'), waiting: t('tx.stateWaiting'), failed: t('tx.stateFailed') };
  return (
    <div className="stack" data-testid="tx-progress" data-status={status}>
      <ol className="steps" aria-label={t('tx.progress')}>
        {states.map((state, i) => (
          <li key={i} data-state={state}>
            {state === 'done' ? <Icon name="check" /> : state === 'current' ? <span className="spinner" aria-hidden="true" /> : state === 'failed' ? <Icon name="close" /> : <span className="step-dot" aria-hidden="true" />}
            <span>
              {state === 'failed' && failedLabel ? failedLabel() : labels[i]}
              <span className="visually-hidden">{stateText[state]}</span>
            </span>
          </li>
        ))}
      </ol>
      {error ? <p className={states.includes('failed') ? 'field-error' : 'small muted'}>{error}</p> : null}
    </div>
  );
}
