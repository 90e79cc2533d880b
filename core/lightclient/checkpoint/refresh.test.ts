import { describe, expect, test } from 'vitest';
import { committeeFromJson } from '../pos/committee.js';
import { longPosChain } from '../testing/long-chain.js';
import { MemoryTransport } from '../testing/synthetic-chain.js';
import { checkpointCommittee } from './checkpoint.js';
import { refreshCheckpoint } from './refresh.js';
import type { Checkpoint } from './types.js';

const START = 300;
const HEAD = 368; // more than the skipping threshold: a refresh must still verify every rotation
const chain = longPosChain({ startEpoch: START, epochs: HEAD - START, size: 5, replaceEvery: 10 });
const endings = new Map(Array.from({ length: HEAD - START }, (_, i) => [START + i, chain.ending(START + i)] as const));
const from: Checkpoint = { network: 'testchain', chainId: 4321, trust: 'shipped', epoch: START, epochState: chain.committee(START), digest: committeeFromJson(chain.committee(START)).digest, source: 'test' };
const node = () => new MemoryTransport({ posEpoch: HEAD, endings: new Map(endings), latestCommitted: chain.sign({ epoch: HEAD, round: 3, pivot: null }) });
const now = new Date('2027-01-02T03:04:05Z');

describe('refreshing a shipped checkpoint', () => {
  test('every rotation is verified from the old checkpoint, over several nodes; the result carries its provenance', async () => {
    const [a, b] = [node(), node()];
    const result = await refreshCheckpoint(from, [{ name: 'https://a.example', transport: a }, { name: 'https://b.example', transport: b }], now);
    expect(result.epochsVerified).toBe(HEAD - START);
    const fresh = result.checkpoint;
    expect(fresh).toMatchObject({ network: 'testchain', chainId: 4321, trust: 'shipped', epoch: HEAD, digest: committeeFromJson(chain.committee(HEAD)).digest });
    expect(checkpointCommittee(fresh).epoch).toBe(HEAD);
    expect(fresh.provenance).toEqual({
      date: '2027-01-02T03:04:05.000Z',
      ledgerInfo: expect.objectContaining({ epoch: HEAD - 1, round: 60 }),
      verifiedFrom: { epoch: START, digest: from.digest },
      nodes: ['https://a.example', 'https://b.example'],
    });
    // Never the skipping rule: only batches of endings, spread over both nodes, plus the final cross-check.
    for (const t of [a, b]) {
      expect(t.log.filter((c) => c.method === 'pos_getLedgerInfoByEpoch').map((c) => c.params)).toEqual([[HEAD - 1]]);
      expect(t.log.some((c) => c.method === 'pos_getLedgerInfosByEpoch')).toBe(true);
    }
  });

  test('a node that lies stops the refresh, named', async () => {
    const liar = node();
    const forged = structuredClone(endings.get(START + 3)) as { ledgerInfo: { commitInfo: { round: string } } };
    forged.ledgerInfo.commitInfo.round = '0x3d';
    liar.data.endings.set(START + 3, forged);
    await expect(refreshCheckpoint(from, [{ name: 'https://liar.example', transport: liar }], now)).rejects.toMatchObject({ kind: 'bad_signature', details: 'https://liar.example' });
  });

  test('nodes that serve different endings for the new committee make it fail rather than pick one', async () => {
    const other = node();
    other.override('pos_getLedgerInfoByEpoch', [HEAD - 1], chain.sign({ epoch: HEAD - 1, round: 61, pivot: null, nextEpochState: chain.committee(HEAD) }));
    await expect(refreshCheckpoint(from, [{ name: 'https://a.example', transport: node() }, { name: 'https://other.example', transport: other }], now)).rejects.toMatchObject({ code: 'checkpoint.corrupt', message: expect.stringContaining('https://other.example') });
  });
});
