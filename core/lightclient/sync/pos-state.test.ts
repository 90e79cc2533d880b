import { describe, expect, test } from 'vitest';
import { committeeFromJson } from '../pos/committee.js';
import { signerSetDigest } from '../pos/encode.js';
import { parseLedgerInfoWithSignatures } from '../pos/parse.js';
import { signLedgerInfo, syntheticPosChain } from '../testing/synthetic-pos.js';
import { applyEpochEnding, applyLedgerInfo, type LedgerInfoOutcome, type PosState } from './pos-state.js';

const chain = syntheticPosChain(10, 3, 4);
const initial: PosState = {
  chainId: 7777,
  trust: 'shipped',
  anchor: { epoch: 10, digest: committeeFromJson(chain.first.json).digest, signers: signerSetDigest(committeeFromJson(chain.first.json).state) },
  committee: committeeFromJson(chain.first.json),
  previousEnding: null,
  finalized: null,
  updatedAt: 0,
  tail: null,
};
const parsed = (json: unknown) => parseLedgerInfoWithSignatures(json);
/** The new state of an outcome that must be progress. */
function advanced(outcome: LedgerInfoOutcome): PosState {
  if (!outcome.progress) throw new Error(`expected progress, got ${outcome.reason}`);
  return outcome.state;
}

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
    expect(s.previousEnding).toMatchObject({ posEpoch: 12, round: 60, pivot: { height: 180 } });
    s = advanced(applyLedgerInfo(s, parsed(chain.latest), 9));
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
    const s2 = advanced(applyLedgerInfo(s1, parsed(ordinary), 2));
    expect(s2.finalized?.height).toBe(61);
    const older = signLedgerInfo({ epoch: 11, round: 4, pivot: { height: 61, blockHash: `0x${'22'.repeat(32)}` } }, chain.committees[1]!);
    expect(() => applyLedgerInfo(s2, parsed(older), 3)).toThrow(expect.objectContaining({ kind: 'stale', nodeAtFault: false }));
    expect(applyLedgerInfo(s2, parsed(ordinary), 3)).toEqual({ progress: false, reason: 'already_verified' });
  });

  test('the ledger info that ended the previous epoch, served again as the latest, is no progress', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    expect(applyLedgerInfo(s1, parsed(chain.endings[0]), 2)).toEqual({ progress: false, reason: 'already_verified' });
    // Also once the new epoch has decided a later pivot (a node a little behind another one).
    const later = advanced(applyLedgerInfo(s1, parsed(signLedgerInfo({ epoch: 11, round: 3, pivot: { height: 62, blockHash: `0x${'22'.repeat(32)}` } }, chain.committees[1]!)), 2));
    expect(applyLedgerInfo(later, parsed(chain.endings[0]), 3)).toEqual({ progress: false, reason: 'ended_previous_epoch' });
    // Any other ledger info of an epoch whose committee is gone is stale (a lagging node), not an attack.
    const earlier = signLedgerInfo({ epoch: 10, round: 59, pivot: { height: 59, blockHash: `0x${'55'.repeat(32)}` } }, chain.committees[0]!);
    expect(() => applyLedgerInfo(s1, parsed(earlier), 2)).toThrow(expect.objectContaining({ kind: 'stale', nodeAtFault: false }));
    expect(() => applyLedgerInfo(initial, parsed(signLedgerInfo({ epoch: 9, round: 5, pivot: null }, chain.committees[0]!)), 2)).toThrow(expect.objectContaining({ kind: 'stale' }));
  });

  test('an ending without a pivot decision is still recognized when served again', () => {
    const ending = signLedgerInfo({ epoch: 10, round: 60, pivot: null, nextEpochState: chain.committees[1]!.json }, chain.committees[0]!);
    const s1 = applyEpochEnding(initial, parsed(ending), 1);
    expect(s1.finalized).toBeNull();
    expect(s1.previousEnding).toEqual({ posEpoch: 10, round: 60, ledgerInfoId: expect.stringMatching(/^0x[0-9a-f]{64}$/), pivot: null });
    expect(applyLedgerInfo(s1, parsed(ending), 2)).toEqual({ progress: false, reason: 'ended_previous_epoch' });
  });

  test('another ledger info in place of a verified one contradicts history: epoch_regression', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    const s2 = advanced(applyLedgerInfo(s1, parsed(signLedgerInfo({ epoch: 11, round: 3, pivot: { height: 62, blockHash: `0x${'22'.repeat(32)}` } }, chain.committees[1]!)), 2));
    // A different ending of epoch 10: other round, other pivot, or another next committee.
    const otherRound = signLedgerInfo({ epoch: 10, round: 61, pivot: { height: 60, blockHash: `0x${'77'.repeat(32)}` }, nextEpochState: chain.committees[1]!.json }, chain.committees[0]!);
    const otherCommittee = signLedgerInfo({ epoch: 10, round: 60, pivot: { height: 60, blockHash: `0x${'77'.repeat(32)}` }, nextEpochState: chain.committees[2]!.json }, chain.committees[0]!);
    for (const forged of [otherRound, otherCommittee]) {
      expect(() => applyLedgerInfo(s2, parsed(forged), 3)).toThrow(expect.objectContaining({ kind: 'epoch_regression', nodeAtFault: true }));
    }
    // A different ledger info at the round of the finalized decision: its signatures are checked
    // (a forgery is bad_signature), and if they verify it still conflicts.
    const sameRound = signLedgerInfo({ epoch: 11, round: 3, pivot: { height: 63, blockHash: `0x${'88'.repeat(32)}` } }, chain.committees[1]!);
    expect(() => applyLedgerInfo(s2, parsed(sameRound), 3)).toThrow(expect.objectContaining({ kind: 'epoch_regression' }));
    const forgedSameRound = signLedgerInfo({ epoch: 11, round: 3, pivot: { height: 63, blockHash: `0x${'88'.repeat(32)}` } }, chain.committees[2]!);
    expect(() => applyLedgerInfo(s2, parsed(forgedSameRound), 3)).toThrow(expect.objectContaining({ kind: 'unknown_signer' }));
  });

  test('a later ledger info cannot move the finalized pivot down', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    const lower = signLedgerInfo({ epoch: 11, round: 9, pivot: { height: 59, blockHash: `0x${'33'.repeat(32)}` } }, chain.committees[1]!);
    expect(() => applyLedgerInfo(s1, parsed(lower), 2)).toThrow(expect.objectContaining({ kind: 'epoch_regression' }));
  });

  test('a ledger info without a pivot decision verifies but changes nothing', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    const noPivot = signLedgerInfo({ epoch: 11, round: 9, pivot: null }, chain.committees[1]!);
    expect(applyLedgerInfo(s1, parsed(noPivot), 2)).toEqual({ progress: false, reason: 'no_pivot_decision' });
  });

  test('signers below the quorum are refused', () => {
    const s1 = applyEpochEnding(initial, parsed(chain.endings[0]), 1);
    const committee = chain.committees[1]!;
    const weak = signLedgerInfo({ epoch: 11, round: 9, pivot: { height: 70, blockHash: `0x${'44'.repeat(32)}` } }, committee, committee.validators.slice(0, 2));
    expect(() => applyLedgerInfo(s1, parsed(weak), 2)).toThrow(expect.objectContaining({ kind: 'insufficient_quorum' }));
  });
});
