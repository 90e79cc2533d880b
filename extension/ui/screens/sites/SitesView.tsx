/** Sites the user connected, with the accounts each can see; disconnect any of them. */
import type { ReactElement } from 'react';
import { shortenAddress } from '../../components/AddressText.js';
import { EmptyState } from '../../components/AsyncState.js';
import { DateTime } from '../../components/DateTime.js';
import type { ConnectedSite } from '../../model/wallet.js';
import { useT } from '../../i18n/i18n.js';

export function SitesView({ sites, onDisconnect, busyOrigin }: { sites: readonly ConnectedSite[]; onDisconnect: (site: ConnectedSite) => void; busyOrigin?: string | undefined }): ReactElement {
  const t = useT();
  const spaceName = (space: ConnectedSite['space']) => (space === 'core' ? t('common.coreSpace') : t('common.eSpace'));
  if (sites.length === 0) {
    return <EmptyState title={t('sites.empty')}>{t('sites.emptyHint')}</EmptyState>;
  }
  return (
    <ul className="list" data-testid="sites">
      {sites.map((site) => (
        <li key={`${site.origin}-${site.space ?? ''}`} className="list-item">
          <span className="grow">
            <span className="primary break" data-testid="site-origin">
              {site.origin}
            </span>
            <br />
            <span className="secondary">
              {site.space ? t('sites.spacePrefix', { space: spaceName(site.space) }) : ''}
              {site.accounts.length === 0 ? t('sites.noAccounts') : site.accounts.map((a) => shortenAddress(a, 4)).join(', ')}
              {site.connectedAt !== undefined ? (
                <>
                  {t('sites.since')}
                  <DateTime at={site.connectedAt} />
                </>
              ) : null}
            </span>
          </span>
          <button type="button" className="btn btn-small" onClick={() => onDisconnect(site)} disabled={busyOrigin === site.origin} aria-label={site.space ? t('sites.disconnectSiteIn', { origin: site.origin, space: spaceName(site.space) }) : t('sites.disconnectSite', { origin: site.origin })}>
            {t('sites.disconnect')}
          </button>
        </li>
      ))}
    </ul>
  );
}
