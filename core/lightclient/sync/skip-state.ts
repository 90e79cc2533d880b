/**
 * PoS state transitions of the skipping rule: taking a hop far ahead (`applySkip`), and the
 * sequential verification that follows it in the background (`tailState`, `foldTail`), which
 * either confirms every hop — finality becomes `sequential` — or proves a hop false.
 *
 * Threat model: a hop rests on the assumption stated in `pos/skip.ts` and is labelled `skipped`
 * until confirmed. The tail is verified exactly like a sequential catch-up (every committee signed
 * by a quorum of the one before, from the trusted checkpoint). When the tail reaches the epoch of a
 * hop, the ending it verified must be the very ledger info the hop accepted and carry the same
 * committee; anything else proves the hop false (`epoch_regression`), and the state falls back to
 * what the tail verified, dropping everything that rested on the hop. Pure functions.
 * @module
 */
import type { SequentialTail, SkipHop } from '../checkpoint/types.js';
import { LightClientError } from '../errors.js';
import { signerSetDigest } from '../pos/encode.js';
import { parseLedgerInfoWithSignatures, type ParsedLedgerInfo } from '../pos/parse.js';
import { checkSkip, type SkippedLedgerInfo } from '../pos/skip.js';
import { applyEpochEndings, type EndingsOptions } from './endings.js';
import { advancePivot, endingRefOf, pivotOf, type PosState } from './pos-state.js';

/**
 * Accepts an epoch-ending ledger info ahead of the state's committee by the skipping rule; the
 * state's committee becomes the one it carries, with finality `skipped`.
 * @throws {LightClientError} the failures of `checkSkip` (`insufficient_trust` is a refusal, not a fault),
 *   `epoch_regression` (it decides a pivot below the finalized one)
 */
export function applySkip(state: PosState, parsed: ParsedLedgerInfo, now: number): { state: PosState; skipped: SkippedLedgerInfo } {
  const skipped = checkSkip(parsed, state.committee);
  const info = parsed.value.ledgerInfo.commitInfo;
  const hop: SkipHop = { fromEpoch: state.committee.epoch, ending: endingRefOf(info), committeeSigners: signerSetDigest(skipped.nextCommittee.state) };
  const tail: SequentialTail = state.tail ?? { committee: state.committee, previousEnding: state.previousEnding, finalized: state.finalized, hops: [] };
  const next: PosState = {
    ...state,
    committee: skipped.nextCommittee,
    previousEnding: hop.ending,
    finalized: advancePivot(state.finalized, pivotOf(parsed)),
    updatedAt: now,
    tail: { ...tail, hops: [...tail.hops, hop] },
  };
  return { state: next, skipped };
}

/**
 * Takes the answer to `pos_getLedgerInfoByEpoch(ending)` for a hop: the new state, or `refused`
 * when the skipping rule refuses it (the caller halves the hop).
 * @throws {LightClientError} `missing` (null), `malformed` (another epoch than asked), and every
 *   failure of {@link applySkip} but `insufficient_trust`
 */
export function takeHop(state: PosState, ending: number, answer: unknown, now: number): { state: PosState } | 'refused' {
  if (answer === null) throw new LightClientError('missing', `the node has no ending ledger info of PoS epoch ${ending}`);
  const parsed = parseLedgerInfoWithSignatures(answer);
  const epoch = parsed.value.ledgerInfo.commitInfo.epoch;
  if (epoch !== ending) throw new LightClientError('malformed', `asked for the ending ledger info of PoS epoch ${ending}, got one of epoch ${epoch}`);
  try {
    return { state: applySkip(state, parsed, now).state };
  } catch (error) {
    if (error instanceof LightClientError && error.kind === 'insufficient_trust') return 'refused';
    throw error;
  }
}

/** The sequential tail as a state of its own (to apply epoch endings to), or null when there is none. */
export function tailState(state: PosState): PosState | null {
  const tail = state.tail;
  if (tail === null) return null;
  return { ...state, committee: tail.committee, previousEnding: tail.previousEnding, finalized: tail.finalized, tail: null };
}

/**
 * The epoch endings the tail still needs before it reaches its next hop: epochs `from` … `to − 1`
 * (the last one is the ending the hop accepted). Null when finality is sequential.
 */
export function nextTailRange(state: PosState): { from: number; to: number } | null {
  const tail = state.tail;
  if (tail === null) return null;
  return { from: tail.committee.epoch, to: tail.hops[0]!.ending.posEpoch + 1 };
}

