/**
 * Settings → Token approvals: the allowances the chosen account granted on this network and space
 * (found from its recent `Approval` logs, each read at the verified epoch with its trust), and
 * Revoke — `approve(spender, 0)` prepared by the background, reviewed field by field on the send
 * review and signed through the same checked path. The list is read again whenever one of the
 * wallet's transactions changes, so a revoke disappears once it is in the verified state.
 */
import { useState, type ReactElement } from 'react';
import { allowancesApi, type AllowanceItem } from '../../api/allowances.js';
import type { PreparedSend } from '../../api/backend.js';
import { contactFor, useContacts } from '../../api/ecosystem.js';
import { useAction, useAsync } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { useT } from '../../i18n/i18n.js';
import { useTokenMeta } from '../../approval/use-token-meta.js';
import { SendReview } from '../send/SendReview.js';
import { SentStatus } from '../send/Send.js';
import { AllowancesView } from './AllowancesView.js';

type Step = { name: 'list' } | { name: 'review'; prepared: PreparedSend; item: AllowanceItem } | { name: 'sent'; hash: string };

export function Allowances(): ReactElement {
  const { backend, account, space, address, scope, network } = useWallet();
  const t = useT();
  const list = useAsync(() => allowancesApi.list(space, address), `allowances:${scope}`, { enabled: scope !== '', refreshOn: backend.events.transactions });
  const contacts = useContacts();
  const [step, setStep] = useState<Step>({ name: 'list' });
  const [revoking, setRevoking] = useState<ReadonlyMap<string, string>>(new Map());
  const [busyKey, setBusyKey] = useState<string>();
  const prepare = useAction((item: AllowanceItem) => allowancesApi.prepareRevoke({ space, accountId: account!.id, token: item.token, spender: item.spender }));
  const send = useAction((id: string) => backend.send(id));
  // The review names the token by its own symbol and decimals, read with their trust (as on the approval page).
  const tokenMetas = useTokenMeta(step.name === 'review' ? step.prepared.review.effects : undefined);
  // A row whose revoke was sent stays marked until a read no longer lists it.
  const shown = list.data?.items ?? [];
  const pending = new Map([...revoking].filter(([key]) => shown.some((i) => i.key === key)));

  const title = step.name === 'review' ? t('allowances.reviewTitle') : t('allowances.title');
  return (
    <div className="stack">
      <ScreenHeader title={title} back="/settings" />
      {step.name === 'list' ? (
        <>
          <p className="small muted">{t('allowances.intro')}</p>
          {prepare.error ? <ErrorState error={prepare.error} title={t('allowances.prepareFailed')} /> : null}
          {list.error && !list.data ? (
            <ErrorState error={list.error} onRetry={list.refresh} title={t('allowances.loadFailed')} />
          ) : list.data ? (
            <>
              <AllowancesView
                items={shown}
                contactName={(a) => contactFor(contacts.data, a, network?.id)?.label}
                revoking={pending}
                busyKey={busyKey}
                onRevoke={(item) => {
                  setBusyKey(item.key);
                  void prepare.run(item).then((prepared) => {
                    setBusyKey(undefined);
                    if (prepared) setStep({ name: 'review', prepared, item });
                  });
                }}
              />
              {list.data.unreadable > 0 ? <Notice tone="warn">{t('allowances.unreadable', { count: list.data.unreadable })}</Notice> : null}
              <p className="small muted" data-testid="allowances-range" data-volatile>
                {t(space === 'core' ? 'allowances.rangeEpochs' : 'allowances.rangeBlocks', { from: list.data.from, to: list.data.to })}
              </p>
              <button type="button" className="btn btn-block" onClick={list.refresh} disabled={list.loading}>
                {t('allowances.refresh')}
              </button>
            </>
          ) : (
            <Loading label={t('allowances.loading')} />
          )}
        </>
      ) : null}
      {step.name === 'review' ? (
        <SendReview
          model={{ ...step.prepared.review, tokens: tokenMetas, fromName: account?.name ?? '', warnings: [] }}
          summary={
            <p className="center" data-testid="revoke-summary">
              {t('allowances.reviewSummary', { symbol: step.item.symbol ?? t('allowances.unnamedToken') })}
            </p>
          }
          busy={send.busy}
          error={send.error}
          onBack={() => {
            send.reset();
            setStep({ name: 'list' });
          }}
          onConfirm={() =>
            void send.run(step.prepared.id).then((result) => {
              if (!result) return;
              setRevoking((m) => new Map([...m, [step.item.key, result.hash]]));
              setStep({ name: 'sent', hash: result.hash });
            })
          }
        />
      ) : null}
      {step.name === 'sent' ? (
        <>
          <SentStatus hash={step.hash} />
          <button type="button" className="btn btn-block" data-testid="allowances-back" onClick={() => setStep({ name: 'list' })}>
            {t('allowances.backToList')}
          </button>
        </>
      ) : null}
    </div>
  );
}
