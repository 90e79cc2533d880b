/**
 * The light client's progress in IndexedDB (database `wayfarer-lightclient`, object store
 * `checkpoints`, key = chain id), behind core's `CheckpointStore` interface. The `IDBFactory` is
 * injected (`indexedDB` in the worker; fake-indexeddb in tests); records are opaque here and
 * validated by the light client when loaded.
 *
 * Threat model: storage can fail or be damaged; failures become `checkpoint.storage`, damage is
 * found by the light client (`checkpoint.corrupt`), never repaired silently here.
 * @module
 */
import { wrap, type IDBPDatabase } from 'idb';
import { CheckpointError } from '../../../core/lightclient/errors.js';
import type { CheckpointRecord } from '../../../core/lightclient/checkpoint/record.js';
import type { CheckpointStore } from '../../../core/lightclient/checkpoint/store.js';

export const CHECKPOINT_DB_NAME = 'wayfarer-lightclient';
const DB_VERSION = 1;
const STORE_NAME = 'checkpoints';

/** IndexedDB-backed store: database `wayfarer-lightclient`, object store `checkpoints`, key = chain id. */
export class IndexedDbCheckpointStore implements CheckpointStore {
  private db: Promise<IDBPDatabase> | undefined;

  /** @param factory the IndexedDB factory (`indexedDB` in a browser or worker; fake-indexeddb in tests) */
  constructor(private readonly factory: IDBFactory, private readonly dbName: string = CHECKPOINT_DB_NAME) {}

  private open(): Promise<IDBPDatabase> {
    if (this.db === undefined) {
      const request = this.factory.open(this.dbName, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(STORE_NAME)) db.createObjectStore(STORE_NAME);
      };
      this.db = wrap(request).then((db) => {
        if (db === undefined) throw new CheckpointError('checkpoint.storage', 'IndexedDB did not open');
        return db;
      });
      this.db.catch(() => {
        this.db = undefined; // allow a later retry
      });
    }
    return this.db;
  }

  private async run<T>(what: string, action: (db: IDBPDatabase) => Promise<T>): Promise<T> {
    try {
      return await action(await this.open());
    } catch (cause) {
      if (cause instanceof CheckpointError) throw cause;
      throw new CheckpointError('checkpoint.storage', `IndexedDB ${what} failed`, { cause });
    }
  }

  load(chainId: number): Promise<unknown> {
    return this.run('read', (db) => db.get(STORE_NAME, chainId));
  }

  save(chainId: number, record: CheckpointRecord): Promise<void> {
    return this.run('write', async (db) => {
      await db.put(STORE_NAME, record, chainId);
    });
  }

  clear(chainId: number): Promise<void> {
    return this.run('delete', (db) => db.delete(STORE_NAME, chainId));
  }

  /** Closes the connection (tests, or before deleting the database). */
  async close(): Promise<void> {
    if (this.db === undefined) return;
    const db = await this.db;
    db.close();
    this.db = undefined;
  }
}
