/**
 * Sending, in three steps on one screen: form → review (what the background prepared, exactly as
 * it will be signed) → progress (sent, included, verified — or failed). The review is prepared by
 * the background from the form values; the UI computes nothing that ends up in the signature.
 */
import { useState, type ReactElement } from 'react';
import type { PreparedSend, SendRequest } from '../../api/backend.js';
import { useAction, useAsync } from '../../api/hooks.js';
import { namesApi, useContacts } from '../../api/ecosystem.js';
import { Link, useLocation } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { SendForm, type SendAsset, type SendFormValues } from './SendForm.js';
import { SendReview } from './SendReview.js';
import { TxProgress } from './TxProgress.js';
import { knownAddresses } from '../../format/known-addresses.js';
import type { KnownAddress } from '../../../../core/poisoning/recipients.js';
import { NonceGapNotice } from './NonceGapNotice.js';
import { useT } from '../../i18n/i18n.js';

type Step = { name: 'form' } | { name: 'review'; prepared: PreparedSend; values: SendFormValues; gap: PreparedSend['nonceGap'] } | { name: 'sent'; hash: string };

export function Send(): ReactElement {
  const { backend, account, accounts, space, network, address, scope } = useWallet();
  const { query } = useLocation();
  const token = query.get('token') ?? 'native';
  const balance = useAsync(() => backend.balance(space, address), `balance:${scope}`, { enabled: scope !== '' && token === 'native' });
  const tokens = useAsync(() => backend.tokens(space, address), `tokens:${scope}`, { enabled: scope !== '' && token !== 'native' });
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [raw, setRaw] = useState<{ recipient: string; amount: string } | undefined>(() => (query.get('to') ? { recipient: query.get('to') ?? '', amount: '' } : undefined));
  const contacts = useContacts();
  const prepare = useAction((input: { values: SendFormValues; asset: SendRequest['asset']; nonce?: 'queue' | 'fill' }) =>
    backend.prepareSend({ space, accountId: account!.id, asset: input.asset, to: input.values.recipientDisplay, amount: input.values.amount, nonce: input.nonce }),
  );
  const send = useAction((id: string) => backend.send(id));
  // Past recipients of this account (its own signed transactions only: never addresses seen in
  // received transfers, which an attacker can plant) and the user's accounts.
  const history = useAsync(() => backend.activity(space, address), `activity:${scope}`, { enabled: scope !== '' });
  const t = useT();

  if (!account || !network) return <Loading />;
  const tokenItem = tokens.data?.find((t) => t.address === token);
  const asset: SendAsset | undefined =
    token === 'native' ? { symbol: 'CFX', decimals: 18, address: 'native', balance: balance.data } : tokenItem ? { symbol: tokenItem.symbol, decimals: tokenItem.decimals, address: tokenItem.address, balance: tokenItem.balance } : undefined;
  const hexIn = (a: typeof account) => (space === 'core' ? a.coreHex : a.espaceAddress).toLowerCase();
  const recipientContext = {
    space,
    networkId: space === 'core' ? network.coreNetworkId : network.espaceChainId,
    fromHex: hexIn(account),
    ownAccounts: new Map((accounts.data ?? []).map((a) => [hexIn(a), a.name] as const)),
  };
  const sameBook = (contacts.data ?? []).filter((c) => c.network === network.id && c.space === space);
  const known: KnownAddress[] | undefined = history.data === undefined && !history.error ? undefined : knownAddresses(space, network.coreNetworkId, accounts.data ?? [], history.data ?? [], sameBook);
  const sendAsset: SendRequest['asset'] = token === 'native' || !tokenItem ? 'native' : { address: tokenItem.address, symbol: tokenItem.symbol, decimals: tokenItem.decimals };
  const title = step.name === 'form' ? (asset ? t('send.titleAsset', { symbol: asset.symbol }) : t('send.title')) : step.name === 'review' ? t('send.reviewTitle') : t('send.sentTitle');

  return (
    <div className="stack">
      <ScreenHeader title={title} back="/" />
      {step.name === 'form' ? (
        asset ? (
          <>
            <SendForm
              asset={asset}
              recipientContext={recipientContext}
              known={known}
              contacts={contacts.data?.filter((c) => c.network === network.id && c.space === space)}
              resolveName={space === 'core' ? (name) => namesApi.resolve(name) : undefined}
              initial={raw}
              busy={prepare.busy}
              onMax={() => backend.maxSendable({ space, accountId: account.id, asset: sendAsset })}
              onReview={(values, typed) => {
                setRaw(typed);
                void prepare.run({ values, asset: sendAsset }).then((prepared) => {
                  if (prepared) setStep({ name: 'review', prepared, values, gap: prepared.nonceGap });
                });
              }}
            />
            {prepare.error ? <ErrorState error={prepare.error} title={t('send.prepareFailed')} /> : null}
            {token === 'native' ? (
              <Link to={space === 'core' ? '/crossspace' : '/crossspace?from=espace'} className="btn btn-block" data-testid="crossspace-link">
                {space === 'core' ? t('crossspace.linkToEspace') : t('crossspace.linkToCore')}
              </Link>
            ) : null}
          </>
        ) : tokens.error || balance.error ? (
          <ErrorState error={tokens.error ?? balance.error} onRetry={() => (token === 'native' ? balance.refresh() : tokens.refresh())} />
        ) : (
          <Loading />
        )
      ) : null}
      {step.name === 'review' && step.gap ? (
        <NonceGapNotice
          gap={step.gap}
          filling={step.prepared.replaces?.kind === 'fill_gap' || step.prepared.nonceGap === null}
          busy={prepare.busy || send.busy}
          onChoose={(nonce) =>
            void prepare.run({ values: step.values, asset: sendAsset, nonce }).then((prepared) => {
              if (prepared) setStep({ ...step, prepared });
            })
          }
        />
      ) : null}
      {step.name === 'review' && prepare.error ? <ErrorState error={prepare.error} title={t('send.prepareFailed')} /> : null}
      {step.name === 'review' ? (
        <SendReview
          model={{ ...step.prepared.review, fromName: account.name, warnings: step.values.warnings }}
          busy={send.busy}
          error={send.error}
          onBack={() => {
            send.reset();
            setStep({ name: 'form' });
          }}
          onConfirm={() =>
            void send.run(step.prepared.id).then((result) => {
              if (result) setStep({ name: 'sent', hash: result.hash });
            })
          }
        />
      ) : null}
      {step.name === 'sent' ? <SentStatus hash={step.hash} /> : null}
    </div>
  );
}

/** Live status of the transaction just sent. */
export function SentStatus({ hash }: { hash: string }): ReactElement {
  const { backend } = useWallet();
  const tx = useAsync(() => backend.transaction(hash), `tx:${hash}`, { refreshOn: backend.events.transactions, pollMs: 3000 });
  const t = useT();
  return (
    <div className="card stack" data-testid="send-status">
      {tx.data ? (
        <>
          <div className="row-between wrap">
            <strong>{t('send.yourTransaction')}</strong>
            <TrustBadge trust={tx.data.trust} subject={t('trust.subject.transaction')} />
          </div>
          <TxProgress status={tx.data.status} error={tx.data.error} blockNumber={tx.data.blockNumber} space={tx.data.space} acceptedBy={tx.data.acceptedBy?.length} />
        </>
      ) : tx.error ? (
        <ErrorState error={tx.error} onRetry={tx.refresh} />
      ) : (
        <TxProgress status="pending" space="core" />
      )}
      <p className="small mono break">{hash}</p>
      <div className="btn-row">
        <Link to={`/activity/${hash}`} className="btn">
          {t('send.details')}
        </Link>
        <Link to="/" className="btn btn-primary">
          {t('send.done')}
        </Link>
      </div>
    </div>
  );
}
