import { describe, expect, test } from 'vitest';
import { resolveStartingState, tofuCheckpoint } from '../checkpoint/checkpoint.js';
import { parseLedgerInfoWithSignatures } from '../pos/parse.js';
import { longPosChain } from '../testing/long-chain.js';
import { applyEpochEndings } from './endings.js';
import { stateFromRestored } from './pos-state.js';

const chain = longPosChain({ startEpoch: 500, epochs: 6, size: 5, replaceEvery: 2 });
const start = stateFromRestored(resolveStartingState(tofuCheckpoint(7777, 'test', chain.committee(500), 'long chain'), undefined, 0));
const endings = Array.from({ length: 6 }, (_, i) => parseLedgerInfoWithSignatures(chain.ending(500 + i)));
const seeded = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);

describe('a run of epoch endings with one batch check (seeded scalars)', () => {
  test('batch and one-by-one checks reach the same state', () => {
    const batch = applyEpochEndings(start, endings, 1, { random: seeded });
    const single = applyEpochEndings(start, endings, 1, { verification: 'single' });
    expect(batch).toMatchObject({ applied: 6, error: null });
    expect(batch.state.committee.digest).toBe(single.state.committee.digest);
    expect(batch.state.committee.epoch).toBe(506);
    expect(batch.state.finalized).toEqual(single.state.finalized);
    expect(batch.states.map((s) => s.committee.epoch)).toEqual([501, 502, 503, 504, 505, 506]);
  });

  test('a bad signature in the middle: the prefix is applied and the error is the one-by-one error', () => {
    const json = structuredClone(chain.ending(503)) as { ledgerInfo: { commitInfo: { pivot: { height: string } } } };
    json.ledgerInfo.commitInfo.pivot.height = '0x1';
    const list = [...endings.slice(0, 3), parseLedgerInfoWithSignatures(json), ...endings.slice(4)];
    const batch = applyEpochEndings(start, list, 1, { random: seeded });
    expect(batch).toMatchObject({ applied: 3, error: { kind: 'bad_signature' } });
    expect(batch.state.committee.epoch).toBe(503);
    expect(applyEpochEndings(start, list, 1, { verification: 'single' })).toMatchObject({ applied: 3, error: { kind: 'bad_signature' } });
  });

  test('out of order, or not an ending: the same errors as applying one at a time', () => {
    expect(applyEpochEndings(start, [endings[1]!], 1)).toMatchObject({ applied: 0, error: { kind: 'wrong_epoch' } });
    expect(applyEpochEndings(start, [endings[0]!, endings[0]!], 1)).toMatchObject({ applied: 1, error: { kind: 'epoch_regression' } });
    const ordinary = parseLedgerInfoWithSignatures(chain.sign({ epoch: 500, round: 3, pivot: null }));
    expect(applyEpochEndings(start, [ordinary], 1)).toMatchObject({ applied: 0, error: { kind: 'not_epoch_ending' } });
  });
});
