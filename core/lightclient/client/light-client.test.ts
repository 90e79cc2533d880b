import { describe, expect, test } from 'vitest';
import { MemoryCheckpointStore } from '../checkpoint/store.js';
import type { Checkpoint } from '../checkpoint/types.js';
import { LightClientError } from '../errors.js';
import { committeeFromJson } from '../pos/committee.js';
import { MemoryTransport, rpcBlockFor, syntheticPivotChain } from '../testing/synthetic-chain.js';
import { signLedgerInfo, syntheticPosChain } from '../testing/synthetic-pos.js';
import { LightClient, type SyncProgress } from './light-client.js';

const CHAIN_ID = 7777;
const EPOCHS = 5;
const blocks = syntheticPivotChain(450);
const pos = syntheticPosChain(100, EPOCHS, 4, (h) => blocks[h]!.hash);
const checkpoint: Checkpoint = {
  network: 'test',
  chainId: CHAIN_ID,
  trust: 'shipped',
  epoch: 100,
  epochState: pos.first.json,
  digest: committeeFromJson(pos.first.json).digest,
  source: 'synthetic committee for tests',
};

function honestTransport(): MemoryTransport {
  return new MemoryTransport({
    posEpoch: 100 + EPOCHS,
    endings: new Map(pos.endings.map((li, i) => [100 + i, li])),
    latestCommitted: pos.latest,
    blocks,
  });
}

async function synced(transport = honestTransport(), store = new MemoryCheckpointStore()): Promise<{ client: LightClient; transport: MemoryTransport; store: MemoryCheckpointStore }> {
  const client = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport, store, epochBatchSize: 2, headerCacheSize: 1000 }, 1);
  await client.sync({ now: 2 });
  return { client, transport, store };
}

describe('PoS sync', () => {
  test('rotates through every epoch, reports progress, finalizes the latest pivot, and persists', async () => {
    const transport = honestTransport();
    const store = new MemoryCheckpointStore();
    const client = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport, store, epochBatchSize: 2 }, 1);
    expect(client.finalizedPivot).toBeNull();
    const progress: SyncProgress[] = [];
    const report = await client.sync({ now: 5, onProgress: (p) => progress.push(p) });
    expect(report).toMatchObject({ fromEpoch: 100, committeeEpoch: 105, epochsVerified: 5 });
    expect(client.finalizedPivot).toMatchObject({ posEpoch: 105, round: 7, height: 360, blockHash: blocks[360]!.hash });
    expect(progress.filter((p) => p.phase === 'committees').map((p) => p.phase === 'committees' && p.epoch)).toEqual([101, 102, 103, 104, 105]);
    expect(progress.at(-1)).toEqual({ phase: 'finality', epoch: 105, round: 7, pivotHeight: 360 });
    expect(transport.log.filter((c) => c.method === 'pos_getLedgerInfosByEpoch').map((c) => c.params)).toEqual([
      [100, 102],
      [102, 104],
      [104, 105],
    ]);
    // A restarted client resumes from the stored state without refetching the epochs.
    const again = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: honestTransport(), store }, 6);
    expect(again.committeeEpoch).toBe(105);
    expect(again.finalizedPivot).toEqual(client.finalizedPivot);
    expect(again.trust).toBe('shipped');
  });

  test('a bad ledger info names the call, keeps what was verified before it, and another node can finish', async () => {
    const liar = honestTransport();
    const forged = structuredClone(pos.endings[3]!) as { ledgerInfo: { commitInfo: { pivot: { height: string } } } };
    forged.ledgerInfo.commitInfo.pivot.height = '0x1';
    liar.override('pos_getLedgerInfosByEpoch', [102, 104], [pos.endings[2], forged]);
    const store = new MemoryCheckpointStore();
    const client = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: liar, store, epochBatchSize: 2 }, 1);
    const error = await client.sync({ now: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LightClientError);
    expect(error).toMatchObject({ kind: 'bad_signature', nodeAtFault: true, request: { method: 'pos_getLedgerInfosByEpoch', params: [102, 104] } });
    expect(client.committeeEpoch).toBe(103);
    const resumed = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: liar, store }, 3);
    expect(resumed.committeeEpoch).toBe(103);
    await client.sync({ now: 4, transport: honestTransport() });
    expect(client.committeeEpoch).toBe(105);
    expect(client.finalizedPivot?.height).toBe(360);
  });

  test('a committee change that is not signed by the current committee is refused', async () => {
    const liar = honestTransport();
    // Epoch 100's ending signed by the epoch-101 committee (keys it must not trust yet).
    const impostor = signLedgerInfo({ epoch: 100, round: 60, pivot: { height: 60, blockHash: blocks[60]!.hash }, nextEpochState: pos.committees[1]!.json }, pos.committees[1]!);
    liar.override('pos_getLedgerInfosByEpoch', [100, 102], [impostor]);
    const client = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: liar, store: new MemoryCheckpointStore(), epochBatchSize: 2 }, 1);
    await expect(client.sync({ now: 2 })).rejects.toMatchObject({ kind: 'unknown_signer', nodeAtFault: true });
    expect(client.committeeEpoch).toBe(100);
  });

  test('a node behind the verified state is stale, not lying', async () => {
    const { client } = await synced();
    const behind = honestTransport();
    behind.data.posEpoch = 103;
    await expect(client.sync({ now: 3, transport: behind })).rejects.toMatchObject({ kind: 'stale', nodeAtFault: false });
    const oldLatest = honestTransport();
    oldLatest.data.latestCommitted = signLedgerInfo({ epoch: 105, round: 2, pivot: { height: 300, blockHash: blocks[300]!.hash } }, pos.committees[5]!);
    await expect(client.sync({ now: 3, transport: oldLatest })).rejects.toMatchObject({ kind: 'stale', request: { method: 'pos_getLedgerInfoByBlockNumber' } });
    expect(client.finalizedPivot?.height).toBe(360);
  });

  test('a missing answer is reported as missing with the call', async () => {
    const transport = honestTransport();
    transport.override('pos_getLedgerInfosByEpoch', [100, 102], []);
    const client = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport, store: new MemoryCheckpointStore(), epochBatchSize: 2 }, 1);
    await expect(client.sync({ now: 2 })).rejects.toMatchObject({ kind: 'missing', nodeAtFault: false, request: { method: 'pos_getLedgerInfosByEpoch', params: [100, 102] } });
  });
});

