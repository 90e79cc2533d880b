/**
 * Requests waiting for the user, persisted in chrome.storage.session so they survive the service
 * worker being stopped (on mobile, often) — together with their outcome until the dApp's document
 * has received it.
 *
 * Ids: each record has a random approval id (what UI pages name); the dApp's own request id is
 * kept only as a correlation token scoped to the browser-assigned document id, so a page can never
 * name, answer or observe another document's request. Records are written before the approval is
 * shown, and a signed transaction is written before it is broadcast, so a restart at any point
 * either finds the record (and continues) or finds nothing (and the request was never shown, so the
 * content script may send it again).
 *
 * Bounds: at most MAX_PENDING_APPROVALS_PER_ORIGIN waiting records per top-level site (the
 * registrable domain of the page, so sub-origins and iframes of one site share it), MAX_RECORDS in
 * all, and by size: MAX_SITE_BYTES per site and MAX_STORED_BYTES in all (storage.session has a
 * 10 MB quota shared with unlocking; a page must not be able to fill it). Settled records are
 * dropped once delivered or after SETTLED_TTL_MS.
 *
 * Memory and storage agree: every change is made in memory synchronously (so a second decision on
 * the same request, arriving while the first one's write is under way, already sees it decided)
 * and then written; a failed write is undone in memory.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import { isSpace, type Space } from '../../../core/space.js';
import type { ApprovalRequest } from '../../shared/provider-approvals.js';
import type { ProviderErrorPayload } from '../../shared/provider-errors.js';
import { MAX_PENDING_APPROVALS_PER_ORIGIN } from '../../shared/provider-protocol.js';
import { limitExceeded } from './errors.js';
import type { Requester } from './requester.js';
import type { StorageArea } from '../storage-area.js';

export const PENDING_KEY_PREFIX = 'wayfarer.provider.pending.';
/** An answer nobody collected is dropped after this long (the page is gone). */
export const SETTLED_TTL_MS = 10 * 60 * 1000;
/** A request nobody decided is dropped after this long (answered with an error if possible). */
export const WAITING_TTL_MS = 24 * 60 * 60 * 1000;
const FORMAT_VERSION = 1;
/** All records, every origin: bounds storage.session use (each may hold up to a megabyte of data). */
const MAX_RECORDS = 50;
/** Stored size (JSON characters) of all records, and of one site's. */
export const MAX_STORED_BYTES = 4 * 1024 * 1024;
export const MAX_SITE_BYTES = 1536 * 1024;

export type Outcome = { result: unknown } | { error: ProviderErrorPayload };

export interface PendingRecord {
  v: typeof FORMAT_VERSION;
  id: string;
  requester: Requester;
  /** Origin of the top-level page when the request comes from an embedded frame (null: unknown). */
  topOrigin?: string | null;
  /** Registrable domain of the top-level page (see requester.ts `siteOf`): limits are per site. */
  site?: string;
  requestId: string;
  space: Space;
  method: string;
  request: ApprovalRequest;
  createdAt: number;
  state: 'waiting' | 'approved' | 'settled';
  /** What the user chose (connect: the account). */
  decision?: { accountId?: string };
  /** A signed transaction, stored before it is broadcast so a restart re-sends the same bytes. */
  signed?: { raw: Hex; hash: Hex };
  /** The signed transactions of an EIP-5792 batch, in order, stored before any is broadcast. */
  signedCalls?: { raw: Hex; hash: Hex }[];
  outcome?: Outcome;
  settledAt?: number;
}

/** The site a record counts against (older records without one: their frame's origin). */
function siteKey(record: PendingRecord): string {
  return record.site ?? record.requester.origin;
}

/** Stored sizes, computed once per record version. */
const sizes = new WeakMap<PendingRecord, number>();
function sizeOf(record: PendingRecord): number {
  let size = sizes.get(record);
  if (size === undefined) {
    size = JSON.stringify(record).length;
    sizes.set(record, size);
  }
  return size;
}

function isRecord(value: unknown): value is PendingRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<PendingRecord>;
  return (
    r.v === FORMAT_VERSION &&
    typeof r.id === 'string' &&
    typeof r.requestId === 'string' &&
    typeof r.method === 'string' &&
    isSpace(r.space) &&
    typeof r.createdAt === 'number' &&
    (r.state === 'waiting' || r.state === 'approved' || r.state === 'settled') &&
    typeof r.requester === 'object' &&
    r.requester !== null &&
    typeof r.requester.origin === 'string' &&
    typeof r.requester.documentId === 'string' &&
    typeof r.request === 'object' &&
    r.request !== null
  );
}

export class PendingStore {
  private readonly records = new Map<string, PendingRecord>();

  constructor(private readonly area: StorageArea) {}

