/**
 * What the vault needs from durable storage: crash-safe, compare-and-swap writes of its record,
 * an archive of replaced records, and the wrong-password counter. The platform supplies it (the
 * extension's IndexedDB adapter, `extension/background/vault/idb-storage.ts`); core never touches a
 * storage global.
 *
 * Threat model of an implementation: the worker can be killed at any instant, two writers can race, and storage can fail
 * (quota, I/O). Every change of the stored vault is ONE IndexedDB readwrite transaction that
 * (1) reads the current record and checks it is exactly the text the writer started from,
 * (2) keeps the current record as `previous` (or moves it to the archive when the vault is replaced),
 * (3) writes the new record, (4) reads it back. The transaction commits all-or-nothing, and any
 * error aborts it explicitly, so a crash or failure leaves the old vault or the new one,
 * never a mix. Nothing deletes a vault except {@link VaultStorage.deleteArchived}, which the
 * user asks for explicitly.
 *
 * Records are stored as their serialized text: storage never interprets them, so a damaged record
 * stays byte-for-byte as it was for later recovery.
 * @module
 */

/** A record as stored: its text and when it was written. */
export interface StoredRecord {
  readonly text: string;
  readonly savedAt: number;
}

/** Why a vault record was moved to the archive. */
export type ArchiveReason = 'replaced-by-restore' | 'previous-of-replaced';

export interface ArchivedRecord extends StoredRecord {
  readonly archiveId: number;
  readonly reason: ArchiveReason;
  readonly archivedAt: number;
}

/** Persisted wrong-password counter (see throttle.ts). */
export interface ThrottleState {
  readonly failures: number;
  readonly lastFailureAt: number;
}

export interface WriteOptions {
  /** Also clear the wrong-password counter, in the same transaction (a new vault starts clean). */
  readonly clearThrottle?: boolean;
}

/** Storage operations the vault needs; failures are `VaultStorageError`s. */
export interface VaultStorage {
  readCurrent(): Promise<StoredRecord | undefined>;
  readPrevious(): Promise<StoredRecord | undefined>;
  /**
   * Atomically: if the current record's text is `expected` (undefined: no record), keep it as
   * `previous` and store `next` as current. Returns false, writing nothing, when the current record
   * is something else (another writer got there first).
   */
  commit(expected: string | undefined, next: string, now: number, options?: WriteOptions): Promise<boolean>;
  /**
   * Atomically: if the current record's text is `expected`, move the current and previous records to
   * the archive and store `next` as current, with no previous. Returns the archive ids, or false
   * when the current record is something else.
   */
  replace(expected: string | undefined, next: string, now: number, options?: WriteOptions): Promise<number[] | false>;
  listArchive(): Promise<ArchivedRecord[]>;
  readArchived(archiveId: number): Promise<ArchivedRecord | undefined>;
  deleteArchived(archiveId: number): Promise<void>;
  readThrottle(): Promise<ThrottleState | undefined>;
  writeThrottle(state: ThrottleState | undefined): Promise<void>;
}
