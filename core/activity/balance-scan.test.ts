/**
 * The balance scan against simulated account histories: it must report exactly the epochs whose
 * state differs from the previous one (with what arrived when the nonce did not change), within a
 * small number of reads, and say so when it runs out of reads or the reads contradict each other.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BalanceScan, scanBalanceChanges, type AccountState } from './balance-scan.js';

const SEED = 0xba1;

/** States at epochs 0..length-1 from events: incoming (+x), own send (−x, nonce+1). */
function history(length: number, events: { epoch: number; kind: 'in' | 'send'; amount: bigint }[]): AccountState[] {
  const states: AccountState[] = [];
  let state: AccountState = { balance: 1_000_000n, nonce: 0n };
  for (let e = 0; e < length; e++) {
    for (const ev of events.filter((x) => x.epoch === e)) {
      state = ev.kind === 'in' ? { ...state, balance: state.balance + ev.amount } : { balance: state.balance - ev.amount, nonce: state.nonce + 1n };
    }
    states.push(state);
  }
  return states;
}

describe('balance scan', () => {
  test('two incoming transfers and one own send in 10 000 epochs: found with few reads', async () => {
    const states = history(10_001, [{ epoch: 1234, kind: 'in', amount: 5n }, { epoch: 7000, kind: 'send', amount: 3n }, { epoch: 9999, kind: 'in', amount: 7n }]);
    const result = await scanBalanceChanges({ from: 0, to: 10_000 }, async (e) => states[e]!);
    expect(result.changes.map((c) => [c.epoch, c.received])).toEqual([[1234, 5n], [7000, null], [9999, 7n]]);
    expect(result.complete).toBe(true);
    expect(result.reads).toBeLessThan(60);
  });

  test('nothing happened: two reads', async () => {
    const states = history(101, []);
    const result = await scanBalanceChanges({ from: 0, to: 100 }, async (e) => states[e]!);
    expect(result).toEqual({ changes: [], reads: 2, complete: true, unresolved: [] });
  });

  test(`random histories: exactly the changed epochs, with the received amounts (seed ${SEED})`, async () => {
    const event = fc.record({ epoch: fc.integer({ min: 1, max: 500 }), kind: fc.constantFrom('in' as const, 'send' as const), amount: fc.bigInt({ min: 1n, max: 1000n }) });
    await fc.assert(fc.asyncProperty(fc.array(event, { maxLength: 12 }), async (events) => {
      const states = history(501, events);
      const result = await scanBalanceChanges({ from: 0, to: 500, maxReads: 10_000 }, async (e) => states[e]!);
      const expected = states.flatMap((s, e) => (e > 0 && (s.balance !== states[e - 1]!.balance || s.nonce !== states[e - 1]!.nonce) ? [e] : []));
      expect(result.changes.map((c) => c.epoch)).toEqual(expected);
      for (const c of result.changes) {
        expect(c.before).toEqual(states[c.epoch - 1]);
        expect(c.after).toEqual(states[c.epoch]);
        if (c.before.nonce === c.after.nonce) expect(c.received).toBe(c.after.balance - c.before.balance);
        else expect(c.received).toBeNull();
      }
      expect(result.complete).toBe(true);
    }), { seed: SEED, numRuns: 200 });
  });

  test('out of reads: incomplete, with the epochs still unexplained', async () => {
    const states = history(1001, [{ epoch: 10, kind: 'in', amount: 1n }, { epoch: 900, kind: 'in', amount: 1n }]);
    const result = await scanBalanceChanges({ from: 0, to: 1000, maxReads: 6 }, async (e) => states[e]!);
    expect(result.complete).toBe(false);
    expect(result.reads).toBe(6);
    expect(result.unresolved.length).toBeGreaterThan(0);
  });

  test('a balance that falls with no transaction of the account is an inconsistent read, and answers must be for the epoch asked', () => {
    const scan = new BalanceScan(0, 10);
    expect(scan.next()).toBe(0);
    expect(() => scan.accept(5, { balance: 1n, nonce: 0n })).toThrow(expect.objectContaining({ code: 'activity.input' }));
    scan.accept(0, { balance: 10n, nonce: 0n });
    expect(scan.next()).toBe(10);
    scan.accept(10, { balance: 9n, nonce: 0n });
    expect(() => scan.next()).toThrow(/inconsistent reads/);
    expect(() => new BalanceScan(5, 5)).toThrow(expect.objectContaining({ code: 'activity.input' }));
  });
});
