/**
 * A sign-in message checked against the requesting site, the signing account, the active chain and
 * the time (the background's analysis): a plain confirmation when everything matches, otherwise a
 * warning listing each mismatch. A message that claims to be a sign-in but does not follow the
 * format is flagged too: it may be crafted to read differently than it signs.
 */
import type { ReactElement } from 'react';
import type { SignInView } from '../../shared/ui-api/provider.js';
import type { SignInWarning } from '../../../core/message/siwe-check.js';
import { Notice } from '../components/Notice.js';
import { useT } from '../i18n/i18n.js';

function useWarningText() {
  const t = useT();
  return (w: SignInWarning): string => {
    switch (w.code) {
      case 'domain_mismatch':
        return t('safety.signIn.domain', { message: w.message, origin: w.origin });
      case 'scheme_mismatch':
        return t('safety.signIn.scheme', { message: w.message, origin: w.origin });
      case 'port_mismatch':
        return t('safety.signIn.port', { message: w.message, origin: w.origin });
      case 'uri_mismatch':
        return t('safety.signIn.uri', { message: w.message, origin: w.origin });
      case 'address_mismatch':
        return t('safety.signIn.address', { message: w.message, account: w.account });
      case 'chain_mismatch':
        return t('safety.signIn.chain', { message: w.message, active: w.active });
      case 'expired':
        return t('safety.signIn.expired', { time: w.expirationTime });
      case 'not_yet_valid':
        return t('safety.signIn.notYetValid', { time: w.notBefore });
    }
  };
}

export function SignInCheck({ signIn }: { signIn: SignInView }): ReactElement {
  const t = useT();
  const text = useWarningText();
  if (signIn.kind === 'malformed') {
    return (
      <div data-testid="signin-warning">
        <Notice tone="danger" title={t('safety.signIn.malformedTitle')}>
          <p>{t('safety.signIn.malformed', { reason: signIn.reason })}</p>
        </Notice>
      </div>
    );
  }
  if (signIn.warnings.length === 0) {
    return (
      <p className="note" data-testid="signin-ok">
        {t('safety.signIn.ok', { domain: signIn.domain, chainId: signIn.chainId })}
      </p>
    );
  }
  return (
    <div data-testid="signin-warning">
      <Notice tone="danger" title={t('safety.signIn.warningTitle')}>
        <ul className="safety-list">
          {signIn.warnings.map((w) => (
            <li key={w.code}>{text(w)}</li>
          ))}
        </ul>
        <p>{t('safety.signIn.advice')}</p>
      </Notice>
    </div>
  );
}
