/**
 * A transaction exactly as it will be signed: the background built it, validated it with core/tx
 * and decoded every field; this screen only lays them out. Totals are upper bounds (gas limit ×
 * price cap, plus the storage collateral on Core).
 */
import { useId, useState } from 'react';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { Actions } from './Actions.js';
import { Fields } from '../components/Fields.js';
import { Effects, type CapEditor } from '../components/Effects.js';
import { Notice } from '../components/Notice.js';
import { useTokenMeta } from './use-token-meta.js';
import { nativeAmount, TransactionReview } from '../components/TransactionReview.js';
import type { Space } from '../../../core/space.js';
import { contactFor, useContacts } from '../api/ecosystem.js';
import { t as translate, useT } from '../i18n/i18n.js';

type Detail = Extract<ApprovalDetail, { kind: 'transaction' }>;

function action(tx: Detail['tx']): string {
  if (tx.to === null) return translate('approval.txCreate');
  if (tx.dataBytes === 0) return tx.toKind === 'contract' ? translate('approval.txSendContract') : translate('approval.txSend');
  return tx.selector ? translate('approval.txCallFunction', { selector: tx.selector }) : translate('approval.txCall');
}

const TO_KIND: Record<'contract' | 'builtin' | 'null', () => string> = {
  contract: () => translate('approval.kindContract'),
  builtin: () => translate('approval.kindBuiltin'),
  null: () => translate('approval.kindNull'),
};

/** The nodes could not estimate the transaction: their reason, and the gas limit to edit. */
function EstimateFailure({ reason, gas, setGas }: { reason: string; gas: string; setGas: (gas: bigint) => Promise<void> }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(gas);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setProblem(null);
    if (!/^[1-9][0-9]{0,19}$/.test(text.trim())) {
      setProblem(t('safety.estimate.invalid'));
      return;
    }
    try {
      await setGas(BigInt(text.trim()));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : t('safety.estimate.invalid'));
    }
  };
  return (
    <div data-testid="estimate-failure">
      <Notice tone="warn" title={t('safety.estimate.title')}>
        <p>{t('safety.estimate.body', { gas })}</p>
        <pre className="message" data-testid="estimate-reason">
          {reason}
        </pre>
        <label htmlFor={`${id}-gas`}>{t('safety.estimate.gasLabel')}</label>
        <div className="effect-cap-row">
          <input id={`${id}-gas`} data-testid="gas-input" inputMode="numeric" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="button" className="secondary" data-testid="gas-set" disabled={text.trim() === gas} onClick={() => void submit()}>
            {t('safety.estimate.set')}
          </button>
        </div>
        {problem !== null ? (
          <p className="error" role="alert">
            {problem}
          </p>
        ) : null}
      </Notice>
    </div>
  );
}

export function TransactionRequest({ detail, space, busy, decide, native, cap, setGas }: { detail: Detail; space: Space; busy: boolean; decide: (approve: boolean) => void; native: string; cap: CapEditor; setGas: (gas: bigint) => Promise<void> }) {
  const { tx } = detail;
  const id = useId();
  const t = useT();
  const tokens = useTokenMeta(detail.effects);
  const contact = contactFor(useContacts().data, tx.to);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{action(tx)}</h2>
      {detail.estimateFailure !== null ? <EstimateFailure key={tx.gas} reason={detail.estimateFailure.reason} gas={tx.gas} setGas={setGas} /> : null}
      <Effects effects={detail.effects} tokens={tokens} native={native} cap={cap} />
      <Fields
        label={t('approval.transaction')}
        rows={[
          { label: t('approval.from'), value: t('approval.fromValue', { name: detail.account.name || t('common.account'), address: tx.from }), code: true },
          { label: t('approval.to'), value: tx.to === null ? t('approval.newContract') : tx.toKind && tx.toKind !== 'user' ? t('approval.toKind', { address: tx.to, kind: TO_KIND[tx.toKind]() }) : tx.to, code: tx.to !== null, testId: 'tx-to' },
          contact ? { label: t('contacts.title'), value: t('contacts.onApproval', { label: contact.label }), testId: 'tx-to-contact' } : null,
          { label: t('approval.amount'), value: nativeAmount(tx.value, native), testId: 'tx-value' },
          { label: t('approval.maxNetworkFee'), value: nativeAmount(tx.maxFee, native) },
          tx.maxCollateral === null ? null : { label: t('approval.maxCollateral'), value: nativeAmount(tx.maxCollateral, native) },
          { label: t('approval.maxTotal'), value: <strong>{nativeAmount(tx.maxTotalNative, native)}</strong>, testId: 'tx-total' },
          { label: t('approval.chain'), value: String(tx.chainId), testId: 'tx-chain' },
        ]}
      />
      <details>
        <summary>{t('approval.allFields')}</summary>
        <TransactionReview review={tx} variant="approval" space={space} native={native} />
      </details>
      <Actions approveLabel={t('approval.signAndSend')} busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}
