/**
 * Who is asking, shown first and prominently: scheme, host (punycode as the browser resolves it,
 * never prettified into look-alike letters), port, and the embedding page when the request comes
 * from a frame. Warnings for plain http and internationalized names.
 */
import type { ApprovalView } from '../../shared/ui-api/provider.js';
import { Trans } from 'react-i18next';
import { useT } from '../i18n/i18n.js';

export function OriginHeader({ view }: { view: ApprovalView }) {
  const { origin, frame } = view.requester;
  const t = useT();
  return (
    <header className="origin" aria-label={t('approval.requestingSite')}>
      <p className="origin-label">{t('approval.requestFrom')}</p>
      <p className="origin-host" data-testid="origin">
        <span className={origin.scheme === 'https' ? 'scheme' : 'scheme scheme-insecure'}>{origin.scheme}://</span>
        <strong>{origin.host}</strong>
        {origin.port !== null && <span className="port">:{origin.port}</span>}
      </p>
      {frame !== null && (
        <p className="note" data-testid="frame-note">
          {frame.topOrigin === null ? t('approval.frameUnknown') : <Trans i18nKey="approval.frame" values={{ origin: frame.topOrigin }} components={{ b: <strong /> }} />}
        </p>
      )}
      {origin.insecure && <p className="warning">{t('approval.insecure')}</p>}
      {origin.punycode && <p className="warning">{t('approval.punycode')}</p>}
      <p className="network">
        {t('approval.network', { space: view.space === 'core' ? t('common.coreSpace') : t('common.eSpace'), network: view.network.name, chainId: view.network.chainId })}
      </p>
    </header>
  );
}
