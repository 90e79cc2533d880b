import { describe, expect, test } from 'vitest';
import { committeeFromJson } from '../pos/committee.js';
import { signerSetDigest } from '../pos/encode.js';
import { parseLedgerInfoWithSignatures } from '../pos/parse.js';
import { signLedgerInfo, syntheticPosChain } from '../testing/synthetic-pos.js';
import { applyEpochEnding, applyLedgerInfo, type PosState } from './pos-state.js';

const chain = syntheticPosChain(10, 3, 4);
const initial: PosState = {
  chainId: 7777,
  trust: 'shipped',
  anchor: { epoch: 10, digest: committeeFromJson(chain.first.json).digest, signers: signerSetDigest(committeeFromJson(chain.first.json).state) },
  committee: committeeFromJson(chain.first.json),
  finalized: null,
  updatedAt: 0,
};
const parsed = (json: unknown) => parseLedgerInfoWithSignatures(json);

describe('PoS state transitions', () => {
  test('epoch endings rotate committees one epoch at a time and finalize their pivots', () => {
    let s = initial;
    for (const [i, ending] of chain.endings.entries()) {
      s = applyEpochEnding(s, parsed(ending), i + 1);
      expect(s.committee.epoch).toBe(11 + i);
      expect(s.committee.digest).toBe(committeeFromJson(chain.committees[i + 1]!.json).digest);
      expect(s.finalized?.height).toBe((i + 1) * 60);
      expect(s.updatedAt).toBe(i + 1);
    }
    s = applyLedgerInfo(s, parsed(chain.latest), 9);
    expect(s.finalized).toMatchObject({ posEpoch: 13, round: 7, height: 240 });
  });

  test('a rejected input leaves the state untouched (verify, then apply)', () => {
    const before = structuredClone({ epoch: initial.committee.epoch, finalized: initial.finalized });
    const forged = signLedgerInfo({ epoch: 10, round: 60, pivot: { height: 60, blockHash: `0x${'11'.repeat(32)}` }, nextEpochState: chain.committees[1]!.json }, chain.committees[1]!);
    expect(() => applyEpochEnding(initial, parsed(forged), 1)).toThrow(expect.objectContaining({ kind: 'unknown_signer' }));
    expect({ epoch: initial.committee.epoch, finalized: initial.finalized }).toEqual(before);
  });

  test('order is enforced: skipped epochs, old epochs, non-ending ledger infos, stale rounds', () => {
    expect(() => applyEpochEnding(initial, parsed(chain.endings[1]), 1)).toThrow(expect.objectContaining({ kind: 'wrong_epoch' }));
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    expect(() => applyEpochEnding(s1, parsed(chain.endings[0]), 2)).toThrow(expect.objectContaining({ kind: 'epoch_regression' }));
    const ordinary = signLedgerInfo({ epoch: 11, round: 5, pivot: { height: 61, blockHash: `0x${'22'.repeat(32)}` } }, chain.committees[1]!);
    expect(() => applyEpochEnding(s1, parsed(ordinary), 2)).toThrow(expect.objectContaining({ kind: 'not_epoch_ending' }));
    const s2 = applyLedgerInfo(s1, parsed(ordinary), 2);
    expect(s2.finalized?.height).toBe(61);
    const older = signLedgerInfo({ epoch: 11, round: 4, pivot: { height: 61, blockHash: `0x${'22'.repeat(32)}` } }, chain.committees[1]!);
    expect(() => applyLedgerInfo(s2, parsed(older), 3)).toThrow(expect.objectContaining({ kind: 'stale', nodeAtFault: false }));
    expect(applyLedgerInfo(s2, parsed(ordinary), 3)).toBe(s2);
  });

  test('the ledger info that ended the previous epoch, served again as the latest, changes nothing', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    expect(applyLedgerInfo(s1, parsed(chain.endings[0]), 2)).toBe(s1);
    // Any other ledger info of an epoch whose committee is gone is stale (a lagging node), not an attack.
    const earlier = signLedgerInfo({ epoch: 10, round: 59, pivot: { height: 59, blockHash: `0x${'55'.repeat(32)}` } }, chain.committees[0]!);
    expect(() => applyLedgerInfo(s1, parsed(earlier), 2)).toThrow(expect.objectContaining({ kind: 'stale', nodeAtFault: false }));
    expect(() => applyLedgerInfo(initial, parsed(signLedgerInfo({ epoch: 9, round: 5, pivot: null }, chain.committees[0]!)), 2)).toThrow(expect.objectContaining({ kind: 'stale' }));
  });

  test('a later ledger info cannot move the finalized pivot down', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    const lower = signLedgerInfo({ epoch: 11, round: 9, pivot: { height: 59, blockHash: `0x${'33'.repeat(32)}` } }, chain.committees[1]!);
    expect(() => applyLedgerInfo(s1, parsed(lower), 2)).toThrow(expect.objectContaining({ kind: 'epoch_regression' }));
  });

  test('a ledger info without a pivot decision verifies but changes nothing', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    const noPivot = signLedgerInfo({ epoch: 11, round: 9, pivot: null }, chain.committees[1]!);
    expect(applyLedgerInfo(s1, parsed(noPivot), 2)).toBe(s1);
  });

  test('signers below the quorum are refused', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    const committee = chain.committees[1]!;
    const weak = signLedgerInfo({ epoch: 11, round: 9, pivot: { height: 70, blockHash: `0x${'44'.repeat(32)}` } }, committee, committee.validators.slice(0, 2));
    expect(() => applyLedgerInfo(s1, parsed(weak), 2)).toThrow(expect.objectContaining({ kind: 'insufficient_quorum' }));
  });
});
