/**
 * "Disconnect all sites": a button and a confirmation sheet that make the background forget every
 * site connection (`provider.resetSites`), the way out when a permission record is damaged or the
 * user wants a clean slate. Destructive but not dangerous: sites can ask to connect again, and the
 * user approves each one anew. The list refreshes on `provider.sitesChanged`.
 */
import { useState, type ReactElement } from 'react';
import { background } from '../../api/client.js';
import { useAction } from '../../api/hooks.js';
import { ErrorState } from '../../components/AsyncState.js';
import { Sheet } from '../../components/Sheet.js';
import { useT } from '../../i18n/i18n.js';

export function DisconnectAll({ onDone }: { onDone: () => void }): ReactElement {
  const [open, setOpen] = useState(false);
  const t = useT();
  const reset = useAction(() => background.call('provider.resetSites').then(() => true));
  const close = () => {
    setOpen(false);
    reset.reset();
  };
  return (
    <>
      <button type="button" className="btn btn-danger btn-block" onClick={() => setOpen(true)} data-testid="sites-disconnect-all">
        {t('sites.disconnectAll')}
      </button>
      <Sheet title={t('sites.disconnectAllTitle')} open={open} onClose={close}>
        <div className="stack">
          <p>{t('sites.disconnectAllExplain')}</p>
          {reset.error ? <ErrorState error={reset.error} title={t('sites.notDisconnected')} /> : null}
          <div className="btn-row">
            <button type="button" className="btn" onClick={close} disabled={reset.busy}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={reset.busy}
              onClick={() =>
                void reset.run().then((done) => {
                  if (!done) return;
                  setOpen(false);
                  onDone();
                })
              }
            >
              {t('sites.disconnectAllConfirm')}
            </button>
          </div>
        </div>
      </Sheet>
    </>
  );
}
