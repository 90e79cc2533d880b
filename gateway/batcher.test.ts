/**
 * The gateway's batching against fake node links that answer like a node (items it cannot produce
 * left out) and record every request they get.
 */
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../core/encoding/hex.js';
import { rlpInt } from '../core/encoding/rlp.js';
import type { LightRequest } from '../core/lightproto/requests.js';
import { decodeStateRootItem, type LightAnswer } from '../core/lightproto/responses.js';
import { ItemBatcher, type ItemLink } from './batcher.js';
import { ItemCache } from './cache.js';

const rootItem = (epoch: number) => decodeStateRootItem([rlpInt(epoch), [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2), new Uint8Array(32).fill(epoch % 256)]]);

class FakeLink implements ItemLink {
  readonly requests: LightRequest[] = [];
  ready = true;
  inFlight = 0;
  readonly label = 'fake';
  fail: Error | null = null;
  /** Epochs the "node" cannot serve. */
  readonly missing = new Set<number>();

  get available() {
    return this.ready && this.inFlight < 2;
  }

  async request(request: LightRequest): Promise<LightAnswer> {
    this.requests.push(request);
    this.inFlight++;
    await new Promise((r) => setTimeout(r, 5));
    this.inFlight--;
    if (this.fail !== null) throw this.fail;
    if (request.kind !== 'state_roots') throw new Error('unexpected request');
    return { kind: 'state_roots', requestId: 1, items: request.epochs.filter((e) => !this.missing.has(e)).map(rootItem) };
  }
}

const roots = (...epochs: number[]): LightRequest => ({ kind: 'state_roots', epochs });

describe('item batcher', () => {
  test('concurrent calls are merged into one node request, identical items fetched once', async () => {
    const link = new FakeLink();
    const batcher = new ItemBatcher([link], new ItemCache(1 << 20, 60_000));
    const [a, b, c] = await Promise.all([batcher.fetch(roots(1, 2)), batcher.fetch(roots(2, 3)), batcher.fetch(roots(1))]);
    expect(link.requests).toEqual([roots(1, 2, 3)]);
    expect(a!.map(bytesToHex)).toEqual([rootItem(1).raw, rootItem(2).raw].map(bytesToHex));
    expect(b!.map(bytesToHex)).toEqual([rootItem(2).raw, rootItem(3).raw].map(bytesToHex));
    expect(c!.map(bytesToHex)).toEqual([bytesToHex(rootItem(1).raw)]);
    expect(batcher.stats).toMatchObject({ nodeRequests: 1, itemsAsked: 5, itemsShared: 2 });
  });

  test('the cache answers repeated items; missing items are left out, not invented', async () => {
    const link = new FakeLink();
    link.missing.add(9);
    const batcher = new ItemBatcher([link], new ItemCache(1 << 20, 60_000));
    expect((await batcher.fetch(roots(8, 9))).map(bytesToHex)).toEqual([bytesToHex(rootItem(8).raw)]);
    expect((await batcher.fetch(roots(8))).length).toBe(1);
    expect(link.requests).toEqual([roots(8, 9)]);
    expect(batcher.stats.itemsFromCache).toBe(1);
  });

  test('a batch never exceeds what the node answers (50 state roots)', async () => {
    const link = new FakeLink();
    const batcher = new ItemBatcher([link], new ItemCache(1 << 20, 60_000));
    await Promise.all([batcher.fetch(roots(...Array.from({ length: 50 }, (_, i) => i))), batcher.fetch(roots(...Array.from({ length: 30 }, (_, i) => 100 + i)))]);
    expect(link.requests.map((r) => (r.kind === 'state_roots' ? r.epochs.length : 0))).toEqual([50, 30]);
  });

  test('a node failure fails its items; no node at all and too much queued are typed', async () => {
    const link = new FakeLink();
    const batcher = new ItemBatcher([link], new ItemCache(1 << 20, 60_000), { maxQueuedItems: 3 });
    link.fail = new Error('session closed');
    await expect(batcher.fetch(roots(1))).rejects.toMatchObject({ code: 'gateway.node_failed' });
    link.fail = null;
    await expect(batcher.fetch(roots(1, 2, 3, 4))).rejects.toMatchObject({ code: 'gateway.busy' });
    await new Promise((r) => setTimeout(r, 20));
    expect(batcher.queued).toBe(0);
    link.ready = false;
    await expect(batcher.fetch(roots(5))).rejects.toMatchObject({ code: 'gateway.no_node' });
  });

  test('the cache keeps within its byte budget and age', () => {
    let now = 0;
    const cache = new ItemCache(1000, 100, () => now);
    for (let i = 0; i < 40; i++) cache.set(`k${i}`, new Uint8Array(50));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k39')).toBeDefined();
    now = 101;
    expect(cache.get('k39')).toBeUndefined();
  });
});
