/**
 * Which node is asked what: the nodes a sync may use, the requests pending at them, and the choice
 * of the next node for a request — round robin over every node that may have the data, so that
 * work (and the chance to catch a liar) is spread over all of them rather than the fastest.
 * @module
 */
import type { SyncMethod, SyncRequest } from './types.js';

export class RequestLedger {
  private nodes: string[];
  private nextId = 1;
  private turn = 0;
  private readonly pending = new Map<number, SyncRequest>();

  constructor(sources: readonly string[]) {
    this.nodes = [...new Set(sources)];
  }

  get sources(): readonly string[] {
    return this.nodes;
  }

  has(source: string): boolean {
    return this.nodes.includes(source);
  }

  /** Stops choosing `source`; returns its pending requests. */
  remove(source: string): SyncRequest[] {
    this.nodes = this.nodes.filter((s) => s !== source);
    return [...this.pending.values()].filter((r) => r.source === source);
  }

  make(source: string, method: SyncMethod, params: readonly unknown[]): SyncRequest {
    const request: SyncRequest = { id: this.nextId++, source, method, params };
    this.pending.set(request.id, request);
    return request;
  }

  /** Removes and returns a pending request. */
  settle(id: number): SyncRequest | undefined {
    const request = this.pending.get(id);
    this.pending.delete(id);
    return request;
  }

  /** Whether a request of one of `methods` is pending. */
  pendingAny(methods: readonly SyncMethod[]): boolean {
    return [...this.pending.values()].some((r) => methods.includes(r.method));
  }

  /** The next node in round-robin order that passes `ok`. */
  pick(ok: (source: string) => boolean): string | undefined {
    const n = this.nodes.length;
    for (let i = 0; i < n; i++) {
      const source = this.nodes[(this.turn + i) % n]!;
      if (ok(source)) {
        this.turn = (this.turn + i + 1) % n;
        return source;
      }
    }
    return undefined;
  }

  /** Whether some node passes `ok`. */
  any(ok: (source: string) => boolean): boolean {
    return this.nodes.some(ok);
  }
}
