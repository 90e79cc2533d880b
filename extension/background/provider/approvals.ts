/**
 * The queue of requests waiting for the user, and their lifecycle:
 *
 *   create → (approval page shows it) → resolve(approve | reject) → execute → settle → deliver
 *
 * One request at a time per origin is shown (the oldest); other origins' requests are listed
 * after it. Every transition is persisted before it takes effect (see pending-store.ts), so a
 * service-worker restart resumes where it was: waiting requests wait on, approved ones finish, and
 * settled answers are delivered when the page's content script reconnects. Closing the approval
 * window rejects what was waiting (4001), as with other wallets; a page that goes away takes its
 * waiting requests with it.
 *
 * Races: a decision claims its request synchronously (in memory, before any await), so a second
 * decision on it (a double click, Reject racing Approve) fails: an approval runs (sign, broadcast)
 * at most once, and a request the site was told is rejected is never executed.
 *
 * Pressure from pages: limits are per top-level site (see pending-store.ts), and after the user
 * rejects a site's request (or closes the window on it) that site's next request waits a cool-down
 * (reject-cooldown.ts) before the approval window is brought up again.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import type { Space } from '../../../core/space.js';
import { ApprovalStateError, VaultLockedError } from './approval-errors.js';
import { coalesces, grantAnswer, siblingsOf } from './approval-siblings.js';
import type { ApprovalRequest } from '../../shared/provider-approvals.js';
import type { ApprovalSummary, ApprovalView } from '../../shared/ui-api/provider.js';
import { withGasLimit, withSpendingCap } from './approval-edits.js';
import { buildApprovalView } from './approval-view.js';
import type { ApprovalWindow } from './approval-window.js';
import type { Connections } from './connections.js';
import { disconnected, toProviderErrorPayload, userRejected } from './errors.js';
import type { ProviderEvents } from './events.js';
import { execute } from './executors.js';
import { SETTLED_TTL_MS, WAITING_TTL_MS, type Outcome, type PendingRecord, type PendingStore, recordSite } from './pending-store.js';
import type { PermissionStore } from './permissions.js';
import { RejectCooldowns } from './reject-cooldown.js';
import { siteOf, type Requester } from './requester.js';
import type { ProviderChain, ProviderKeyring } from './wallet-services.js';

export interface ApprovalDeps {
  store: PendingStore;
  window: ApprovalWindow;
  connections: Connections;
  events: ProviderEvents;
  permissions: PermissionStore;
  keyring: ProviderKeyring;
  chain: ProviderChain;
  now: () => number;
  newId: () => string;
  /** Tells UI pages how many approvals wait. */
  notifyUi: (count: number) => void;
  /** Runs `run` after `ms` (default: setTimeout). */
  schedule?: (run: () => void, ms: number) => void;
}

export class ApprovalCenter {
  private readonly cooldowns: RejectCooldowns;

  constructor(private readonly deps: ApprovalDeps) {
    this.cooldowns = new RejectCooldowns(deps.now);
  }

  /** Milliseconds until `site` may bring the approval window up again (0: now). */
  cooldownLeft(site: string): number {
    return this.cooldowns.left(site);
  }

  private async showWindow(): Promise<void> {
    try {
      await this.deps.window.show();
    } catch (error) { // stays queued: the wallet popup lists waiting approvals and opens them
      console.error('provider: could not open the approval page:', error instanceof Error ? error.name : typeof error);
    }
  }

  private context(record: PendingRecord) {
    const { keyring, chain, permissions, store, events } = this.deps;
    return { requester: record.requester, space: record.space, keyring, chain, permissions, store, accountsChanged: (origin: string, space: Space) => events.accountsChanged(origin, [space]) };
  }

  private changed(): void {
    this.deps.notifyUi(this.deps.store.waitingCount());
  }

  /** Queues a request for the user and brings the approval page up. */
  async create(requester: Requester, requestId: string, space: Space, method: string, request: ApprovalRequest): Promise<void> {
    const topOrigin = requester.frameId === 0 ? undefined : await this.deps.connections.topOrigin(requester.tabId);
    const site = siteOf(requester, topOrigin);
    const record: PendingRecord = {
      v: 1,
      id: this.deps.newId(),
      requester,
      ...(topOrigin === undefined ? {} : { topOrigin }),
      site,
      requestId,
      space,
      method,
      request,
      createdAt: this.deps.now(),
      state: 'waiting',
    };
    await this.deps.store.add(record);
    this.changed();
    const wait = this.cooldownLeft(site);
    if (wait > 0) {
      const schedule = this.deps.schedule ?? ((run, ms) => void setTimeout(run, ms));
      schedule(() => {
        if (this.deps.store.get(record.id)?.state === 'waiting') void this.showWindow();
      }, wait);
      return;
    }
    await this.showWindow();
  }

