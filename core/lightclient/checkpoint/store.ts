/**
 * Where the light client keeps its progress between runs (service-worker restarts are frequent on
 * mobile Chromium): an interface that moves opaque records keyed by chain id. The light client
 * validates what it loads (`record.ts`), so a store implementation needs no knowledge of the
 * format. Core holds only the in-memory store (tests, ephemeral sessions); the platform supplies
 * persistent ones (the extension's IndexedDB store: extension/background/chain/checkpoint-store.ts).
 * @module
 */
import type { CheckpointRecord } from './record.js';

export interface CheckpointStore {
  /** The stored record for the chain (unvalidated), or undefined when none was saved. */
  load(chainId: number): Promise<unknown>;
  save(chainId: number, record: CheckpointRecord): Promise<void>;
  /** Deletes the record (an explicit user decision after `checkpoint.corrupt`). */
  clear(chainId: number): Promise<void>;
}

/** Keeps records in memory (structured-cloned, like IndexedDB would). */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly records = new Map<number, unknown>();

  load(chainId: number): Promise<unknown> {
    const record = this.records.get(chainId);
    return Promise.resolve(record === undefined ? undefined : structuredClone(record));
  }

  save(chainId: number, record: CheckpointRecord): Promise<void> {
    this.records.set(chainId, structuredClone(record));
    return Promise.resolve();
  }

  clear(chainId: number): Promise<void> {
    this.records.delete(chainId);
    return Promise.resolve();
  }

  /** Test hook: put arbitrary data where a record would be. */
  putRaw(chainId: number, value: unknown): void {
    this.records.set(chainId, value);
  }
}
