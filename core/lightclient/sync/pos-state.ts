/**
 * The PoS finality state machine: pure transitions over immutable states.
 *
 * A state holds the committee of the current PoS epoch, the verified ledger info that carried it
 * (the previous epoch's ending one) and the latest finalized pivot block. Two inputs move it
 * forward, each verified before anything changes (verify, then apply; a rejected input throws and
 * leaves the old state untouched):
 * - the last ledger info of the current epoch, which rotates to the committee it carries;
 * - any later ledger info of the current epoch, whose pivot decision becomes the finalized pivot.
 *
 * Nodes re-serve ledger infos the client already verified: right after every epoch change the
 * latest committed one is still the previous epoch's ending ledger info. Such an answer is
 * recognized exactly and reported as no progress (never as an error, never as progress).
 *
 * Threat model: inputs come from untrusted nodes. Besides signature and quorum checks (see
 * `verify-ledger-info.ts`), the machine refuses to go backwards or sideways: a ledger info that
 * contradicts verified history (another ledger info at the round of the finalized one or in place
 * of the previous epoch's ending, an older epoch's ending offered as the current one, a later
 * decision below the finalized pivot) is `epoch_regression`; other ledger infos older than what was
 * verified are `stale` (a lagging or withholding node, not provably lying); a skipped epoch is
 * `wrong_epoch`. No clock is read; callers pass `now`.
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import type { CheckpointAnchor, EpochEndingRef, FinalizedPivot, Finality, SequentialTail, TrustLevel } from '../checkpoint/types.js';
import type { RestoredState } from '../checkpoint/record.js';
import { LightClientError } from '../errors.js';
import type { Committee } from '../pos/committee.js';
import { signerSetDigest } from '../pos/encode.js';
import type { ParsedLedgerInfo } from '../pos/parse.js';
import type { BlockInfo } from '../pos/types.js';
import { checkLedgerInfo, type LedgerInfoCheckOptions } from '../pos/verify-ledger-info.js';

export interface PosState {
  readonly chainId: number;
  readonly trust: TrustLevel;
  readonly anchor: CheckpointAnchor;
  readonly committee: Committee;
  /** The verified ledger info that ended the previous epoch and carried `committee` (null: from the checkpoint). */
  readonly previousEnding: EpochEndingRef | null;
  readonly finalized: FinalizedPivot | null;
  /** Caller time (ms) of the last change. */
  readonly updatedAt: number;
  /** Null when finality is `sequential`; otherwise what remains to verify sequentially. */
  readonly tail: SequentialTail | null;
}

/** How the state's committee was reached (see {@link Finality}). */
export function finalityOf(state: PosState): Finality {
  return state.tail === null ? 'sequential' : 'skipped';
}

export function stateFromRestored(restored: RestoredState): PosState {
  return { chainId: restored.chainId, trust: restored.trust, anchor: restored.anchor, committee: restored.committee, previousEnding: restored.previousEnding, finalized: restored.finalized, updatedAt: restored.savedAt, tail: restored.tail };
}

