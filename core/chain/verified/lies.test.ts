/**
 * Attacks on the verified chain, reproduced at unit level with the real pool, runner and light
 * client over fake networks serving a synthetic chain:
 * - a node serving tampered headers (timestamp or transactionsRoot changed) as the only node is
 *   banned at once, every time it lies (also when unreachable default nodes are configured);
 * - next to an honest, faster node, header and PoS requests reach the liar too, and each of its
 *   tampered headers bans it (never dropped silently);
 * - a node withholding PoS progress cannot freeze finality: the client syncs to the highest epoch
 *   any node proves and flags the withholder.
 */
import { describe, expect, test } from 'vitest';
import { bytesToHex, toQuantity } from '../../encoding/hex.js';
import type { Checkpoint } from '../../lightclient/checkpoint/types.js';
import { MemoryCheckpointStore } from '../../lightclient/checkpoint/store.js';
import { LightClient } from '../../lightclient/client/light-client.js';
import { committeeFromJson } from '../../lightclient/pos/committee.js';
import { MemoryTransport, syntheticPivotChain, type MemoryChainData } from '../../lightclient/testing/synthetic-chain.js';
import { rpcHandler, type AnswerTamper } from '../../lightclient/testing/synthetic-node.js';
import { signLedgerInfo, syntheticPosChain } from '../../lightclient/testing/synthetic-pos.js';
import { systemClock } from '../../rpc/clock.js';
import { makeEndpoint, type NodeEndpoint } from '../../rpc/pool/endpoint.js';
import { NodePool } from '../../rpc/pool/node-pool.js';
import { fakeNetwork, type FakeMethodHandler } from '../../rpc/testing/fake-fetch.js';
import { VerifiedChain } from './chain.js';

const CHAIN_ID = 1024;
const blocks = syntheticPivotChain(450, CHAIN_ID);
const pos = syntheticPosChain(100, 5, 4, (h) => blocks[h]!.hash);
const checkpoint: Checkpoint = { network: 'test', chainId: CHAIN_ID, trust: 'shipped', epoch: 100, epochState: pos.first.json, digest: committeeFromJson(pos.first.json).digest, source: 'synthetic' };

/** What a node knows when it is at PoS epoch `epoch` (≤ 105): endings before it and a latest ledger info in it. */
function chainAt(epoch: number): MemoryChainData {
  const endings = new Map(pos.endings.slice(0, epoch - 100).map((li, i) => [100 + i, li]));
  const latest = epoch === 105 ? pos.latest : signLedgerInfo({ epoch, round: 7, pivot: { height: (epoch - 100) * 60 + 30, blockHash: blocks[(epoch - 100) * 60 + 30]!.hash } }, pos.committees[epoch - 100]!);
  return { posEpoch: epoch, endings, latestCommitted: latest, blocks };
}

/** A node answering like conflux-rust over `data`, plus the status calls the node checks use. */
function node(data: MemoryChainData, tamper?: AnswerTamper): FakeMethodHandler {
  const serve = rpcHandler(new MemoryTransport(data), tamper);
  return (method, params) => {
    if (method === 'cfx_getStatus') return { chainId: toQuantity(CHAIN_ID), networkId: toQuantity(CHAIN_ID), epochNumber: toQuantity(449), blockNumber: toQuantity(449), latestState: toQuantity(449), latestConfirmed: toQuantity(449), latestFinalized: toQuantity(360), latestCheckpoint: '0x0', bestHash: blocks[449]!.hash, pendingTxNumber: '0x0', ethereumSpaceChainId: toQuantity(1025) };
    if (method === 'eth_chainId') return toQuantity(1025);
    if (method === 'eth_blockNumber') return toQuantity(449);
    return serve(method, params);
  };
}

/** Changes one header field of every block served by hash or by epoch (the hash no longer matches). */
function tamperHeaders(field: 'timestamp' | 'transactionsRoot'): AnswerTamper {
  return (method, _params, answer) => {
    if ((method !== 'cfx_getBlockByHash' && method !== 'cfx_getBlockByEpochNumber') || answer === null) return answer;
    const block = answer as Record<string, unknown>;
    return { ...block, [field]: field === 'timestamp' ? toQuantity(BigInt(String(block.timestamp)) + 1n) : bytesToHex(new Uint8Array(32).fill(7)) };
  };
}

const endpoint = (name: string, space: 'core' | 'espace'): NodeEndpoint => makeEndpoint({ network: 'local', space, url: `https://${name}-${space}.example`, operator: name });

