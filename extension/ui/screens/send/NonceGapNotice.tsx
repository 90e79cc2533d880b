/**
 * Shown on the review when the account is blocked: a transaction of its must use a lower nonce
 * first, and that one is stuck (not seen in a block) or unknown. The user chooses: this transfer
 * waits behind it, or takes that nonce itself (replacing the stuck one, if the wallet has it).
 */
import type { ReactElement } from 'react';
import type { PreparedSend } from '../../api/backend.js';
import { Link } from '../../app/router.js';
import { Notice } from '../../components/Notice.js';
import { useT } from '../../i18n/i18n.js';
import { knownText } from '../activity/StuckActions.js';

export function NonceGapNotice({ gap, filling, busy, onChoose }: { gap: NonceGapOf; filling: boolean; busy: boolean; onChoose: (choice: 'queue' | 'fill') => void }): ReactElement {
  const t = useT();
  const blocking = gap.blocking;
  return (
    <Notice tone="warn" title={t('nonceGap.title', { nonce: gap.accountNonce })}>
      <div className="stack small" data-testid="nonce-gap">
        <p>{blocking ? t('nonceGap.blocking', { nonce: gap.accountNonce, known: knownText(t, blocking.acceptedBy, blocking.sentAt, Date.now()) }) : t('nonceGap.missing', { nonce: gap.accountNonce })}</p>
        {gap.waiting > 0 ? <p>{t('nonceGap.waiting', { count: gap.waiting })}</p> : null}
        {blocking ? <Link to={`/activity/${blocking.hash}`}>{t('nonceGap.openBlocking')}</Link> : null}
        <fieldset className="stack" disabled={busy}>
          <legend>{t('nonceGap.question')}</legend>
          <label className="row">
            <input type="radio" name="nonce-gap" data-testid="nonce-gap-wait" checked={!filling} onChange={() => onChoose('queue')} />
            <span>{t('nonceGap.wait', { nonce: gap.queuedNonce })}</span>
          </label>
          <label className="row">
            <input type="radio" name="nonce-gap" data-testid="nonce-gap-fill" checked={filling} onChange={() => onChoose('fill')} />
            <span>{blocking ? t('nonceGap.fillReplacing', { nonce: gap.accountNonce }) : t('nonceGap.fill', { nonce: gap.accountNonce })}</span>
          </label>
        </fieldset>
      </div>
    </Notice>
  );
}

type NonceGapOf = NonNullable<PreparedSend['nonceGap']>;
