/**
 * Where the light client keeps its progress between runs (service-worker restarts are frequent on
 * mobile Chromium). The interface moves opaque records keyed by chain id; the light client
 * validates what it loads (`record.ts`), so a store implementation needs no knowledge of the
 * format. Two implementations: in memory (tests, ephemeral sessions) and IndexedDB via `idb`,
 * with the `IDBFactory` injected (the database to use is the caller's choice; `idb` itself still
 * expects the standard `IDB*` classes that browsers and workers provide).
 * @module
 */
import { wrap, type IDBPDatabase } from 'idb';
import { CheckpointError } from '../errors.js';
import type { CheckpointRecord } from './record.js';

export interface CheckpointStore {
  /** The stored record for the chain (unvalidated), or undefined when none was saved. */
  load(chainId: number): Promise<unknown>;
  save(chainId: number, record: CheckpointRecord): Promise<void>;
  /** Deletes the record (an explicit user decision after `checkpoint.corrupt`). */
  clear(chainId: number): Promise<void>;
}

/** Keeps records in memory (structured-cloned, like IndexedDB would). */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly records = new Map<number, unknown>();

  load(chainId: number): Promise<unknown> {
    const record = this.records.get(chainId);
    return Promise.resolve(record === undefined ? undefined : structuredClone(record));
  }

  save(chainId: number, record: CheckpointRecord): Promise<void> {
    this.records.set(chainId, structuredClone(record));
    return Promise.resolve();
  }

  clear(chainId: number): Promise<void> {
    this.records.delete(chainId);
    return Promise.resolve();
  }

  /** Test hook: put arbitrary data where a record would be. */
  putRaw(chainId: number, value: unknown): void {
    this.records.set(chainId, value);
  }
}

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
