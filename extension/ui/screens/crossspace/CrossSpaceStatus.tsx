/**
 * One cross-space transfer as one thing: its state in plain words, each transaction it took (with
 * its own progress and a link to its details), what arrived where according to the proved
 * receipts, the fees each space paid, and the trust of the receipts behind it. Polls the
 * background, which proves receipts as they become final and sends an eSpace → Core transfer's
 * withdrawal once its funding is proved.
 */
import type { ReactElement } from 'react';
import type { CrossSpaceTransferView } from '../../../shared/ui-api/crossspace.js';
import { crossSpaceApi } from '../../api/ecosystem.js';
import { useAsync } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { AddressText } from '../../components/AddressText.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { formatAmountDisplay } from '../../i18n/format.js';
import { t as translate, useT } from '../../i18n/i18n.js';
import { stepName } from './CrossSpaceReview.js';

const cfx = (drip: string) => `${formatAmountDisplay(BigInt(drip), 18)} CFX`;

export function stateText(state: string): string {
  switch (state) {
    case 'completed':
      return translate('crossspace.state.completed');
    case 'awaiting_withdraw':
      return translate('crossspace.state.awaiting_withdraw');
    case 'failed':
      return translate('crossspace.state.failed');
    case 'needs_attention':
      return translate('crossspace.state.needs_attention');
    case 'not_started':
      return translate('crossspace.state.not_started');
    default:
      return translate('crossspace.state.in_progress');
  }
}

function stepStateText(state: string): string {
  switch (state) {
    case 'succeeded':
      return translate('crossspace.stepState.succeeded');
    case 'failed':
      return translate('crossspace.stepState.failed');
    case 'not_sent':
      return translate('crossspace.stepState.not_sent');
    case 'rejected':
      return translate('crossspace.stepState.rejected');
    case 'replaced':
      return translate('crossspace.stepState.replaced');
    case 'possibly_censored':
      return translate('crossspace.stepState.possibly_censored');
    default:
      return translate('crossspace.stepState.pending');
  }
}

export function CrossSpaceStatus({ id }: { id: string }): ReactElement {
  const t = useT();
  const transfer = useAsync(() => crossSpaceApi.transfer(id), `crossspace:${id}`, { pollMs: 3000, refreshOn: ['chain.transactionChanged'] });
  return (
    <div className="stack">
      <ScreenHeader title={t('crossspace.statusTitle')} back="/activity" />
      {transfer.data ? <TransferCard transfer={transfer.data} /> : transfer.error ? <ErrorState error={transfer.error} onRetry={transfer.refresh} /> : <Loading />}
    </div>
  );
}

function TransferCard({ transfer }: { transfer: CrossSpaceTransferView }): ReactElement {
  const t = useT();
  const done = transfer.state === 'completed';
  const bad = transfer.state === 'failed' || transfer.state === 'needs_attention';
  return (
    <div className="stack" data-testid="crossspace-status" data-state={transfer.state}>
      <Notice tone={bad ? 'danger' : done ? 'info' : 'info'} title={stateText(transfer.state)}>
        <p className="amount">
          {formatAmountDisplay(BigInt(transfer.amount), 18)}
          <span className="amount-unit">CFX</span>
        </p>
        <p className="small">{transfer.kind === 'core_to_espace' ? t('crossspace.movingToEspace') : t('crossspace.movingToCore')}</p>
      </Notice>
      {transfer.waiting === 'locked' ? <Notice tone="warn" title={t('crossspace.unlockToFinish')} /> : null}
      <div className="card stack">
        <div className="row-between wrap">
          <strong>{t('crossspace.receipts')}</strong>
          {transfer.trust ? <TrustBadge trust={{ level: transfer.trust }} subject={t('trust.subject.transaction')} /> : null}
        </div>
        <dl className="dl">
          {transfer.from ? (
            <>
              <dt>{t('send.from')}</dt>
              <dd>
                <AddressText address={transfer.from} full />
              </dd>
            </>
          ) : null}
          <dt>{t('send.to')}</dt>
          <dd>
            <AddressText address={transfer.to} full />
          </dd>
          {transfer.mapped ? (
            <>
              <dt>{t('crossspace.mappedAddress')}</dt>
              <dd>
                <AddressText address={transfer.mapped.address} full />
              </dd>
            </>
          ) : null}
          <dt>{t('crossspace.arrived')}</dt>
          <dd data-testid="crossspace-credited">
            {transfer.credited ? t('crossspace.creditedIn', { amount: cfx(transfer.credited.amount), space: transfer.credited.space === 'core' ? t('common.coreSpace') : t('common.eSpace') }) : t('crossspace.notYet')}
          </dd>
          <dt>{t('crossspace.feesPaid')}</dt>
          <dd data-testid="crossspace-fees">{t('crossspace.feesBoth', { core: cfx(transfer.fees.core), espace: cfx(transfer.fees.espace) })}</dd>
        </dl>
      </div>
      <ol className="list" data-testid="crossspace-steps">
        {transfer.steps.map((step) => (
          <li key={step.step} className="list-item" data-step={step.step} data-state={step.state}>
            <span className="grow">
              <span className="primary">{stepName(step.step)}</span>
              <br />
              <span className="secondary">
                {step.space === 'core' ? t('common.coreSpace') : t('common.eSpace')} · {stepStateText(step.state)}
                {step.problems.length > 0 ? ` · ${t('crossspace.problem')}` : ''}
              </span>
              {step.hash ? (
                <>
                  <br />
                  <Link to={`/activity/${step.hash}`} className="small mono break" data-volatile>
                    {step.hash}
                  </Link>
                </>
              ) : null}
            </span>
            {step.trust ? <TrustBadge trust={{ level: step.trust }} subject={t('trust.subject.transaction')} /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
