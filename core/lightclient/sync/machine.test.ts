/**
 * The sync state machine over synthetic PoS chains with rotating committees and real BLS
 * signatures, driven over in-memory nodes: sequential catch-up spread over several nodes, the
 * skipping rule with refusals and halving, the background tail that upgrades or contradicts a
 * skip, liars and withholders among the nodes, interruption and resume. Batch scalars are seeded.
 */
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../../encoding/hex.js';
import { resolveStartingState } from '../checkpoint/checkpoint.js';
import { decodeCheckpointRecord, encodeCheckpointRecord } from '../checkpoint/record.js';
import type { Checkpoint } from '../checkpoint/types.js';
import { committeeFromJson } from '../pos/committee.js';
import { longPosChain } from '../testing/long-chain.js';
import { MemoryTransport, type MemoryChainData } from '../testing/synthetic-chain.js';
import type { LightClientTransport } from '../transport.js';
import { driveSync } from './drive.js';
import { SyncMachine } from './machine.js';
import { stateFromRestored, type PosState } from './pos-state.js';
import type { SyncMachineOptions, SyncProgress, Finding } from './types.js';

const START = 1000;
const HEAD = 1040;
// Six validators, one replaced every four epochs: after 24 epochs no member of the checkpoint
// committee is left, so a skip from the checkpoint to the head is refused (unknown committee).
const chain = longPosChain({ startEpoch: START, epochs: HEAD - START, size: 6, replaceEvery: 4 });
const endings = new Map(Array.from({ length: HEAD - START }, (_, i) => [START + i, chain.ending(START + i)] as const));
const latest = chain.sign({ epoch: HEAD, round: 7, pivot: { height: 2500, blockHash: bytesToHex(new Uint8Array(32).fill(0x25)) } });
const checkpoint: Checkpoint = { network: 'test', chainId: 7777, trust: 'shipped', epoch: START, epochState: chain.committee(START), digest: committeeFromJson(chain.committee(START)).digest, source: 'long synthetic chain' };
const fresh = (): PosState => stateFromRestored(resolveStartingState(checkpoint, undefined, 0));
const seeded = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 53 + 7) & 0xff);

/** A node at PoS epoch `epoch` (≤ HEAD). */
function node(epoch = HEAD): MemoryTransport {
  const data: MemoryChainData = { posEpoch: epoch, endings: new Map([...endings].filter(([e]) => e < epoch)), latestCommitted: epoch === HEAD ? latest : chain.sign({ epoch, round: 7, pivot: null }) };
  return new MemoryTransport(data);
}

async function run(state: PosState, nodes: Record<string, LightClientTransport>, options: Partial<SyncMachineOptions> = {}, stopAt?: (s: PosState) => boolean) {
  const findings: Finding[] = [];
  const committed: PosState[] = [];
  const progress: SyncProgress[] = [];
  const controller = new AbortController();
  const machine = new SyncMachine(state, { now: 1, sources: Object.keys(nodes), random: seeded, onProgress: (p) => progress.push(p), ...options });
  const report = await driveSync(
    machine,
    {
      transport: (source) => nodes[source]!,
      judge: (v) => {
        findings.push(v);
        return v.kind === 'false' || v.kind === 'withholding';
      },
      commit: async (s) => {
        committed.push(s);
        if (stopAt?.(s)) controller.abort();
      },
    },
    controller.signal,
  );
  return { report, state: machine.state, findings, committed, progress };
}

const calls = (t: MemoryTransport, method: string) => t.log.filter((c) => c.method === method).map((c) => c.params);

