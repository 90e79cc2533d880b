/**
 * Cold start over the node pool: a client far behind reaches the head by the skipping rule (finality
 * `skipped`), then the background run verifies the skipped committees from several nodes and
 * upgrades finality to `sequential`, with the same state sequential verification reaches. A liar
 * serving forged epoch endings in the background run is banned and does not stop it.
 */
import { describe, expect, test } from 'vitest';
import { toQuantity } from '../../encoding/hex.js';
import { MemoryCheckpointStore } from '../../lightclient/checkpoint/store.js';
import type { Checkpoint } from '../../lightclient/checkpoint/types.js';
import { LightClient } from '../../lightclient/client/light-client.js';
import { committeeFromJson } from '../../lightclient/pos/committee.js';
import { longPosChain } from '../../lightclient/testing/long-chain.js';
import { MemoryTransport, syntheticPivotChain, type MemoryChainData } from '../../lightclient/testing/synthetic-chain.js';
import { rpcHandler, type AnswerTamper } from '../../lightclient/testing/synthetic-node.js';
import { systemClock } from '../../rpc/clock.js';
import { makeEndpoint, type NodeEndpoint } from '../../rpc/pool/endpoint.js';
import { NodePool } from '../../rpc/pool/node-pool.js';
import { fakeNetwork, type FakeMethodHandler } from '../../rpc/testing/fake-fetch.js';
import { VerifiedChain } from './chain.js';

const CHAIN_ID = 1024;
const START = 200;
const HEAD = 240;
const blocks = syntheticPivotChain(420, CHAIN_ID);
const chain = longPosChain({ startEpoch: START, epochs: HEAD - START, size: 6, replaceEvery: 4, heightPerEpoch: 10, pivotHash: (h) => blocks[h]!.hash });
const data: MemoryChainData = {
  posEpoch: HEAD,
  endings: new Map(Array.from({ length: HEAD - START }, (_, i) => [START + i, chain.ending(START + i)] as const)),
  latestCommitted: chain.sign({ epoch: HEAD, round: 9, pivot: { height: 405, blockHash: blocks[405]!.hash } }),
  blocks,
};
const checkpoint: Checkpoint = { network: 'test', chainId: CHAIN_ID, trust: 'shipped', epoch: START, epochState: chain.committee(START), digest: committeeFromJson(chain.committee(START)).digest, source: 'long synthetic chain' };
const endpoint = (name: string, space: 'core' | 'espace'): NodeEndpoint => makeEndpoint({ network: 'local', space, url: `https://${name}-${space}.example`, operator: name });

async function world(nodes: { name: string; tamper?: AnswerTamper }[], options: { skip?: boolean } = {}) {
  const handlers: Record<string, FakeMethodHandler> = {};
  const endpoints: NodeEndpoint[] = [];
  for (const n of nodes) {
    for (const space of ['core', 'espace'] as const) {
      const e = endpoint(n.name, space);
      endpoints.push(e);
      handlers[e.url] = rpcHandler(new MemoryTransport(data), n.tamper);
    }
  }
  const pool = new NodePool({ network: 'local', endpoints, fetch: fakeNetwork(handlers).fetch, timeoutMs: 5000 });
  const store = new MemoryCheckpointStore();
  const lightClient = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: new MemoryTransport(data), store, skipAbove: 8, epochBatchSize: 8, ...(options.skip === false ? { skip: false } : {}) }, 1);
  return { pool, store, chain: new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: CHAIN_ID, espace: 1025 } }) };
}

describe('cold start far behind the checkpoint', () => {
  test('the head is reached by skipping, then the background run makes finality sequential', async () => {
    const { chain: verified, store } = await world([{ name: 'a' }, { name: 'b' }]);
    const report = await verified.sync();
    expect(report).toMatchObject({ committeeEpoch: HEAD, finality: 'skipped', latest: 'adopted' });
    expect(verified.status()).toMatchObject({ finality: 'skipped', finalized: { height: 405 }, sequential: { epoch: START, running: true } });
    expect(await verified.verifiedEpoch('core')).toBe(405);
    await verified.background;
    expect(verified.status()).toMatchObject({ finality: 'sequential', sequential: null });
    const sequential = await world([{ name: 'c' }], { skip: false });
    await sequential.chain.sync();
    expect(verified.client.posState.committee.digest).toBe(sequential.chain.client.posState.committee.digest);
    expect(verified.client.finalizedPivot).toEqual(sequential.chain.client.finalizedPivot);
    // What is stored says sequential too: no tail.
    expect(await store.load(CHAIN_ID)).not.toHaveProperty('tail');
  });

  test('a liar serving forged endings to the background run is banned, and the run completes', async () => {
    const forge: AnswerTamper = (method, _params, answer) => {
      if (method !== 'pos_getLedgerInfosByEpoch' || !Array.isArray(answer) || answer.length === 0) return answer;
      const list = structuredClone(answer) as { ledgerInfo: { commitInfo: { pivot: { height: string } } } }[];
      list[0]!.ledgerInfo.commitInfo.pivot.height = toQuantity(1);
      return list;
    };
    const { chain: verified, pool } = await world([{ name: 'honest' }, { name: 'liar', tamper: forge }]);
    await verified.sync();
    await verified.background;
    expect(verified.client.finality).toBe('sequential');
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: endpoint('liar', 'core').id, reason: 'bad_signature', severity: 'proven_lie' })]);
    expect(pool.bans()[0]!.evidence).toMatch(/pos_getLedgerInfosByEpoch/);
  });
});
