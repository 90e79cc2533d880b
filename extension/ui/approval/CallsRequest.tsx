/**
 * An EIP-5792 batch: every transaction of the sequence with what it does and its fields, reviewed
 * together. They are signed and sent one after another — not atomically: an early one can succeed
 * while a later one fails, and the page says so.
 */
import { useId } from 'react';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { Effects } from '../components/Effects.js';
import { Notice } from '../components/Notice.js';
import { useT } from '../i18n/i18n.js';
import { Actions } from './Actions.js';
import { Fields } from '../components/Fields.js';
import { useTokenMeta } from './use-token-meta.js';
import { TransactionReview } from '../components/TransactionReview.js';
import type { Space } from '../../../core/space.js';

type Detail = Extract<ApprovalDetail, { kind: 'calls' }>;

function Call({ index, call, space, native }: { index: number; call: Detail['calls'][number]; space: Space; native: string }) {
  const t = useT();
  const tokens = useTokenMeta(call.effects);
  const { tx } = call;
  return (
    <li className="effect" data-testid="batch-call">
      <h3>{t('safety.calls.callTitle', { number: index + 1 })}</h3>
      {call.estimateFailure !== null ? (
        <Notice tone="warn" title={t('safety.estimate.title')}>
          <pre className="message">{call.estimateFailure.reason}</pre>
        </Notice>
      ) : null}
      <Effects effects={call.effects} tokens={tokens} native={native} />
      <details>
        <summary>{t('approval.allFields')}</summary>
        <TransactionReview review={tx} variant="call" space={space} native={native} />
      </details>
    </li>
  );
}

export function CallsRequest({ detail, space, busy, decide, native }: { detail: Detail; space: Space; busy: boolean; decide: (approve: boolean) => void; native: string }) {
  const t = useT();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('safety.calls.title', { count: detail.calls.length })}</h2>
      <p className="note">{t('safety.calls.notAtomic')}</p>
      <Fields label={t('approval.signingAccount')} rows={[{ label: t('approval.from'), value: t('approval.fromValue', { name: detail.account.name || t('common.account'), address: detail.account.address }), code: true }]} />
      <ol className="effects-list">
        {detail.calls.map((call, i) => (
          <Call key={i} index={i} call={call} space={space} native={native} />
        ))}
      </ol>
      <Actions approveLabel={t('safety.calls.signAll', { count: detail.calls.length })} busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}
