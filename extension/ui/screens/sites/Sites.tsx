/** Connected sites screen (Settings → Connected sites). */
import { useState, type ReactElement } from 'react';
import { background } from '../../api/client.js';
import { useQuery } from '../../api/hooks.js';
import { sitesFromApi } from '../../api/adapters/provider.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { SitesView } from './SitesView.js';

export function Sites(): ReactElement {
  const sites = useQuery('provider.listSites', undefined, { refreshOn: ['provider.sitesChanged'] });
  const [busyOrigin, setBusyOrigin] = useState<string>();
  const [error, setError] = useState<unknown>();
  return (
    <div className="stack">
      <ScreenHeader title="Connected sites" back="/settings" />
      {sites.error ? <ErrorState error={sites.error} onRetry={sites.refresh} /> : null}
      {error ? <ErrorState error={error} title="Not disconnected" /> : null}
      {sites.data ? (
        <SitesView
          sites={sitesFromApi(sites.data)}
          busyOrigin={busyOrigin}
          onDisconnect={(site) => {
            setBusyOrigin(site.origin);
            setError(undefined);
            background
              .call('provider.disconnectSite', site.space ? { origin: site.origin, space: site.space } : { origin: site.origin })
              .then(sites.refresh, setError)
              .finally(() => setBusyOrigin(undefined));
          }}
        />
      ) : !sites.error ? (
        <Loading />
      ) : null}
    </div>
  );
}