async function world(nodes: { name: string; data: MemoryChainData; tamper?: AnswerTamper }[], unreachable: string[] = []) {
  const handlers: Record<string, FakeMethodHandler> = {};
  const endpoints: NodeEndpoint[] = [];
  for (const n of nodes) {
    for (const space of ['core', 'espace'] as const) {
      const e = endpoint(n.name, space);
      endpoints.push(e);
      handlers[e.url] = node(n.data, n.tamper);
    }
  }
  // Configured but not running (like the local network's default 127.0.0.1 nodes): fetch fails.
  for (const name of unreachable) endpoints.push(endpoint(name, 'core'), endpoint(name, 'espace'));
  const net = fakeNetwork(handlers);
  const pool = new NodePool({ network: 'local', endpoints, fetch: net.fetch, timeoutMs: 2000 });
  const lightClient = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: new MemoryTransport(chainAt(105)), store: new MemoryCheckpointStore() }, 1);
  const chain = new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: CHAIN_ID, espace: 1025 } });
  const id = (name: string, space: 'core' | 'espace' = 'core') => endpoint(name, space).id;
  return { pool, chain, net, id };
}

describe('tampered headers from the only node', () => {
  test.each(['timestamp', 'transactionsRoot'] as const)('%s changed: banned at once with evidence, and again after every lie', async (field) => {
    const { pool, chain, id } = await world([{ name: 'liar', data: chainAt(105), tamper: tamperHeaders(field) }], ['offline']);
    for (let round = 0; round < 3; round++) {
      await expect(chain.sync()).rejects.toThrow();
      const ban = pool.bans().find((b) => b.nodeId === id('liar'));
      expect(ban, `round ${round}`).toMatchObject({ reason: 'forged_header', severity: 'proven_lie' });
      expect(ban!.evidence).toMatch(/cfx_getBlockByHash/);
      pool.liftBan(id('liar'));
    }
  });
});

describe('a liar next to an honest node', () => {
  test('header requests are spread, so the liar is asked and banned for its first tampered header', async () => {
    const { pool, chain, id, net } = await world([
      { name: 'honest', data: chainAt(105) },
      { name: 'liar', data: chainAt(105), tamper: tamperHeaders('timestamp') },
    ]);
    await chain.sync();
    // Reads after the sync walk headers; whichever operation reaches the liar bans it.
    for (let i = 0; i < 4 && pool.bans().length === 0; i++) await chain.runner.run((transport) => chain.client.pivotHeaderAt(300 - i * 20, { transport }));
    expect(net.calls.get(endpoint('liar', 'core').url)?.some((m) => m.startsWith('cfx_getBlockBy'))).toBe(true);
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: id('liar'), reason: 'forged_header', severity: 'proven_lie' })]);
  });

  test('PoS status and ledger infos are asked from both operators', async () => {
    const { chain, net } = await world([{ name: 'fast', data: chainAt(105) }, { name: 'other', data: chainAt(105) }]);
    await chain.sync();
    for (const name of ['fast', 'other']) expect(net.calls.get(endpoint(name, 'core').url), name).toEqual(expect.arrayContaining(['pos_getStatus', 'pos_getLedgerInfoByBlockNumber']));
  });
});

describe('finality that a node cannot freeze', () => {
  test('a node withholding at an older epoch does not hold the client back, and is flagged', async () => {
    const { pool, chain, id } = await world([
      { name: 'withholder', data: chainAt(103) },
      { name: 'honest', data: chainAt(105) },
    ]);
    const report = await chain.sync();
    expect(report.committeeEpoch).toBe(105);
    expect(chain.client.finalizedPivot).toMatchObject({ posEpoch: 105, height: 360 });
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: id('withholder'), reason: 'stale' })]);
    expect(pool.bans()[0]!.evidence).toMatch(/withh/);
  });

  test('the age of the finalized block comes from its own verified header; an old one is stale', async () => {
    // b is one epoch behind (tolerated: nodes straddle epoch changes), c two (withholding).
    const { chain } = await world([{ name: 'a', data: chainAt(105) }, { name: 'b', data: chainAt(104) }, { name: 'c', data: chainAt(103) }]);
    expect(chain.status()).toMatchObject({ finality: null, finalized: null, ageMs: null, stale: true });
    await chain.sync();
    const blockTime = Number(blocks[360]!.fields.timestamp) * 1000;
    expect(chain.status(blockTime + 60_000)).toMatchObject({
      finality: 'sequential',
      committeeEpoch: 105,
      finalized: { posEpoch: 105, height: 360, blockHash: blocks[360]!.hash, blockTimestampMs: blockTime },
      ageMs: 60_000,
      stale: false,
      claimedEpoch: 105,
      withholding: ['https://c-core.example'],
      sequential: null,
    });
    expect(chain.status(blockTime + 11 * 60_000)).toMatchObject({ stale: true, ageMs: 11 * 60_000 });
  });
});
