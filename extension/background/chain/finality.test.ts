/**
 * Finality a node cannot freeze, through the extension's chain service and runtime (real pool,
 * runner, light client, IndexedDB stores) over synthetic nodes that answer like conflux-rust:
 * - one node withholding at PoS epoch 102 (the first, shipped node) does not keep the wallet at 102
 *   while another operator proves 105; the withholder is flagged and banned as stale;
 * - "verified … ago" is the finalized block's own timestamp; an old one is reported stale;
 * - catch-up progress is announced while it happens; a sync that failed after verifying epochs
 *   says so (`progressed`), so the UI shows a catch-up to resume, not a verification error.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { NoNodeAvailableError } from '../../../core/rpc/pool/errors.js';
import { toQuantity } from '../../../core/encoding/hex.js';
import type { Checkpoint } from '../../../core/lightclient/checkpoint/types.js';
import { committeeFromJson } from '../../../core/lightclient/pos/committee.js';
import { MemoryTransport, syntheticPivotChain, type MemoryChainData } from '../../../core/lightclient/testing/synthetic-chain.js';
import { rpcHandler } from '../../../core/lightclient/testing/synthetic-node.js';
import { signLedgerInfo, syntheticPosChain } from '../../../core/lightclient/testing/synthetic-pos.js';
import { FakeClock } from '../../../core/rpc/testing/fake-clock.js';
import { fakeNetwork, type FakeMethodHandler } from '../../../core/rpc/testing/fake-fetch.js';
import type { ChainStatusView } from '../../shared/ui-api/chain.js';
import { IndexedDbCheckpointStore } from './checkpoint-store.js';
import { startChain } from './service.js';
import { EventBus, type BackgroundEvents } from '../events.js';
import { ChainStore } from './store.js';
import { SyncStatus } from './sync-status.js';
import { makeEndpoint } from '../../../core/rpc/pool/endpoint.js';

const CHAIN_ID = 1024;
const blocks = syntheticPivotChain(450, CHAIN_ID);
const pos = syntheticPosChain(100, 5, 4, (h) => blocks[h]!.hash);
const checkpoint: Checkpoint = { network: 'local', chainId: CHAIN_ID, trust: 'tofu', epoch: 100, epochState: pos.first.json, digest: committeeFromJson(pos.first.json).digest, source: 'synthetic' };
/** The pivot block PoS epoch 105 finalizes, and its timestamp (ms). */
const FINAL_HEIGHT = 360;
const FINAL_BLOCK_MS = Number(blocks[FINAL_HEIGHT]!.fields.timestamp) * 1000;

/** What a node knows at PoS epoch `epoch` (≤ 105): the endings before it and a latest ledger info in it. */
function chainAt(epoch: number): MemoryChainData {
  const endings = new Map(pos.endings.slice(0, epoch - 100).map((li, i) => [100 + i, li]));
  const latest = epoch === 105 ? pos.latest : signLedgerInfo({ epoch, round: 7, pivot: { height: (epoch - 100) * 60 + 30, blockHash: blocks[(epoch - 100) * 60 + 30]!.hash } }, pos.committees[epoch - 100]!);
  return { posEpoch: epoch, endings, latestCommitted: latest, blocks };
}

/** A Core + eSpace node over `data`, answering the status calls node checks and "behind by" use. */
function node(data: MemoryChainData, head = 449): FakeMethodHandler {
  const serve = rpcHandler(new MemoryTransport(data));
  return (method, params) => {
    if (method === 'cfx_getStatus') return { chainId: toQuantity(CHAIN_ID), networkId: toQuantity(CHAIN_ID), epochNumber: toQuantity(449), blockNumber: toQuantity(449), latestState: toQuantity(449), latestConfirmed: toQuantity(449), latestFinalized: toQuantity(FINAL_HEIGHT), latestCheckpoint: '0x0', bestHash: blocks[449]!.hash, pendingTxNumber: '0x0', ethereumSpaceChainId: toQuantity(1025) };
    if (method === 'cfx_epochNumber') return toQuantity(head);
    if (method === 'eth_chainId') return toQuantity(1025);
    if (method === 'eth_blockNumber') return toQuantity(449);
    return serve(method, params);
  };
}

const WITHHOLDER = 'http://127.0.0.1:12537'; // the local network's shipped Core node, asked first
const HONEST = 'http://127.0.0.1:4000';

/** The chain service on the local network: the shipped node withholding at `withheldAt`, a user-added operator honest at 105. */
async function wallet(withheldAt: number) {
  const factory = new IDBFactory();
  const store = await ChainStore.open(factory);
  await store.setSetting('network', 'local');
  await store.setSetting(`tofu/${CHAIN_ID}`, checkpoint);
  const honest = makeEndpoint({ network: 'local', space: 'core', url: HONEST, operator: 'Honest operator', origin: 'user' });
  await store.putNode({ id: honest.id, kind: 'added', endpoint: honest });
  const net = fakeNetwork({ [`${WITHHOLDER}/`]: node(chainAt(withheldAt), withheldAt === 105 ? 449 : 300), [`${HONEST}/`]: node(chainAt(105)), 'http://127.0.0.1:8545/': node(chainAt(105)) });
  const clock = new FakeClock(FINAL_BLOCK_MS + 30_000);
  const announced: ChainStatusView[] = [];
  const synced: unknown[] = [];
  const bus = new EventBus<BackgroundEvents>();
  bus.on('statusChanged', (s) => announced.push(s));
  bus.on('synced', (s) => synced.push(s));
  const { session: service, nodes } = await startChain({
    store,
    checkpointStore: new IndexedDbCheckpointStore(factory),
    fetch: net.fetch,
    clock,
    randomBytes: (n) => new Uint8Array(n).fill(1),
    bus,
    hasHostPermission: async () => true,
  });
  return { service, nodes, clock, announced, synced, net };
}

