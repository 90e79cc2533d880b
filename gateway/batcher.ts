/**
 * Serves wallets' item requests from the node sessions with as little node work as possible:
 * identical items asked by several wallets are fetched once (in flight or from the cache), and
 * items waiting for the same kind of request are merged into one `clp` request up to the node's
 * limit. Answers are split back per item by what each item is (epoch, key, height, hash) and
 * handed over as the node's RLP, unchanged.
 *
 * Bounds: at most `maxQueuedItems` items wait or fly at once (beyond that a call fails with
 * `gateway.busy`), each node session carries at most its own in-flight limit, and the cache has a
 * byte budget. A node failure fails the items of that request only.
 */
import { bytesToHex } from '../core/encoding/hex.js';
import { REQUEST_LIMITS, type LightRequest, type LightRequestKind } from '../core/lightproto/requests.js';
import type { LightAnswer } from '../core/lightproto/responses.js';
import { stateKeyBytes, type StateKey } from '../core/state/keys.js';
import type { ItemCache } from './cache.js';
import { GatewayError } from './errors.js';

/** What the batcher needs of a node session (a {@link NodeLink} in the gateway). */
export interface ItemLink {
  readonly ready: boolean;
  readonly available: boolean;
  readonly inFlight: number;
  readonly label: string;
  request(request: LightRequest): Promise<LightAnswer>;
}

type ItemSpec =
  | { readonly kind: 'state_roots'; readonly epoch: number }
  | { readonly kind: 'witness_info'; readonly height: number }
  | { readonly kind: 'block_headers'; readonly hash: Uint8Array }
  | { readonly kind: 'state_entries'; readonly epoch: number; readonly key: StateKey };

interface Waiting {
  readonly spec: ItemSpec;
  readonly resolve: (raw: Uint8Array | null) => void;
  readonly reject: (error: unknown) => void;
}

const KINDS: readonly LightRequestKind[] = ['state_entries', 'state_roots', 'witness_info', 'block_headers'];

function entryId(epoch: number, key: StateKey): string {
  return `e:${epoch}:${bytesToHex(stateKeyBytes(key))}`;
}

function itemsOf(request: LightRequest): { id: string; spec: ItemSpec }[] {
  switch (request.kind) {
    case 'state_roots':
      return request.epochs.map((epoch) => ({ id: `r:${epoch}`, spec: { kind: 'state_roots', epoch } }));
    case 'witness_info':
      return request.heights.map((height) => ({ id: `w:${height}`, spec: { kind: 'witness_info', height } }));
    case 'block_headers':
      return request.hashes.map((hash) => ({ id: `h:${bytesToHex(hash)}`, spec: { kind: 'block_headers', hash } }));
    case 'state_entries':
      return request.entries.map(({ epoch, key }) => ({ id: entryId(epoch, key), spec: { kind: 'state_entries', epoch, key } }));
  }
}

function requestOf(kind: LightRequestKind, specs: readonly ItemSpec[]): LightRequest {
  switch (kind) {
    case 'state_roots':
      return { kind, epochs: specs.flatMap((s) => (s.kind === 'state_roots' ? [s.epoch] : [])) };
    case 'witness_info':
      return { kind, heights: specs.flatMap((s) => (s.kind === 'witness_info' ? [s.height] : [])) };
    case 'block_headers':
      return { kind, hashes: specs.flatMap((s) => (s.kind === 'block_headers' ? [s.hash] : [])) };
    case 'state_entries':
      return { kind, entries: specs.flatMap((s) => (s.kind === 'state_entries' ? [{ epoch: s.epoch, key: s.key }] : [])) };
  }
}

/** The id of each item of an answer, and its RLP. */
function answerItems(answer: LightAnswer): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  switch (answer.kind) {
    case 'state_roots':
      for (const i of answer.items) out.set(`r:${i.epoch}`, i.raw);
      break;
    case 'witness_info':
      for (const i of answer.items) out.set(`w:${i.height}`, i.raw);
      break;
    case 'block_headers':
      for (const i of answer.items) out.set(`h:${i.hash}`, i.raw);
      break;
    case 'state_entries':
      for (const i of answer.items) out.set(entryId(i.epoch, i.key), i.raw);
      break;
  }
  return out;
}

