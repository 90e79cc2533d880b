/** Connected sites screen (Settings → Connected sites): disconnect one, or all at once. */
import { useState, type ReactElement } from 'react';
import { background } from '../../api/client.js';
import { useQuery } from '../../api/hooks.js';
import { sitesFromApi } from '../../api/adapters/provider.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { DisconnectAll } from './DisconnectAll.js';
import { SitesView } from './SitesView.js';
import { useT } from '../../i18n/i18n.js';

export function Sites(): ReactElement {
  const sites = useQuery('provider.listSites', undefined, { refreshOn: ['provider.sitesChanged'] });
  const [busyOrigin, setBusyOrigin] = useState<string>();
  const [error, setError] = useState<unknown>();
  const t = useT();
  return (
    <div className="stack">
      <ScreenHeader title={t('sites.title')} back="/settings" />
      {sites.error ? <ErrorState error={sites.error} onRetry={sites.refresh} /> : null}
      {error ? <ErrorState error={error} title={t('sites.notDisconnected')} /> : null}
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
      {/* Also when the list cannot be read: forgetting every connection is the way out of a damaged record. */}
      {sites.error || (sites.data && sites.data.length > 0) ? <DisconnectAll onDone={sites.refresh} /> : null}
    </div>
  );
}
