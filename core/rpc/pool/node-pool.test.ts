import { describe, expect, test } from 'vitest';
import { LightClientError } from '../../lightclient/errors.js';
import { FakeClock } from '../testing/fake-clock.js';
import { fakeNetwork, FakeRpcError } from '../testing/fake-fetch.js';
import { BAN_DURATION_MS } from './bans.js';
import { makeEndpoint } from './endpoint.js';
import { RpcTimeoutError } from '../errors.js';
import { NoNodeAvailableError } from './errors.js';
import { HEDGE_MIN_MS, NodePool } from './node-pool.js';

const node = (host: string, operator: string) => makeEndpoint({ network: 'mainnet', space: 'core', url: `https://${host}`, operator });

describe('NodePool.first (failover)', () => {
  test('moves past a dead node to a live one and records health', async () => {
    const net = fakeNetwork({ 'https://b.example/': () => '0x10' });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A'), node('b.example', 'B')], fetch: net.fetch, random: () => 0 });
    const { value, node: used } = await pool.first('core', (c) => c.request('cfx_epochNumber', []));
    expect(value).toBe('0x10');
    expect(used.label).toBe('https://b.example');
    const views = pool.list('core');
    expect(views.find((v) => v.endpoint.label === 'https://a.example')?.health.consecutiveFailures).toBeGreaterThan(0);
    expect(views.find((v) => v.endpoint.label === 'https://b.example')?.health.successes).toBe(1);
  });

  test('a malformed answer bans the node with the reason and the request moves on', async () => {
    const net = fakeNetwork({ 'https://a.example/': () => 'garbage', 'https://b.example/': () => '0x10' });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A'), node('b.example', 'B')], fetch: net.fetch });
    // Equal health keeps configuration order: a is asked first.
    expect(pool.candidates('core').map((n) => n.label)).toEqual(['https://a.example', 'https://b.example']);
    const { value } = await pool.first('core', (c) => c.request('cfx_epochNumber', []));
    expect(value).toBe('0x10');
    expect(pool.bans()).toHaveLength(1);
    expect(pool.bans()[0]).toMatchObject({ nodeLabel: 'https://a.example', reason: 'malformed_response', severity: 'misbehaviour' });
  });

  test('a node removed while its request is in flight: its lie is recorded under its id, its failures end with it, nothing throws', async () => {
    let pool: NodePool | undefined;
    const a = node('a.example', 'A');
    const net = fakeNetwork({
      'https://a.example/': () => {
        pool!.remove(a.id);
        return 'garbage';
      },
      'https://b.example/': () => '0x10',
    });
    pool = new NodePool({ network: 'mainnet', endpoints: [a, node('b.example', 'B')], fetch: net.fetch });
    const { value } = await pool.first('core', (c) => c.request('cfx_epochNumber', []));
    expect(value).toBe('0x10');
    expect(pool.bans()).toMatchObject([{ nodeId: a.id, reason: 'malformed_response' }]);
    for (let i = 0; i < 5; i++) expect(pool.report(a.id, new RpcTimeoutError(1000, { endpoint: 'https://a.example', method: 'cfx_epochNumber' })).kind).toBe('unhealthy');
    expect(pool.bans()).toHaveLength(1);
  });

  test('light-client proofs of a lie ban for a day; node errors do not ban', async () => {
    const clock = new FakeClock();
    const net = fakeNetwork({ 'https://a.example/': () => '0x1', 'https://b.example/': () => '0x1' });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A'), node('b.example', 'B')], fetch: net.fetch, clock });
    const [first] = pool.candidates('core');
    pool.report(first!.id, new LightClientError('bad_header_hash', 'hash mismatch', { request: { method: 'cfx_getBlockByHash', params: [] } }));
    expect(pool.bans()[0]).toMatchObject({ reason: 'forged_header', severity: 'proven_lie' });
    expect(pool.bans()[0]!.evidence).toContain('cfx_getBlockByHash');
    expect(pool.candidates('core').map((n) => n.id)).not.toContain(first!.id);
    await clock.advance(BAN_DURATION_MS.proven_lie - 1);
    expect(pool.isBanned(first!.id)).toBe(true);
    await clock.advance(2);
    expect(pool.isBanned(first!.id)).toBe(false);
    const [other] = pool.candidates('core');
    pool.report(other!.id, new LightClientError('missing', 'no block'));
    expect(pool.bans()).toHaveLength(0);
  });

  test('repeated timeouts lead to a short unresponsive ban', async () => {
    const clock = new FakeClock();
    const net = fakeNetwork({});
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A')], fetch: net.fetch, clock, random: () => 0 });
    for (let i = 0; i < 3; i++) {
      const error = await pool.first('core', (c) => c.request('cfx_epochNumber', [], { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NoNodeAvailableError);
      // No node answered at all: a poor link, which the UI says as such.
      expect((error as NoNodeAvailableError).unanswered).toBe(true);
    }
    expect(pool.bans()[0]).toMatchObject({ reason: 'unresponsive', severity: 'unavailable' });
    expect(pool.bans()[0]!.expiresAt - pool.bans()[0]!.bannedAt).toBe(BAN_DURATION_MS.unavailable);
  });

  test('a lone node banned for not answering is still asked (nothing else is left), and its answer lifts the ban', async () => {
    const clock = new FakeClock();
    let up = false;
    const net = fakeNetwork({
      'https://a.example/': () => {
        if (!up) throw new TypeError('fetch failed');
        return '0x10';
      },
    });
    const once = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } };
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A')], fetch: net.fetch, clock });
    for (let i = 0; i < 3; i++) await expect(pool.first('core', (c) => c.request('cfx_epochNumber', [], once))).rejects.toBeInstanceOf(NoNodeAvailableError);
    expect(pool.bans()[0]).toMatchObject({ reason: 'unresponsive' });
    expect(pool.candidates('core').map((n) => n.label)).toEqual(['https://a.example']);
    up = true;
    expect((await pool.first('core', (c) => c.request('cfx_epochNumber', [], once))).value).toBe('0x10');
    expect(pool.bans()).toEqual([]);
    expect(pool.banHistory()[0]).toMatchObject({ reason: 'unresponsive' });
  });

  test('a node banned for not answering is not asked while another node is usable; a node banned for what it said never is', async () => {
    const net = fakeNetwork({ 'https://a.example/': () => '0x1', 'https://b.example/': () => '0x1' });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A'), node('b.example', 'B')], fetch: net.fetch });
    const [a, b] = pool.candidates('core');
    pool.ban(a!.id, 'unresponsive', 'unavailable', 'timeouts');
    expect(pool.candidates('core').map((n) => n.id)).toEqual([b!.id]);
    pool.ban(b!.id, 'forged_header', 'proven_lie', 'bad hash');
    // Only the unresponsive one comes back as a last resort.
    expect(pool.candidates('core').map((n) => n.id)).toEqual([a!.id]);
    const answers = await pool.independent('core', 2, (c) => c.request('cfx_epochNumber', []));
    expect(answers.map((x) => x.node.id)).toEqual([a!.id]);
    expect(pool.bans().map((x) => x.reason)).toEqual(['forged_header']);
  });

  test('every node refusing with a JSON-RPC error: the error says what the node answered', async () => {
    const net = fakeNetwork({
      'https://a.example/': () => {
        throw new FakeRpcError(3, 'execution reverted');
      },
    });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A')], fetch: net.fetch });
    const error = (await pool.first('core', (c) => c.request('cfx_epochNumber', [])).catch((e: unknown) => e)) as NoNodeAvailableError;
    expect(error.nodeErrors).toMatchObject([{ rpcCode: 3, rpcMessage: 'execution reverted' }]);
    expect(error.attempts).toEqual([{ node: 'https://a.example', problem: 'node error 3: execution reverted', verdict: 'declined' }]);
    // It answered: a refusal, not a poor link.
    expect(error.unanswered).toBe(false);
  });

  test('a JSON-RPC error makes the pool ask the next node without banning', async () => {
    const net = fakeNetwork({
      'https://a.example/': () => {
        throw new FakeRpcError(-32602, 'epoch not executed');
      },
      'https://b.example/': () => {
        throw new FakeRpcError(-32602, 'epoch not executed');
      },
    });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A'), node('b.example', 'B')], fetch: net.fetch });
    const error = await pool.first('core', (c) => c.request('cfx_epochNumber', [])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoNodeAvailableError);
    expect((error as NoNodeAvailableError).attempts).toHaveLength(2);
    expect(pool.bans()).toHaveLength(0);
  });
});

