import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { IdbVaultStorage } from './idb-storage.js';

describe('storage compare-and-swap', () => {
  test('a write based on a stale record changes nothing and reports it', async () => {
    const storage = await IdbVaultStorage.open(indexedDB, `cas-${Math.random()}`);
    expect(await storage.commit(undefined, 'A', 1)).toBe(true);
    expect(await storage.commit(undefined, 'B', 2)).toBe(false);
    expect(await storage.commit('stale', 'B', 2)).toBe(false);
    expect(await storage.replace('stale', 'B', 2)).toBe(false);
    expect(await storage.readCurrent()).toEqual({ text: 'A', savedAt: 1 });
    expect(await storage.readPrevious()).toBeUndefined();
    expect(await storage.commit('A', 'B', 3)).toBe(true);
    expect(await storage.readPrevious()).toEqual({ text: 'A', savedAt: 1 });
    await expect(storage.commit('B', '', 4)).rejects.toThrow(TypeError);
    expect(await storage.replace('B', 'C', 5)).toEqual([1, 2]);
    expect((await storage.listArchive()).map((e) => [e.text, e.reason, e.archivedAt])).toEqual([
      ['B', 'replaced-by-restore', 5],
      ['A', 'previous-of-replaced', 5],
    ]);
    expect(await storage.readPrevious()).toBeUndefined();
    storage.close();
    // Reopens on next use after close.
    expect((await storage.readCurrent())!.text).toBe('C');
  });
});