export function pivotOf(parsed: ParsedLedgerInfo): FinalizedPivot | null {
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
export function advancePivot(current: FinalizedPivot | null, next: FinalizedPivot | null): FinalizedPivot | null {
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
 * The checks of {@link applyEpochEnding} that need no cryptography: the ledger info is of the
 * current committee's epoch and ends it.
 * @throws {LightClientError} `epoch_regression`, `wrong_epoch`, `not_epoch_ending`
 */
export function checkEndingOrder(state: PosState, parsed: ParsedLedgerInfo): void {
  const info = parsed.value.ledgerInfo.commitInfo;
  checkEpochOrder(state, info.epoch);
  if (info.nextEpochState === null) throw new LightClientError('not_epoch_ending', `ledger info (epoch ${info.epoch}, round ${info.round}) does not end its epoch`);
}

/** Why a verified-or-recognized ledger info leaves the state as it was. */
export type NoProgressReason =
  /** It is the ledger info that decided the current finalized pivot. */
  | 'already_verified'
  /** It is the previous epoch's ending ledger info, which carried the current committee. */
  | 'ended_previous_epoch'
  /** It verifies but decides no pivot block. */
  | 'no_pivot_decision';

/** Result of {@link applyLedgerInfo}: a new state, or a clear "nothing new" with the reason. */
export type LedgerInfoOutcome = { readonly progress: true; readonly state: PosState } | { readonly progress: false; readonly reason: NoProgressReason };

export function endingRefOf(info: BlockInfo): EpochEndingRef {
  return { posEpoch: info.epoch, round: info.round, ledgerInfoId: bytesToHex(info.id), pivot: info.pivot === null ? null : { height: info.pivot.height, blockHash: info.pivot.blockHash } };
}

function conflict(info: BlockInfo, what: string): LightClientError {
  return new LightClientError('epoch_regression', `ledger info (epoch ${info.epoch}, round ${info.round}, id ${bytesToHex(info.id)}) contradicts ${what}`);
}

const samePivot = (info: BlockInfo, pivot: { height: number; blockHash: string } | null): boolean =>
  info.pivot === null ? pivot === null : pivot !== null && info.pivot.height === pivot.height && info.pivot.blockHash === pivot.blockHash;

/** Whether `info` is exactly the ledger info that decided `finalized` (same round, id and pivot). */
function isFinalizedOne(info: BlockInfo, finalized: FinalizedPivot | null): boolean {
  if (finalized === null || info.epoch !== finalized.posEpoch || info.round !== finalized.round) return false;
  return bytesToHex(info.id) === finalized.ledgerInfoId && samePivot(info, finalized);
}

/**
 * Whether `info` is the previous epoch's ending ledger info that carried the current committee.
 * Without a record of it (the committee came from the checkpoint), its committee must still be
 * exactly ours (compared without the VRF seed, which dev nodes report differently over time).
 * @throws {LightClientError} `epoch_regression` for another ledger info in its place
 */
function isPreviousEnding(state: PosState, parsed: ParsedLedgerInfo): boolean {
  const info = parsed.value.ledgerInfo.commitInfo;
  if (info.epoch + 1 !== state.committee.epoch || info.nextEpochState === null) return false;
  if (signerSetDigest(info.nextEpochState) !== signerSetDigest(state.committee.state)) throw conflict(info, `the verified committee of epoch ${state.committee.epoch}`);
  const known = state.previousEnding;
  if (known === null) return true;
  if (info.round !== known.round || bytesToHex(info.id) !== known.ledgerInfoId || !samePivot(info, known.pivot)) {
    throw conflict(info, `the verified ending of epoch ${known.posEpoch} (round ${known.round}, id ${known.ledgerInfoId})`);
  }
  return true;
}

/**
 * Verifies the last ledger info of the current epoch and rotates to the next committee.
 * @throws {LightClientError} `not_epoch_ending`, `epoch_regression` (an older epoch's ending),
 *   `wrong_epoch`, and every failure of `checkLedgerInfo`
 */
export function applyEpochEnding(state: PosState, parsed: ParsedLedgerInfo, now: number, options: LedgerInfoCheckOptions = {}): PosState {
  const info = parsed.value.ledgerInfo.commitInfo;
  checkEndingOrder(state, parsed);
  const verified = checkLedgerInfo(parsed, state.committee, options);
  if (verified.nextCommittee === null) throw new LightClientError('not_epoch_ending', 'ledger info carries no next committee');
  return { ...state, committee: verified.nextCommittee, previousEnding: endingRefOf(info), finalized: advancePivot(state.finalized, pivotOf(parsed)), updatedAt: now };
}

/**
 * Applies a node's latest committed ledger info: the current epoch's ending one rotates the
 * committee; a later one of the current epoch is verified and its pivot decision becomes the
 * finalized pivot; one the client already verified (the finalized pivot's, or the previous
 * epoch's ending) is recognized without a signature check and reported as no progress.
 * @throws {LightClientError} `stale` (older than what was already verified: a lagging node),
 *   `epoch_regression` (contradicts verified history), `wrong_epoch`, and every failure of
 *   `checkLedgerInfo`
 */
export function applyLedgerInfo(state: PosState, parsed: ParsedLedgerInfo, now: number, options: LedgerInfoCheckOptions = {}): LedgerInfoOutcome {
  const info = parsed.value.ledgerInfo.commitInfo;
  if (info.nextEpochState !== null && info.epoch === state.committee.epoch) return { progress: true, state: applyEpochEnding(state, parsed, now, options) };
  const known = state.finalized;
  if (isFinalizedOne(info, known)) return { progress: false, reason: 'already_verified' };
  if (isPreviousEnding(state, parsed)) return { progress: false, reason: 'ended_previous_epoch' };
  if (known !== null && info.epoch === known.posEpoch && info.round === known.round) {
    // Same round as the verified decision, other content. In the current epoch the signatures
    // tell a forgery (bad_signature) from a committee that signed two blocks; either way it conflicts.
    if (info.epoch === state.committee.epoch) checkLedgerInfo(parsed, state.committee, options);
    throw conflict(info, `the verified ledger info of that round (id ${known.ledgerInfoId})`);
  }
  if (info.epoch < state.committee.epoch || (known !== null && (info.epoch < known.posEpoch || (info.epoch === known.posEpoch && info.round < known.round)))) {
    const than = known === null ? `the committee's epoch ${state.committee.epoch}` : `the verified one (epoch ${known.posEpoch}, round ${known.round})`;
    throw new LightClientError('stale', `ledger info (epoch ${info.epoch}, round ${info.round}) is older than ${than}`);
  }
  checkEpochOrder(state, info.epoch);
  checkLedgerInfo(parsed, state.committee, options);
  const finalized = advancePivot(state.finalized, pivotOf(parsed));
  if (finalized === state.finalized) return { progress: false, reason: 'no_pivot_decision' };
  return { progress: true, state: { ...state, finalized, updatedAt: now } };
}
