/**
 * Durable state of the chain service in IndexedDB (database `wayfarer-chain`): settings, the
 * user's node list edits, bans, last known balances, the transactions being tracked (with what the
 * wallet knew when it sent them: token symbol and decimals), native balance increases seen between
 * reads, and incoming token transfers found in logs (with how far each was scanned). The
 * service worker is stopped often (on mobile within seconds), so everything the user would
 * otherwise lose — a ban and its evidence, a transaction in flight, the balance shown a minute ago —
 * is written here when it changes and read back on start. The light client's checkpoint lives in
 * its own store (`IndexedDbCheckpointStore`, checkpoint-store.ts).
 *
 * Records are our own writes but are still read defensively: a record that does not have the
 * expected shape is reported (`problems`) and skipped, never silently turned into something else.
 * @module
 */
import { wrap, type IDBPDatabase } from 'idb';
import type { BanRecord } from '../../../core/rpc/pool/bans.js';
import type { NetworkKey, NodeEndpoint } from '../../../core/rpc/pool/endpoint.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import { isSpace } from '../../../core/space.js';
import type { BalanceView, IncomingView } from '../../shared/ui-api/chain.js';

export const CHAIN_DB_NAME = 'wayfarer-chain';
const DB_VERSION = 2;

/** A user edit of the node list: an added node, or a shipped node the user removed. */
export type StoredNode = { id: string; kind: 'added'; endpoint: NodeEndpoint } | { id: string; kind: 'removed_default' };

export interface StoredTransaction {
  network: NetworkKey;
  record: TrackedTransaction;
}

export type StoredBalance = Omit<BalanceView, 'cached'> & { network: NetworkKey };

/** What the wallet knew about a transaction when it sent it, beyond its bytes. */
export interface TxLabel {
  token?: { contract: string; symbol: string; decimals: number };
}

/** A native balance increase between two reads (see IncomingView). */
export type BalanceIncrease = Extract<IncomingView, { kind: 'balance_increase' }>;
/** An incoming token transfer found in logs (see IncomingView). */
export type IncomingTransfer = Extract<IncomingView, { kind: 'token' }>;

