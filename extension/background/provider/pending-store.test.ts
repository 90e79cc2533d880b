import { describe, expect, test } from 'vitest';
import { PENDING_KEY_PREFIX, PendingStore, type PendingRecord } from './pending-store.js';
import { MemoryStorageArea } from '../storage-area.js';

const record = (id: number, origin: string): PendingRecord => ({
  v: 1,
  id: id.toString(16).padStart(32, '0'),
  requester: { origin, documentId: `doc-${origin}`, tabId: 1, frameId: 0 },
  requestId: `r${id}`,
  space: 'core',
  method: 'cfx_requestAccounts',
  request: { kind: 'connect', returns: 'accounts' },
  createdAt: id,
  state: 'waiting',
});

describe('pending requests store', () => {
  test('bounds: 5 waiting per origin, 50 in all; concurrent adds cannot slip past', async () => {
    const store = new PendingStore(new MemoryStorageArea());
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.add(record(i, 'https://a.example'))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    for (let i = 0; i < 45; i++) await store.add(record(100 + i, `https://site${i}.example`));
    await expect(store.add(record(999, 'https://late.example'))).rejects.toMatchObject({ rpcCode: -32005 });
  });

  test('one active request per origin, oldest first', async () => {
    const store = new PendingStore(new MemoryStorageArea());
    await store.add(record(3, 'https://b.example'));
    await store.add(record(1, 'https://a.example'));
    await store.add(record(2, 'https://a.example'));
    expect(store.active().map((r) => r.requestId)).toEqual(['r1', 'r3']);
  });

  test('records survive a restart; unreadable ones are dropped, not guessed at', async () => {
    const area = new MemoryStorageArea();
    const first = new PendingStore(area);
    await first.add(record(1, 'https://a.example'));
    await area.set({ [`${PENDING_KEY_PREFIX}junk`]: { v: 99, id: 'junk' }, unrelated: 1 });
    const second = new PendingStore(area);
    await second.load();
    expect(second.all().map((r) => r.requestId)).toEqual(['r1']);
    expect(area.data.has(`${PENDING_KEY_PREFIX}junk`)).toBe(false);
    expect(area.data.has('unrelated')).toBe(true);
  });

  test('memory and storage agree: a decision is visible at once (a racing one fails), and a write storage refuses is undone', async () => {
    const area = new MemoryStorageArea();
    const store = new PendingStore(area);
    const r = record(1, 'https://a.example');
    await store.add(r);
    const first = store.transition(r.id, 'waiting', { state: 'approved' });
    expect(store.get(r.id)?.state).toBe('approved'); // before the write completed
    expect(store.transition(r.id, 'waiting', { state: 'settled' })).toBeUndefined();
    await first!.written;
    expect((JSON.parse(area.data.get(PENDING_KEY_PREFIX + r.id)!) as PendingRecord).state).toBe('approved');

    class FullArea extends MemoryStorageArea {
      full = false;
      override set(items: Record<string, unknown>): Promise<void> {
        return this.full ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : super.set(items);
      }
    }
    const full = new FullArea();
    const other = new PendingStore(full);
    await other.add(r);
    full.full = true;
    const failed = other.transition(r.id, 'waiting', { state: 'approved' });
    await expect(failed!.written).rejects.toThrow(/quota/);
    expect(other.get(r.id)?.state).toBe('waiting');
    expect((JSON.parse(full.data.get(PENDING_KEY_PREFIX + r.id)!) as PendingRecord).state).toBe('waiting');
  });
});