describe('NodePool.independent', () => {
  test('asks distinct operators first', async () => {
    const net = fakeNetwork({ 'https://a1.example/': () => '0x1', 'https://a2.example/': () => '0x1', 'https://b.example/': () => '0x1' });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a1.example', 'A'), node('a2.example', 'A'), node('b.example', 'B')], fetch: net.fetch });
    const answers = await pool.independent('core', 2, (c) => c.request('cfx_epochNumber', []));
    expect(new Set(answers.map((a) => a.node.operator))).toEqual(new Set(['A', 'B']));
  });

  test('replaces a failing node with the next candidate', async () => {
    const net = fakeNetwork({ 'https://b.example/': () => '0x1', 'https://c.example/': () => '0x1' });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A'), node('b.example', 'B'), node('c.example', 'C')], fetch: net.fetch, random: () => 0 });
    const answers = await pool.independent('core', 2, (c) => c.request('cfx_epochNumber', [], { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } }));
    expect(answers.filter((a) => a.ok)).toHaveLength(2);
  });

  test('a silent node gets a hedged replacement; the silent request is cancelled and counted against its health', async () => {
    const clock = new FakeClock();
    let silentAborted = false;
    const net = fakeNetwork({
      'https://a.example/': () => new Promise(() => undefined), // never answers
      'https://b.example/': () => '0x1',
      'https://c.example/': () => '0x1',
    });
    const pool = new NodePool({ network: 'mainnet', endpoints: [node('a.example', 'A'), node('b.example', 'B'), node('c.example', 'C')], fetch: net.fetch, clock });
    const pending = pool.independent('core', 2, (c, _n, signal) => {
      signal.addEventListener('abort', () => (silentAborted = true));
      return c.request('cfx_epochNumber', [], { signal });
    });
    await clock.advance(HEDGE_MIN_MS - 1);
    expect(net.calls.get('https://c.example/')).toBeUndefined();
    await clock.advance(1);
    const answers = await pending;
    expect(answers.filter((a) => a.ok).map((a) => a.node.operator).sort()).toEqual(['B', 'C']);
    expect(silentAborted).toBe(true);
    expect(pool.list().find((v) => v.endpoint.operator === 'A')?.health).toMatchObject({ consecutiveFailures: 1, lastErrorCode: 'rpc.slow' });
    expect(pool.bans()).toEqual([]);
  });

  test('privacy mode: each address goes to a stable pair of nodes, and addresses spread', async () => {
    const endpoints = ['a', 'b', 'c', 'd', 'e', 'f'].map((h) => node(`${h}.example`, h.toUpperCase()));
    const handlers = Object.fromEntries(endpoints.map((e) => [e.url, () => '0x1']));
    const net = fakeNetwork(handlers);
    const secret = new Uint8Array(32).fill(7);
    const pool = new NodePool({ network: 'mainnet', endpoints, fetch: net.fetch, privacy: { enabled: true, secret } });
    const seen = new Map<string, Set<string>>();
    for (let i = 0; i < 40; i++) {
      const key = `0x${i.toString(16).padStart(40, '0')}`;
      const first = pool.candidates('core', { addressKey: key }).map((n) => n.id);
      expect(first).toHaveLength(2);
      expect(pool.candidates('core', { addressKey: key }).map((n) => n.id)).toEqual(first);
      for (const id of first) seen.set(id, (seen.get(id) ?? new Set()).add(key));
    }
    // No node learns every address.
    for (const keys of seen.values()) expect(keys.size).toBeLessThan(40);
    expect(seen.size).toBeGreaterThan(2);
  });
});