  /** Reads every stored record (at worker start). Records this version cannot read are removed. */
  async load(): Promise<void> {
    const all = await this.area.get(null);
    const unreadable: string[] = [];
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(PENDING_KEY_PREFIX)) continue;
      if (isRecord(value)) this.records.set(value.id, value);
      else unreadable.push(key);
    }
    if (unreadable.length > 0) {
      console.warn(`provider: dropping ${unreadable.length} unreadable pending request record(s)`);
      await this.area.remove(unreadable);
    }
  }

  /** Adds a waiting record, refusing when the site (or the wallet) already has the maximum waiting. */
  async add(record: PendingRecord): Promise<void> {
    const site = siteKey(record);
    const waiting = this.all().filter((r) => r.state === 'waiting' && siteKey(r) === site).length;
    if (waiting >= MAX_PENDING_APPROVALS_PER_ORIGIN) {
      throw limitExceeded(`Too many requests are already waiting for the user (at most ${MAX_PENDING_APPROVALS_PER_ORIGIN} per site)`);
    }
    if (this.records.size >= MAX_RECORDS) throw limitExceeded('Too many requests are waiting for the user; answer some first');
    const size = sizeOf(record);
    const siteBytes = this.all().filter((r) => siteKey(r) === site).reduce((sum, r) => sum + sizeOf(r), 0);
    if (siteBytes + size > MAX_SITE_BYTES) throw limitExceeded('The requests this site has waiting are too large in total; answer some first');
    if (this.bytes() + size > MAX_STORED_BYTES) throw limitExceeded('The requests waiting for the user are too large in total; answer some first');
    // Counted at once (before the write completes), so concurrent requests cannot all pass the bound.
    this.records.set(record.id, record);
    try {
      await this.area.set({ [PENDING_KEY_PREFIX + record.id]: record });
    } catch (error) {
      if (this.records.get(record.id) === record) this.records.delete(record.id);
      throw error;
    }
  }

  /**
   * Moves a record from state `from` to a new state, in memory at once (synchronously: before the
   * caller's next await), then in storage. Undefined when the record is gone or no longer in `from`
   * — the caller lost a race (e.g. a second click on Approve, or Reject racing Approve).
   */
  transition(id: string, from: PendingRecord['state'], change: Partial<PendingRecord>): { record: PendingRecord; written: Promise<void> } | undefined {
    const current = this.records.get(id);
    if (!current || current.state !== from) return undefined;
    return this.apply(current, change);
  }

  /** Changes a record (memory first, synchronously; then storage). */
  async update(id: string, change: Partial<PendingRecord>): Promise<PendingRecord | undefined> {
    const current = this.records.get(id);
    if (!current) return undefined;
    const { record, written } = this.apply(current, change);
    await written;
    return record;
  }

  private apply(current: PendingRecord, change: Partial<PendingRecord>): { record: PendingRecord; written: Promise<void> } {
    const next: PendingRecord = { ...current, ...change };
    this.records.set(current.id, next);
    const written = this.area.set({ [PENDING_KEY_PREFIX + current.id]: next }).catch((error: unknown) => {
      // Storage refused: memory goes back to what storage holds, unless something changed it since.
      if (this.records.get(current.id) === next) this.records.set(current.id, current);
      throw error;
    });
    return { record: next, written };
  }

  async remove(id: string): Promise<void> {
    this.records.delete(id);
    await this.area.remove(PENDING_KEY_PREFIX + id);
  }

  /** Stored size of every record (JSON characters). */
  bytes(): number {
    let total = 0;
    for (const r of this.records.values()) total += sizeOf(r);
    return total;
  }

  get(id: string): PendingRecord | undefined {
    return this.records.get(id);
  }

  all(): PendingRecord[] {
    return [...this.records.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  find(documentId: string, requestId: string): PendingRecord | undefined {
    for (const r of this.records.values()) if (r.requester.documentId === documentId && r.requestId === requestId) return r;
    return undefined;
  }

  forDocument(documentId: string): PendingRecord[] {
    return this.all().filter((r) => r.requester.documentId === documentId);
  }

  waitingFor(origin: string): PendingRecord[] {
    return this.all().filter((r) => r.state === 'waiting' && r.requester.origin === origin);
  }

  /** The approvals the user can act on now: the oldest waiting one of each origin, oldest first. */
  active(): PendingRecord[] {
    const seen = new Set<string>();
    const heads: PendingRecord[] = [];
    for (const r of this.all()) {
      if (r.state !== 'waiting' || seen.has(r.requester.origin)) continue;
      seen.add(r.requester.origin);
      heads.push(r);
    }
    return heads;
  }

  waitingCount(): number {
    return this.all().filter((r) => r.state === 'waiting').length;
  }
}

/** The site a record's limits and cool-downs count against (its top-level site, else its origin). */
export function recordSite(record: PendingRecord): string {
  return record.site ?? record.requester.origin;
}
