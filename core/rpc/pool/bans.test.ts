import { describe, expect, test } from 'vitest';
import { BAN_DURATION_MS, BanList, makeBan } from './bans.js';

const ban = (severity: 'proven_lie' | 'unavailable' | 'outvoted', now: number, evidence = 'x') => makeBan({ nodeId: 'n', nodeLabel: 'https://n', reason: severity === 'unavailable' ? 'unresponsive' : 'forged_header', severity, evidence, now });

describe('bans', () => {
  test('proven lies last longer than outvotes, which last longer than timeouts', () => {
    expect(BAN_DURATION_MS.proven_lie).toBeGreaterThan(BAN_DURATION_MS.outvoted);
    expect(BAN_DURATION_MS.outvoted).toBeGreaterThan(BAN_DURATION_MS.misbehaviour);
    expect(BAN_DURATION_MS.misbehaviour).toBeGreaterThan(BAN_DURATION_MS.unavailable);
  });
  test('expire; a weaker later ban never shortens a stronger one', () => {
    const list = new BanList();
    list.add(ban('proven_lie', 1000));
    list.add(ban('unavailable', 2000));
    expect(list.get('n', 2001)?.severity).toBe('proven_lie');
    expect(list.isBanned('n', 1000 + BAN_DURATION_MS.proven_lie)).toBe(false);
    expect(list.recent()).toHaveLength(2);
  });
  test('evidence is bounded; snapshots drop expired bans; lift ends a ban', () => {
    expect(ban('outvoted', 0, 'e'.repeat(1000)).evidence.length).toBeLessThanOrEqual(301);
    const list = new BanList([ban('unavailable', 0)]);
    expect(list.snapshot(BAN_DURATION_MS.unavailable + 1)).toEqual([]);
    const other = new BanList([ban('proven_lie', 0)]);
    expect(other.lift('n')).toBe(true);
    expect(other.isBanned('n', 1)).toBe(false);
  });
});
