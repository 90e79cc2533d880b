import { expect, test } from 'vitest';
import { memoryArea, type KeyValueArea } from '../storage-area.js';
import { PreparedExpiredError, UnknownPreparedError } from './errors.js';
import { PREPARED_TTL_MS, PreparedSends } from './prepared.js';

const asText = (stored: unknown): string | undefined => (typeof stored === 'string' ? stored : undefined);

function store(area: KeyValueArea = memoryArea()) {
  let now = 1_000;
  let counter = 0;
  const make = () => new PreparedSends<string>({ now: () => now, randomBytes: (n) => new Uint8Array(n).fill(++counter), area, decode: asText });
  return { sends: make(), make, area, advance: (ms: number) => (now += ms) };
}

test('an entry is taken once, by its id', async () => {
  const { sends } = store();
  const { id, expiresAt } = await sends.put('tx');
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  expect(expiresAt).toBe(1_000 + PREPARED_TTL_MS);
  expect(await sends.take(id)).toBe('tx');
  await expect(sends.take(id)).rejects.toThrow(UnknownPreparedError);
  await expect(sends.take('0'.repeat(32))).rejects.toThrow(UnknownPreparedError);
});

test('an entry past its deadline is refused (and gone)', async () => {
  const { sends, advance } = store();
  const { id } = await sends.put('tx');
  advance(PREPARED_TTL_MS);
  const other = (await sends.put('other')).id;
  advance(1);
  await expect(sends.take(id)).rejects.toThrow(PreparedExpiredError);
  await expect(sends.take(id)).rejects.toThrow(UnknownPreparedError);
  expect(await sends.take(other)).toBe('other');
});

test('expired entries are pruned when new ones are kept', async () => {
  const { sends, advance } = store();
  await sends.put('a');
  await sends.put('b');
  advance(PREPARED_TTL_MS + 1);
  await sends.put('c');
  expect(await sends.size()).toBe(1);
});

test('a restarted worker (a new instance over the same area) still signs what was reviewed, once', async () => {
  const { sends, make } = store();
  const { id } = await sends.put('reviewed');
  const restarted = make();
  expect(await restarted.take(id)).toBe('reviewed');
  await expect(make().take(id)).rejects.toThrow(UnknownPreparedError);
});

test('two takes of one id at the same moment: exactly one gets it', async () => {
  const { sends } = store();
  const { id } = await sends.put('tx');
  const results = await Promise.allSettled([sends.take(id), sends.take(id)]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
});

test('what storage gives back is decoded by the caller; refused or garbled entries are unknown', async () => {
  const area = memoryArea();
  const { sends } = store(area);
  const { id } = await sends.put('tx');
  await area.set('wallet.preparedSends', { [id]: { value: 42, expiresAt: Number.MAX_SAFE_INTEGER } });
  await expect(sends.take(id)).rejects.toThrow(UnknownPreparedError);
  await area.set('wallet.preparedSends', 'garbage');
  await expect(sends.put('next')).resolves.toHaveProperty('id');
});

test('no more than 32 entries are kept', async () => {
  const { sends } = store();
  for (let i = 0; i < 40; i++) await sends.put(`tx ${i}`);
  expect(await sends.size()).toBe(32);
});