describe('sequential catch-up over several nodes', () => {
  test('epoch-ending batches are spread over the nodes and every rotation is verified', async () => {
    const [a, b] = [node(), node()];
    const { report, state, findings, progress } = await run(fresh(), { a, b }, { skip: false, batchSize: 5 });
    expect(report).toMatchObject({ fromEpoch: START, committeeEpoch: HEAD, latest: 'adopted', finality: 'sequential', skips: 0 });
    expect(state.finalized).toMatchObject({ posEpoch: HEAD, height: 2500 });
    expect(findings).toEqual([]);
    expect(calls(a, 'pos_getLedgerInfosByEpoch').length).toBeGreaterThan(2);
    expect(calls(b, 'pos_getLedgerInfosByEpoch').length).toBeGreaterThan(2);
    expect(progress.filter((p) => p.phase === 'committees').map((p) => p.epoch)).toEqual(Array.from({ length: HEAD - START }, (_, i) => START + 1 + i));
    // Both nodes were asked for their status and latest ledger info.
    for (const t of [a, b]) expect(t.log.slice(0, 2).map((c) => c.method).sort()).toEqual(['pos_getLedgerInfoByBlockNumber', 'pos_getStatus']);
  });

  test('a forged entry in one node\'s batch is blamed on that request and the batch is asked from the other node', async () => {
    const honest = node();
    const liar = node();
    const forged = structuredClone(endings.get(1002)) as { ledgerInfo: { commitInfo: { pivot: { height: string } } } };
    forged.ledgerInfo.commitInfo.pivot.height = '0x1';
    liar.data.endings.set(1002, forged);
    const { report, findings } = await run(fresh(), { liar, honest }, { skip: false, batchSize: 5 });
    expect(report.committeeEpoch).toBe(HEAD);
    expect(findings).toEqual([expect.objectContaining({ kind: 'false', source: 'liar', request: expect.objectContaining({ method: 'pos_getLedgerInfosByEpoch', params: [1000, 1005] }), error: expect.objectContaining({ kind: 'bad_signature' }) })]);
    expect(calls(honest, 'pos_getLedgerInfosByEpoch')).toContainEqual([1002, 1005]);
  });

  test('a node withholding at an older epoch is flagged; the highest proved epoch wins', async () => {
    const { report, findings } = await run(fresh(), { behind: node(1020), ahead: node() }, { skip: false, batchSize: 10 });
    expect(report.committeeEpoch).toBe(HEAD);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'withholding', source: 'behind', error: expect.objectContaining({ kind: 'stale', message: expect.stringContaining('withholding') }) }));
  });

  test('a claim no node can prove is not followed: the highest epoch that can be proved is', async () => {
    const boaster = node();
    boaster.data.posEpoch = 5000;
    const { report, state } = await run(fresh(), { boaster, honest: node() }, { skipAbove: 8 });
    expect(report.claimedEpoch).toBe(5000);
    expect(state.committee.epoch).toBe(HEAD);
    expect(report.latest).toBe('adopted');
  });
});

describe('the skipping rule', () => {
  test('far behind: refused hops are halved, the head is reached with a few ledger infos, labelled skipped', async () => {
    const a = node();
    const { report, state, progress } = await run(fresh(), { a }, { skipAbove: 8 });
    expect(report).toMatchObject({ committeeEpoch: HEAD, finality: 'skipped', latest: 'adopted' });
    expect(report.skips).toBeGreaterThanOrEqual(2);
    expect(state.finalized).toMatchObject({ posEpoch: HEAD, height: 2500 });
    const hops = calls(a, 'pos_getLedgerInfoByEpoch').map(([e]) => e);
    expect(hops[0]).toBe(HEAD - 1); // refused: no member of the checkpoint committee is left
    expect(hops.length).toBeLessThan(8);
    expect(calls(a, 'pos_getLedgerInfosByEpoch')).toEqual([]);
    expect(progress.filter((p) => p.phase === 'skip').length).toBe(report.skips);
  });

  test('the background tail verifies every skipped committee and upgrades the label; the result equals sequential verification', async () => {
    const skipped = await run(fresh(), { a: node() }, { skipAbove: 8 });
    const tail = await run(skipped.state, { a: node(), b: node() }, { probe: false, goal: 'sequential', batchSize: 6 });
    expect(tail.state.tail).toBeNull();
    expect(tail.report.finality).toBe('sequential');
    const sequential = await run(fresh(), { a: node() }, { skip: false });
    expect(tail.state.committee.digest).toBe(sequential.state.committee.digest);
    expect(tail.state.finalized).toEqual(sequential.state.finalized);
    expect(tail.progress.filter((p) => p.phase === 'sequential').at(-1)).toMatchObject({ targetEpoch: HEAD });
  });

  test('a skipped ending that contradicts the sequential chain: its node is blamed and the state falls back to what was verified', async () => {
    // The checkpoint committee (all of it) signs a different ending of epoch 1039: the trust
    // assumption of the skipping rule is broken, and only sequential verification can tell.
    const fork = chain.sign({ epoch: HEAD - 1, round: 60, pivot: { height: 2400, blockHash: bytesToHex(new Uint8Array(32).fill(0xf0)) }, nextEpochState: chain.committee(HEAD) }, chain.members(START));
    const liar = node();
    liar.override('pos_getLedgerInfoByEpoch', [HEAD - 1], fork);
    const { report, state, findings } = await run(fresh(), { liar, honest: node() }, { skipAbove: 8, goal: 'sequential', batchSize: 10 });
    expect(report.contradicted).toMatchObject({ kind: 'epoch_regression' });
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'false', source: 'liar', request: expect.objectContaining({ method: 'pos_getLedgerInfoByEpoch', params: [HEAD - 1] }) }));
    expect(state.tail).toBeNull();
    expect(state.committee.epoch).toBe(HEAD);
    expect(state.previousEnding?.ledgerInfoId).not.toBe(bytesToHex(new Uint8Array(32).fill(0xf0)));
    expect(state.finalized?.height).toBe((HEAD - START) * 60);
  });
});

