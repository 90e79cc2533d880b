/** The light-client status screen, with a button to verify now instead of waiting for the schedule. */
import type { ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { LightClientView } from './LightClientView.js';

export function Status(): ReactElement {
  const { backend, network } = useWallet();
  const status = useAsync(() => backend.lightClient(), `lightclient:${network?.id ?? ''}`, { refreshOn: backend.events.status, pollMs: 5000, rememberAs: network ? `lightclient:${network.id}` : undefined });
  const sync = useAction(async () => {
    await backend.syncNow();
    status.refresh();
  });
  return (
    <div className="stack">
      <ScreenHeader
        title="Verification"
        actions={
          <button type="button" className="btn btn-small" onClick={() => void sync.run()} disabled={sync.busy}>
            {sync.busy ? <span className="spinner" aria-hidden="true" /> : null}
            {sync.busy ? 'Checking…' : 'Check now'}
          </button>
        }
      />
      <p className="small muted">How Wayfarer checks what nodes tell it{network ? ` on ${network.name}` : ''}.</p>
      {sync.error ? <ErrorState error={sync.error} title="The check did not finish" /> : null}
      {status.error ? <ErrorState error={status.error} onRetry={status.refresh} title="Status not available" /> : null}
      {status.data ? <LightClientView status={status.data} lastKnownAt={status.lastKnownAt} now={Date.now()} /> : !status.error ? <Loading /> : null}
    </div>
  );
}
