/**
 * The cross-space transfers the wallet started, per network, in `chrome.storage.local`: the
 * versioned record of core/crossspace (intent, network, hashes sent) plus the account that signs
 * the remaining step. Only what cannot be recomputed is stored; the status is rebuilt from proofs.
 *
 * Threat model: storage may be corrupted or from another version; an entry that does not read as
 * a record is left out (and kept in storage untouched), never guessed at.
 * @module
 */
import { transferRecordFromJson, type CrossSpacePlan, type TransferRecordJson } from '../../../core/crossspace/index.js';
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import type { KeyValueArea } from '../storage-area.js';

/** Transfers kept per network (oldest dropped first). */
export const MAX_TRANSFERS = 100;

export interface StoredTransfer {
  record: TransferRecordJson;
  /** The vault account whose keys sign the transfer's steps. */
  accountId: string;
}

export interface LoadedTransfer extends StoredTransfer {
  plan: CrossSpacePlan;
}

const keyOf = (network: NetworkKey) => `crossspace.transfers.${network}`;

export class TransferRecords {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: KeyValueArea) {}

  private async raw(network: NetworkKey): Promise<unknown[]> {
    const stored = await this.area.get(keyOf(network));
    return Array.isArray(stored) ? stored : [];
  }

  /** Every readable transfer of `network`, newest first. */
  async list(network: NetworkKey): Promise<LoadedTransfer[]> {
    const out: LoadedTransfer[] = [];
    for (const entry of await this.raw(network)) {
      const loaded = readEntry(entry);
      if (loaded) out.push(loaded);
    }
    return out.sort((a, b) => b.record.createdAt - a.record.createdAt);
  }

  async get(network: NetworkKey, id: string): Promise<LoadedTransfer | undefined> {
    return (await this.list(network)).find((t) => t.record.id === id);
  }

  /** Adds or replaces (by id) one transfer; writes are serialized. */
  put(network: NetworkKey, transfer: StoredTransfer): Promise<void> {
    const run = this.queue.then(async () => {
      const entries = (await this.raw(network)).filter((e) => !(isObject(e) && isObject(e.record) && e.record.id === transfer.record.id));
      entries.push({ record: transfer.record, accountId: transfer.accountId });
      await this.area.set(keyOf(network), entries.slice(Math.max(0, entries.length - MAX_TRANSFERS)));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readEntry(entry: unknown): LoadedTransfer | undefined {
  if (!isObject(entry) || typeof entry.accountId !== 'string') return undefined;
  try {
    const { record, plan } = transferRecordFromJson(entry.record);
    return { record, accountId: entry.accountId, plan };
  } catch {
    return undefined;
  }
}
