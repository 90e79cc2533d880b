import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LightClientError } from '../../lightclient/errors.js';
import { makeEndpoint } from '../../rpc/pool/endpoint.js';
import { NoNodeAvailableError } from '../../rpc/pool/errors.js';
import { NodePool } from '../../rpc/pool/node-pool.js';
import { fakeNetwork } from '../../rpc/testing/fake-fetch.js';
import { VerifiedRunner } from './runner.js';

const ethBlock = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../test/vectors/rpc/dev-eth_getBlockByNumber-hashes.json'), 'utf8')) as { result: Record<string, unknown> }).result;
const core = ['c1', 'c2'].map((h) => makeEndpoint({ network: 'local', space: 'core', url: `https://${h}.example`, operator: h }));
const espace = ['e1', 'e2'].map((h) => makeEndpoint({ network: 'local', space: 'espace', url: `https://${h}.example`, operator: h }));

function setup() {
  const espaceHandler = (fee: string) => () => ({ ...ethBlock, baseFeePerGas: fee });
  const net = fakeNetwork({
    [core[0]!.url]: () => '0x1',
    [core[1]!.url]: () => '0x1',
    [espace[0]!.url]: espaceHandler('0x2'), // the lying one
    [espace[1]!.url]: espaceHandler('0x1'),
  });
  const pool = new NodePool({ network: 'local', endpoints: [...core, ...espace], fetch: net.fetch });
  return { pool, runner: new VerifiedRunner(pool) };
}

/** Stands in for a header check that depends on the eSpace base price: fails unless it is 0x1. */
const headerCheck = async (transport: Parameters<Parameters<VerifiedRunner['run']>[0]>[0]) => {
  const block = (await transport.eth_getBlockByNumber(16, false)) as { baseFeePerGas: string };
  if (block.baseFeePerGas !== '0x1') throw new LightClientError('bad_header_hash', 'header does not hash', { request: { method: 'cfx_getBlockByHash', params: [] } });
  return 'verified';
};

describe('VerifiedRunner blame', () => {
  test('a header mismatch caused by the eSpace base price bans the eSpace node, not the Core node', async () => {
    const { pool, runner } = setup();
    const result = await runner.run(headerCheck);
    expect(result).toMatchObject({ value: 'verified', node: { id: core[0]!.id } });
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: espace[0]!.id, reason: 'forged_header', severity: 'proven_lie' })]);
  });

  test('a header mismatch whatever the eSpace node bans the Core node and moves on', async () => {
    const { pool, runner } = setup();
    let calls = 0;
    const result = await runner.run(async (_t, node) => {
      calls++;
      if (node.id === core[0]!.id) throw new LightClientError('bad_header_hash', 'forged', { request: { method: 'cfx_getBlockByHash', params: [] } });
      return 'ok';
    });
    expect(result.node.id).toBe(core[1]!.id);
    expect(calls).toBe(3); // c1, c1 with the other eSpace node, c2
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: core[0]!.id, reason: 'forged_header' })]);
  });

  test('failures of eSpace requests are blamed on the eSpace node', async () => {
    const { pool, runner } = setup();
    let first = true;
    await runner.run(async () => {
      if (first) {
        first = false;
        throw new LightClientError('malformed', 'bad block', { request: { method: 'eth_getBlockByNumber', params: [] } });
      }
      return 1;
    });
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: espace[0]!.id, reason: 'malformed_response' })]);
  });

  test('failures that are not about the node are passed through without bans', async () => {
    const { pool, runner } = setup();
    await expect(runner.run(async () => Promise.reject(new LightClientError('not_finalized', 'sync first')))).rejects.toMatchObject({ kind: 'not_finalized' });
    expect(pool.bans()).toEqual([]);
  });

  test('when every Core node fails, the error lists them', async () => {
    const { runner } = setup();
    const error = await runner.run(async () => Promise.reject(new LightClientError('missing', 'no data'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoNodeAvailableError);
    expect((error as NoNodeAvailableError).attempts.map((a) => a.node)).toEqual(['https://c1.example', 'https://c2.example']);
  });
});