describe('headers from the finalized pivot', () => {
  test('the finalized pivot header and any earlier pivot header verify', async () => {
    const { client, transport } = await synced();
    const top = await client.finalizedHeader();
    expect(top).toMatchObject({ height: 360, hash: blocks[360]!.hash });
    const { header, status } = await client.pivotHeaderAt(200);
    expect(status).toBe('finalized');
    expect(header.hash).toBe(blocks[200]!.hash);
    // The walk starts at the closest verified decision (epoch 103's ending, height 240).
    expect(client.headerStatus(blocks[230]!.hash)).toBe('finalized');
    // Cached: walking again costs no requests.
    const calls = transport.log.length;
    await client.pivotHeaderAt(230);
    expect(transport.log.length).toBe(calls);
  });

  test('a forged finalized block is bad_header_hash, attributed to cfx_getBlockByHash', async () => {
    const { client, transport } = await synced();
    transport.override('cfx_getBlockByHash', [blocks[360]!.hash, false], { ...blocks[360]!.rpc, nonce: '0x1' });
    await expect(client.finalizedHeader()).rejects.toMatchObject({ kind: 'bad_header_hash', nodeAtFault: true, request: { method: 'cfx_getBlockByHash' } });
  });

  test('a wrong block in the chain is broken_parent_link, attributed to that request', async () => {
    const { client, transport } = await synced();
    transport.override('cfx_getBlockByEpochNumber', [230, false], blocks[229]!.rpc);
    await expect(client.pivotHeaderAt(200)).rejects.toMatchObject({ kind: 'broken_parent_link', request: { method: 'cfx_getBlockByEpochNumber', params: [230, false] } });
    // Asking another node repairs it.
    const { header } = await client.pivotHeaderAt(200, { transport: honestTransport() });
    expect(header.hash).toBe(blocks[200]!.hash);
  });

  test('a wrong eSpace base price cannot make a header verify', async () => {
    const { client, transport } = await synced();
    transport.override('eth_getBlockByNumber', [359, false], { ...blocks[359]!.eth, baseFeePerGas: '0x1' });
    await expect(client.pivotHeaderAt(358)).rejects.toMatchObject({ kind: 'broken_parent_link' });
  });

  test('headers above the finalized pivot are linked to it and tracked as unfinalized', async () => {
    const { client, transport } = await synced();
    const { header, status } = await client.pivotHeaderAt(420);
    expect(status).toBe('unfinalized');
    expect(header.hash).toBe(blocks[420]!.hash);
    expect(client.headerStatus(blocks[400]!.hash)).toBe('unfinalized');
    // A fake tip that does not descend from the finalized pivot is refused.
    const forkedTip = rpcBlockFor({ ...blocks[430]!.fields, parentHash: new Uint8Array(32).fill(0x99) }, 1029);
    transport.override('cfx_getBlockByEpochNumber', [430, false], forkedTip);
    await expect(client.pivotHeaderAt(430)).rejects.toMatchObject({ kind: 'broken_parent_link', request: { method: 'cfx_getBlockByEpochNumber', params: [429, false] } });
  });

  test('when finality moves past tracked headers they become finalized', async () => {
    const { client } = await synced();
    await client.pivotHeaderAt(380);
    expect(client.headerStatus(blocks[370]!.hash)).toBe('unfinalized');
    const later = honestTransport();
    later.data.latestCommitted = signLedgerInfo({ epoch: 105, round: 30, pivot: { height: 420, blockHash: blocks[420]!.hash } }, pos.committees[5]!);
    await client.sync({ now: 3, transport: later });
    expect(client.finalizedPivot?.height).toBe(420);
    expect(client.headerStatus(blocks[370]!.hash)).toBe('unknown');
    expect((await client.pivotHeaderAt(370, { transport: later })).status).toBe('finalized');
  });

  test('the header cache stays within its bound', async () => {
    const transport = honestTransport();
    const client = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport, store: new MemoryCheckpointStore(), headerCacheSize: 50 }, 1);
    await client.sync({ now: 2 });
    await client.pivotHeaderAt(10);
    expect(client.cachedHeader(blocks[10]!.hash)).toBeDefined();
    expect(client.cachedHeader(blocks[300]!.hash)).toBeUndefined();
  });

  test('old heights start from the nearest verified pivot decision, not from the latest', async () => {
    const { client, transport } = await synced();
    const before = transport.log.length;
    const { header } = await client.pivotHeaderAt(65);
    expect(header.hash).toBe(blocks[65]!.hash);
    const walked = transport.log.slice(before).filter((c) => c.method === 'cfx_getBlockByEpochNumber').length;
    // Epoch 101 ended with a decision at height 120: at most 55 blocks to walk, not 295.
    expect(walked).toBeLessThanOrEqual(120 - 65 + 24);
  });

  test('a search over PoS rounds finds a closer decision; forged rounds are refused', async () => {
    const rounds = new Map<string, unknown>();
    // Epoch 102 decides pivot 120 + r at round r (rounds 1 … 59); its ending decides 180 at round 60.
    for (let r = 1; r < 60; r++) rounds.set(`102/${r}`, signLedgerInfo({ epoch: 102, round: r, pivot: { height: 120 + r, blockHash: blocks[120 + r]!.hash } }, pos.committees[2]!));
    const transport = honestTransport();
    transport.data.rounds = rounds;
    const client = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport, store: new MemoryCheckpointStore(), anchorRefineDistance: 4 }, 1);
    await client.sync({ now: 2 });
    const before = transport.log.length;
    const { header } = await client.pivotHeaderAt(130);
    expect(header.hash).toBe(blocks[130]!.hash);
    const calls = transport.log.slice(before);
    expect(calls.filter((c) => c.method === 'pos_getLedgerInfoByEpochAndRound').length).toBeLessThanOrEqual(8);
    expect(calls.filter((c) => c.method === 'cfx_getBlockByEpochNumber').length).toBeLessThanOrEqual(4);

    const liar = honestTransport();
    const forged = new Map(rounds);
    forged.set('102/30', signLedgerInfo({ epoch: 102, round: 30, pivot: { height: 150, blockHash: blocks[150]!.hash } }, pos.committees[3]!));
    liar.data.rounds = forged;
    const fooled = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: liar, store: new MemoryCheckpointStore(), anchorRefineDistance: 4 }, 1);
    await fooled.sync({ now: 2 });
    await expect(fooled.pivotHeaderAt(130)).rejects.toMatchObject({ kind: 'unknown_signer', request: { method: 'pos_getLedgerInfoByEpochAndRound', params: [102, 30] } });
  });

  test('no finalized pivot before the first sync', async () => {
    const client = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: honestTransport(), store: new MemoryCheckpointStore() }, 1);
    await expect(client.finalizedHeader()).rejects.toMatchObject({ kind: 'not_finalized' });
  });

  test('when a skip proves false, the headers and anchors learned on it are forgotten', async () => {
    const { client } = await synced();
    await client.pivotHeaderAt(200);
    expect(client.cachedHeader(blocks[200]!.hash)).toBeDefined();
    const hop = { fromEpoch: 100, ending: { posEpoch: 104, round: 60, ledgerInfoId: `0x${'11'.repeat(32)}`, pivot: null }, committeeSigners: `0x${'22'.repeat(32)}` };
    const state = client.posState;
    await client.commit({ ...state, tail: { committee: committeeFromJson(pos.committees[0]!.json), previousEnding: null, finalized: null, hops: [hop] } }, 3);
    expect(client.finality).toBe('skipped');
    expect(client.cachedHeader(blocks[200]!.hash)).toBeDefined();
    // The tail verified another ending of epoch 104: the state falls back to it.
    await client.commit({ ...state, committee: committeeFromJson(pos.committees[4]!.json), finalized: null, tail: null }, 4);
    expect(client.finality).toBe('sequential');
    expect(client.cachedHeader(blocks[200]!.hash)).toBeUndefined();
  });
});
