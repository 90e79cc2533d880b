/**
 * Applying a run of consecutive epoch-ending ledger infos (one batch answer of
 * `pos_getLedgerInfosByEpoch`) to a PoS state, with one batch signature check for the whole run.
 *
 * Each ledger info is checked against the committee carried by the one before it, as
 * `applyEpochEnding` does; only the pairings are deferred and checked together (`pos/batch.ts`).
 * When the batch check fails, the equations are checked one by one, and the state advances exactly
 * to the last ledger info before the first bad one — the same result, and the same typed error for
 * the bad one, as applying them one at a time. Pure: no IO, no clock.
 * @module
 */
import { LightClientError } from '../errors.js';
import { verifyWithAggregateKey } from '../pos/bls.js';
import { verifyBatch, type RandomBytes, type SignatureEquation } from '../pos/batch.js';
import type { ParsedLedgerInfo } from '../pos/parse.js';
import { prepareLedgerInfo, type SignatureCheckMode } from '../pos/verify-ledger-info.js';
import { advancePivot, applyEpochEnding, checkEndingOrder, endingRefOf, pivotOf, type PosState } from './pos-state.js';

export interface EndingsOptions {
  /** `batch` (default): one combined pairing check; `single`: one check per ledger info. */
  readonly verification?: 'batch' | 'single';
  /** Signature mode of single checks (default `aggregate`). */
  readonly mode?: SignatureCheckMode;
  /** Random bytes for the batch scalars (secure by default). */
  readonly random?: RandomBytes;
}

export interface EndingsOutcome {
  /** The state after the verified prefix of the run. */
  readonly state: PosState;
  /** How many ledger infos of the run were verified and applied (each rotates one epoch). */
  readonly applied: number;
  /** The state after each applied ledger info, in order (the last one is `state`). */
  readonly states: readonly PosState[];
  /** Why the ledger info at index `applied` was refused; null when the whole run applied. */
  readonly error: LightClientError | null;
}

/** The error applying one ledger info alone gives (the canonical order of checks). */
function canonicalError(state: PosState, parsed: ParsedLedgerInfo, now: number, fallback: unknown): unknown {
  try {
    applyEpochEnding(state, parsed, now);
  } catch (error) {
    return error;
  }
  return fallback;
}

function applyOneByOne(state: PosState, list: readonly ParsedLedgerInfo[], now: number, options: EndingsOptions): EndingsOutcome {
  let current = state;
  const states: PosState[] = [];
  for (const [i, parsed] of list.entries()) {
    try {
      current = applyEpochEnding(current, parsed, now, { mode: options.mode ?? 'aggregate' });
      states.push(current);
    } catch (error) {
      if (error instanceof LightClientError) return { state: current, applied: i, states, error };
      throw error;
    }
  }
  return { state: current, applied: list.length, states, error: null };
}

/**
 * Applies `list` (consecutive epoch endings starting at the state's committee epoch).
 * @example const { state, applied, error } = applyEpochEndings(state, parseLedgerInfoList(answer), now)
 */
export function applyEpochEndings(state: PosState, list: readonly ParsedLedgerInfo[], now: number, options: EndingsOptions = {}): EndingsOutcome {
  if (options.verification === 'single' || options.mode === 'each') return applyOneByOne(state, list, now, options);
  const steps: { state: PosState; equation: SignatureEquation }[] = [];
  let current = state;
  let refused: { index: number; error: unknown } | null = null;
  for (const [i, parsed] of list.entries()) {
    try {
      checkEndingOrder(current, parsed);
      const prepared = prepareLedgerInfo(parsed, current.committee);
      const info = parsed.value.ledgerInfo.commitInfo;
      const next: PosState = { ...current, committee: prepared.nextCommittee!, previousEnding: endingRefOf(info), finalized: advancePivot(current.finalized, pivotOf(parsed)), updatedAt: now };
      steps.push({ state: next, equation: prepared.equation });
      current = next;
    } catch (error) {
      refused = { index: i, error: canonicalError(current, parsed, now, error) };
      break;
    }
  }
  if (!verifyBatch(steps.map((s) => s.equation), options.random)) {
    const bad = steps.findIndex(({ equation: e }) => !verifyWithAggregateKey(e.key, e.hashed, e.signature));
    if (bad >= 0) {
      refused = { index: bad, error: new LightClientError('bad_signature', 'aggregated signature does not verify for the signer set') };
      steps.length = bad;
    }
  }
  const after = steps.at(-1)?.state ?? state;
  const states = steps.map((s) => s.state);
  if (refused === null) return { state: after, applied: steps.length, states, error: null };
  if (!(refused.error instanceof LightClientError)) throw refused.error;
  return { state: after, applied: steps.length, states, error: refused.error };
}