describe('interruption and resume', () => {
  test('an interrupted catch-up resumes where it stopped without refetching', async () => {
    const first = node();
    const stopped = await run(fresh(), { first }, { skip: false, batchSize: 4, maxInFlight: 1 }, (s) => s.committee.epoch >= 1012);
    const persisted = stopped.committed.at(-1)!;
    expect(persisted.committee.epoch).toBe(1012);
    // Restart: decode what was stored, go on with another node.
    const restored = stateFromRestored(decodeCheckpointRecord(structuredClone(encodeCheckpointRecord({ ...persisted, savedAt: 2 })), 7777));
    const second = node();
    const resumed = await run(restored, { second }, { skip: false, batchSize: 4 });
    expect(resumed.report.committeeEpoch).toBe(HEAD);
    expect(calls(second, 'pos_getLedgerInfosByEpoch').every(([start]) => (start as number) >= 1012)).toBe(true);
  });

  test('an interrupted background tail resumes from its persisted progress', async () => {
    const skipped = await run(fresh(), { a: node() }, { skipAbove: 8 });
    const stopped = await run(skipped.state, { a: node() }, { probe: false, goal: 'sequential', batchSize: 5, maxInFlight: 1 }, (s) => (s.tail?.committee.epoch ?? HEAD) >= 1015);
    const record = encodeCheckpointRecord({ ...stopped.committed.at(-1)!, savedAt: 3 });
    expect(record.tail?.committeeEpoch).toBeGreaterThanOrEqual(1015);
    const restored = stateFromRestored(decodeCheckpointRecord(structuredClone(record), 7777));
    expect(restored.tail?.hops).toEqual(skipped.state.tail?.hops);
    const again = node();
    const done = await run(restored, { again }, { probe: false, goal: 'sequential', batchSize: 5 });
    expect(done.state.tail).toBeNull();
    expect(calls(again, 'pos_getLedgerInfosByEpoch').every(([start]) => (start as number) >= record.tail!.committeeEpoch)).toBe(true);
  });

  test('an abort does not wait for a node that never answers', async () => {
    const controller = new AbortController();
    class Hanging extends MemoryTransport {
      override pos_getLedgerInfosByEpoch(): Promise<unknown> {
        controller.abort();
        return new Promise(() => undefined);
      }
    }
    const hanging = new Hanging(node().data);
    const machine = new SyncMachine(fresh(), { now: 1, sources: ['hanging'], skip: false });
    const report = await driveSync(machine, { transport: () => hanging, judge: () => false, commit: async () => undefined }, controller.signal);
    expect(report.committeeEpoch).toBe(START);
    expect(machine.done).toBe(false);
  });
});
