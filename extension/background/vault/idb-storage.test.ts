import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { vaultStorageContract } from '../../../core/vault/testing/storage-contract.js';
import { IdbVaultStorage } from './idb-storage.js';

vaultStorageContract(() => IdbVaultStorage.open(indexedDB, `contract-${Math.random()}`));

test('a closed storage reopens on next use', async () => {
  const storage = await IdbVaultStorage.open(indexedDB, `reopen-${Math.random()}`);
  expect(await storage.commit(undefined, 'A', 1)).toBe(true);
  storage.close();
  expect((await storage.readCurrent())!.text).toBe('A');
});

test('an unopenable database is a vault.storage failure', async () => {
  const name = `newer-${Math.random()}`;
  (await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 5);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  })).close();
  await expect(IdbVaultStorage.open(indexedDB, name)).rejects.toMatchObject({ code: 'vault.storage' });
});