export interface BatcherOptions {
  readonly maxQueuedItems?: number;
}

export interface BatcherStats {
  nodeRequests: number;
  itemsAsked: number;
  itemsFromCache: number;
  itemsShared: number;
}

export class ItemBatcher {
  readonly #waiting = new Map<LightRequestKind, Map<string, Waiting>>(KINDS.map((k) => [k, new Map()]));
  readonly #inFlight = new Map<string, Promise<Uint8Array | null>>();
  #queued = 0;
  #scheduled = false;
  readonly stats: BatcherStats = { nodeRequests: 0, itemsAsked: 0, itemsFromCache: 0, itemsShared: 0 };

  constructor(
    private readonly links: readonly ItemLink[],
    private readonly cache: ItemCache,
    private readonly options: BatcherOptions = {},
  ) {}

  /** Items waiting or being fetched. */
  get queued(): number {
    return this.#queued;
  }

  /**
   * The node's items for a validated request (missing ones left out), as RLP.
   * @throws {GatewayError} `gateway.busy`, `gateway.no_node`, `gateway.node_failed`
   */
  async fetch(request: LightRequest): Promise<Uint8Array[]> {
    const items = itemsOf(request);
    this.stats.itemsAsked += items.length;
    const results = await Promise.all(items.map(({ id, spec }) => this.#item(id, spec)));
    return results.filter((r): r is Uint8Array => r !== null);
  }

  #item(id: string, spec: ItemSpec): Promise<Uint8Array | null> {
    const cached = this.cache.get(id);
    if (cached !== undefined) {
      this.stats.itemsFromCache++;
      return Promise.resolve(cached);
    }
    const shared = this.#inFlight.get(id);
    if (shared !== undefined) {
      this.stats.itemsShared++;
      return shared;
    }
    if (this.#queued >= (this.options.maxQueuedItems ?? 20_000)) return Promise.reject(new GatewayError('gateway.busy', 'the gateway is busy: too many items queued'));
    const promise = new Promise<Uint8Array | null>((resolve, reject) => {
      const queue = this.#waiting.get(spec.kind)!;
      queue.set(id, { spec, resolve, reject });
    });
    this.#queued++;
    this.#inFlight.set(id, promise);
    const done = () => {
      this.#inFlight.delete(id);
      this.#queued--;
    };
    promise.then(done, done);
    this.#schedule();
    return promise;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    if (!this.links.some((l) => l.ready)) {
      for (const queue of this.#waiting.values()) {
        for (const w of queue.values()) w.reject(new GatewayError('gateway.no_node', 'no node session is open'));
        queue.clear();
      }
      return;
    }
    for (const kind of KINDS) {
      const queue = this.#waiting.get(kind)!;
      while (queue.size > 0) {
        const link = this.#pick();
        if (link === undefined) return; // resumed when a request completes
        const batch = [...queue.entries()].slice(0, REQUEST_LIMITS[kind]);
        for (const [id] of batch) queue.delete(id);
        this.#send(link, kind, batch);
      }
    }
  }

  #pick(): ItemLink | undefined {
    let best: ItemLink | undefined;
    for (const link of this.links) if (link.available && (best === undefined || link.inFlight < best.inFlight)) best = link;
    return best;
  }

  #send(link: ItemLink, kind: LightRequestKind, batch: [string, Waiting][]): void {
    this.stats.nodeRequests++;
    link.request(requestOf(kind, batch.map(([, w]) => w.spec))).then(
      (answer) => {
        const items = answerItems(answer);
        for (const [id, w] of batch) {
          const raw = items.get(id) ?? null;
          if (raw !== null) this.cache.set(id, raw);
          w.resolve(raw);
        }
        this.#schedule();
      },
      (cause: unknown) => {
        const error = new GatewayError('gateway.node_failed', `node ${link.label} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        for (const [, w] of batch) w.reject(error);
        this.#schedule();
      },
    );
  }
}
