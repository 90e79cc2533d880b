/**
 * Step 1 of sending: recipient and amount. The recipient is checked as it is typed (network,
 * space, checksum, contract, own account — format/recipient.ts); warnings must be acknowledged
 * before the review. Amounts are parsed exactly (format/units.ts).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { Amount } from '../../components/Amount.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { checkRecipient, type RecipientContext } from '../../format/recipient.js';
import { checkRecipient as checkPoisoning, type KnownAddress, type RecipientCheck as PoisoningCheck } from '../../../../core/poisoning/recipients.js';
import { errorText } from '../../i18n/errors.js';
import { AmountParseError, formatAmountExact, parseAmount } from '../../../shared/units.js';
import type { Checked } from '../../model/wallet.js';
import { t as translate, useT } from '../../i18n/i18n.js';
import { searchContacts, type Contact } from '../../../../core/contacts/index.js';
import { contactFor } from '../../api/ecosystem.js';
import { isNameOf } from '../../../../core/names/index.js';
import type { NameResolutionView } from '../../../shared/ui-api/names.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { NameLookup, trustLabel } from './NameLookup.js';

export interface SendAsset {
  symbol: string;
  decimals: number;
  /** 'native' for CFX, else the token contract. */
  address: string;
  balance: Checked<bigint | null> | undefined;
}

export interface SendFormValues {
  recipientHex: string;
  recipientDisplay: string;
  amount: bigint;
  warnings: string[];
}

export interface SendFormProps {
  asset: SendAsset;
  recipientContext: RecipientContext;
  initial?: { recipient: string; amount: string } | undefined;
  /** The largest amount that can be sent (balance minus the fee, for CFX). */
  onMax: () => Promise<bigint>;
  onReview: (values: SendFormValues, raw: { recipient: string; amount: string }) => void;
  busy?: boolean;
  /**
   * Addresses the user chose before (own accounts, past recipients): a recipient that looks like one
   * of them but is not is a poisoning warning; one never sent to is marked new. Undefined while loading.
   */
  known?: readonly KnownAddress[] | undefined;
  /** Resolves a CNS `.web3` name (Core only); absent where names are not resolved. */
  resolveName?: ((name: string) => Promise<NameResolutionView>) | undefined;
  /** Saved contacts of this network and space (for picking a recipient and naming it). */
  contacts?: readonly Contact[] | undefined;
}

function knownLabel(k: KnownAddress): string {
  if (k.source === 'account') return translate('safety.recipient.sourceAccount', { label: k.label ?? '', address: k.address });
  if (k.source === 'contact') return translate('safety.recipient.sourceContact', { label: k.label ?? '', address: k.address });
  return translate('safety.recipient.sourceSent', { address: k.address });
}

function poisoningOf(display: string, known: readonly KnownAddress[] | undefined): PoisoningCheck | null {
  if (known === undefined) return null;
  try {
    return checkPoisoning(display, known);
  } catch {
    return null;
  }
}

/** The reason an amount cannot be read, in the language shown (shared/units.ts says it in English, with a reason code). */
function amountProblem(error: unknown, decimals: number): string {
  if (!(error instanceof AmountParseError)) return translate('send.amountInvalid');
  switch (error.reason) {
    case 'empty':
      return translate('send.amountEmpty');
    case 'format':
      return translate('send.amountFormat');
    case 'too_precise':
      return decimals === 0 ? translate('send.amountNoDecimals') : translate('send.amountTooPrecise', { count: decimals });
    case 'too_large':
      return translate('send.amountTooLarge');
  }
}