describe('finality that a node cannot freeze, through the extension runtime', () => {
  test('a node withholding at PoS epoch 102 does not keep the wallet at 102 while another proves 105', async () => {
    const { service, nodes, net, synced } = await wallet(102);
    const status = await service.sync();
    // A sync that succeeds is announced (the balance refresh waits for it).
    expect(synced).toEqual([{ network: 'local' }]);
    // Both operators were asked for their PoS status.
    for (const url of [WITHHOLDER, HONEST]) expect(net.calls.get(`${url}/`), url).toEqual(expect.arrayContaining(['pos_getStatus', 'pos_getLedgerInfoByBlockNumber']));
    expect(status.lightClient).toMatchObject({
      lastError: null,
      committeeEpoch: 105,
      finalized: { posEpoch: 105, height: FINAL_HEIGHT, blockHash: blocks[FINAL_HEIGHT]!.hash, blockTimestampMs: FINAL_BLOCK_MS },
      finality: 'sequential',
      claimedEpoch: 105,
      withholding: [WITHHOLDER],
    });
    // "Behind by" counts from the highest head the operators claim, not the withholder's.
    expect(status.networkHead).toMatchObject({ epoch: 449, node: HONEST });
    // Flagged and deprioritised: banned as stale, with the evidence.
    const ban = nodes.bans().active.find((b) => b.node === WITHHOLDER);
    expect(ban).toMatchObject({ reason: 'stale' });
    expect(ban!.evidence).toMatch(/withh/);
    // A second sync neither falls back nor lifts the flag.
    expect((await service.sync()).lightClient).toMatchObject({ finalized: { posEpoch: 105 }, lastError: null });
  });

  test('the age is the finalized block’s own; an old finalized block is stale, a fresh one is not', async () => {
    const { service, clock } = await wallet(105);
    expect(service.status().lightClient).toMatchObject({ finalized: null, stale: true, ageMs: null, staleAfterMs: 60_000 });
    await service.sync();
    expect(service.status().lightClient).toMatchObject({ ageMs: 30_000, stale: false, lastSyncAt: FINAL_BLOCK_MS + 30_000 });
    // Nothing newer was finalized: the last sync is recent, but the block keeps ageing.
    await clock.advance(60_000);
    await service.sync();
    expect(service.status().lightClient).toMatchObject({ ageMs: 90_000, stale: true, lastSyncAt: FINAL_BLOCK_MS + 90_000, finalized: { posEpoch: 105 } });
  });

  test('catch-up progress is announced while the sync runs, from the checkpoint to the target', async () => {
    const { service, announced } = await wallet(105);
    await service.sync();
    const steps = announced.flatMap((s) => (s.lightClient.progress ? [s.lightClient.progress] : []));
    expect(steps).toContainEqual({ phase: 'committees', fromEpoch: 100, epoch: 105, targetEpoch: 105 });
    expect(announced.every((s) => s.lightClient.lastError === null)).toBe(true);
    expect(service.status().lightClient).toMatchObject({ syncing: false, progress: null });
  });
});

describe('SyncStatus', () => {
  const make = () => {
    let announced = 0;
    let now = 0;
    const status = new SyncStatus({ now: () => now, announce: () => void announced++, announceEveryMs: 100 });
    return { status, announced: () => announced, tick: (ms: number) => void (now += ms) };
  };

  test('announces progress at most every interval, and always the last step', () => {
    const { status, announced, tick } = make();
    status.begin();
    for (let epoch = 1; epoch <= 10; epoch++) {
      status.onProgress({ phase: 'committees', fromEpoch: 0, epoch, targetEpoch: 10 });
      tick(30);
    }
    // 0 ms, 120 ms, 240 ms and the last step.
    expect(announced()).toBe(4);
    expect(status.progress).toEqual({ phase: 'committees', fromEpoch: 0, epoch: 10, targetEpoch: 10 });
  });

  test('a failure after progress is marked progressed; one before any is not; other errors are named, not quoted', () => {
    const { status } = make();
    status.begin();
    status.failed(new TypeError('secret-looking text'));
    expect(status.lastError).toEqual({ code: 'internal', message: 'unexpected failure while syncing (TypeError)' });
    status.begin();
    status.onProgress({ phase: 'skip', fromEpoch: 0, epoch: 1200, targetEpoch: 2000 });
    status.failed(new TypeError('x'));
    expect(status.lastError).toMatchObject({ progressed: true });
    status.succeeded(null);
    expect(status.lastError).toBeNull();
  });

  test('a failure where no node answered at all is marked unanswered; one where a node was caught lying is not', () => {
    const { status } = make();
    const timeout = { node: 'https://a.example', problem: 'timeout', verdict: 'unhealthy' } as const;
    status.begin();
    status.failed(new NoNodeAvailableError('core', 'local', [timeout]));
    expect(status.lastError).toMatchObject({ code: 'pool.no_node', unanswered: true });
    status.begin();
    status.failed(new NoNodeAvailableError('core', 'local', [timeout, { node: 'https://b.example', problem: 'banned: bad signature', verdict: 'ban' }]));
    expect(status.lastError).not.toHaveProperty('unanswered');
  });
});