  list(): ApprovalSummary[] {
    return this.deps.store.active().map((r) => ({ id: r.id, origin: r.requester.origin, kind: r.request.kind, space: r.space, createdAt: r.createdAt }));
  }

  async view(id: string): Promise<ApprovalView> {
    const record = this.deps.store.get(id);
    if (!record || record.state !== 'waiting') throw new ApprovalStateError('This request is no longer waiting');
    const trustedOrigins = Object.keys(await this.deps.permissions.list().catch(() => ({})));
    return buildApprovalView(record, { keyring: this.deps.keyring, chain: this.deps.chain, waiting: this.deps.store.waitingCount(), trustedOrigins, now: this.deps.now() });
  }

  /** The user's edit of a waiting request (spending cap or gas limit): stored in its place, then shown. */
  async edit(id: string, change: { cap: bigint; index: number } | { gas: bigint }): Promise<ApprovalView> {
    const record = this.deps.store.get(id);
    if (!record || record.state !== 'waiting') throw new ApprovalStateError('This request is no longer waiting');
    const request = 'cap' in change ? await withSpendingCap(this.deps.chain, record.space, record.request, change.cap, change.index) : withGasLimit(record.space, record.request, change.gas);
    const current = this.deps.store.get(id);
    if (!current || current.state !== 'waiting') throw new ApprovalStateError('This request is no longer waiting');
    await this.deps.store.update(id, { request });
    return this.view(id);
  }

  /** The user's decision on the approval shown. Returns the next one to show (or null). */
  async resolve(id: string, approve: boolean, accountId: string | undefined): Promise<{ next: string | null }> {
    const record = this.deps.store.get(id);
    if (!record || record.state !== 'waiting') throw new ApprovalStateError('This request is no longer waiting');
    if (!this.deps.store.active().some((r) => r.id === id)) throw new ApprovalStateError('An earlier request from this site must be answered first');
    // Claimed here, synchronously: from now on any other decision on this request fails.
    const claimed = approve
      ? this.deps.store.transition(id, 'waiting', { state: 'approved', ...(accountId === undefined ? {} : { decision: { accountId } }) })
      : this.deps.store.transition(id, 'waiting', { state: 'settled', outcome: { error: toProviderErrorPayload(userRejected()) }, settledAt: this.deps.now() });
    if (!claimed) throw new ApprovalStateError('This request was already decided');
    if (!approve) {
      this.cooldowns.rejected(recordSite(record));
      await claimed.written;
      this.changed();
      await this.deliver(claimed.record);
      if (coalesces(record.request.kind)) await this.settleSiblings(record, { error: toProviderErrorPayload(userRejected()) });
    } else {
      await claimed.written;
      if (!(await this.deps.keyring.isUnlocked())) {
        await this.deps.store.update(id, { state: 'waiting' });
        throw new VaultLockedError();
      }
      this.cooldowns.approved(recordSite(record));
      await this.run(claimed.record);
    }
    return this.next();
  }

  private async next(): Promise<{ next: string | null }> {
    const next = this.deps.store.active()[0]?.id ?? null;
    if (next === null) await this.deps.window.close();
    return { next };
  }