export function SendForm({ asset, recipientContext, initial, onMax, onReview, busy, known, contacts, resolveName }: SendFormProps): ReactElement {
  const t = useT();
  const [recipient, setRecipient] = useState(initial?.recipient ?? '');
  const [amountText, setAmountText] = useState(initial?.amount ?? '');
  const [acknowledged, setAcknowledged] = useState(false);
  const [tried, setTried] = useState(false);
  const [maxError, setMaxError] = useState<string | undefined>();
  const [maxBusy, setMaxBusy] = useState(false);

  const [lookup, setLookup] = useState<{ name: string; result?: NameResolutionView; error?: unknown } | undefined>();
  /** The name the recipient was resolved from, while the field still holds that address. */
  const [fromName, setFromName] = useState<{ name: string; address: string; trust: NameResolutionView['trust'] } | undefined>();
  const check = checkRecipient(recipient, recipientContext);
  const isName = resolveName !== undefined && isNameOf(recipient.trim(), { tlds: ['web3'] });
  const showRecipientError = !isName && !check.ok && (tried || (recipient.trim() !== '' && check.problem !== 'empty'));
  const resolvedFrom = fromName && check.ok && fromName.address === check.display ? fromName : undefined;
  const lookUp = (name: string) => {
    setLookup({ name });
    void resolveName!(name).then(
      (result) => setLookup({ name, result }),
      (error: unknown) => setLookup({ name, error }),
    );
  };
  let amount: bigint | undefined;
  let amountError: string | undefined;
  try {
    amount = parseAmount(amountText, asset.decimals);
    if (amount === 0n) amountError = t('send.amountZero');
    else if (asset.balance && asset.balance.value !== null && amount > asset.balance.value) amountError = t('send.amountOverBalance', { balance: formatAmountExact(asset.balance.value, asset.decimals), symbol: asset.symbol });
  } catch (error) {
    amountError = amountProblem(error, asset.decimals);
  }
  const poisoning = check.ok ? poisoningOf(check.display, known) : null;
  const warnings: { kind: string; message: string }[] = check.ok ? [...check.warnings] : [];
  if (poisoning?.status === 'lookalike') warnings.unshift({ kind: 'lookalike', message: translate('safety.recipient.lookalike', { known: poisoning.similarTo.map(knownLabel).join(', ') }) });
  const contact = check.ok ? contactFor(contacts, check.display) : undefined;
  const typed = recipient.trim();
  const looksLikeAddress = /^(0x|cfx:|cfxtest:|net\d+:)/i.test(typed);
  const suggestions = contacts && contacts.length > 0 && !looksLikeAddress && !contact ? searchContacts(contacts, typed, { network: contacts[0]!.network }).slice(0, 5) : [];
  const needsAck = warnings.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!check.ok || amount === undefined || amountError || (needsAck && !acknowledged)) return;
    const nameNote = resolvedFrom ? [t('names.reviewNote', { name: resolvedFrom.name, trust: trustLabel(resolvedFrom.trust) })] : [];
    onReview({ recipientHex: check.hex, recipientDisplay: check.display, amount, warnings: [...nameNote, ...warnings.map((w) => w.message)] }, { recipient, amount: amountText });
  };

  const max = async () => {
    setMaxError(undefined);
    setMaxBusy(true);
    try {
      setAmountText(formatAmountExact(await onMax(), asset.decimals));
    } catch (error) {
      setMaxError(error instanceof Error ? errorText(error) : t('send.maxFailed'));
    } finally {
      setMaxBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="card card-tight row-between wrap">
        <span className="muted">{t('send.available')}</span>
        {asset.balance ? <Amount value={asset.balance.value} decimals={asset.decimals} symbol={asset.symbol} trust={asset.balance.trust} subject={t('trust.subject.balance')} /> : <span className="skeleton" aria-label={t('send.loadingBalance')} />}
      </div>
      <TextField
        label={t('send.recipient')}
        value={recipient}
        onChange={(e) => {
          setRecipient(e.target.value);
          setAcknowledged(false);
        }}
        placeholder={recipientContext.space === 'core' ? 'cfx:…' : '0x…'}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        error={showRecipientError && !check.ok ? check.message : undefined}
        hint={
          check.ok ? (
            <>
              {contact ? <strong data-testid="recipient-contact">{t('contacts.recipientIs', { label: contact.label })} </strong> : null}
              {resolvedFrom ? (
                <span data-testid="recipient-name">
                  {t('names.resolvedFrom', { name: resolvedFrom.name })} <TrustBadge trust={{ level: resolvedFrom.trust }} subject={t('names.subject')} />{' '}
                </span>
              ) : null}
              <span className="mono break">{check.display}</span>
            </>
          ) : recipientContext.space === 'core' ? (
            resolveName ? t('names.recipientHint') : t('send.recipientHintCore')
          ) : (
            t('send.recipientHintEspace')
          )
        }
      />
      {isName ? (
        <NameLookup name={recipient.trim()} state={lookup?.name === recipient.trim() ? lookup : undefined} onLookUp={lookUp} onUse={(r) => {
          setFromName({ name: r.normalized, address: r.address!, trust: r.trust });
          setRecipient(r.address!);
        }} />
      ) : null}
      {suggestions.length > 0 ? (
        <div className="stack" data-testid="contact-suggestions">
          <span className="small muted">{t('contacts.pick')}</span>
          <span className="chips">
            {suggestions.map((c) => (
              <button key={c.id} type="button" className="btn btn-small" onClick={() => setRecipient(c.address)}>
                {c.label}
              </button>
            ))}
          </span>
        </div>
      ) : null}
      {poisoning?.status === 'new' ? (
        <p className="small muted" data-testid="recipient-new">
          {t('safety.recipient.new')}
        </p>
      ) : poisoning?.status === 'known' && poisoning.match.source === 'sent' ? (
        <p className="small muted" data-testid="recipient-known">
          {t('safety.recipient.known')}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <Notice tone={poisoning?.status === 'lookalike' ? 'danger' : 'warn'} title={poisoning?.status === 'lookalike' ? t('safety.recipient.lookalikeTitle') : t('send.checkRecipient')}>
          <ul className="stack small">
            {warnings.map((w) => (
              <li key={w.kind} data-testid={`recipient-warning-${w.kind}`}>
                {w.message}
              </li>
            ))}
          </ul>
          <label className="checkbox">
            <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
            <span>{t('send.sendAnyway')}</span>
          </label>
        </Notice>
      ) : null}
      <TextField
        label={t('send.amount', { symbol: asset.symbol })}
        value={amountText}
        onChange={(e) => setAmountText(e.target.value)}
        inputMode="decimal"
        autoComplete="off"
        placeholder="0.0"
        error={(tried || amountText !== '') && amountError ? amountError : maxError}
        addon={
          <button type="button" className="btn" onClick={() => void max()} disabled={maxBusy || !asset.balance}>
            {maxBusy ? t('send.maxBusy') : t('send.max')}
          </button>
        }
      />
      {tried && needsAck && !acknowledged ? <p className="field-error">{t('send.ackFirst')}</p> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {busy ? t('send.preparing') : t('send.review')}
      </button>
    </form>
  );
}
