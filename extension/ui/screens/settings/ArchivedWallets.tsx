/**
 * Settings → Archived wallets: the wallets this device keeps after "Start over" or a restore,
 * still encrypted with their own passwords. Restoring one makes it current again (the current
 * wallet goes to the archive in its place), after its password opens it.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { ArchivedWallet } from '../../api/backend.js';
import { useAction, useAsync } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { EmptyState, ErrorState, Loading } from '../../components/AsyncState.js';
import { DateTime } from '../../components/DateTime.js';
import { PasswordField } from '../../components/Field.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { useT } from '../../i18n/i18n.js';

export function ArchivedWallets(): ReactElement {
  const { backend } = useWallet();
  const entries = useAsync(() => backend.archive(), 'archive');
  const t = useT();
  return (
    <div className="stack">
      <ScreenHeader title={t('archive.title')} back="/settings" />
      <p className="muted">{t('archive.intro')}</p>
      {entries.data ? (
        entries.data.length === 0 ? (
          <EmptyState title={t('archive.empty')} />
        ) : (
          entries.data.map((entry) => <ArchivedEntry key={entry.archiveId} entry={entry} />)
        )
      ) : entries.error ? (
        <ErrorState error={entries.error} onRetry={entries.refresh} />
      ) : (
        <Loading />
      )}
    </div>
  );
}

function ArchivedEntry({ entry }: { entry: ArchivedWallet }): ReactElement {
  const { backend, refreshVault } = useWallet();
  const [password, setPassword] = useState('');
  const t = useT();
  const restore = useAction(async () => {
    await backend.restoreArchived(entry.archiveId, password);
    refreshVault();
    navigate('/', { replace: true });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void restore.run();
  };
  return (
    <form className="card stack" onSubmit={submit} data-testid="archived-wallet">
      <strong>{entry.kind === 'set-aside' ? t('archive.setAside') : t('archive.earlierCopy')}</strong>
      <p className="small muted">
        <DateTime at={entry.archivedAt} />
      </p>
      {entry.readable ? (
        <>
          <PasswordField label={t('archive.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
          {restore.error ? <ErrorState error={restore.error} title={t('archive.notRestored')} /> : null}
          <button type="submit" className="btn btn-primary" disabled={password === '' || restore.busy}>
            {t('archive.restore')}
          </button>
        </>
      ) : (
        <p className="small">{t('archive.damaged')}</p>
      )}
    </form>
  );
}
