/**
 * Transfers prepared for review, kept in the background under random ids until signed or
 * expired. The UI gets the id and a copy to show; signing takes only the id, so no field can be
 * changed between the review and the signature. Entries are single use (taken when signing
 * starts) and expire: nonce, fees and (on Core) the epoch height go stale, and a review left open
 * for long should be looked at again.
 *
 * They are kept in a storage area that outlives the worker (`chrome.storage.session`: memory
 * only, cleared with the browser, readable by extension pages only): phones stop an idle worker
 * within seconds, and a user reading the review must not be sent back to the form for that. The
 * values must therefore be plain JSON; what is read back is decoded by the caller's `decode` and
 * anything it refuses counts as unknown. All entries live under one key, written one change at a
 * time, so expired ones are pruned and the number is bounded.
 * @module
 */
import { bytesToHex } from '../../../core/encoding/hex.js';
import type { KeyValueArea } from '../storage-area.js';
import { PreparedExpiredError, UnknownPreparedError } from './errors.js';

/** How long a prepared transfer may be signed after it was prepared. */
export const PREPARED_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 32;
const STORAGE_KEY = 'wallet.preparedSends';

interface Entry {
  value: unknown;
  expiresAt: number;
}

export interface PreparedSendsOptions<T> {
  now: () => number;
  randomBytes: (length: number) => Uint8Array;
  area: KeyValueArea;
  /** Checks a value read back from storage; undefined refuses it. */
  decode: (stored: unknown) => T | undefined;
  ttlMs?: number;
  /** Storage key of this kind of prepared item (default: the wallet's plain sends). */
  storageKey?: string;
}

export class PreparedSends<T> {
  /** Ids taken by this worker: refused at once, even while storage is still being read. */
  private readonly taken = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PreparedSendsOptions<T>) {}

  /** Keeps `value` (plain JSON) and returns its id and deadline. */
  async put(value: T): Promise<{ id: string; expiresAt: number }> {
    const id = bytesToHex(this.options.randomBytes(16)).slice(2);
    const expiresAt = this.options.now() + (this.options.ttlMs ?? PREPARED_TTL_MS);
    await this.change((entries) => {
      const ids = Object.keys(entries);
      if (ids.length >= MAX_ENTRIES) delete entries[ids[0]!];
      entries[id] = { value, expiresAt };
    });
    return { id, expiresAt };
  }

  /**
   * Removes and returns the entry (single use).
   * @throws {UnknownPreparedError} no such id (or already taken)
   * @throws {PreparedExpiredError} past its deadline
   */
  async take(id: string): Promise<T> {
    if (this.taken.has(id)) throw new UnknownPreparedError();
    this.taken.add(id);
    if (this.taken.size > MAX_ENTRIES * 8) this.taken.delete(this.taken.values().next().value!);
    let entry: Entry | undefined;
    await this.change((entries) => {
      entry = Object.hasOwn(entries, id) ? entries[id] : undefined;
      delete entries[id];
    }, false);
    if (entry === undefined) throw new UnknownPreparedError();
    if (this.options.now() > entry.expiresAt) throw new PreparedExpiredError();
    const value = this.options.decode(entry.value);
    if (value === undefined) throw new UnknownPreparedError();
    return value;
  }

  async size(): Promise<number> {
    return Object.keys(await this.read()).length;
  }

  /** Runs `edit` on the stored entries (expired ones pruned first) and writes them back, one change at a time. */
  private change(edit: (entries: Record<string, Entry>) => void, pruneFirst = true): Promise<void> {
    const run = this.queue.then(async () => {
      const entries = await this.read();
      if (pruneFirst) {
        const now = this.options.now();
        for (const [id, entry] of Object.entries(entries)) if (now > entry.expiresAt) delete entries[id];
      }
      edit(entries);
      await this.options.area.set(this.options.storageKey ?? STORAGE_KEY, entries);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<Record<string, Entry>> {
    const stored: unknown = await this.options.area.get(this.options.storageKey ?? STORAGE_KEY);
    const entries: Record<string, Entry> = {};
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return entries;
    for (const [id, entry] of Object.entries(stored as Record<string, unknown>)) {
      if (/^[0-9a-f]{32}$/.test(id) && typeof entry === 'object' && entry !== null && typeof (entry as Entry).expiresAt === 'number') entries[id] = entry as Entry;
    }
    return entries;
  }
}
