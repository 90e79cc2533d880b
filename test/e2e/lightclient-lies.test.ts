/**
 * Lies the verified chain must punish, every time, against the real dev node through the lying
 * proxy: tampered Core headers (timestamp, transactions root) from the only node — also with the
 * unreachable default nodes a fresh local network lists — and next to honest nodes; and a node that
 * withholds PoS progress next to an honest one.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fetchTofuCheckpoint, LightClient, MemoryCheckpointStore, transportFromRequest, type Checkpoint } from '../../core/lightclient/index.js';
import { toQuantity } from '../../core/encoding/hex.js';
import { systemClock } from '../../core/rpc/clock.js';
import { makeEndpoint, type NodeEndpoint } from '../../core/rpc/pool/endpoint.js';
import { NodePool } from '../../core/rpc/pool/node-pool.js';
import { VerifiedChain } from '../../core/chain/verified/chain.js';
import { startLyingProxy, type Attack, type LyingProxy } from '../adversary/lying-proxy.js';
import { rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';

const node = sharedDevNode();
let checkpoint: Checkpoint;

beforeAll(async () => {
  await waitForFinality(node, 1);
  // The withholding node below reports epoch 1: more than one epoch behind from epoch 3 on.
  for (let i = 0; Number(BigInt((await rpcCall<{ epoch: string }>(node.coreRpc, 'pos_getStatus')).epoch)) < 3; i++) {
    if (i > 200) throw new Error('PoS epoch 3 not reached');
    await new Promise((r) => setTimeout(r, 1000));
  }
  checkpoint = await fetchTofuCheckpoint(transportFromRequest((method, params) => rpcCall(node.coreRpc, method, params)), node.chainId);
}, 300_000);

interface Setup {
  pool: NodePool;
  chain: VerifiedChain;
  liar: NodeEndpoint;
  close(): Promise<void>;
}

/** A wallet whose Core and eSpace nodes are a lying proxy, plus honest ones and unreachable ones as asked. */
async function wallet(attack: Attack, others: { honest?: boolean; offline?: boolean }): Promise<Setup> {
  const proxies: LyingProxy[] = [await startLyingProxy({ upstream: node.coreRpc, attack }), await startLyingProxy({ upstream: node.espaceRpc, attack })];
  const liar = makeEndpoint({ network: 'local', space: 'core', url: proxies[0]!.url, operator: 'Liar' });
  const endpoints = [liar, makeEndpoint({ network: 'local', space: 'espace', url: proxies[1]!.url, operator: 'Liar' })];
  if (others.honest) endpoints.push(makeEndpoint({ network: 'local', space: 'core', url: node.coreRpc, operator: 'Dev node' }), makeEndpoint({ network: 'local', space: 'espace', url: node.espaceRpc, operator: 'Dev node' }));
  // Like the local network's default nodes when nothing runs there: connections are refused.
  if (others.offline) endpoints.push(makeEndpoint({ network: 'local', space: 'core', url: 'http://127.0.0.1:1', operator: 'offline' }), makeEndpoint({ network: 'local', space: 'espace', url: 'http://127.0.0.1:2', operator: 'offline' }));
  const pool = new NodePool({ network: 'local', endpoints, fetch: (input, init) => fetch(input, init), timeoutMs: 10_000 });
  const lightClient = await LightClient.create({ chainId: node.chainId, checkpoint, transport: transportFromRequest((method, params) => rpcCall(node.coreRpc, method, params)), store: new MemoryCheckpointStore() }, Date.now());
  const chain = new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: node.chainId, espace: node.evmChainId } });
  return { pool, chain, liar, close: async () => void (await Promise.all(proxies.map((p) => p.close()))) };
}

describe('tampered headers from the only node', () => {
  test.each(['tamper_timestamp', 'tamper_transactions_root'] as const)('%s: banned at once, with evidence, every time it lies', async (attack) => {
    const w = await wallet(attack, { offline: true });
    try {
      for (let round = 0; round < 3; round++) {
        await expect(w.chain.sync()).rejects.toMatchObject({ code: 'pool.no_node' });
        const ban = w.pool.bans().find((b) => b.nodeId === w.liar.id);
        expect(ban, `lie ${round + 1}`).toMatchObject({ reason: 'forged_header', severity: 'proven_lie', nodeLabel: w.liar.label });
        expect(ban!.evidence).toMatch(/cfx_getBlockByHash: block fields do not hash to 0x[0-9a-f]{64}/);
        w.pool.liftBan(w.liar.id);
      }
    } finally {
      await w.close();
    }
  });
});

describe('tampered headers next to an honest node', () => {
  test('the liar is asked too, banned for its first tampered header, and reads stay verified', async () => {
    const w = await wallet('tamper_transactions_root', { honest: true });
    try {
      await w.chain.sync();
      const finalized = w.chain.client.finalizedPivot!;
      for (let i = 1; i <= 4 && w.pool.bans().length === 0; i++) {
        const target = Math.max(0, finalized.height - 10 * i);
        const { value } = await w.chain.runner.run((transport) => w.chain.client.pivotHeaderAt(target, { transport }));
        const real = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', [toQuantity(target), false]);
        expect(value.header.hash).toBe(real.hash);
      }
      expect(w.pool.bans()).toEqual([expect.objectContaining({ nodeId: w.liar.id, severity: 'proven_lie', reason: expect.stringMatching(/^(forged_header|broken_parent_link)$/) })]);
    } finally {
      await w.close();
    }
  });
});

describe('finality that a node cannot freeze', () => {
  test('a node reporting an old PoS state next to an honest one: the client follows the honest one and flags the other', async () => {
    const w = await wallet('stale', { honest: true });
    try {
      const report = await w.chain.sync();
      const status = await rpcCall<{ epoch: string }>(node.coreRpc, 'pos_getStatus');
      expect(report.committeeEpoch).toBeGreaterThanOrEqual(Number(BigInt(status.epoch)) - 1);
      expect(report.committeeEpoch).toBeGreaterThan(2);
      const ban = w.pool.bans().find((b) => b.nodeId === w.liar.id);
      expect(ban).toMatchObject({ reason: 'stale' });
      expect(ban!.evidence).toMatch(/withholding/);
      expect(w.chain.status()).toMatchObject({ finality: 'sequential', withholding: [w.liar.label] });
      expect(w.chain.status().finalized?.blockTimestampMs).toBeGreaterThan(0);
    } finally {
      await w.close();
    }
  });
});
