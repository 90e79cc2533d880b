/**
 * The vault's durable storage in IndexedDB (through `idb`): core's {@link VaultStorage} with
 * crash-safe, compare-and-swap writes. The `IDBFactory` is injected (`indexedDB` in the worker;
 * fake-indexeddb in tests).
 *
 * Threat model: see core/vault/storage.ts. Every change of the stored vault is ONE IndexedDB
 * readwrite transaction (check the current record, keep or archive it, write, read back);
 * IndexedDB commits it all-or-nothing and any error here aborts it explicitly, so a crash or
 * failure leaves the old vault or the new one, never a mix. Records are stored as their text,
 * never interpreted here.
 * @module
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { VaultStorageError } from '../../../core/vault/errors.js';
import type { ArchivedRecord, StoredRecord, ThrottleState, VaultStorage, WriteOptions } from '../../../core/vault/storage.js';

interface VaultDb extends DBSchema {
  records: { key: 'current' | 'previous'; value: StoredRecord };
  // archiveId is absent when adding: the store's key generator assigns it.
  archive: { key: number; value: Omit<ArchivedRecord, 'archiveId'> & { archiveId?: number } };
  meta: { key: 'throttle'; value: ThrottleState };
}

export const DEFAULT_VAULT_DB_NAME = 'wayfarer-vault';
const DB_VERSION = 1;

/** IndexedDB-backed {@link VaultStorage}. */
export class IdbVaultStorage implements VaultStorage {
  #db: IDBPDatabase<VaultDb> | undefined;
  readonly #factory: IDBFactory;
  readonly #name: string;

  private constructor(factory: IDBFactory, name: string) {
    this.#factory = factory;
    this.#name = name;
  }

  /**
   * Opens (creating on first use) the vault database.
   * @example
   * const storage = await IdbVaultStorage.open(indexedDB);
   */
  static async open(factory: IDBFactory, name: string = DEFAULT_VAULT_DB_NAME): Promise<IdbVaultStorage> {
    const storage = new IdbVaultStorage(factory, name);
    await storage.#connection();
    return storage;
  }

  /** Closes the connection (it reopens on next use). */
  close(): void {
    this.#db?.close();
    this.#db = undefined;
  }

  async #connection(): Promise<IDBPDatabase<VaultDb>> {
    if (this.#db !== undefined) return this.#db;
    try {
      const request = this.#factory.open(this.#name, DB_VERSION);
      request.onupgradeneeded = (event) => {
        if (event.oldVersion < 1) {
          const db = request.result;
          db.createObjectStore('records');
          db.createObjectStore('archive', { keyPath: 'archiveId', autoIncrement: true });
          db.createObjectStore('meta');
        }
      };
      const db = (await wrap(request)) as IDBPDatabase<VaultDb> | undefined;
      if (db === undefined) throw new Error('IndexedDB did not open');
      // A newer version of the extension wants to upgrade the schema: step aside, reopen later.
      db.addEventListener('versionchange', () => this.close());
      // The browser dropped the connection (e.g. storage cleared): reopen on next use.
      db.addEventListener('close', () => {
        if (this.#db === db) this.#db = undefined;
      });
      this.#db = db;
    } catch (cause) {
      throw new VaultStorageError('Could not open the vault database.', { cause });
    }
    return this.#db;
  }

  async readCurrent(): Promise<StoredRecord | undefined> {
    return this.#single('records', 'readonly', (store) => store.get('current'));
  }

  async readPrevious(): Promise<StoredRecord | undefined> {
    return this.#single('records', 'readonly', (store) => store.get('previous'));
  }

  async commit(expected: string | undefined, next: string, now: number, options: WriteOptions = {}): Promise<boolean> {
    const result = await this.#write(expected, next, now, false, options);
    return result !== false;
  }

  async replace(expected: string | undefined, next: string, now: number, options: WriteOptions = {}): Promise<number[] | false> {
    return this.#write(expected, next, now, true, options);
  }

  async #write(expected: string | undefined, next: string, now: number, archiveOld: boolean, options: WriteOptions): Promise<number[] | false> {
    if (typeof next !== 'string' || next.length === 0) throw new TypeError('"next" expected a non-empty string');
    const db = await this.#connection();
    const tx = db.transaction(['records', 'archive', 'meta'], 'readwrite');
    const records = tx.objectStore('records');
    const archive = tx.objectStore('archive');
    try {
      const current = await records.get('current');
      if (current?.text !== expected) {
        tx.abort();
        await tx.done.catch(() => undefined);
        return false;
      }
      const archived: number[] = [];
      if (archiveOld) {
        const previous = await records.get('previous');
        for (const [record, reason] of [
          [current, 'replaced-by-restore'],
          [previous, 'previous-of-replaced'],
        ] as const) {
          if (record === undefined) continue;
          archived.push(await archive.add({ text: record.text, savedAt: record.savedAt, reason, archivedAt: now }));
        }
        await records.delete('previous');
      } else if (current !== undefined) {
        await records.put(current, 'previous');
      }
      await records.put({ text: next, savedAt: now }, 'current');
      if (options.clearThrottle === true) await tx.objectStore('meta').delete('throttle');
      const readBack = await records.get('current');
      if (readBack?.text !== next) throw new VaultStorageError('The vault did not read back as written.');
      await tx.done;
      return archived;
    } catch (cause) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      if (cause instanceof VaultStorageError) throw cause;
      throw new VaultStorageError('Saving the vault failed; the previous version is unchanged.', { cause });
    }
  }

  async listArchive(): Promise<ArchivedRecord[]> {
    const entries = await this.#single('archive', 'readonly', (store) => store.getAll());
    return entries.map(withArchiveId);
  }

  async readArchived(archiveId: number): Promise<ArchivedRecord | undefined> {
    const entry = await this.#single('archive', 'readonly', (store) => store.get(archiveId));
    return entry === undefined ? undefined : withArchiveId(entry);
  }

  async deleteArchived(archiveId: number): Promise<void> {
    await this.#single('archive', 'readwrite', (store) => store.delete(archiveId));
  }

  async readThrottle(): Promise<ThrottleState | undefined> {
    return this.#single('meta', 'readonly', (store) => store.get('throttle'));
  }

  async writeThrottle(state: ThrottleState | undefined): Promise<void> {
    await this.#single('meta', 'readwrite', async (store) => {
      if (state === undefined) await store.delete('throttle');
      else await store.put(state, 'throttle');
    });
  }

  /** One request in its own transaction; resolves only once the transaction has completed. */
  async #single<Name extends StoreNames<VaultDb>, Mode extends IDBTransactionMode, T>(
    name: Name,
    mode: Mode,
    request: (store: IDBPObjectStore<VaultDb, [Name], Name, Mode>) => Promise<T>,
  ): Promise<T> {
    const db = await this.#connection();
    let tx: IDBPTransaction<VaultDb, [Name], Mode> | undefined;
    try {
      tx = db.transaction(name, mode);
      const result = await request(tx.objectStore(name));
      await tx.done;
      return result;
    } catch (cause) {
      if (tx !== undefined) {
        abortQuietly(tx);
        await tx.done.catch(() => undefined);
      }
      throw new VaultStorageError('Reading or writing vault storage failed.', { cause });
    }
  }
}

function withArchiveId(entry: Omit<ArchivedRecord, 'archiveId'> & { archiveId?: number }): ArchivedRecord {
  if (entry.archiveId === undefined) throw new VaultStorageError('An archive entry has no id.');
  return { ...entry, archiveId: entry.archiveId };
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: the transaction's outcome is what tx.done reports.
  }
}
