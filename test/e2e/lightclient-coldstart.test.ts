/**
 * Cold start, resume and interruption against the real dev node, each compared with sequential
 * verification: the skipping rule (forced here for gaps of two epochs or more, since the shared
 * node is only a few PoS epochs old) reaches the same committee and the same epoch-ending ledger
 * info; the background completion confirms it; stored progress resumes without refetching.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fetchTofuCheckpoint, LightClient, MemoryCheckpointStore, transportFromRequest, type Checkpoint, type CheckpointStore, type LightClientOptions } from '../../core/lightclient/index.js';
import { systemClock } from '../../core/rpc/clock.js';
import { makeEndpoint } from '../../core/rpc/pool/endpoint.js';
import { NodePool } from '../../core/rpc/pool/node-pool.js';
import type { FetchFunction } from '../../core/rpc/transport/http.js';
import { VerifiedChain } from '../../core/chain/verified/chain.js';
import { rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';

const node = sharedDevNode();
/** The same node under a second host name: a second operator for the pool. */
const alias = (url: string) => url.replace('127.0.0.1', 'localhost');
let checkpoint: Checkpoint;
const posEpoch = async () => Number(BigInt((await rpcCall<{ epoch: string }>(node.coreRpc, 'pos_getStatus')).epoch));

beforeAll(async () => {
  await waitForFinality(node, 1);
  // Three committee rotations to skip over and to verify.
  for (let i = 0; (await posEpoch()) < 4; i++) {
    if (i > 200) throw new Error('PoS epoch 4 not reached');
    await new Promise((r) => setTimeout(r, 1000));
  }
  checkpoint = await fetchTofuCheckpoint(transportFromRequest((method, params) => rpcCall(node.coreRpc, method, params)), node.chainId);
}, 300_000);

/** Every JSON-RPC call a pool sent (method and params). */
function recording(): { fetch: FetchFunction; calls: { method: string; params: unknown[] }[] } {
  const calls: { method: string; params: unknown[] }[] = [];
  return {
    calls,
    fetch: (input, init) => {
      const body = JSON.parse(String(init.body)) as { method: string; params: unknown[] } | { method: string; params: unknown[] }[];
      for (const c of Array.isArray(body) ? body : [body]) calls.push({ method: c.method, params: c.params });
      return fetch(input, init);
    },
  };
}

async function verifiedChain(store: CheckpointStore, options: Partial<LightClientOptions>) {
  const net = recording();
  const endpoints = [
    makeEndpoint({ network: 'local', space: 'core', url: node.coreRpc, operator: 'A' }),
    makeEndpoint({ network: 'local', space: 'core', url: alias(node.coreRpc), operator: 'B' }),
    makeEndpoint({ network: 'local', space: 'espace', url: node.espaceRpc, operator: 'A' }),
  ];
  const pool = new NodePool({ network: 'local', endpoints, fetch: net.fetch });
  const lightClient = await LightClient.create({ chainId: node.chainId, checkpoint, transport: transportFromRequest((m, p) => rpcCall(node.coreRpc, m, p)), store, ...options }, Date.now());
  return { chain: new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: node.chainId, espace: node.evmChainId }, background: false }), calls: net.calls };
}

/** Syncs both until they hold the committee of the same epoch (a PoS epoch may end in between). */
async function sameEpoch(a: VerifiedChain, b: VerifiedChain): Promise<number> {
  for (let i = 0; i < 5; i++) {
    await a.sync();
    await b.sync();
    if (a.client.committeeEpoch === b.client.committeeEpoch) return a.client.committeeEpoch;
  }
  throw new Error('the two clients never held the same committee epoch');
}

describe('cold start by the skipping rule, against sequential verification', () => {
  const store = new MemoryCheckpointStore();
  let skipped: VerifiedChain;
  let sequential: VerifiedChain;

  test('reaches the same committee and the same epoch ending, labelled skipped', async () => {
    skipped = (await verifiedChain(store, { skipAbove: 1 })).chain;
    sequential = (await verifiedChain(new MemoryCheckpointStore(), { skip: false })).chain;
    const report = await skipped.sync();
    expect(report).toMatchObject({ finality: 'skipped' });
    expect(report.skips).toBeGreaterThanOrEqual(1);
    const epoch = await sameEpoch(skipped, sequential);
    expect(epoch).toBeGreaterThanOrEqual(4);
    expect(skipped.client.posState.committee.digest).toBe(sequential.client.posState.committee.digest);
    expect(skipped.client.posState.previousEnding).toEqual(sequential.client.posState.previousEnding);
    const real = await rpcCall<{ ledgerInfo: { commitInfo: { id: string } } }>(node.coreRpc, 'pos_getLedgerInfoByEpoch', [`0x${(epoch - 1).toString(16)}`]);
    expect(skipped.client.posState.previousEnding?.ledgerInfoId).toBe(real.ledgerInfo.commitInfo.id.toLowerCase());
    expect(skipped.status()).toMatchObject({ finality: 'skipped', stale: false, sequential: { epoch: 1 } });
    expect(skipped.status().ageMs).toBeLessThan(5 * 60_000);
  });

  test('the background completion verifies every skipped committee and makes finality sequential', async () => {
    await skipped.completeSequential();
    expect(skipped.client.finality).toBe('sequential');
    expect(skipped.status()).toMatchObject({ finality: 'sequential', sequential: null });
    await sameEpoch(skipped, sequential);
    expect(skipped.client.posState.committee.digest).toBe(sequential.client.posState.committee.digest);
  });

  test('a restarted client resumes from the stored progress, not from the checkpoint', async () => {
    const stored = skipped.client.committeeEpoch;
    const { chain: resumed, calls } = await verifiedChain(store, { skipAbove: 1 });
    expect(resumed.client.committeeEpoch).toBe(stored);
    const report = await resumed.sync();
    expect(report.fromEpoch).toBe(stored);
    const asked = calls.filter((c) => c.method.startsWith('pos_getLedgerInfo') && c.method !== 'pos_getLedgerInfoByBlockNumber').map((c) => Number(BigInt(String(c.params[0]))));
    expect(asked.every((e) => e >= stored)).toBe(true);
    await sameEpoch(resumed, sequential);
    expect(resumed.client.posState.committee.digest).toBe(sequential.client.posState.committee.digest);
  });
});

describe('interruption', () => {
  test('a catch-up interrupted after its first verified rotation resumes there without refetching', async () => {
    const store = new MemoryCheckpointStore();
    const first = await verifiedChain(store, { skip: false, epochBatchSize: 1, maxInFlight: 1 });
    const controller = new AbortController();
    await first.chain.sync((p) => {
      if (p.phase === 'committees' && p.epoch >= 2) controller.abort();
    }, controller.signal).catch(() => undefined);
    const stopped = first.chain.client.committeeEpoch;
    expect(stopped).toBeGreaterThanOrEqual(2);
    expect(stopped).toBeLessThan(await posEpoch());
    const second = await verifiedChain(store, { skip: false, epochBatchSize: 1 });
    expect(second.chain.client.committeeEpoch).toBe(stopped);
    await second.chain.sync();
    const batches = second.calls.filter((c) => c.method === 'pos_getLedgerInfosByEpoch').map((c) => Number(BigInt(String(c.params[0]))));
    expect(batches.length).toBeGreaterThan(0);
    expect(Math.min(...batches)).toBe(stopped);
    expect(second.chain.client.committeeEpoch).toBeGreaterThan(stopped);
  });
});
