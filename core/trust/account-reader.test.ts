import { describe, expect, test } from 'vitest';
import { makeEndpoint, type NodeEndpoint } from '../rpc/pool/endpoint.js';
import { NodePool } from '../rpc/pool/node-pool.js';
import { fakeNetwork, type FakeMethodHandler } from '../rpc/testing/fake-fetch.js';
import { AccountReader, TokenCallError } from './account-reader.js';

const ADDRESS = 'net1024:aar8jzybzv0fhzreav49syxnzut8s0jt1ap8jtnn6w';
const EPOCH = 0x1a4;

function setup(nodes: { host: string; operator: string; handler: FakeMethodHandler }[], options: { nonceFloor?: bigint } = {}) {
  const endpoints: NodeEndpoint[] = nodes.map((n) => makeEndpoint({ network: 'local', space: 'core', url: `https://${n.host}`, operator: n.operator }));
  const net = fakeNetwork(Object.fromEntries(nodes.map((n, i) => [endpoints[i]!.url, n.handler])));
  const pool = new NodePool({ network: 'local', endpoints, fetch: net.fetch });
  const reader = new AccountReader({
    pool,
    verifiedEpoch: async () => EPOCH,
    ...(options.nonceFloor !== undefined ? { nonceFloor: () => options.nonceFloor } : {}),
  });
  return { pool, reader, net };
}

/** A node that answers balance/nonce/call with fixed values and checks it is asked at the verified epoch. */
function honest(balance: string, nonce = '0x5', call = `0x${'00'.repeat(31)}2a`): FakeMethodHandler {
  return (method, params) => {
    expect(params.at(-1)).toBe(`0x${EPOCH.toString(16)}`);
    if (method === 'cfx_getBalance') return balance;
    if (method === 'cfx_getNextNonce') return nonce;
    if (method === 'cfx_call') return call;
    throw new Error(`unexpected ${method}`);
  };
}

describe('AccountReader', () => {
  test('two independent operators agreeing: cross-checked, asked at the verified epoch', async () => {
    const { reader } = setup([
      { host: 'a.example', operator: 'A', handler: honest('0x64') },
      { host: 'b.example', operator: 'B', handler: honest('0x64') },
    ]);
    const result = await reader.getBalance('core', ADDRESS);
    expect(result).toMatchObject({ value: 100n, epoch: EPOCH, trust: 'cross-checked' });
    expect(result.sources.map((s) => s.answer)).toEqual(['100', '100']);
  });

  test('two nodes of one operator are one source', async () => {
    const { reader } = setup([
      { host: 'a1.example', operator: 'A', handler: honest('0x64') },
      { host: 'a2.example', operator: 'A', handler: honest('0x64') },
    ]);
    expect((await reader.getBalance('core', ADDRESS)).trust).toBe('single-source');
  });

  test('two nodes disagreeing with no third: unresolved conflict, nobody banned', async () => {
    const { reader, pool } = setup([
      { host: 'a.example', operator: 'A', handler: honest('0x64') },
      { host: 'b.example', operator: 'B', handler: honest('0x65') },
    ]);
    const result = await reader.getBalance('core', ADDRESS);
    expect(result.trust).toBe('conflict');
    expect(result.value).toBeUndefined();
    expect(result.conflict?.resolution).toBe('unresolved');
    expect(result.conflict?.candidates.map((c) => c.answer).sort()).toEqual(['100', '101']);
    expect(pool.bans()).toHaveLength(0);
  });

  test('a liar outvoted by two independent nodes: conflict with the majority value, liar banned; next read is cross-checked', async () => {
    const { reader, pool } = setup([
      { host: 'liar.example', operator: 'L', handler: honest('0xffff') },
      { host: 'a.example', operator: 'A', handler: honest('0x64') },
      { host: 'b.example', operator: 'B', handler: honest('0x64') },
    ]);
    const first = await reader.getBalance('core', ADDRESS);
    expect(first).toMatchObject({ trust: 'conflict', value: 100n, conflict: { resolution: 'majority' } });
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeLabel: 'https://liar.example', reason: 'wrong_balance', severity: 'outvoted' })]);
    expect(pool.bans()[0]!.evidence).toContain('said 65535');
    const second = await reader.getBalance('core', ADDRESS);
    expect(second).toMatchObject({ trust: 'cross-checked', value: 100n });
    expect(second.sources.map((s) => s.node)).not.toContain('https://liar.example');
  });

  test('a nonce below a verified transaction is a proven lie', async () => {
    const { reader, pool } = setup(
      [
        { host: 'liar.example', operator: 'L', handler: honest('0x1', '0x2') },
        { host: 'a.example', operator: 'A', handler: honest('0x1', '0x7') },
        { host: 'b.example', operator: 'B', handler: honest('0x1', '0x7') },
      ],
      { nonceFloor: 7n },
    );
    const result = await reader.getNonce('core', ADDRESS);
    expect(result).toMatchObject({ value: 7n, trust: 'cross-checked' });
    expect(pool.bans()).toEqual([expect.objectContaining({ reason: 'wrong_nonce', severity: 'proven_lie' })]);
  });

  test('token balances decode one 32-byte word; anything else is a typed error', async () => {
    const good = setup([
      { host: 'a.example', operator: 'A', handler: honest('0x0') },
      { host: 'b.example', operator: 'B', handler: honest('0x0') },
    ]);
    const token = 'net1024:acaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaemdykm8ef';
    expect(await good.reader.getTokenBalance('core', token, ADDRESS)).toMatchObject({ value: 42n, trust: 'cross-checked' });
    const bad = setup([
      { host: 'a.example', operator: 'A', handler: honest('0x0', '0x0', '0x') },
      { host: 'b.example', operator: 'B', handler: honest('0x0', '0x0', '0x') },
    ]);
    await expect(bad.reader.getTokenBalance('core', token, ADDRESS)).rejects.toBeInstanceOf(TokenCallError);
  });

  test('invalid addresses are refused before any node is asked', async () => {
    const { reader, net } = setup([{ host: 'a.example', operator: 'A', handler: honest('0x0') }]);
    await expect(reader.getBalance('core', '0x1234')).rejects.toThrow(/address/);
    expect(net.calls.size).toBe(0);
  });
});
