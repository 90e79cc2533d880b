/**
 * "What will be signed": every field of a {@link TransactionReview} as the background built,
 * validated and hashed it — the one drawing of a transaction shown before signing, used by the
 * approval page (a dApp's transaction and each call of a batch) and by the wallet's own reviews
 * (send, speed-up, cancel, revoke, each cross-space step). Nothing is recomputed here; base units
 * are only formatted.
 *
 * The screens differ in wording and in which fields they lead with, so `variant` picks: `approval`
 * (every signed field, prices in GDrip/Gwei, the approval page's labels), `call` (one call of a
 * batch: recipient, amount, nonce, gas, total, data, hash) or `send` (the wallet's review: every
 * signed field in base units, the send screens' labels).
 */
import { Fragment, type ReactElement } from 'react';
import type { Space } from '../../../core/space.js';
import type { TransactionReview as Review } from '../../shared/ui-api/review.js';
import { formatAmountExact } from '../../shared/units.js';
import { t } from '../i18n/i18n.js';
import { Fields, type FieldRow } from './Fields.js';

export type ReviewVariant = 'approval' | 'call' | 'send';

/** A signed field as text. */
type Row = FieldRow & { value: string; code: boolean };

const APPROVAL_TYPE = { 0: () => t('approval.typeLegacy'), 1: () => t('approval.typeAccessList'), 2: () => t('approval.typeDynamicFee') } as const;
const SEND_TYPE = { 0: () => t('send.field.typeLegacy'), 1: () => t('send.field.typeAccessList'), 2: () => t('send.field.typeDynamicFee') } as const;

/** A native amount in base units, exactly, with the currency symbol (`1.5 CFX`). */
export function nativeAmount(base: string, symbol: string): string {
  return `${formatAmountExact(BigInt(base), 18)} ${symbol}`;
}

/** A gas price in base units as GDrip (Core) or Gwei (eSpace), exactly. */
export function gasPriceText(space: Space, base: string | null): string | null {
  return base === null ? null : `${formatAmountExact(BigInt(base), 9)} ${space === 'core' ? 'GDrip' : 'Gwei'}`;
}

type Optional = Row | null;
const row = (label: string, value: string | null, code: boolean, testId?: string): Optional => (value === null ? null : { label, value, code, ...(testId ? { testId } : {}) });

function dataRow(review: Review, testId?: string): Optional {
  return row(t('approval.data', { count: review.dataBytes }), review.dataBytes === 0 ? t('approval.noData') : review.data, true, testId);
}

/** The rows each variant shows, in signing order. */
export function reviewRows(review: Review, variant: ReviewVariant, space: Space, native: string): Row[] {
  let rows: Optional[];
  if (variant === 'approval') {
    rows = [
      row(t('approval.type'), APPROVAL_TYPE[review.type](), false),
      row(t('approval.nonce'), review.nonce, false),
      row(t('approval.gasLimit'), review.gas, false, 'tx-gas'),
      row(t('approval.gasPrice'), gasPriceText(space, review.gasPrice), false),
      row(t('approval.maxFeePerGas'), gasPriceText(space, review.maxFeePerGas), false),
      row(t('approval.maxPriorityFeePerGas'), gasPriceText(space, review.maxPriorityFeePerGas), false),
      row(t('approval.storageLimit'), review.storageLimit, false),
      row(t('approval.epochHeight'), review.epochHeight, false),
      row(t('approval.valueBase'), review.value, true),
      dataRow(review, 'tx-data'),
      review.accessList.length === 0 ? null : row(t('approval.accessList'), review.accessList.map((e) => t('approval.accessEntry', { address: e.address, count: e.storageKeys.length })).join('; '), true),
      row(t('approval.signingHash'), review.signingHash, true),
    ];
  } else if (variant === 'call') {
    rows = [
      row(t('approval.to'), review.to ?? t('approval.newContract'), true),
      row(t('approval.amount'), nativeAmount(review.value, native), false),
      row(t('approval.nonce'), review.nonce, false),
      row(t('approval.gasLimit'), review.gas, false),
      row(t('approval.maxTotal'), nativeAmount(review.maxTotalNative, native), false),
      dataRow(review),
      row(t('approval.signingHash'), review.signingHash, true),
    ];
  } else {
    const drip = (v: string | null) => (v === null ? null : `${v} drip`);
    rows = [
      row(t('send.field.type'), SEND_TYPE[review.type](), false),
      row(t('send.field.chainId'), String(review.chainId), true),
      row(t('send.field.nonce'), review.nonce, true),
      row(t('send.field.gasLimit'), review.gas, true),
      row(t('send.field.gasPrice'), drip(review.gasPrice), true),
      row(t('send.field.maxFeePerGas'), drip(review.maxFeePerGas), true),
      row(t('send.field.maxPriorityFeePerGas'), drip(review.maxPriorityFeePerGas), true),
      row(t('send.field.storageLimit'), review.storageLimit === null ? null : t('send.field.bytes', { count: Number(review.storageLimit) }), true),
      row(t('send.field.epochHeight'), review.epochHeight, true),
      row(t('send.field.toSigned'), review.to, true),
      row(t('send.field.valueDrip'), review.value, true),
      row(t('send.field.data'), review.data, true),
      row(t('send.field.signingHash'), review.signingHash, true),
    ];
  }
  return rows.filter((r): r is Row => r !== null);
}

/**
 * The signed fields of `review`. The approval page lays them out as its field list (`fields`),
 * the wallet's reviews as a compact description list (`dl small`), each screen's own style.
 */
export function TransactionReview({ review, variant, space, native, label, testId }: { review: Review; variant: ReviewVariant; space: Space; native: string; label?: string; testId?: string }): ReactElement {
  const rows = reviewRows(review, variant, space, native);
  if (variant === 'send') {
    return (
      <dl className="dl small" data-testid={testId} aria-label={label}>
        {rows.map((r) => (
          <Fragment key={r.label}>
            <dt>{r.label}</dt>
            <dd>
              <span className={r.code ? 'mono break' : undefined}>{r.value}</span>
            </dd>
          </Fragment>
        ))}
      </dl>
    );
  }
  return <Fields label={label ?? t('approval.allFieldsLabel')} testId={testId} rows={rows} />;
}
