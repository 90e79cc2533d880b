/**
 * The PoS finality state machine: pure transitions over immutable states.
 *
 * A state holds the committee of the current PoS epoch and the latest finalized pivot block. Two
 * inputs move it forward, each verified before anything changes (verify, then apply; a rejected
 * input returns an error and leaves the old state untouched):
 * - the last ledger info of the current epoch, which rotates to the committee it carries;
 * - any later ledger info of the current epoch, whose pivot decision becomes the finalized pivot.
 *
 * Threat model: inputs come from untrusted nodes. Besides signature and quorum checks (see
 * `verify-ledger-info.ts`), the machine refuses to go backwards: ledger infos older than what was
 * already verified are `stale` (a lagging or withholding node), epochs below the committee's are
 * `epoch_regression`, a skipped epoch is `wrong_epoch`. No clock is read; callers pass `now`.
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import type { CheckpointAnchor, FinalizedPivot, TrustLevel } from '../checkpoint/types.js';
import type { RestoredState } from '../checkpoint/record.js';
import { LightClientError } from '../errors.js';
import type { Committee } from '../pos/committee.js';
import type { ParsedLedgerInfo } from '../pos/parse.js';
import { checkLedgerInfo, type LedgerInfoCheckOptions } from '../pos/verify-ledger-info.js';

export interface PosState {
  readonly chainId: number;
  readonly trust: TrustLevel;
  readonly anchor: CheckpointAnchor;
  readonly committee: Committee;
  readonly finalized: FinalizedPivot | null;
  /** Caller time (ms) of the last change. */
  readonly updatedAt: number;
}

export function stateFromRestored(restored: RestoredState): PosState {
  return { chainId: restored.chainId, trust: restored.trust, anchor: restored.anchor, committee: restored.committee, finalized: restored.finalized, updatedAt: restored.savedAt };
}

function pivotOf(parsed: ParsedLedgerInfo): FinalizedPivot | null {
  const info = parsed.value.ledgerInfo.commitInfo;
  if (info.pivot === null) return null;
  return { posEpoch: info.epoch, round: info.round, ledgerInfoId: bytesToHex(info.id), timestampUsecs: info.timestampUsecs, height: info.pivot.height, blockHash: info.pivot.blockHash };
}

/** Whether `candidate` is strictly later than `current` in PoS order (epoch, then round). */
function isLater(candidate: { posEpoch: number; round: number }, current: FinalizedPivot | null): boolean {
  if (current === null) return true;
  return candidate.posEpoch > current.posEpoch || (candidate.posEpoch === current.posEpoch && candidate.round > current.round);
}

/** Keeps the later of the known and the new pivot; a decided pivot never moves down. */
function advancePivot(current: FinalizedPivot | null, next: FinalizedPivot | null): FinalizedPivot | null {
  if (next === null || !isLater(next, current)) return current;
  if (current !== null && next.height < current.height) {
    throw new LightClientError('epoch_regression', `a later ledger info decides pivot height ${next.height}, below the finalized ${current.height}`);
  }
  return next;
}

function checkEpochOrder(state: PosState, epoch: number): void {
  if (epoch < state.committee.epoch) {
    throw new LightClientError('epoch_regression', `ledger info of PoS epoch ${epoch} is older than the current committee (epoch ${state.committee.epoch})`);
  }
  if (epoch > state.committee.epoch) {
    throw new LightClientError('wrong_epoch', `ledger info of PoS epoch ${epoch} skips ahead of the current committee (epoch ${state.committee.epoch})`);
  }
}

/**
 * Verifies the last ledger info of the current epoch and rotates to the next committee.
 * @throws {LightClientError} `not_epoch_ending`, `epoch_regression`, `wrong_epoch` and every failure of
 *   `checkLedgerInfo`
 */
export function applyEpochEnding(state: PosState, parsed: ParsedLedgerInfo, now: number, options: LedgerInfoCheckOptions = {}): PosState {
  const info = parsed.value.ledgerInfo.commitInfo;
  checkEpochOrder(state, info.epoch);
  if (info.nextEpochState === null) throw new LightClientError('not_epoch_ending', `ledger info (epoch ${info.epoch}, round ${info.round}) does not end its epoch`);
  const verified = checkLedgerInfo(parsed, state.committee, options);
  if (verified.nextCommittee === null) throw new LightClientError('not_epoch_ending', 'ledger info carries no next committee');
  return { ...state, committee: verified.nextCommittee, finalized: advancePivot(state.finalized, pivotOf(parsed)), updatedAt: now };
}

/**
 * Verifies a ledger info of the current epoch and adopts its pivot decision as finalized.
 * Returns the same state object when the ledger info adds nothing new (the one already verified,
 * or no pivot decision).
 * @throws {LightClientError} `stale` (older than what was already verified: a lagging node),
 *   `wrong_epoch`, and every failure of `checkLedgerInfo`
 */
export function applyLedgerInfo(state: PosState, parsed: ParsedLedgerInfo, now: number, options: LedgerInfoCheckOptions = {}): PosState {
  const info = parsed.value.ledgerInfo.commitInfo;
  if (info.nextEpochState !== null && info.epoch === state.committee.epoch) return applyEpochEnding(state, parsed, now, options);
  const known = state.finalized;
  if (known !== null && info.epoch === known.posEpoch && info.round === known.round) {
    // The ledger info that decided the current finalized pivot (e.g. the last one of the previous
    // epoch, served again before the new epoch commits anything): nothing new.
    return state;
  }
  if (info.epoch < state.committee.epoch || (known !== null && (info.epoch < known.posEpoch || (info.epoch === known.posEpoch && info.round < known.round)))) {
    const than = known === null ? `the committee's epoch ${state.committee.epoch}` : `the verified one (epoch ${known.posEpoch}, round ${known.round})`;
    throw new LightClientError('stale', `ledger info (epoch ${info.epoch}, round ${info.round}) is older than ${than}`);
  }
  checkEpochOrder(state, info.epoch);
  checkLedgerInfo(parsed, state.committee, options);
  const finalized = advancePivot(state.finalized, pivotOf(parsed));
  if (finalized === state.finalized) return state;
  return { ...state, finalized, updatedAt: now };
}
