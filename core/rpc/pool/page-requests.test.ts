/**
 * A web page decides what the wallet forwards to nodes (its dApp reads), so it can make any node
 * fail on purpose: a method the node is slow at, an answer too large to accept, a host that drops
 * the connection. Before, three such failures in a row banned an honest node as unresponsive; a
 * page could take the user's nodes out one by one. Page requests must leave node health alone.
 */
import { describe, expect, test } from 'vitest';
import { makeEndpoint } from './endpoint.js';
import { NodePool } from './node-pool.js';
import { fakeNetwork } from '../testing/fake-fetch.js';

function setup() {
  const a = makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://a.example/', operator: 'A' });
  const b = makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://b.example/', operator: 'B' });
  const net = fakeNetwork({
    [a.url]: (method) => {
      if (method === 'cfx_getLogs') throw new TypeError('connection reset'); // the page's request the node chokes on
      if (method === 'cfx_call') return `0x${'00'.repeat(64 * 1024)}`; // an answer larger than the pool accepts
      return '0x1';
    },
    [b.url]: (method) => (method === 'cfx_call' ? `0x${'00'.repeat(32)}` : '0x1'),
  });
  const pool = new NodePool({ network: 'mainnet', endpoints: [a, b], fetch: net.fetch, maxResponseBytes: 16 * 1024 });
  return { pool, a, b };
}

describe('requests made for web pages', () => {
  test('failures a page provokes (network errors) never count against node health nor ban it', async () => {
    const { pool, a } = setup();
    for (let i = 0; i < 6; i++) await pool.first('core', (client) => client.requestVerbatim('cfx_getLogs', [{}]), { forPage: true, exclude: new Set(['mainnet/core/https://b.example/']) }).catch(() => undefined);
    expect(pool.isBanned(a.id)).toBe(false);
    expect(pool.list().find((v) => v.endpoint.id === a.id)!.health.consecutiveFailures).toBe(0);
  });

  test('an oversized answer to a page request does not ban the node; the next node answers', async () => {
    const { pool, a } = setup();
    const { node } = await pool.first('core', (client) => client.requestVerbatim('cfx_call', [{}]), { forPage: true, exclude: new Set() });
    expect(pool.bans()).toEqual([]);
    expect(pool.isBanned(a.id)).toBe(false);
    expect(node.id === a.id ? 'a' : 'b').toBe('b');
  });

  test('the wallet\'s own requests still count (a node that keeps failing is banned as unresponsive)', async () => {
    const { pool, a } = setup();
    for (let i = 0; i < 3; i++) await pool.first('core', (client) => client.requestVerbatim('cfx_getLogs', [{}]), { exclude: new Set(['mainnet/core/https://b.example/']) }).catch(() => undefined);
    expect(pool.isBanned(a.id)).toBe(true);
  });
});
