/**
 * The vault's UI methods (extension/shared/ui-api/vault.ts) mapped onto the vault service. Params
 * arrive already checked against their schemas by the router; the service and core check meaning.
 * @module
 */
import type { UiHandlers } from '../router.js';
import type { VaultService } from './service.js';

export function vaultUiHandlers(service: () => Promise<VaultService>): UiHandlers {
  return {
    'vault.status': async () => (await service()).status(),
    'vault.create': async ({ password, wallet, replaceExisting }) => (await service()).create(password, wallet, replaceExisting === true),
    'vault.unlock': async ({ password }) => (await service()).unlock(password),
    'vault.lock': async () => (await service()).lock(),
    'vault.touch': async () => (await service()).touch(),
    'vault.accounts': async ({ networkId }) => (await service()).accounts(networkId),
    'vault.addWallet': async ({ wallet }) => (await service()).addWallet(wallet),
    'vault.addAccount': async ({ walletId, name }) => (await service()).addAccount(walletId, name),
    'vault.renameAccount': async ({ accountId, name }) => (await service()).renameAccount(accountId, name),
    'vault.revealMnemonic': async ({ walletId, password }) => (await service()).revealMnemonic(walletId, password),
    'vault.revealPrivateKey': async ({ accountId, space, password }) => (await service()).revealPrivateKey(accountId, space, password),
    'vault.changePassword': async ({ currentPassword, newPassword }) => (await service()).changePassword(currentPassword, newPassword),
    'vault.exportBackup': async ({ password }) => (await service()).exportBackup(password),
    'vault.restoreBackup': async ({ text, password }) => (await service()).restoreBackup(text, password),
    'vault.restorePrevious': async ({ password }) => (await service()).restorePrevious(password),
    'vault.listArchive': async () => (await service()).listArchive(),
    'vault.restoreArchived': async ({ archiveId, password }) => (await service()).restoreArchived(archiveId, password),
    'vault.getAutoLock': async () => (await service()).getAutoLock(),
    'vault.setAutoLock': async ({ autoLockMs }) => (await service()).setAutoLock(autoLockMs),
  };
}
