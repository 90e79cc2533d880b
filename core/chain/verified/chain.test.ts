/**
 * VerifiedChain over a node pool at a PoS epoch change, replaying what a real dev node answered
 * (test/vectors/pos/devnode/epoch-change-echo.json): honest nodes that still serve the previous
 * epoch's ending ledger info are neither banned nor skipped; a node serving another ledger info in
 * its place is.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tofuCheckpoint } from '../../lightclient/checkpoint/checkpoint.js';
import { MemoryCheckpointStore } from '../../lightclient/checkpoint/store.js';
import { LightClient } from '../../lightclient/client/light-client.js';
import { systemClock } from '../../rpc/clock.js';
import { makeEndpoint } from '../../rpc/pool/endpoint.js';
import { NoNodeAvailableError } from '../../rpc/pool/errors.js';
import { NodePool } from '../../rpc/pool/node-pool.js';
import { FakeRpcError, fakeNetwork } from '../../rpc/testing/fake-fetch.js';
import { VerifiedChain } from './chain.js';
import { VerifiedRunner } from './runner.js';

interface Step {
  label: string;
  request: { method: string; params: unknown[] };
  response: { result: unknown };
}
const steps = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../test/vectors/pos/devnode/epoch-change-echo.json'), 'utf8')) as { steps: Step[] }).steps;
const answer = (labelStart: string): unknown => {
  const step = steps.find((s) => s.label.startsWith(labelStart));
  if (step === undefined) throw new Error(`vector has no step "${labelStart}"`);
  return step.response.result;
};
const recorded = new Map(steps.map((s) => [`${s.request.method}:${JSON.stringify(s.request.params)}`, s.response.result]));
const endings = new Map<number, unknown>();
for (const s of steps) {
  if (s.request.method === 'pos_getLedgerInfosByEpoch') endings.set(Number(s.request.params[0]), (s.response.result as unknown[])[0]);
}

/** What a node reports as its PoS status and latest committed ledger info at one moment. */
interface Moment {
  status: unknown;
  latest: unknown;
}
const echoOfEpoch1: Moment = { status: answer('PoS epoch 2 just started: status'), latest: answer('PoS epoch 2 just started: latest committed') };
const firstOfEpoch2: Moment = { status: answer('first committed ledger infos of epoch 2: status'), latest: answer('first committed ledger infos of epoch 2: latest committed') };

/** A dev node replaying the vector; `moment()` decides its PoS answers, `null` makes it decline everything. */
function replayNode(moment: () => Moment | null) {
  return (method: string, params: unknown[]): unknown => {
    const now = moment();
    if (now === null) throw new FakeRpcError(-32000, 'temporarily unavailable');
    if (method === 'pos_getStatus') return now.status;
    if (method === 'pos_getLedgerInfoByBlockNumber') return now.latest;
    if (method === 'pos_getLedgerInfosByEpoch') {
      const list: unknown[] = [];
      for (let e = Number(params[0]); e < Number(params[1]) && endings.has(e); e++) list.push(endings.get(e));
      return list;
    }
    return recordedAnswer(method, params);
  };
}

function recordedAnswer(method: string, params: unknown[]): unknown {
  const key = `${method}:${JSON.stringify(params)}`;
  if (!recorded.has(key)) throw new FakeRpcError(-32000, `${key} is not in the vector`);
  return recorded.get(key);
}

const [ahead, behind] = ['ahead', 'behind'].map((h) => makeEndpoint({ network: 'local', space: 'core', url: `https://${h}.example`, operator: h })) as [ReturnType<typeof makeEndpoint>, ReturnType<typeof makeEndpoint>];
const espace = makeEndpoint({ network: 'local', space: 'espace', url: 'https://espace.example', operator: 'espace' });

async function setup(behindMoment: Moment) {
  let aheadUp = true;
  const network = fakeNetwork({
    [ahead.url]: replayNode(() => (aheadUp ? firstOfEpoch2 : null)),
    [behind.url]: replayNode(() => behindMoment),
    [espace.url]: recordedAnswer,
  });
  const pool = new NodePool({ network: 'local', endpoints: [ahead, behind, espace], fetch: network.fetch });
  const checkpoint = tofuCheckpoint(1024, 'dev', answer('genesis committee'), 'pos_getEpochState(1) of the captured dev node');
  const lightClient = await LightClient.create({ chainId: 1024, checkpoint, transport: new VerifiedRunner(pool).transportFor(ahead, espace), store: new MemoryCheckpointStore() }, 1);
  const chain = new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: 1024, espace: 1025 } });
  return { pool, chain, takeAheadDown: () => (aheadUp = false) };
}

describe('VerifiedChain at a PoS epoch change', () => {
  test('a node still serving the previous epoch ending, behind the node used before, is not blamed', async () => {
    const { pool, chain, takeAheadDown } = await setup(echoOfEpoch1);
    const first = await chain.sync();
    expect(first).toMatchObject({ committeeEpoch: 2, latest: 'adopted', finalized: { posEpoch: 2, round: 2, height: 360 } });
    takeAheadDown();
    const second = await chain.sync();
    expect(second).toMatchObject({ committeeEpoch: 2, latest: 'ended_previous_epoch', finalized: first.finalized });
    expect(pool.bans()).toEqual([]);
    expect(await chain.verifiedEpoch('core')).toBe(360);
  });

  test('a node serving another ledger info in place of the verified ending is banned as a liar', async () => {
    const forged = structuredClone(echoOfEpoch1.latest) as { ledgerInfo: { commitInfo: { pivot: { height: string } } } };
    forged.ledgerInfo.commitInfo.pivot.height = '0x1';
    const { pool, chain, takeAheadDown } = await setup({ status: echoOfEpoch1.status, latest: forged });
    await chain.sync();
    takeAheadDown();
    await expect(chain.sync()).rejects.toBeInstanceOf(NoNodeAvailableError);
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: behind.id, reason: 'bad_committee', severity: 'proven_lie' })]);
    expect(chain.client.finalizedPivot).toMatchObject({ posEpoch: 2, round: 2 });
  });
});
