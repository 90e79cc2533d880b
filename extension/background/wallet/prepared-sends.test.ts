import { expect, test } from 'vitest';
import { PreparedExpiredError, UnknownPreparedError } from './errors.js';
import { PREPARED_TTL_MS, PreparedSends } from './prepared-sends.js';

function store() {
  let now = 1_000;
  let counter = 0;
  const sends = new PreparedSends<string>(() => now, (n) => new Uint8Array(n).fill(++counter));
  return { sends, advance: (ms: number) => (now += ms) };
}

test('an entry is taken once, by its id', () => {
  const { sends } = store();
  const { id, expiresAt } = sends.put('tx');
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  expect(expiresAt).toBe(1_000 + PREPARED_TTL_MS);
  expect(sends.take(id)).toBe('tx');
  expect(() => sends.take(id)).toThrow(UnknownPreparedError);
  expect(() => sends.take('0'.repeat(32))).toThrow(UnknownPreparedError);
});

test('an entry past its deadline is refused (and gone)', () => {
  const { sends, advance } = store();
  const { id } = sends.put('tx');
  advance(PREPARED_TTL_MS);
  const other = sends.put('other').id;
  advance(1);
  expect(() => sends.take(id)).toThrow(PreparedExpiredError);
  expect(() => sends.take(id)).toThrow(UnknownPreparedError);
  expect(sends.take(other)).toBe('other');
});

test('expired entries are pruned when new ones are kept', () => {
  const { sends, advance } = store();
  sends.put('a');
  sends.put('b');
  advance(PREPARED_TTL_MS + 1);
  sends.put('c');
  expect(sends.size).toBe(1);
});
