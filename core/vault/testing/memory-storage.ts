/**
 * A working in-memory {@link VaultStorage} for core's tests: the same compare-and-swap, archive and
 * throttle rules as the IndexedDB adapter, with no platform. Storages opened under the same name
 * share their data, so reopening one stands for a worker restart. Records are copied in and out,
 * as a database would.
 * @module
 */
import type { ArchivedRecord, StoredRecord, ThrottleState, VaultStorage, WriteOptions } from '../storage.js';

interface Data {
  current: StoredRecord | undefined;
  previous: StoredRecord | undefined;
  archive: Map<number, ArchivedRecord>;
  nextArchiveId: number;
  throttle: ThrottleState | undefined;
}

const databases = new Map<string, Data>();
const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

export class MemoryVaultStorage implements VaultStorage {
  readonly #data: Data;

  private constructor(data: Data) {
    this.#data = data;
  }

  /** Opens the named storage (creating it on first use). */
  static open(name: string = `memory-${databases.size}`): Promise<MemoryVaultStorage> {
    let data = databases.get(name);
    if (data === undefined) databases.set(name, (data = { current: undefined, previous: undefined, archive: new Map(), nextArchiveId: 1, throttle: undefined }));
    return Promise.resolve(new MemoryVaultStorage(data));
  }

  /** Replaces the current record behind the vault's back, as disk corruption or an attacker would. */
  overwriteCurrent(text: string, savedAt = 0): void {
    this.#data.current = { text, savedAt };
  }

  readCurrent(): Promise<StoredRecord | undefined> {
    return Promise.resolve(copy(this.#data.current));
  }

  readPrevious(): Promise<StoredRecord | undefined> {
    return Promise.resolve(copy(this.#data.previous));
  }

  async commit(expected: string | undefined, next: string, now: number, options: WriteOptions = {}): Promise<boolean> {
    return (await this.#write(expected, next, now, false, options)) !== false;
  }

  replace(expected: string | undefined, next: string, now: number, options: WriteOptions = {}): Promise<number[] | false> {
    return this.#write(expected, next, now, true, options);
  }

  #write(expected: string | undefined, next: string, now: number, archiveOld: boolean, options: WriteOptions): Promise<number[] | false> {
    if (typeof next !== 'string' || next.length === 0) return Promise.reject(new TypeError('"next" expected a non-empty string'));
    const data = this.#data;
    if (data.current?.text !== expected) return Promise.resolve(false);
    const archived: number[] = [];
    if (archiveOld) {
      for (const [record, reason] of [[data.current, 'replaced-by-restore'], [data.previous, 'previous-of-replaced']] as const) {
        if (record === undefined) continue;
        const archiveId = data.nextArchiveId++;
        data.archive.set(archiveId, { text: record.text, savedAt: record.savedAt, reason, archivedAt: now, archiveId });
        archived.push(archiveId);
      }
      data.previous = undefined;
    } else if (data.current !== undefined) {
      data.previous = data.current;
    }
    data.current = { text: next, savedAt: now };
    if (options.clearThrottle === true) data.throttle = undefined;
    return Promise.resolve(archived);
  }

  listArchive(): Promise<ArchivedRecord[]> {
    return Promise.resolve([...this.#data.archive.values()].map(copy));
  }

  readArchived(archiveId: number): Promise<ArchivedRecord | undefined> {
    return Promise.resolve(copy(this.#data.archive.get(archiveId)));
  }

  deleteArchived(archiveId: number): Promise<void> {
    this.#data.archive.delete(archiveId);
    return Promise.resolve();
  }

  readThrottle(): Promise<ThrottleState | undefined> {
    return Promise.resolve(copy(this.#data.throttle));
  }

  writeThrottle(state: ThrottleState | undefined): Promise<void> {
    this.#data.throttle = copy(state);
    return Promise.resolve();
  }
}
