import { expect, test } from 'vitest';
import { MemoryVaultStorage } from './memory-storage.js';
import { vaultStorageContract } from './storage-contract.js';

vaultStorageContract(() => MemoryVaultStorage.open(`contract-${Math.random()}`));

test('storages opened under one name share their records, as a restart would see them', async () => {
  const name = `shared-${Math.random()}`;
  await (await MemoryVaultStorage.open(name)).commit(undefined, 'A', 1);
  expect(await (await MemoryVaultStorage.open(name)).readCurrent()).toEqual({ text: 'A', savedAt: 1 });
});
