/**
 * Settings → Privacy. Two independent choices: what this screen shows (masked amounts, nothing
 * remembered on disk), and how the background talks to nodes (spreading accounts over nodes so
 * no single node operator learns that they belong together).
 */
import type { ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { setPrivacyMode, usePrivacy } from '../../app/privacy.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';

export function Privacy(): ReactElement {
  const { backend } = useWallet();
  const { hidden } = usePrivacy();
  const nodePrivacy = useAsync(() => backend.privacy(), 'privacy', { refreshOn: backend.events.network });
  const save = useAction(async (on: boolean) => {
    await backend.setPrivacy({ nodePrivacy: on });
    nodePrivacy.refresh();
  });
  return (
    <div className="stack">
      <ScreenHeader title="Privacy" back="/settings" />
      <label className="checkbox card">
        <input type="checkbox" checked={hidden} onChange={(e) => setPrivacyMode(e.target.checked)} />
        <span>
          <strong>Privacy mode</strong>
          <br />
          <span className="small muted">Hide amounts on screen (for using the wallet in public), and don’t remember balances or activity between visits — every visit starts empty and loads fresh.</span>
        </span>
      </label>
      <label className="checkbox card">
        <input type="checkbox" checked={nodePrivacy.data?.nodePrivacy ?? false} disabled={!nodePrivacy.data || save.busy} onChange={(e) => void save.run(e.target.checked)} />
        <span>
          <strong>Spread accounts over nodes</strong>
          <br />
          <span className="small muted">Ask about each account through different nodes, so no single node operator can tell your accounts belong to the same person. Cross-checks may then use fewer nodes per value.</span>
        </span>
      </label>
      {nodePrivacy.error ? <ErrorState error={nodePrivacy.error} onRetry={nodePrivacy.refresh} /> : null}
      {save.error ? <ErrorState error={save.error} title="Not saved" /> : null}
    </div>
  );
}
