/** The light-client status screen. */
import type { ReactElement } from 'react';
import { useAsync } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { LightClientView } from './LightClientView.js';

export function Status(): ReactElement {
  const { backend, network } = useWallet();
  const status = useAsync(() => backend.lightClient(), `lightclient:${network?.id ?? ''}`, { refreshOn: backend.chainEvents, pollMs: 5000, rememberAs: network ? `lightclient:${network.id}` : undefined });
  return (
    <div className="stack">
      <ScreenHeader title="Verification" />
      <p className="small muted">How Wayfarer checks what nodes tell it{network ? ` on ${network.name}` : ''}.</p>
      {status.error ? <ErrorState error={status.error} onRetry={status.refresh} title="Status not available" /> : null}
      {status.data ? <LightClientView status={status.data} lastKnownAt={status.lastKnownAt} now={Date.now()} /> : !status.error ? <Loading /> : null}
    </div>
  );
}
