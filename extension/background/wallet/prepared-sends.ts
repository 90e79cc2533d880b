/**
 * Transfers prepared for review, kept in the background under random ids until signed or
 * expired. The UI gets the id and a copy to show; signing takes only the id, so no field can be
 * changed between the review and the signature. Entries are single use (taken when signing
 * starts) and expire: nonce, fees and (on Core) the epoch height go stale, and a review left open
 * for long should be looked at again. They live in memory only: a worker restart forgets them,
 * and the user reviews again — never a silent re-preparation.
 * @module
 */
import { bytesToHex } from '../../../core/encoding/hex.js';
import { PreparedExpiredError, UnknownPreparedError } from './errors.js';

/** How long a prepared transfer may be signed after it was prepared. */
export const PREPARED_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 32;

export class PreparedSends<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly randomBytes: (length: number) => Uint8Array,
    private readonly ttlMs = PREPARED_TTL_MS,
  ) {}

  /** Keeps `value` and returns its id and deadline. */
  put(value: T): { id: string; expiresAt: number } {
    this.prune();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const id = bytesToHex(this.randomBytes(16)).slice(2);
    const expiresAt = this.now() + this.ttlMs;
    this.entries.set(id, { value, expiresAt });
    return { id, expiresAt };
  }

  /**
   * Removes and returns the entry (single use).
   * @throws {UnknownPreparedError} no such id (or already taken)
   * @throws {PreparedExpiredError} past its deadline
   */
  take(id: string): T {
    const entry = this.entries.get(id);
    if (!entry) throw new UnknownPreparedError();
    this.entries.delete(id);
    if (this.now() > entry.expiresAt) throw new PreparedExpiredError();
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (now > entry.expiresAt) this.entries.delete(id);
  }
}
