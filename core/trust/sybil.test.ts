/**
 * A site that suggests many nodes (through `wallet_add…Chain`) tries to outvote the wallet's own
 * nodes: every attacker node reports a false balance. Run over the real pool, cross-check and
 * account reader with working fake nodes, privacy mode on, for 1 to 8 attacker hosts on eSpace
 * mainnet (three shipped operators) and Core mainnet (two): no read may show the false value as
 * `cross-checked`, and no shipped node may be banned as outvoted. Deterministic: fixed seed.
 */
import { describe, expect, test } from 'vitest';
import type { Space } from '../space.js';
import { defaultEndpoints } from '../rpc/pool/defaults.js';
import { makeEndpoint, type NodeEndpoint } from '../rpc/pool/endpoint.js';
import { NodePool } from '../rpc/pool/node-pool.js';
import { fakeNetwork, type FakeMethodHandler } from '../rpc/testing/fake-fetch.js';
import { AccountReader } from './account-reader.js';
import { seeded } from '../../test/support/seeded.js';

const SEED = 0x5eed_16;
const EPOCH = 1_000;
const HONEST = 100n;
const FALSE = 0xdeadn;

function hex(random: () => number, bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++) out += Math.floor(random() * 256).toString(16).padStart(2, '0');
  return out;
}

const answering = (value: bigint): FakeMethodHandler => (method) => {
  if (method === 'eth_getBalance' || method === 'cfx_getBalance') return `0x${value.toString(16)}`;
  throw new Error(`unexpected ${method}`);
};

/** Core mainnet addresses of the reads: user type, network 1029. */
async function addresses(space: Space, random: () => number, count: number): Promise<string[]> {
  const { encodeCfxAddress } = await import('../address/cip37.js');
  return Array.from({ length: count }, () => {
    const body = `0x1${hex(random, 20).slice(1)}`;
    return space === 'core' ? encodeCfxAddress(body, 1029) : `0x${hex(random, 20)}`;
  });
}

interface Outcome {
  falseCrossChecked: number;
  honestBans: number;
  readsWithValue: number;
}

async function attack(space: Space, hosts: number, sites: 'one' | 'each', reads: number): Promise<Outcome> {
  const random = seeded(SEED + hosts * 31 + (space === 'core' ? 7 : 0) + (sites === 'each' ? 1000 : 0));
  const shipped = defaultEndpoints('mainnet').filter((e) => e.space === space);
  const attackers: NodeEndpoint[] = Array.from({ length: hosts }, (_, i) =>
    // Different registrable domains and ports, as an attacker would pick to look independent.
    makeEndpoint({ network: 'mainnet', space, url: `https://rpc${i}.attacker-${i}.example:${8000 + i}/`, origin: 'site', site: sites === 'one' ? 'https://evil.example' : `https://evil-${i}.example` }),
  );
  const net = fakeNetwork(Object.fromEntries([...shipped.map((e) => [e.url, answering(HONEST)] as const), ...attackers.map((e) => [e.url, answering(FALSE)] as const)]));
  const secret = Uint8Array.from({ length: 32 }, () => Math.floor(random() * 256));
  const pool = new NodePool({ network: 'mainnet', endpoints: [...shipped, ...attackers], fetch: net.fetch, privacy: { enabled: true, secret } });
  const reader = new AccountReader({ pool, verifiedEpoch: async () => EPOCH });
  const outcome: Outcome = { falseCrossChecked: 0, honestBans: 0, readsWithValue: 0 };
  for (const address of await addresses(space, random, reads)) {
    const read = await reader.getBalance(space, address);
    if (read.value !== undefined) outcome.readsWithValue++;
    if (read.trust === 'cross-checked' && read.value !== HONEST) outcome.falseCrossChecked++;
  }
  outcome.honestBans = pool.bans().filter((b) => shipped.some((e) => e.id === b.nodeId)).length;
  return outcome;
}

describe(`sybil nodes suggested by sites cannot outvote the wallet's own nodes (seed ${SEED})`, () => {
  const table: [Space, number][] = [];
  for (const space of ['espace', 'core'] as const) for (let hosts = 1; hosts <= 8; hosts++) table.push([space, hosts]);

  test.each(table)('%s mainnet, %i attacker hosts from one site: 0 false cross-checked values, 0 honest bans', async (space, hosts) => {
    const outcome = await attack(space, hosts, 'one', space === 'espace' ? 300 : 100);
    expect(outcome).toMatchObject({ falseCrossChecked: 0, honestBans: 0 });
    // The wallet still answers: the attack does not silence the honest value.
    expect(outcome.readsWithValue).toBeGreaterThan(0);
  });

  test.each(table)('%s mainnet, %i attacker hosts each from its own site: 0 false cross-checked values, 0 honest bans', async (space, hosts) => {
    expect(await attack(space, hosts, 'each', 100)).toMatchObject({ falseCrossChecked: 0, honestBans: 0 });
  });

  test('nodes of one site are one operator, named after the site, whatever their host and port', () => {
    const a = makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://a.one.example:8443/', origin: 'site', site: 'https://app.evil.example' });
    const b = makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://b.other.example/', origin: 'site', site: 'https://www.evil.example:444' });
    expect(a.operator).toBe('evil.example');
    expect(b.operator).toBe(a.operator);
  });

  test('user nodes without a declared operator: independence by registrable domain, not host:port', () => {
    const a = makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://rpc1.example.co.uk:8545/' });
    const b = makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://rpc2.example.co.uk:9545/' });
    expect(a.operator).toBe('example.co.uk');
    expect(b.operator).toBe(a.operator);
  });
});
