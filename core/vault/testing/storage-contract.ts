/**
 * What every {@link VaultStorage} must do, as tests run against each implementation (the
 * extension's IndexedDB adapter and core's in-memory one), so the fake core tests use behaves as the
 * real storage does.
 * @module
 */
import { describe, expect, test } from 'vitest';
import type { VaultStorage } from '../storage.js';

export function vaultStorageContract(open: () => Promise<VaultStorage>): void {
  describe('storage compare-and-swap', () => {
    test('a write based on a stale record changes nothing and reports it', async () => {
      const storage = await open();
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
      expect((await storage.readCurrent())!.text).toBe('C');
    });

    test('the archive and the wrong-password counter', async () => {
      const storage = await open();
      await storage.commit(undefined, 'A', 1);
      await storage.writeThrottle({ failures: 2, lastFailureAt: 7 });
      expect(await storage.readThrottle()).toEqual({ failures: 2, lastFailureAt: 7 });
      const [archiveId] = (await storage.replace('A', 'B', 2, { clearThrottle: true })) as number[];
      expect(await storage.readThrottle()).toBeUndefined();
      expect(await storage.readArchived(archiveId!)).toMatchObject({ text: 'A', reason: 'replaced-by-restore', archiveId });
      await storage.deleteArchived(archiveId!);
      expect(await storage.readArchived(archiveId!)).toBeUndefined();
      expect(await storage.listArchive()).toEqual([]);
    });
  });
}
