/**
 * Bounded memory of verified headers, so repeated look-ups (receipts of nearby epochs, blame
 * look-ahead, status polling) do not refetch and rehash. Entries are indexed by hash and, for the
 * finalized pivot chain, by height. Least recently used entries are evicted first; eviction only
 * costs a refetch, never correctness.
 * @module
 */
import type { VerifiedHeader } from '../header/chain.js';

export type HeaderStatus = 'finalized' | 'unfinalized';

export interface CachedHeader {
  readonly header: VerifiedHeader;
  /** `finalized`: on the parent chain of a PoS-finalized pivot; `unfinalized`: linked to it from above. */
  readonly status: HeaderStatus;
}

export class HeaderCache {
  private readonly byHash = new Map<string, CachedHeader>();
  private readonly pivotByHeight = new Map<number, string>();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`header cache capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Adds or refreshes a header; `pivot` marks it as the pivot block at its height. */
  put(header: VerifiedHeader, status: HeaderStatus, pivot: boolean): void {
    const existing = this.byHash.get(header.hash);
    // A finalized header stays finalized.
    const effective: HeaderStatus = existing?.status === 'finalized' ? 'finalized' : status;
    this.byHash.delete(header.hash);
    this.byHash.set(header.hash, { header, status: effective });
    if (pivot) this.pivotByHeight.set(header.height, header.hash);
    while (this.byHash.size > this.capacity) {
      const oldest = this.byHash.keys().next().value;
      if (oldest === undefined) break;
      const evicted = this.byHash.get(oldest);
      this.byHash.delete(oldest);
      if (evicted !== undefined && this.pivotByHeight.get(evicted.header.height) === oldest) this.pivotByHeight.delete(evicted.header.height);
    }
  }

  get(hash: string): CachedHeader | undefined {
    const entry = this.byHash.get(hash);
    if (entry !== undefined) {
      this.byHash.delete(hash);
      this.byHash.set(hash, entry);
    }
    return entry;
  }

  /** The cached pivot header at a height with the given status, if any. */
  pivotAt(height: number, status?: HeaderStatus): CachedHeader | undefined {
    const hash = this.pivotByHeight.get(height);
    if (hash === undefined) return undefined;
    const entry = this.get(hash);
    if (entry === undefined || (status !== undefined && entry.status !== status)) return undefined;
    return entry;
  }

  /** Drops unfinalized entries (after a reorg above the finalized pivot, or a new finality). */
  dropUnfinalized(): void {
    for (const [hash, entry] of this.byHash) {
      if (entry.status === 'unfinalized') {
        this.byHash.delete(hash);
        if (this.pivotByHeight.get(entry.header.height) === hash) this.pivotByHeight.delete(entry.header.height);
      }
    }
  }

  /** Drops everything (what was verified rested on a skip that proved false). */
  clear(): void {
    this.byHash.clear();
    this.pivotByHeight.clear();
  }
}
