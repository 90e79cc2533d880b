/**
 * Moving CFX between Core space and eSpace, in the send flow: direction, recipient (Core → eSpace:
 * the account's own eSpace address or another one; eSpace → Core: always the account's own Core
 * address, the only one that can withdraw from its mapped address) and amount → review of every
 * transaction the transfer takes → the transfer's status (CrossSpaceStatus). The background plans,
 * prepares and signs; nothing here ends up in a signature.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { PreparedCrossSpaceView, CrossSpaceKind } from '../../../shared/ui-api/crossspace.js';
import { crossSpaceApi } from '../../api/ecosystem.js';
import { useAction } from '../../api/hooks.js';
import { navigate, useLocation } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { AddressText } from '../../components/AddressText.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { TextField } from '../../components/Field.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { useT } from '../../i18n/i18n.js';
import { AmountParseError, parseAmount } from '../../../shared/units.js';
import { CrossSpaceReview } from './CrossSpaceReview.js';

export function CrossSpace(): ReactElement {
  const { account, network } = useWallet();
  const { query } = useLocation();
  const t = useT();
  const [kind, setKind] = useState<CrossSpaceKind>(query.get('from') === 'espace' ? 'espace_to_core' : 'core_to_espace');
  const [recipient, setRecipient] = useState('');
  const [amountText, setAmountText] = useState('');
  const [tried, setTried] = useState(false);
  const [prepared, setPrepared] = useState<PreparedCrossSpaceView>();
  const prepare = useAction((request: Parameters<typeof crossSpaceApi.prepare>[0]) => crossSpaceApi.prepare(request));
  const send = useAction((id: string) => crossSpaceApi.send(id));
  if (!account || !network) return <Loading />;

  let amount: bigint | undefined;
  let amountError: string | undefined;
  try {
    amount = parseAmount(amountText, 18);
    if (amount === 0n) amountError = t('send.amountZero');
  } catch (error) {
    amountError = error instanceof AmountParseError && error.reason === 'empty' ? t('send.amountEmpty') : t('send.amountInvalid');
  }
  const recipientText = recipient.trim();
  const recipientError = kind === 'core_to_espace' && recipientText !== '' && !/^0x[0-9a-fA-F]{40}$/.test(recipientText) ? t('crossspace.recipientInvalid') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (amount === undefined || amountError || recipientError) return;
    void prepare.run({ kind, accountId: account.id, amount, ...(kind === 'core_to_espace' && recipientText !== '' ? { to: recipientText } : {}) }).then((p) => {
      if (p) setPrepared(p);
    });
  };

  if (prepared) {
    return (
      <div className="stack">
        <ScreenHeader title={t('crossspace.reviewTitle')} back="/" />
        <CrossSpaceReview
          prepared={prepared}
          busy={send.busy}
          error={send.error}
          onBack={() => {
            send.reset();
            setPrepared(undefined);
          }}
          onConfirm={() =>
            void send.run(prepared.id).then((transfer) => {
              if (transfer) navigate(`/crossspace/${transfer.id}`);
            })
          }
        />
      </div>
    );
  }

  return (
    <div className="stack">
      <ScreenHeader title={t('crossspace.title')} back="/" />
      <SegmentedControl
        label={t('crossspace.direction')}
        value={kind}
        options={[
          { value: 'core_to_espace', label: t('crossspace.toEspace') },
          { value: 'espace_to_core', label: t('crossspace.toCore') },
        ]}
        onChange={(k) => {
          setKind(k);
          prepare.reset();
        }}
      />
      <p className="small muted">{kind === 'core_to_espace' ? t('crossspace.introToEspace') : t('crossspace.introToCore')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="card card-tight stack">
          <span className="label">{t('send.from')}</span>
          <AddressText address={kind === 'core_to_espace' ? account.coreAddress : account.espaceAddress} full />
        </div>
        {kind === 'core_to_espace' ? (
          <TextField
            label={t('crossspace.recipient')}
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            placeholder={account.espaceAddress}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            error={recipientError}
            hint={recipientText === '' ? t('crossspace.recipientOwnHint') : undefined}
          />
        ) : (
          <div className="card card-tight stack" data-testid="crossspace-own-core">
            <span className="label">{t('crossspace.recipient')}</span>
            <AddressText address={account.coreAddress} full />
            <span className="small muted">{t('crossspace.onlyOwnCore')}</span>
          </div>
        )}
        <TextField label={t('send.amount', { symbol: 'CFX' })} value={amountText} onChange={(e) => setAmountText(e.target.value)} inputMode="decimal" autoComplete="off" placeholder="0.0" error={(tried || amountText !== '') && amountError ? amountError : undefined} />
        <button type="submit" className="btn btn-primary btn-block" disabled={prepare.busy}>
          {prepare.busy ? <span className="spinner" aria-hidden="true" /> : null}
          {prepare.busy ? t('send.preparing') : t('send.review')}
        </button>
      </form>
      {prepare.error ? <ErrorState error={prepare.error} title={t('send.prepareFailed')} /> : null}
    </div>
  );
}
