import { describe, expect, test } from 'vitest';
import { makeEndpoint } from '../../rpc/pool/endpoint.js';
import { NodePool } from '../../rpc/pool/node-pool.js';
import { fakeNetwork } from '../../rpc/testing/fake-fetch.js';
import { VerifiedRunner } from './runner.js';
import { fetchLocalTofuCheckpoint, isTofuSource } from './tofu-source.js';

/** A node that answers every committee request with its own (here: unusable) committee. */
const committeeOfItsOwn = (method: string) => {
  if (method === 'pos_getEpochState') return null;
  throw new Error(`unexpected ${method}`);
};

describe('dev-chain trust-on-first-use committee', () => {
  test('is never taken from a node a site suggested, even when it is the only (or fastest) Core node', async () => {
    const site = makeEndpoint({ network: 'local', space: 'core', url: 'https://rpc.evil.example/', origin: 'site', site: 'https://evil.example' });
    const net = fakeNetwork({ [site.url]: committeeOfItsOwn });
    const pool = new NodePool({ network: 'local', endpoints: [site], fetch: net.fetch });
    await expect(fetchLocalTofuCheckpoint(pool, new VerifiedRunner(pool), 1024)).rejects.toMatchObject({ code: 'lightclient.missing' });
    expect(net.calls.size).toBe(0);
  });

  test('is taken only from a loopback node the wallet ships or the user configured', async () => {
    const site = makeEndpoint({ network: 'local', space: 'core', url: 'https://rpc.evil.example/', origin: 'site', site: 'https://evil.example' });
    const remote = makeEndpoint({ network: 'local', space: 'core', url: 'https://dev.example.org/' });
    const lan = makeEndpoint({ network: 'local', space: 'core', url: 'http://192.168.1.20:12537/' });
    const mine = makeEndpoint({ network: 'local', space: 'core', url: 'http://127.0.0.1:12537/' });
    expect([site, remote, lan, mine].map(isTofuSource)).toEqual([false, false, false, true]);
    const net = fakeNetwork({ [site.url]: committeeOfItsOwn, [remote.url]: committeeOfItsOwn, [lan.url]: committeeOfItsOwn, [mine.url]: committeeOfItsOwn });
    const pool = new NodePool({ network: 'local', endpoints: [site, remote, lan, mine], fetch: net.fetch });
    await expect(fetchLocalTofuCheckpoint(pool, new VerifiedRunner(pool), 1024)).rejects.toThrow();
    expect([...net.calls.keys()]).toEqual([mine.url]);
  });
});
