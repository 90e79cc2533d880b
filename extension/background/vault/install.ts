/**
 * Wires the vault into the background worker. Called once, synchronously, from the composition
 * root: the alarm listener must be registered in the worker's first turn (the worker may have been
 * woken by that very alarm), while the service itself starts asynchronously.
 * @module
 */
import { Vault } from '../../../core/vault/index.js';
import { IdbVaultStorage } from './idb-storage.js';
import type { UiRouter } from '../router.js';
import { AutoLockSettingStore } from './settings-store.js';
import { SessionStore } from './session-store.js';
import { chromeArea, trustedSessionArea } from '../storage-area.js';
import { chromeAlarms } from './platform.js';
import { VaultService } from './service.js';
import { vaultUiHandlers } from './ui-handlers.js';
import { vaultKeyring, type VaultKeyring } from './provider-keyring.js';
import { startNow, startOnDemand, type Service } from '../lifecycle.js';

export interface InstalledVault {
  /** Accounts, lock state and signing by account id, for the dApp provider. */
  readonly keyring: VaultKeyring;
}

export function installVault(router: UiRouter): InstalledVault {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const start = async (): Promise<VaultService> =>
    VaultService.start({
      vault: new Vault({ storage: await IdbVaultStorage.open(indexedDB) }),
      session: new SessionStore(await trustedSessionArea()),
      settings: new AutoLockSettingStore(chromeArea(chrome.storage.local)),
      alarms: chromeAlarms,
      now: Date.now,
      events: {
        statusChanged: (status) => {
          router.emit('vault.changed', status);
          notify();
        },
        accountsChanged: () => {
          router.emit('vault.accountsChanged', {});
          notify();
        },
      },
    });
  // A start that failed (the vault database could not be opened, say) answers the waiting
  // requests with its typed error and is tried again by the next one (see ../lifecycle.ts).
  const service = startNow('vault', startOnDemand(start));
  chrome.alarms.onAlarm.addListener((alarm) => {
    service()
      .then(async (running) => running.handleAlarm(alarm.name))
      .catch((error: unknown) => console.error('vault: auto-lock alarm failed:', error instanceof Error ? error.name : typeof error));
  });
  router.register(vaultUiHandlers(service));
  const keyring = vaultKeyringWhenReady(service, (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  return { keyring };
}

function vaultKeyringWhenReady(service: Service<VaultService>, subscribe: (listener: () => void) => () => void): VaultKeyring {
  const keyring = async (): Promise<VaultKeyring> => vaultKeyring(await service(), subscribe);
  return {
    isUnlocked: async () => (await keyring()).isUnlocked(),
    listAccounts: async () => (await keyring()).listAccounts(),
    signCoreTransaction: async (...args) => (await keyring()).signCoreTransaction(...args),
    signEspaceTransaction: async (...args) => (await keyring()).signEspaceTransaction(...args),
    personalSign: async (...args) => (await keyring()).personalSign(...args),
    signTypedData: async (...args) => (await keyring()).signTypedData(...args),
    onChange: subscribe,
  };
}