function sameEnding(a: SkipHop['ending'], b: SkipHop['ending'] | null): boolean {
  if (b === null || a.posEpoch !== b.posEpoch || a.round !== b.round || a.ledgerInfoId !== b.ledgerInfoId) return false;
  return a.pivot === null ? b.pivot === null : b.pivot !== null && a.pivot.height === b.pivot.height && a.pivot.blockHash === b.pivot.blockHash;
}

export type TailOutcome =
  /** The tail advanced; `confirmed` hops were verified sequentially (finality is sequential when none is left). */
  | { readonly kind: 'advanced'; readonly state: PosState; readonly confirmed: readonly SkipHop[] }
  /** The tail reached a hop and verified a different ledger info: the hop was false. */
  | { readonly kind: 'contradicted'; readonly state: PosState; readonly hop: SkipHop; readonly error: LightClientError };

/**
 * Puts a tail advanced by `applyEpochEndings` (over at most the range of {@link nextTailRange})
 * back into the state, checking the hop it reached.
 * @example const outcome = foldTail(state, applyEpochEndings(tailState(state)!, list, now).state, now)
 */
export function foldTail(state: PosState, advanced: PosState, now: number): TailOutcome {
  const tail = state.tail;
  if (tail === null) throw new RangeError('finality is sequential: there is no tail');
  const hop = tail.hops[0]!;
  if (advanced.committee.epoch <= tail.committee.epoch) return { kind: 'advanced', state, confirmed: [] };
  if (advanced.committee.epoch > hop.ending.posEpoch + 1) throw new RangeError(`the tail went past its next hop (epoch ${hop.ending.posEpoch})`);
  const moved: SequentialTail = { ...tail, committee: advanced.committee, previousEnding: advanced.previousEnding, finalized: advanced.finalized };
  if (advanced.committee.epoch < hop.ending.posEpoch + 1) return { kind: 'advanced', state: { ...state, tail: moved, updatedAt: now }, confirmed: [] };
  if (sameEnding(hop.ending, advanced.previousEnding) && signerSetDigest(advanced.committee.state) === hop.committeeSigners) {
    const rest = tail.hops.slice(1);
    return { kind: 'advanced', state: { ...state, tail: rest.length === 0 ? null : { ...moved, hops: rest }, updatedAt: now }, confirmed: [hop] };
  }
  const verified = advanced.previousEnding;
  const error = new LightClientError(
    'epoch_regression',
    `the ledger info accepted by the skipping rule for the end of PoS epoch ${hop.ending.posEpoch} (id ${hop.ending.ledgerInfoId}) contradicts the sequentially verified one (id ${verified?.ledgerInfoId ?? 'none'})`,
  );
  // Everything that rested on the hop goes; what the tail verified is the state now.
  const reverted: PosState = { ...state, committee: advanced.committee, previousEnding: advanced.previousEnding, finalized: advanced.finalized, tail: null, updatedAt: now };
  return { kind: 'contradicted', state: reverted, hop, error };
}

export interface TailRunOutcome {
  readonly state: PosState;
  /** Ledger infos of the run verified by the tail. */
  readonly applied: number;
  /** Every verified intermediate tail state. */
  readonly states: readonly PosState[];
  /** Why the ledger info at `applied` was refused (null: none was). */
  readonly error: LightClientError | null;
  /** A hop the run proved false (the state fell back; the run stops there). */
  readonly contradicted: { readonly hop: SkipHop; readonly error: LightClientError } | null;
}

/**
 * Applies a run of consecutive epoch endings (from the tail's epoch) to the tail, hop by hop.
 * @example const outcome = advanceTail(state, parseLedgerInfoList(answer), now)
 */
export function advanceTail(state: PosState, list: readonly ParsedLedgerInfo[], now: number, options: EndingsOptions = {}): TailRunOutcome {
  let current = state;
  let applied = 0;
  const states: PosState[] = [];
  while (applied < list.length && current.tail !== null) {
    const range = nextTailRange(current)!;
    const outcome = applyEpochEndings(tailState(current)!, list.slice(applied, applied + (range.to - range.from)), now, options);
    states.push(...outcome.states);
    const folded = foldTail(current, outcome.state, now);
    current = folded.state;
    applied += outcome.applied;
    if (folded.kind === 'contradicted') return { state: current, applied, states, error: null, contradicted: { hop: folded.hop, error: folded.error } };
    if (outcome.error !== null) return { state: current, applied, states, error: outcome.error, contradicted: null };
  }
  return { state: current, applied, states, error: null, contradicted: null };
}
