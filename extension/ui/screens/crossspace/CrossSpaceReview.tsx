/**
 * The review of a cross-space transfer: what moves from where to where, the mapped address and why
 * it is there, each transaction the transfer takes with its fee (every signed field folded under
 * "exactly what will be signed"), and the most CFX each space can lose. All of it as the background
 * prepared it.
 */
import type { ReactElement, ReactNode } from 'react';
import type { PreparedCrossSpaceView } from '../../../shared/ui-api/crossspace.js';
import { TransactionReview } from '../../components/TransactionReview.js';
import { AddressText } from '../../components/AddressText.js';
import { Notice } from '../../components/Notice.js';
import { formatAmountDisplay } from '../../i18n/format.js';
import { useT, t as translate } from '../../i18n/i18n.js';
import { SignActions } from '../../components/SignActions.js';

function Row({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const cfx = (drip: string | bigint) => `${formatAmountDisplay(BigInt(drip), 18)} CFX`;

/** The catalog's sentence for a plan note (core/crossspace PlanNote codes). */
export function noteText(code: string, params: Record<string, string>): string | undefined {
  switch (code) {
    case 'mapped_address':
      return translate('crossspace.notes.mapped_address', { address: params.mappedAddress ?? '' });
    case 'two_steps':
      return translate('crossspace.notes.two_steps');
    case 'core_pays_withdraw_gas':
      return translate('crossspace.notes.core_pays_withdraw_gas');
    case 'recipient_unknown':
      return undefined;
    case 'recipient_is_contract':
      return translate('crossspace.notes.recipient_is_contract');
    case 'recipient_is_mapped_address':
      return translate('crossspace.notes.recipient_is_mapped_address');
    case 'same_account_key_differs':
      return translate('crossspace.notes.same_account_key_differs');
    default:
      return undefined;
  }
}

export function stepName(step: string): string {
  return step === 'transfer_evm' ? translate('crossspace.step.transfer_evm') : step === 'fund_mapped' ? translate('crossspace.step.fund_mapped') : translate('crossspace.step.withdraw_from_mapped');
}

export function CrossSpaceReview({ prepared, onConfirm, onBack, busy, error }: { prepared: PreparedCrossSpaceView; onConfirm: () => void; onBack: () => void; busy: boolean; error: unknown }): ReactElement {
  const t = useT();
  const notes = prepared.notes.map((n) => noteText(n.code, n.params)).filter((n): n is string => n !== undefined);
  const toEspace = prepared.kind === 'core_to_espace';
  return (
    <div className="stack" data-testid="crossspace-review">
      <div className="card stack">
        <p className="center muted">{toEspace ? t('crossspace.movingToEspace') : t('crossspace.movingToCore')}</p>
        <p className="center amount amount-big" data-testid="review-amount">
          {formatAmountDisplay(BigInt(prepared.amount), 18)}
          <span className="amount-unit">CFX</span>
        </p>
        <dl className="dl">
          <Row label={toEspace ? t('crossspace.fromCore') : t('crossspace.fromEspace')}>
            <AddressText address={prepared.from} full />
          </Row>
          <Row label={toEspace ? t('crossspace.toEspaceAddress') : t('crossspace.toCoreAddress')}>
            <span data-testid="review-to">
              <AddressText address={prepared.to} full />
            </span>
          </Row>
          {prepared.mapped ? (
            <Row label={t('crossspace.mappedAddress')}>
              <span data-testid="review-mapped">
                <AddressText address={prepared.mapped.address} full />
              </span>
              <br />
              <span className="small muted">{t('crossspace.mappedExplained')}</span>
            </Row>
          ) : null}
          <Row label={t('crossspace.totalCore')}>
            <strong data-testid="review-total-core">{cfx(prepared.maxTotal.core)}</strong>
          </Row>
          {BigInt(prepared.maxTotal.espace) > 0n ? (
            <Row label={t('crossspace.totalEspace')}>
              <strong data-testid="review-total-espace">{cfx(prepared.maxTotal.espace)}</strong>
            </Row>
          ) : null}
        </dl>
      </div>
      <ol className="stack card-list" data-testid="review-steps">
        {prepared.steps.map((step, i) => (
          <li key={step.step} className="card stack">
            <strong>{t('crossspace.stepOf', { n: i + 1, total: prepared.steps.length, name: stepName(step.step) })}</strong>
            <dl className="dl small">
              <Row label={t('send.network')}>{step.space === 'core' ? t('common.coreSpace') : t('common.eSpace')}</Row>
              <Row label={t('send.maxFee')}>{cfx(step.transaction.maxFee)}</Row>
            </dl>
            {step.later ? <p className="small muted">{t('crossspace.signedLater')}</p> : null}
            <details>
              <summary>{t('send.exactlySigned')}</summary>
              <TransactionReview review={step.transaction} variant="send" space={step.space} native="CFX" testId={`review-technical-${step.step}`} />
            </details>
          </li>
        ))}
      </ol>
      {notes.length > 0 ? (
        <Notice tone="info" title={t('crossspace.howItWorks')}>
          <ul className="stack small">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <SignActions error={error} busy={busy} onBack={onBack} onConfirm={onConfirm} />
    </div>
  );
}
