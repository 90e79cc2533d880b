/** Settings → Auto-lock: how long the wallet stays unlocked without use. */
import { useState, type ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { formatDuration } from '../../format/time.js';
import { useT } from '../../i18n/i18n.js';

export function AutoLock(): ReactElement {
  const { backend } = useWallet();
  const settings = useAsync(() => backend.autoLock(), 'autolock', { refreshOn: backend.events.vault });
  // The choice shows at once; a failed save puts the stored value back.
  const [chosen, setChosen] = useState<number>();
  const t = useT();
  const save = useAction(async (idleMs: number) => {
    setChosen(idleMs);
    try {
      await backend.setAutoLock(idleMs);
    } catch (error) {
      setChosen(undefined);
      throw error;
    }
    settings.refresh();
  });
  const selected = chosen ?? settings.data?.idleMs;
  return (
    <div className="stack">
      <ScreenHeader title={t('settings.entries.autoLock')} back="/settings" />
      <p>{t('settings.autoLock.intro')}</p>
      {settings.error ? <ErrorState error={settings.error} onRetry={settings.refresh} /> : null}
      {settings.data ? (
        <fieldset className="stack">
          <legend>{t('settings.autoLock.lockAfter')}</legend>
          {settings.data.choicesMs.map((ms) => (
            <label key={ms} className="checkbox">
              <input type="radio" name="autolock" checked={selected === ms} onChange={() => void save.run(ms)} />
              <span>{ms === 0 ? t('settings.autoLock.browserCloses') : formatDuration(ms)}</span>
            </label>
          ))}
        </fieldset>
      ) : !settings.error ? (
        <Loading />
      ) : null}
      {save.error ? <ErrorState error={save.error} title={t('settings.autoLock.notSaved')} /> : null}
    </div>
  );
}
