import { describe, expect, test } from 'vitest';
import { PENDING_KEY_PREFIX, PendingStore, type PendingRecord } from './pending-store.js';
import { MemoryStorageArea } from './storage-area.js';

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
});
