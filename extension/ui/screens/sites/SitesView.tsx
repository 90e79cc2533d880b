/** Sites the user connected, with the accounts each can see; disconnect any of them. */
import type { ReactElement } from 'react';
import { shortenAddress } from '../../components/AddressText.js';
import { EmptyState } from '../../components/AsyncState.js';
import { DateTime } from '../../components/DateTime.js';
import type { ConnectedSite } from '../../model/wallet.js';

export function SitesView({ sites, onDisconnect, busyOrigin }: { sites: readonly ConnectedSite[]; onDisconnect: (site: ConnectedSite) => void; busyOrigin?: string | undefined }): ReactElement {
  if (sites.length === 0) {
    return <EmptyState title="No connected sites">When you connect Wayfarer to a site, it appears here. A connected site can see your address and ask you to sign; it can never sign by itself.</EmptyState>;
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
              {site.space ? `${site.space === 'core' ? 'Core space' : 'eSpace'} · ` : ''}
              {site.accounts.length === 0 ? 'no accounts' : site.accounts.map((a) => shortenAddress(a, 4)).join(', ')}
              {site.connectedAt !== undefined ? (
                <>
                  {' · since '}
                  <DateTime at={site.connectedAt} />
                </>
              ) : null}
            </span>
          </span>
          <button type="button" className="btn btn-small" onClick={() => onDisconnect(site)} disabled={busyOrigin === site.origin} aria-label={`Disconnect ${site.origin}${site.space ? ` (${site.space === 'core' ? 'Core space' : 'eSpace'})` : ''}`}>
            Disconnect
          </button>
        </li>
      ))}
    </ul>
  );
}
