import { describe, expect, test } from 'vitest';
import type { ReceivedItem } from '../model/wallet.js';
import { dustThreshold, sortReceived } from './received-poisoning.js';

const PAST = '0x5eed1234aaaaaaaaaaaaaaaaaaaaaaaaaaaacafe';
const LOOKALIKE = '0x5eed9999999999999999999999999999999acafe';
const STRANGER = '0x7777000000000000000000000000000000000001';
const trust = { level: 'verified' as const };
const token = (id: string, from: string, amount: bigint): ReceivedItem => ({ kind: 'token', id, symbol: 'WAY', decimals: 6, amount, from, epoch: 1, transactionHash: `0x${id.padStart(64, '0')}`, trust });
const known = [{ address: PAST, source: 'sent' as const }];

describe('received transfers against poisoning', () => {
  test('zero-value transfers and dust from a look-alike are hidden; more than dust from one is flagged', () => {
    const sorted = sortReceived([token('1', STRANGER, 0n), token('2', LOOKALIKE, 100n), token('3', LOOKALIKE, 5_000_000n), token('4', STRANGER, 7n), token('5', PAST, 1n)], known);
    expect(sorted.hidden.map((h) => h.item.id)).toEqual(['1', '2']);
    expect(sorted.hidden[1]!.lookalikeOf).toEqual(known[0]);
    expect(sorted.shown.map((s) => [s.item.id, s.lookalikeOf?.address ?? null])).toEqual([['3', PAST], ['4', null], ['5', null]]);
  });

  test('balance increases have no sender and are always shown; dust is a ten-thousandth of a token', () => {
    const increase: ReceivedItem = { kind: 'balance_increase', id: 'b', amount: 0n, fromEpoch: 1, toEpoch: 2, trust };
    expect(sortReceived([increase], known).shown).toHaveLength(1);
    expect(dustThreshold(18)).toBe(10n ** 14n);
    expect(dustThreshold(0)).toBe(1n);
  });
});
