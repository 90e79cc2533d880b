/**
 * PoS epoch changes as a real dev node serves them (test/vectors/pos/devnode/epoch-change-echo.json):
 * for a second or two after `pos_getStatus` reports the new epoch, the latest committed ledger info
 * is still the previous epoch's ending one. Honest nodes answering that way, at that moment or a
 * little behind another node, must not be blamed; a node serving something that contradicts the
 * verified endings must be.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tofuCheckpoint } from '../checkpoint/checkpoint.js';
import { MemoryCheckpointStore } from '../checkpoint/store.js';
import { MemoryTransport } from '../testing/synthetic-chain.js';
import { LightClient } from './light-client.js';

interface Step {
  label: string;
  request: { method: string; params: unknown[] };
  response: { result: unknown };
}
const vector = JSON.parse(readFileSync(join(import.meta.dirname, '../../../test/vectors/pos/devnode/epoch-change-echo.json'), 'utf8')) as { steps: Step[] };
function answer(labelStart: string): unknown {
  const step = vector.steps.find((s) => s.label.startsWith(labelStart));
  if (step === undefined) throw new Error(`vector has no step "${labelStart}"`);
  return step.response.result;
}
const listOf = (labelStart: string): unknown => {
  const list = answer(labelStart);
  if (!Array.isArray(list) || list.length !== 1) throw new Error(`expected one ledger info for "${labelStart}"`);
  return list[0];
};

type LedgerInfoJson = { ledgerInfo: { commitInfo: { epoch: string; round: string; id: string; pivot: { height: string; blockHash: string } | null; nextEpochState: { quorumVotingPower?: string; verifier: { quorumVotingPower: string } } | null } } };
const CHAIN_ID = 1024;
const genesis = answer('genesis committee');
const ending1 = listOf('epoch-ending ledger info of epoch 1');
const ending2 = listOf('epoch-ending ledger info of epoch 2');
const echo1 = answer('PoS epoch 2 just started: latest committed');
const echo2 = answer('PoS epoch 3 just started: latest committed');
const first2 = answer('first committed ledger infos of epoch 2: latest committed');
const first3 = answer('first committed ledger infos of epoch 3: latest committed');
const beforeEnding1 = answer('ledger info of epoch 1 one round before its ending');
const commitInfo = (li: unknown): LedgerInfoJson['ledgerInfo']['commitInfo'] => (li as LedgerInfoJson).ledgerInfo.commitInfo;

/** A node as the vector shows it: at `posEpoch`, with `latest` as its latest committed ledger info. */
function devNode(posEpoch: number, latest: unknown): MemoryTransport {
  return new MemoryTransport({ posEpoch, endings: new Map([[1, ending1], [2, ending2]]), latestCommitted: latest });
}

async function client(store = new MemoryCheckpointStore()): Promise<LightClient> {
  const checkpoint = tofuCheckpoint(CHAIN_ID, 'dev', genesis, 'pos_getEpochState(1) of the captured dev node');
  return LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: devNode(1, null), store }, 1);
}

describe('the vector is what it claims to be', () => {
  test('the echo is byte-identical to the epoch-ending ledger info, and the new epoch then commits', () => {
    expect(echo1).toEqual(ending1);
    expect(echo2).toEqual(ending2);
    expect(commitInfo(echo1)).toMatchObject({ epoch: '0x1', nextEpochState: expect.objectContaining({ epoch: '0x2' }) });
    expect(answer('PoS epoch 2 just started: status')).toMatchObject({ epoch: '0x2' });
    expect(commitInfo(first2).epoch).toBe('0x2');
    expect(commitInfo(first3).epoch).toBe('0x3');
    expect(commitInfo(beforeEnding1)).toMatchObject({ epoch: '0x1', nextEpochState: null });
  });
});

