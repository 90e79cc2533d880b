import { describe, expect, test } from 'vitest';
import { rankForAddress } from './privacy.js';

const nodes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id, i) => ({ id, operator: `op${i % 4}` }));
const secret = new Uint8Array(32).fill(9);
const key = (i: number) => `0x${i.toString(16).padStart(40, '0')}`;

describe('rankForAddress', () => {
  test('stable, distinct operators first, different per address and per secret', () => {
    const first = rankForAddress(secret, key(1), nodes);
    expect(rankForAddress(secret, key(1), nodes)).toEqual(first);
    expect(new Set(first.slice(0, 4).map((n) => n.operator)).size).toBe(4);
    const pairs = new Set(Array.from({ length: 50 }, (_, i) => rankForAddress(secret, key(i), nodes).slice(0, 2).map((n) => n.id).join()));
    expect(pairs.size).toBeGreaterThan(5);
    const otherSecret = new Uint8Array(32).fill(10);
    const moved = Array.from({ length: 50 }, (_, i) => rankForAddress(otherSecret, key(i), nodes)[0]!.id !== rankForAddress(secret, key(i), nodes)[0]!.id).filter(Boolean).length;
    expect(moved).toBeGreaterThan(10);
  });
  test('removing a node only moves the addresses that ranked it first', () => {
    const without = nodes.filter((n) => n.id !== 'a');
    for (let i = 0; i < 50; i++) {
      const before = rankForAddress(secret, key(i), nodes)[0]!;
      if (before.id !== 'a') expect(rankForAddress(secret, key(i), without)[0]).toEqual(before);
    }
  });
  test('case of the address does not matter; short secrets are refused', () => {
    expect(rankForAddress(secret, '0xABCDEF', nodes)).toEqual(rankForAddress(secret, '0xabcdef', nodes));
    expect(() => rankForAddress(new Uint8Array(8), key(1), nodes)).toThrow(RangeError);
  });
});
