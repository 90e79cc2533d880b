/**
 * Step 2 of sending: everything that will be signed, field by field, as the background prepared
 * it — nothing the user sees here is recomputed by the UI. The fee and (on Core) the storage
 * collateral are shown as maximums, with the total that can leave the account.
 */
import type { ReactElement, ReactNode } from 'react';
import { AddressText } from '../../components/AddressText.js';
import { Notice } from '../../components/Notice.js';
import { formatAmountDisplay } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import type { JsonEffect } from '../../../../core/effects/json.js';
import { Effects, type TokenMetas } from '../../components/Effects.js';
import { SignActions } from '../../components/SignActions.js';
import { TransactionReview } from '../../components/TransactionReview.js';
import type { TransactionReview as TransactionReviewData } from '../../../shared/ui-api/review.js';
import type { Space } from '../../../../core/space.js';

/** A field the review leads with, beside the amount and addresses (a token's contract…). */
export interface ReviewField {
  label: string;
  value: string;
  mono?: boolean;
}

export interface SendReviewModel {
  networkName: string;
  spaceName: string;
  fromName: string;
  from: string;
  to: string;
  /** What the recipient gets. */
  amount: bigint;
  symbol: string;
  decimals: number;
  /** Native currency of the network (fees are paid in it). */
  nativeSymbol: string;
  maxFee: bigint;
  /** Core: storage collateral that may be locked (refunded when the storage is freed). */
  maxCollateral?: bigint | undefined;
  /** Native amount that may leave the account at most: value + fee + collateral. */
  maxTotalNative: bigint;
  fields: ReviewField[];
  /** Every field as it will be signed, folded under "exactly what will be signed". */
  transaction: TransactionReviewData;
  space: Space;
  warnings: string[];
  /** What the prepared transaction does (decoded by the background), and the token it names. */
  effects: JsonEffect[];
  tokens: TokenMetas;
}

function Row({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** `summary` replaces the "you are sending" headline, for a transaction that sends nothing (a revoke). */
export function SendReview({ model, onConfirm, onBack, busy, error, summary }: { model: SendReviewModel; onConfirm: () => void; onBack: () => void; busy: boolean; error: unknown; summary?: ReactNode }): ReactElement {
  const t = useT();
  const native = (v: bigint) => `${formatAmountDisplay(v, 18)} ${model.nativeSymbol}`;
  return (
    <div className="stack" data-testid="send-review">
      <div className="card stack">
        {summary ?? (
          <>
            <p className="center muted">{t('send.youAreSending')}</p>
            <p className="center amount amount-big" data-testid="review-amount">
              {formatAmountDisplay(model.amount, model.decimals)}
              <span className="amount-unit">{model.symbol}</span>
            </p>
          </>
        )}
        <dl className="dl">
          <Row label={t('send.from')}>
            {model.fromName}
            <br />
            <AddressText address={model.from} />
          </Row>
          <Row label={t('send.to')}>
            <span data-testid="review-to">
              <AddressText address={model.to} full />
            </span>
          </Row>
          <Row label={t('send.network')}>
            {t('common.pair', { first: model.networkName, second: model.spaceName })}
          </Row>
          <Row label={t('send.maxFee')}>{native(model.maxFee)}</Row>
          {model.maxCollateral !== undefined ? (
            <Row label={t('send.storageCollateral')}>
              {native(model.maxCollateral)}
              <br />
              <span className="small muted">{t('send.collateralExplained')}</span>
            </Row>
          ) : null}
          <Row label={t('send.totalAtMost')}>
            <strong data-testid="review-total">{native(model.maxTotalNative)}</strong>
            {model.symbol !== model.nativeSymbol ? <span className="small muted">{t('send.plusToken', { amount: formatAmountDisplay(model.amount, model.decimals), symbol: model.symbol })}</span> : null}
          </Row>
          {model.fields.map((f) => (
            <Row key={f.label} label={f.label}>
              <span className={f.mono ? 'mono break' : undefined}>{f.value}</span>
            </Row>
          ))}
        </dl>
        <Effects effects={model.effects} tokens={model.tokens} native={model.nativeSymbol} />
        <details>
          <summary>{t('send.exactlySigned')}</summary>
          <TransactionReview review={model.transaction} variant="send" space={model.space} native={model.nativeSymbol} testId="review-technical" />
        </details>
      </div>
      {model.warnings.length > 0 ? (
        <Notice tone="warn" title={t('send.acknowledged')}>
          <ul className="small">
            {model.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <SignActions error={error} busy={busy} onBack={onBack} onConfirm={onConfirm} />
    </div>
  );
}
