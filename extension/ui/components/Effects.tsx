/**
 * What a request does, in words: "you send", "you allow X to spend", flagged when unlimited or
 * unreadable. The effects come decoded from the background (core/effects); token symbols and
 * decimals come from the chain with their trust badge (or are missing, and then amounts are shown
 * in base units). This component computes nothing that is signed: a spending cap typed here is
 * sent to the background, which rewrites and re-checks the request and shows it again.
 */
import { useId, useState, type ReactElement, type ReactNode } from 'react';
import type { JsonEffect } from '../../../core/effects/json.js';
import { formatAmountExact, parseAmount } from '../../shared/units.js';
import type { Checked } from '../model/wallet.js';
import { useT } from '../i18n/i18n.js';
import { TrustBadge } from './TrustBadge.js';
import './effects.css';

export interface TokenMeta {
  symbol: Checked<string> | undefined;
  decimals: Checked<number> | undefined;
}

/** Token metadata by lower-case address; a missing entry is still loading or unreadable. */
export type TokenMetas = ReadonlyMap<string, TokenMeta>;

export interface CapEditor {
  /** Sets the cap (raw units) of the effect's allowance `index`; rejects with a displayable error. */
  set(cap: bigint, index: number): Promise<void>;
  busy: boolean;
}

interface Ctx {
  tokens: TokenMetas;
  native: string;
  cap: CapEditor | undefined;
}