  /** Executes an approved record and settles it with the result or the error. */
  private async run(record: PendingRecord): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = { result: (await execute(this.context(record), record)) ?? null };
    } catch (error) {
      if (error instanceof VaultLockedError && record.state === 'approved') {
        // Locked between the click and the signature: ask again rather than fail the dApp.
        await this.deps.store.update(record.id, { state: 'waiting' });
        this.changed();
        throw error;
      }
      if (!(error instanceof WayfarerError)) console.error(`provider: ${record.request.kind} approval failed:`, error instanceof Error ? error.name : typeof error);
      outcome = { error: toProviderErrorPayload(error) };
    }
    await this.settle(record, outcome);
    if (coalesces(record.request.kind) && 'result' in outcome) await this.answerSiblingsFromGrant(record);
  }

  /** Other connect/unlock requests of the same site and space get the same answer. */
  private async answerSiblingsFromGrant(record: PendingRecord): Promise<void> {
    for (const sibling of siblingsOf(this.deps.store, record)) await this.settle(sibling, await grantAnswer(this.context(sibling), this.deps, sibling));
  }

  private async settleSiblings(record: PendingRecord, outcome: Outcome): Promise<void> {
    for (const sibling of siblingsOf(this.deps.store, record)) await this.settle(sibling, outcome, 'waiting');
  }

  /**
   * Stores the outcome, then delivers it; the record is dropped once delivered. With `from`, only
   * a record still in that state is settled (one decided meanwhile is left to its decision).
   */
  private async settle(record: PendingRecord, outcome: Outcome, from?: PendingRecord['state']): Promise<void> {
    const change = { state: 'settled' as const, outcome, settledAt: this.deps.now() };
    let settled: PendingRecord | undefined;
    if (from === undefined) settled = await this.deps.store.update(record.id, change);
    else {
      const claimed = this.deps.store.transition(record.id, from, change);
      if (!claimed) return;
      await claimed.written;
      settled = claimed.record;
    }
    this.changed();
    if (settled) await this.deliver(settled);
  }

  private async deliver(record: PendingRecord): Promise<void> {
    const outcome = record.outcome;
    if (!outcome) return;
    const message = 'result' in outcome ? { type: 'response' as const, id: record.requestId, result: outcome.result } : { type: 'response' as const, id: record.requestId, error: outcome.error };
    if (await this.deps.connections.deliver(record.requester.documentId, message)) await this.deps.store.remove(record.id);
  }

  /** A document (re)connected and listed what it still waits for. Returns the ids this side does not hold. */
  async hello(documentId: string, ids: readonly string[]): Promise<string[]> {
    const unknown: string[] = [];
    for (const id of ids) {
      const record = this.deps.store.find(documentId, id);
      if (!record) unknown.push(id);
      else if (record.state === 'settled') await this.deliver(record);
    }
    return unknown;
  }

  /** Whether this document already has a request with this id here (ids must be unique per document). */
  holds(documentId: string, requestId: string): boolean {
    return this.deps.store.find(documentId, requestId) !== undefined;
  }

  /** The document went away: nobody is left to answer, so its waiting requests are dropped. */
  async documentGone(documentId: string): Promise<void> {
    let removed = false;
    for (const record of this.deps.store.forDocument(documentId)) {
      if (record.state === 'waiting' || record.state === 'settled') {
        await this.deps.store.remove(record.id);
        removed = true;
      }
    }
    if (removed) {
      this.changed();
      if (this.deps.store.active().length === 0) await this.deps.window.close();
    }
  }

  /** The user closed the approval page: everything waiting is rejected. */
  async windowClosed(): Promise<void> {
    const reason = toProviderErrorPayload(userRejected('the request (the approval window was closed)'));
    const sites = new Map<string, PendingRecord>();
    for (const record of this.deps.store.all()) {
      if (record.state !== 'waiting') continue;
      sites.set(recordSite(record), record);
      await this.settle(record, { error: reason }, 'waiting');
    }
    for (const record of sites.values()) this.cooldowns.rejected(recordSite(record));
  }

  /** The wallet was unlocked elsewhere (e.g. the popup): unlock-only requests can be answered. */
  async walletUnlocked(): Promise<void> {
    for (const record of this.deps.store.all()) {
      if (record.state !== 'waiting' || record.request.kind !== 'unlock') continue;
      const claimed = this.deps.store.transition(record.id, 'waiting', { state: 'approved' });
      if (!claimed) continue;
      await claimed.written;
      await this.run(claimed.record).catch(() => undefined);
    }
    if (this.deps.store.active().length === 0) await this.deps.window.close();
  }

  /**
   * After a worker start: finish what was approved, deliver what was settled, expire what is too
   * old, and drop requests whose page no longer exists.
   */
  async restore(): Promise<void> {
    const now = this.deps.now();
    for (const record of this.deps.store.all()) {
      if (record.state === 'approved') {
        await this.run(record).catch(() => undefined);
      } else if (record.state === 'settled') {
        if (now - (record.settledAt ?? record.createdAt) > SETTLED_TTL_MS) await this.deps.store.remove(record.id);
        else await this.deliver(record);
      } else if (now - record.createdAt > WAITING_TTL_MS) {
        await this.settle(record, { error: toProviderErrorPayload(disconnected('The request expired before the user answered it')) });
      } else if (!(await this.deps.connections.alive(record.requester))) {
        await this.deps.store.remove(record.id);
      }
    }
    this.changed();
  }
}
