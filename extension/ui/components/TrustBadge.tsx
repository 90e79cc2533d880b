/**
 * The badge beside every value: how far it was verified. Tapping it explains, in one or two
 * sentences, what that means and what the user can do.
 */
import { useState, type ReactElement } from 'react';
import { TRUST_TEXT, trustDetail, type StateProof, type Trust, type TrustLevel } from '../model/trust.js';
import { Icon, type IconName } from './icons.js';
import { Sheet } from './Sheet.js';
import { Trans } from 'react-i18next';
import { useT } from '../i18n/i18n.js';
import { formatNumber } from '../i18n/format.js';

const ICONS: Record<TrustLevel, IconName> = {
  verified: 'shieldCheck',
  'cross-checked': 'users',
  'single-source': 'user',
  conflict: 'conflict',
  unknown: 'question',
};

export function TrustBadge({ trust, subject }: { trust: Trust; subject?: string }): ReactElement {
  const [open, setOpen] = useState(false);
  const t = useT();
  const text = TRUST_TEXT[trust.level];
  const detail = trustDetail(trust);
  return (
    <>
      <button
        type="button"
        className={`trust trust-${trust.level}`}
        data-trust={trust.level}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={subject ? t('trust.badgeOf', { label: text.label, subject }) : t('trust.badge', { label: text.label })}
      >
        <Icon name={ICONS[trust.level]} />
        {text.label}
      </button>
      <Sheet title={subject ? t('trust.sheetTitle', { label: text.label, subject }) : text.label} open={open} onClose={() => setOpen(false)}>
        <div className="stack trust-explainer">
          <p>{text.meaning}</p>
          {detail ? (
            <p className="muted">
              <DetailText detail={detail} epoch={trust.epoch} />
            </p>
          ) : null}
          {trust.proof ? <ProofAnchor proof={trust.proof} /> : null}
          {text.advice ? <p>{text.advice}</p> : null}
          {trust.answers && trust.answers.length > 0 ? (
            <details open={trust.level === 'conflict'}>
              <summary>{t('trust.whoSaidWhat')}</summary>
              <ul className="stack small">
                {trust.answers.map((a, i) => (
                  <li key={`${a.node}-${i}`}>
                    <span className="mono break" data-volatile>
                      {a.node}
                    </span>{' '}
                    (<span data-volatile>{a.operator}</span>): {a.answer !== undefined ? <span className="mono break">{a.answer}</span> : <em>{a.problem ?? t('trust.noAnswer')}</em>}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <TrustLegend current={trust.level} />
        </div>
      </Sheet>
    </>
  );
}

/** What a proved value was proved against: state root, the block committing it, the finalized block it chains to. */
function ProofAnchor({ proof }: { proof: StateProof }): ReactElement {
  const t = useT();
  const block = (b: { height: number; hash: string }, testId: string) => (
    <dd>
      <span className="mono break" data-volatile data-testid={testId}>
        {b.hash}
      </span>{' '}
      (<span data-volatile>{t('trust.proof.atEpoch', { epoch: formatNumber(b.height) })}</span>)
    </dd>
  );
  return (
    <section className="stack small" data-testid="trust-proof" aria-label={t('trust.proof.title')}>
      <dl className="stack">
        <dt>{t('trust.proof.stateRoot')}</dt>
        <dd>
          <span className="mono break" data-volatile>
            {proof.stateRoot}
          </span>
        </dd>
        <dt>{t('trust.proof.witness')}</dt>
        {block(proof.witness, 'trust-proof-witness')}
        <dt>{t('trust.proof.finalized')}</dt>
        {block(proof.finalized, 'trust-proof-finalized')}
      </dl>
      <p className="muted">
        <Trans i18nKey="trust.proof.gateway" values={{ gateway: proof.gateway }} components={{ g: <span className="mono break" data-volatile data-testid="trust-proof-gateway" /> }} />
      </p>
    </section>
  );
}

/** The detail sentence, with the epoch number in it marked as a value that changes from one read to the next. */
function DetailText({ detail, epoch }: { detail: string; epoch: number | undefined }): ReactElement {
  const epochText = epoch === undefined ? undefined : formatNumber(epoch);
  const at = epochText === undefined ? -1 : detail.indexOf(epochText);
  if (epochText === undefined || at < 0) return <>{detail}</>;
  return (
    <>
      {detail.slice(0, at)}
      <span data-volatile>{epochText}</span>
      {detail.slice(at + epochText.length)}
    </>
  );
}

/** The four levels side by side, so the user learns the scale, not one word. */
function TrustLegend({ current }: { current: TrustLevel }): ReactElement {
  const levels: TrustLevel[] = ['verified', 'cross-checked', 'single-source', 'conflict'];
  const t = useT();
  return (
    <details>
      <summary>{t('trust.allLevels')}</summary>
      <ul className="stack small">
        {levels.map((level) => (
          <li key={level} aria-current={level === current ? 'true' : undefined}>
            <Trans i18nKey="trust.legendItem" values={{ label: TRUST_TEXT[level].label, meaning: TRUST_TEXT[level].meaning }} components={{ b: <strong /> }} />
          </li>
        ))}
      </ul>
    </details>
  );
}
