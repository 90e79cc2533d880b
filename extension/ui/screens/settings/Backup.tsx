/**
 * Settings → Backup and restore. The backup is the vault exactly as stored: encrypted with the
 * wallet password, so the file alone is useless to whoever finds it. Restoring replaces the wallet
 * on this device after asking for the backup's password.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { PasswordField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { WayfarerError } from '../../../../core/errors.js';
import { useT } from '../../i18n/i18n.js';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const MAX_BACKUP_BYTES = 4 * 1024 * 1024;

export function Backup(): ReactElement {
  const { backend, refreshVault } = useWallet();
  const [exportPassword, setExportPassword] = useState('');
  const [file, setFile] = useState<File>();
  const [restorePassword, setRestorePassword] = useState('');
  const [done, setDone] = useState<string>();
  const t = useT();
  const exporter = useAction(async (password: string) => {
    const backup = await backend.exportBackup(password);
    download(backup.fileName, backup.text);
    setDone(t('settings.backup.saved', { file: backup.fileName }));
  });
  const restorer = useAction(async (backupFile: File, password: string) => {
    if (backupFile.size > MAX_BACKUP_BYTES) throw new WayfarerError('ui.backup_too_large', 'This file is too large to be a Wayfarer backup.');
    await backend.restoreBackup(await backupFile.text(), password);
    setDone(t('settings.backup.restored'));
    refreshVault();
  });
  const onExport = (event: FormEvent) => {
    event.preventDefault();
    void exporter.run(exportPassword).then(() => setExportPassword(''));
  };
  const onRestore = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    void restorer.run(file, restorePassword).then(() => setRestorePassword(''));
  };
  return (
    <div className="stack">
      <ScreenHeader title={t('settings.entries.backup')} back="/settings" />
      {done ? (
        <Notice tone="info" live>
          {done}
        </Notice>
      ) : null}
      <form className="card stack" onSubmit={onExport} noValidate>
        <h2>{t('settings.backup.exportTitle')}</h2>
        <p className="small">{t('settings.backup.exportIntro')}</p>
        <PasswordField label={t('settings.backup.walletPassword')} value={exportPassword} onChange={(e) => setExportPassword(e.target.value)} autoComplete="current-password" />
        {exporter.error ? <ErrorState error={exporter.error} title={t('settings.backup.noBackup')} /> : null}
        <button type="submit" className="btn btn-block" disabled={exporter.busy || exportPassword === ''}>
          {exporter.busy ? t('settings.backup.exporting') : t('settings.backup.export')}
        </button>
      </form>
      <form className="card stack" onSubmit={onRestore} noValidate>
        <h2>{t('settings.backup.restoreTitle')}</h2>
        <Notice tone="warn">{t('settings.backup.restoreWarning')}</Notice>
        <div className="field">
          <label htmlFor="backup-file">{t('settings.backup.file')}</label>
          <input id="backup-file" className="input" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0])} />
        </div>
        <PasswordField label={t('settings.backup.password')} value={restorePassword} onChange={(e) => setRestorePassword(e.target.value)} autoComplete="off" />
        {restorer.error ? <ErrorState error={restorer.error} title={t('settings.backup.notRestored')} /> : null}
        <button type="submit" className="btn btn-block" disabled={restorer.busy || !file || restorePassword === ''}>
          {restorer.busy ? t('settings.backup.restoring') : t('settings.backup.restore')}
        </button>
      </form>
    </div>
  );
}
