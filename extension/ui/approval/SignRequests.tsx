/**
 * Message signatures: personal_sign (text when the bytes are readable UTF-8, hex otherwise) and
 * typed data (domain with its chain, then the message as a tree).
 */
import { useId } from 'react';
import type { AccountChoice, ApprovalDetail } from '../../shared/ui-api/provider.js';
import { Actions } from './Actions.js';
import { Fields } from '../components/Fields.js';
import { JsonTree } from './JsonTree.js';
import { Trans } from 'react-i18next';
import { Effects, type CapEditor } from '../components/Effects.js';
import { SignInCheck } from './SignInCheck.js';
import { useTokenMeta } from './use-token-meta.js';
import { useT } from '../i18n/i18n.js';

function Signer({ account }: { account: AccountChoice }) {
  const t = useT();
  return <Fields label={t('approval.signingAccount')} rows={[{ label: t('common.account'), value: account.name || t('common.account'), testId: 'signer-name' }, { label: t('approval.address'), value: account.address, code: true }]} />;
}

export function PersonalSignRequest({ detail, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'personal_sign' }>; busy: boolean; decide: (approve: boolean) => void }) {
  const id = useId();
  const t = useT();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approval.signTitle')}</h2>
      <p>{t('approval.signIntro')}</p>
      {detail.signIn !== null ? <SignInCheck signIn={detail.signIn} /> : null}
      <Signer account={detail.account} />
      <h3>{t('approval.messageBytes', { count: detail.byteLength })}</h3>
      {detail.text !== null ? (
        <pre className="message" data-testid="message-text">
          {detail.text}
        </pre>
      ) : (
        <>
          <p className="note">{t('approval.notText')}</p>
          <pre className="message code" data-testid="message-hex">
            {detail.hex}
          </pre>
        </>
      )}
      <Actions approveLabel={t('approval.sign')} busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}

export function TypedDataRequest({ detail, busy, decide, native, cap }: { detail: Extract<ApprovalDetail, { kind: 'typed_data' }>; busy: boolean; decide: (approve: boolean) => void; native: string; cap: CapEditor }) {
  const id = useId();
  const t = useT();
  const tokens = useTokenMeta(detail.effects);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approval.typedTitle')}</h2>
      <p>
        <Trans i18nKey="approval.typedIntro" values={{ type: detail.primaryType, domainType: detail.domainType }} components={{ b: <strong /> }} />
      </p>
      <Effects effects={detail.effects} tokens={tokens} native={native} cap={cap} />
      <Signer account={detail.account} />
      <h3>{t('approval.domain')}</h3>
      <p className="note" data-testid="typed-chain">
        {detail.chainId === null ? t('approval.notBound') : t('approval.forChain', { chainId: detail.chainId })}
      </p>
      <JsonTree value={detail.domain} label={t('approval.domain')} />
      <h3>{t('approval.message')}</h3>
      <JsonTree value={detail.message} label={t('approval.message')} />
      <Actions approveLabel={t('approval.sign')} busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}