const big = (q: string): bigint => (q.startsWith('-') ? -BigInt(q.slice(1)) : BigInt(q));

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }): ReactElement {
  return (
    <div className="effect-row">
      <span className="effect-label">{label}</span>
      <span className="effect-value mono" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}

function useAmount(ctx: Ctx) {
  const t = useT();
  return (raw: string, token: string | null): string => {
    const value = big(raw);
    if (token === null) return `${formatAmountExact(value, 18)} ${ctx.native}`;
    const meta = ctx.tokens.get(token.toLowerCase());
    const decimals = meta?.decimals?.value;
    const symbol = meta?.symbol?.value ?? t('safety.tokenUnknown');
    return decimals === undefined ? t('safety.rawUnits', { amount: value.toString(), symbol }) : `${formatAmountExact(value, decimals)} ${symbol}`;
  };
}

function TokenLine({ token, ctx }: { token: string; ctx: Ctx }): ReactElement {
  const t = useT();
  const meta = ctx.tokens.get(token.toLowerCase());
  const checked = meta?.decimals ?? meta?.symbol;
  return (
    <div className="effect-row">
      <span className="effect-label">{t('safety.token')}</span>
      <span className="effect-value">
        <span className="mono">{token}</span>
        {checked ? (
          <span className="effect-trust">
            {t('safety.fromContract')} <TrustBadge trust={checked.trust} subject={t('trust.subject.tokenDetails')} />
          </span>
        ) : (
          <span className="effect-note">{t('safety.tokenUnread')}</span>
        )}
      </span>
    </div>
  );
}

function CapForm({ decimals, index, ctx, permit }: { decimals: number; index: number; ctx: Ctx; permit: boolean }): ReactElement | null {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!ctx.cap) return null;
  const editor = ctx.cap;
  const submit = async () => {
    setProblem(null);
    let cap: bigint;
    try {
      cap = parseAmount(text, decimals);
    } catch {
      setProblem(t('safety.capInvalid'));
      return;
    }
    try {
      await editor.set(cap, index);
      setText('');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : t('safety.capFailed'));
    }
  };
  return (
    <div className="effect-cap">
      <label htmlFor={`${id}-cap`}>{t('safety.capLabel')}</label>
      <div className="effect-cap-row">
        <input id={`${id}-cap`} data-testid="cap-input" inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} placeholder="0.0" />
        <button type="button" className="secondary" data-testid="cap-set" disabled={editor.busy || text.trim() === ''} onClick={() => void submit()}>
          {t('safety.capSet')}
        </button>
      </div>
      <p className="effect-note">{permit ? t('safety.capPermitNote') : t('safety.capHint')}</p>
      {problem !== null ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function Irregular({ effect }: { effect: { irregularities?: readonly unknown[] } }): ReactElement | null {
  const t = useT();
  const count = effect.irregularities?.length ?? 0;
  return count === 0 ? null : <p className="effect-flag effect-danger">{t('safety.irregular', { count })}</p>;
}

function Unlimited(): ReactElement {
  const t = useT();
  return (
    <p className="effect-flag effect-danger" data-testid="effect-unlimited">
      <strong>{t('safety.unlimited')}</strong> {t('safety.unlimitedNote')}
    </p>
  );
}

function OneEffect({ effect, ctx }: { effect: JsonEffect; ctx: Ctx }): ReactElement {
  const t = useT();
  const amount = useAmount(ctx);
  const decimalsOf = (token: string): number | undefined => ctx.tokens.get(token.toLowerCase())?.decimals?.value;
  switch (effect.kind) {
    case 'native_transfer':
      return (
        <>
          <p className="effect-head">{t('safety.send', { amount: amount(effect.amount, null) })}</p>
          <Row label={t('safety.to')}>{effect.to}</Row>
        </>
      );
    case 'token_transfer':
      return (
        <>
          <p className="effect-head">{effect.from === null ? t('safety.send', { amount: amount(effect.amount, effect.token) }) : t('safety.transferFrom', { amount: amount(effect.amount, effect.token) })}</p>
          {effect.from !== null ? <Row label={t('safety.from')}>{effect.from}</Row> : null}
          <Row label={t('safety.to')}>{effect.to}</Row>
          <TokenLine token={effect.token} ctx={ctx} />
          {effect.mayBeNft ? <p className="effect-note">{t('safety.mayBeNft')}</p> : null}
          <Irregular effect={effect} />
        </>
      );
    case 'nft_transfer':
      return (
        <>
          <p className="effect-head">{t('safety.nftTransfer', { ids: effect.tokenIds.map((id) => big(id).toString()).join(', ') })}</p>
          <Row label={t('safety.from')}>{effect.from}</Row>
          <Row label={t('safety.to')}>{effect.to}</Row>
          <TokenLine token={effect.token} ctx={ctx} />
          <Irregular effect={effect} />
        </>
      );
    case 'token_approval': {
      const head = effect.change === 'increase' ? 'safety.increase' : effect.change === 'decrease' ? 'safety.decrease' : 'safety.approve';
      const decimals = decimalsOf(effect.token);
      return (
        <>
          <p className="effect-head" data-testid="effect-approval">
            {t(head, { amount: effect.unlimited ? t('safety.unlimitedAmount') : amount(effect.amount, effect.token) })}
          </p>
          {effect.unlimited ? <Unlimited /> : null}
          <Row label={t('safety.spender')} testId="effect-spender">
            {effect.spender}
          </Row>
          <TokenLine token={effect.token} ctx={ctx} />
          {effect.via !== null ? <Row label={t('safety.via')}>{effect.via}</Row> : null}
          {effect.expiration !== null ? <Row label={t('safety.expires')}>{new Date(Number(big(effect.expiration)) * 1000).toISOString()}</Row> : null}
          {effect.mayBeNft ? <p className="effect-note">{t('safety.mayBeNft')}</p> : null}
          <Irregular effect={effect} />
          {effect.capEditable && effect.change !== 'decrease' ? <CapForm decimals={decimals ?? 0} index={0} ctx={ctx} permit={false} /> : null}
        </>
      );
    }
    case 'approval_for_all':
      return (
        <>
          <p className={`effect-head${effect.approved ? ' effect-danger' : ''}`} data-testid="effect-approval">
            {effect.approved ? t('safety.approveAll') : t('safety.revokeAll')}
          </p>
          <Row label={t('safety.operator')}>{effect.operator}</Row>
          <TokenLine token={effect.token} ctx={ctx} />
          <Irregular effect={effect} />
        </>
      );
    case 'permit':
      return (
        <>
          {effect.allowances.map((a, i) => (
            <div key={i} className="effect-part">
              <p className="effect-head" data-testid="effect-permit">
                {t(effect.oneTime ? 'safety.permitOneTime' : 'safety.permit', { amount: a.unlimited ? t('safety.unlimitedAmount') : amount(a.amount, a.token) })}
              </p>
              {a.unlimited ? <Unlimited /> : null}
              <TokenLine token={a.token} ctx={ctx} />
              {a.expiration !== null ? <Row label={t('safety.expires')}>{new Date(Number(big(a.expiration)) * 1000).toISOString()}</Row> : null}
              {effect.capEditable ? <CapForm decimals={decimalsOf(a.token) ?? 0} index={i} ctx={ctx} permit /> : null}
            </div>
          ))}
          <Row label={t('safety.spender')} testId="effect-spender">
            {effect.spender}
          </Row>
          {effect.verifyingContract !== null ? <Row label={t('safety.checkedBy')}>{effect.verifyingContract}</Row> : null}
          <Row label={t('safety.deadline')}>{effect.deadline === null ? t('safety.never') : new Date(Number(big(effect.deadline)) * 1000).toISOString()}</Row>
          <p className="effect-note">{t('safety.permitNote')}</p>
        </>
      );
    case 'cross_space_transfer':
      return (
        <>
          <p className="effect-head">{t('safety.crossSpace', { amount: amount(effect.amount, null) })}</p>
          <Row label={t('safety.to')}>{effect.to}</Row>
        </>
      );
    case 'cross_space_call':
      return (
        <>
          <p className="effect-head">{t('safety.crossSpaceCall', { amount: amount(effect.amount, null) })}</p>
          <Row label={t('safety.contract')}>{effect.to}</Row>
          <EffectList effects={effect.effects} ctx={ctx} />
        </>
      );
    case 'cross_space_create':
      return <p className="effect-head">{t('safety.crossSpaceCreate', { amount: amount(effect.amount, null), size: effect.codeSize })}</p>;
    case 'cross_space_withdraw':
      return <p className="effect-head">{t('safety.crossSpaceWithdraw', { amount: amount(effect.amount, null) })}</p>;
    case 'contract_creation':
      return <p className="effect-head">{t('safety.creation', { amount: amount(effect.amount, null), size: effect.codeSize })}</p>;
    case 'contract_call':
      return (
        <>
          <p className="effect-head">{effect.contractName === null ? t('safety.call', { signature: effect.signature }) : t('safety.callInternal', { signature: effect.signature, name: effect.contractName })}</p>
          <Row label={t('safety.contract')}>{effect.contract}</Row>
          {effect.args.map((a) => (
            <Row key={a.name} label={`${a.name} (${a.type})`}>
              {JSON.stringify(a.value)}
            </Row>
          ))}
          <Irregular effect={effect} />
        </>
      );
    case 'unknown_call':
      return (
        <>
          <p className="effect-flag effect-warn" data-testid="effect-unknown">
            {effect.reason === 'short_data' ? t('safety.unknownShort') : effect.reason === 'undecodable' && effect.expected !== null ? t('safety.unknownUndecodable', { expected: effect.expected }) : t('safety.unknown', { selector: effect.selector ?? '' })}
          </p>
          <Row label={t('safety.contract')}>{effect.contract}</Row>
        </>
      );
    case 'typed_data':
      return <p className="effect-note">{t('safety.typedData', { type: effect.primaryType })}</p>;
  }
}

function EffectList({ effects, ctx }: { effects: readonly JsonEffect[]; ctx: Ctx }): ReactElement {
  return (
    <ul className="effects-list">
      {effects.map((effect, i) => (
        <li key={i} className="effect" data-kind={effect.kind}>
          <OneEffect effect={effect} ctx={ctx} />
        </li>
      ))}
    </ul>
  );
}

/** The decoded effects under a heading; nothing when there are none. */
export function Effects({ effects, tokens, native, cap }: { effects: readonly JsonEffect[]; tokens: TokenMetas; native: string; cap?: CapEditor }): ReactElement | null {
  const t = useT();
  const id = useId();
  if (effects.length === 0) return null;
  return (
    <section className="effects" aria-labelledby={`${id}-effects`} data-testid="effects">
      <h3 id={`${id}-effects`}>{t('safety.effectsTitle')}</h3>
      <EffectList effects={effects} ctx={{ tokens, native, cap }} />
    </section>
  );
}
