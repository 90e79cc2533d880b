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
import type { ParsedLedgerInfo } from '../pos/parse.js';
import { checkSkip, type SkippedLedgerInfo } from '../pos/skip.js';
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
