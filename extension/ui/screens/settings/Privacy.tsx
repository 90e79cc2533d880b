/**
 * Settings → Privacy. Two independent choices: what this screen shows (hidden amounts, nothing
 * remembered on disk), and how the background talks to nodes (privacy: spreading accounts over
 * nodes so no single node operator learns that they belong together).
 */
import type { ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { setAmountsHidden, useHiddenAmounts } from '../../app/hidden-amounts.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { useT } from '../../i18n/i18n.js';

export function Privacy(): ReactElement {
  const { backend } = useWallet();
  const { hidden } = useHiddenAmounts();
  const t = useT();
  const nodePrivacy = useAsync(() => backend.privacy(), 'privacy', { refreshOn: backend.events.network });
  const save = useAction(async (on: boolean) => {
    await backend.setPrivacy({ nodePrivacy: on });
    nodePrivacy.refresh();
  });
  return (
    <div className="stack">
      <ScreenHeader title={t('settings.privacy.title')} back="/settings" />
      <label className="checkbox card">
        <input type="checkbox" checked={hidden} onChange={(e) => setAmountsHidden(e.target.checked)} />
        <span>
          <strong>{t('settings.privacy.hideAmounts')}</strong>
          <br />
          <span className="small muted">{t('settings.privacy.hideAmountsDetail')}</span>
        </span>
      </label>
      <label className="checkbox card">
        <input type="checkbox" checked={nodePrivacy.data?.nodePrivacy ?? false} disabled={!nodePrivacy.data || save.busy} onChange={(e) => void save.run(e.target.checked)} />
        <span>
          <strong>{t('settings.privacy.spread')}</strong>
          <br />
          <span className="small muted">{t('settings.privacy.spreadDetail')}</span>
        </span>
      </label>
      {nodePrivacy.error ? <ErrorState error={nodePrivacy.error} onRetry={nodePrivacy.refresh} /> : null}
      {save.error ? <ErrorState error={save.error} title={t('settings.privacy.notSaved')} /> : null}
    </div>
  );
}
