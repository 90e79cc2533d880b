/** The light-client status screen, with a button to verify now instead of waiting for the schedule. */
import type { ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { LightClientView } from './LightClientView.js';
import { useT } from '../../i18n/i18n.js';

export function Status(): ReactElement {
  const { backend, network } = useWallet();
  const status = useAsync(() => backend.lightClient(), `lightclient:${network?.id ?? ''}`, { refreshOn: backend.events.status, pollMs: 5000, eventRefreshMs: 500, rememberAs: network ? `lightclient:${network.id}` : undefined });
  const t = useT();
  const sync = useAction(async () => {
    await backend.syncNow();
    status.refresh();
  });
  return (
    <div className="stack">
      <ScreenHeader
        title={t('status.title')}
        actions={
          <button type="button" className="btn btn-small" onClick={() => void sync.run()} disabled={sync.busy}>
            {sync.busy ? <span className="spinner" aria-hidden="true" /> : null}
            {sync.busy ? t('status.checking') : t('status.checkNow')}
          </button>
        }
      />
      <p className="small muted">{network ? t('status.introOn', { network: network.name }) : t('status.intro')}</p>
      {sync.error ? <ErrorState error={sync.error} title={t('status.checkFailed')} /> : null}
      {status.error ? <ErrorState error={status.error} onRetry={status.refresh} title={t('status.unavailable')} /> : null}
      {status.data ? <LightClientView status={status.data} lastKnownAt={status.lastKnownAt} now={Date.now()} /> : !status.error ? <Loading /> : null}
    </div>
  );
}