/** Incoming transfers of one token to one address, and the last epoch scanned for them. */
export interface IncomingScan {
  scannedTo: number;
  transfers: IncomingTransfer[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TX_STATUSES = new Set(['pending', 'included', 'included_verified', 'failed_verified', 'possibly_censored', 'replaced', 'rejected']);

function isTrackedTransaction(value: unknown): value is TrackedTransaction {
  return (
    isObject(value) &&
    typeof value.hash === 'string' &&
    isSpace(value.space) &&
    typeof value.raw === 'string' &&
    typeof value.from === 'string' &&
    typeof value.addressKey === 'string' &&
    typeof value.nonce === 'string' &&
    typeof value.status === 'string' &&
    TX_STATUSES.has(value.status) &&
    typeof value.submittedAt === 'number' &&
    typeof value.lastBroadcastAt === 'number' &&
    Array.isArray(value.acceptedBy) &&
    isObject(value.rejections)
  );
}

export class ChainStore {
  /** Records skipped while loading because they were malformed (shown in diagnostics). */
  readonly problems: string[] = [];

  private constructor(private readonly db: IDBPDatabase) {}

  /** @param factory `indexedDB` in the worker; fake-indexeddb in unit tests */
  static async open(factory: IDBFactory, name = CHAIN_DB_NAME): Promise<ChainStore> {
    const request = factory.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const database = request.result;
      for (const store of ['settings', 'balances', 'transactions', 'labels', 'history', 'incoming']) if (!database.objectStoreNames.contains(store)) database.createObjectStore(store);
      if (!database.objectStoreNames.contains('nodes')) database.createObjectStore('nodes', { keyPath: 'id' });
      if (!database.objectStoreNames.contains('bans')) database.createObjectStore('bans', { keyPath: 'nodeId' });
    };
    const db = await wrap(request);
    if (db === undefined) throw new TypeError('IndexedDB did not open');
    return new ChainStore(db);
  }

  close(): void {
    this.db.close();
  }

  async getSetting(key: string): Promise<unknown> {
    return this.db.get('settings', key);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', value, key);
  }

  async loadNodes(): Promise<StoredNode[]> {
    const all: unknown[] = await this.db.getAll('nodes');
    return all.filter((n): n is StoredNode => {
      const ok = isObject(n) && typeof n.id === 'string' && (n.kind === 'removed_default' || (n.kind === 'added' && isObject(n.endpoint) && typeof n.endpoint.url === 'string'));
      if (!ok) this.problems.push('a stored node entry was malformed and is ignored');
      return ok;
    });
  }

  async putNode(node: StoredNode): Promise<void> {
    await this.db.put('nodes', node);
  }

  async deleteNode(id: string): Promise<void> {
    await this.db.delete('nodes', id);
  }

  async loadBans(): Promise<BanRecord[]> {
    const all: unknown[] = await this.db.getAll('bans');
    return all.filter((b): b is BanRecord => {
      const ok = isObject(b) && typeof b.nodeId === 'string' && typeof b.reason === 'string' && typeof b.expiresAt === 'number' && typeof b.bannedAt === 'number';
      if (!ok) this.problems.push('a stored ban was malformed and is ignored');
      return ok;
    });
  }

  /** Replaces the stored bans of one network (node ids start with `<network>/`) in one transaction. */
  async replaceBans(network: NetworkKey, bans: readonly BanRecord[]): Promise<void> {
    const prefix = `${network}/`;
    const tx = this.db.transaction('bans', 'readwrite');
    for (const key of await tx.store.getAllKeys()) if (typeof key === 'string' && key.startsWith(prefix)) await tx.store.delete(key);
    for (const ban of bans) if (ban.nodeId.startsWith(prefix)) await tx.store.put(ban);
    await tx.done;
  }

  async getBalance(key: string): Promise<StoredBalance | undefined> {
    const value: unknown = await this.db.get('balances', key);
    if (value === undefined) return undefined;
    if (!isObject(value) || typeof value.epoch !== 'number' || typeof value.trust !== 'string') {
      this.problems.push('a stored balance was malformed and is ignored');
      return undefined;
    }
    return value as StoredBalance;
  }

  async putBalances(entries: readonly { key: string; value: StoredBalance }[]): Promise<void> {
    const tx = this.db.transaction('balances', 'readwrite');
    for (const e of entries) await tx.store.put(e.value, e.key);
    await tx.done;
  }

  async loadTransactions(network: NetworkKey): Promise<TrackedTransaction[]> {
    const all: unknown[] = await this.db.getAll('transactions');
    const out: TrackedTransaction[] = [];
    for (const entry of all) {
      if (!isObject(entry) || !isTrackedTransaction(entry.record)) {
        this.problems.push('a stored transaction was malformed and is ignored');
        continue;
      }
      if (entry.network === network) out.push(entry.record);
    }
    return out;
  }

  async putTransaction(network: NetworkKey, record: TrackedTransaction): Promise<void> {
    const value: StoredTransaction = { network, record };
    await this.db.put('transactions', value, `${network}/${record.hash}`);
  }

  async getLabel(network: NetworkKey, hash: string): Promise<TxLabel | undefined> {
    const value: unknown = await this.db.get('labels', `${network}/${hash.toLowerCase()}`);
    if (value === undefined) return undefined;
    if (!isTxLabel(value)) {
      this.problems.push('a stored transaction label was malformed and is ignored');
      return undefined;
    }
    return value;
  }

  async loadLabels(network: NetworkKey): Promise<Map<string, TxLabel>> {
    const tx = this.db.transaction('labels');
    const out = new Map<string, TxLabel>();
    const prefix = `${network}/`;
    for (const key of await tx.store.getAllKeys()) {
      if (typeof key !== 'string' || !key.startsWith(prefix)) continue;
      const value: unknown = await tx.store.get(key);
      if (isTxLabel(value)) out.set(key.slice(prefix.length), value);
      else this.problems.push('a stored transaction label was malformed and is ignored');
    }
    await tx.done;
    return out;
  }

  async putLabel(network: NetworkKey, hash: string, label: TxLabel): Promise<void> {
    await this.db.put('labels', label, `${network}/${hash.toLowerCase()}`);
  }

  /** Balance increases of one address (`key` names network, space and address), oldest first. */
  async getHistory(key: string): Promise<BalanceIncrease[]> {
    const value: unknown = await this.db.get('history', key);
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((e) => isObject(e) && e.kind === 'balance_increase' && typeof e.amount === 'string' && typeof e.toEpoch === 'number')) {
      this.problems.push('a stored balance history was malformed and is ignored');
      return [];
    }
    return value as BalanceIncrease[];
  }

  async putHistory(key: string, entries: readonly BalanceIncrease[]): Promise<void> {
    await this.db.put('history', entries, key);
  }

  async getIncoming(key: string): Promise<IncomingScan | undefined> {
    const value: unknown = await this.db.get('incoming', key);
    if (value === undefined) return undefined;
    if (!isIncomingScan(value)) {
      this.problems.push('a stored incoming-transfer scan was malformed and is ignored');
      return undefined;
    }
    return value;
  }

  async putIncoming(key: string, scan: IncomingScan): Promise<void> {
    await this.db.put('incoming', scan, key);
  }
}

function isTxLabel(value: unknown): value is TxLabel {
  if (!isObject(value)) return false;
  if (value.token === undefined) return true;
  const t = value.token;
  return isObject(t) && typeof t.contract === 'string' && typeof t.symbol === 'string' && typeof t.decimals === 'number';
}

function isIncomingScan(value: unknown): value is IncomingScan {
  return isObject(value) && typeof value.scannedTo === 'number' && Array.isArray(value.transfers) && value.transfers.every((t) => isObject(t) && t.kind === 'token' && typeof t.amount === 'string' && typeof t.id === 'string');
}