describe('the previous epoch ending served as the latest committed ledger info', () => {
  test('right after the change: rotates, finalizes the ending pivot, and reports the echo as no progress', async () => {
    const c = await client();
    const report = await c.sync({ now: 2, transport: devNode(2, echo1) });
    expect(report).toMatchObject({ fromEpoch: 1, committeeEpoch: 2, epochsVerified: 1, latest: 'already_verified' });
    expect(c.finalizedPivot).toMatchObject({ posEpoch: 1, round: Number(commitInfo(ending1).round), blockHash: commitInfo(ending1).pivot!.blockHash });
  });

  test('from a node a few seconds behind the one already used: no progress, nothing blamed', async () => {
    const c = await client();
    await c.sync({ now: 2, transport: devNode(2, first2) });
    const finalized = c.finalizedPivot;
    expect(finalized).toMatchObject({ posEpoch: 2, round: 2 });
    const before = c.posState;
    const report = await c.sync({ now: 3, transport: devNode(2, echo1) });
    expect(report).toMatchObject({ committeeEpoch: 2, epochsVerified: 0, latest: 'ended_previous_epoch', finalized });
    expect(c.posState).toBe(before);
  });

  test('at the next change too, and after a restart from the stored progress', async () => {
    const store = new MemoryCheckpointStore();
    const c = await client(store);
    await c.sync({ now: 2, transport: devNode(3, first3) });
    expect(c.committeeEpoch).toBe(3);
    expect(await c.sync({ now: 3, transport: devNode(3, echo2) })).toMatchObject({ latest: 'ended_previous_epoch' });
    const restarted = await client(store);
    expect(restarted.committeeEpoch).toBe(3);
    expect(await restarted.sync({ now: 4, transport: devNode(3, echo2) })).toMatchObject({ latest: 'ended_previous_epoch', finalized: c.finalizedPivot });
  });
});

describe('what contradicts the verified endings is still refused', () => {
  test('a different ledger info in place of the verified ending of the previous epoch is a regression', async () => {
    const c = await client();
    await c.sync({ now: 2, transport: devNode(2, first2) });
    const forgedPivot = structuredClone(ending1) as LedgerInfoJson;
    forgedPivot.ledgerInfo.commitInfo.pivot!.height = '0x1';
    await expect(c.sync({ now: 3, transport: devNode(2, forgedPivot) })).rejects.toMatchObject({ kind: 'epoch_regression', nodeAtFault: true, request: { method: 'pos_getLedgerInfoByBlockNumber' } });
    const forgedCommittee = structuredClone(ending1) as LedgerInfoJson;
    forgedCommittee.ledgerInfo.commitInfo.nextEpochState!.verifier.quorumVotingPower = '0x1';
    await expect(c.sync({ now: 3, transport: devNode(2, forgedCommittee) })).rejects.toMatchObject({ kind: 'epoch_regression', nodeAtFault: true });
    expect(c.finalizedPivot).toMatchObject({ posEpoch: 2, round: 2 });
  });

  test('a different ledger info at the round of the finalized one is refused, not taken as "nothing new"', async () => {
    const c = await client();
    await c.sync({ now: 2, transport: devNode(2, echo1) });
    const other = structuredClone(echo1) as LedgerInfoJson;
    other.ledgerInfo.commitInfo.id = commitInfo(first2).id;
    await expect(c.sync({ now: 3, transport: devNode(2, other) })).rejects.toMatchObject({ kind: 'epoch_regression', nodeAtFault: true });
  });

  test('an older ledger info of the previous epoch is stale (a lagging node), not progress', async () => {
    const c = await client();
    await c.sync({ now: 2, transport: devNode(2, echo1) });
    await expect(c.sync({ now: 3, transport: devNode(2, beforeEnding1) })).rejects.toMatchObject({ kind: 'stale', nodeAtFault: false });
  });

  test('the ending of an older epoch offered as a newer epoch ending is a regression', async () => {
    const c = await client();
    await c.sync({ now: 2, transport: devNode(2, first2) });
    const replaying = devNode(3, first3);
    replaying.override('pos_getLedgerInfosByEpoch', [2, 3], [ending1]);
    await expect(c.sync({ now: 3, transport: replaying })).rejects.toMatchObject({ kind: 'epoch_regression', nodeAtFault: true, request: { method: 'pos_getLedgerInfosByEpoch' } });
    expect(c.committeeEpoch).toBe(2);
  });
});
