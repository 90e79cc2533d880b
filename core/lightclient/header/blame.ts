/**
 * Deferred roots and blame.
 *
 * A header at height h commits the execution results (state root, receipts root, logs bloom hash)
 * of epoch h − 5 (`DEFERRED_STATE_EPOCH_COUNT`). Its `blame` k counts the parent-chain ancestors
 * whose deferred fields its author considers wrong; then each deferred field is not a plain root
 * but a commitment to k + 1 roots r0…rk (r_i for epoch h − 5 − i):
 * `acc = r_k; for i = k−1 … 0: acc = keccak256(r_i ‖ acc)` (`compute_blame_state_root_vec_root`).
 *
 * Threat model: a miner can publish wrong deferred roots; honest successors then blame that
 * header. So the roots of epoch e are taken from the *witness*: the latest header w in
 * [e+5, e+5+lookahead] whose blame reaches back to e+5 (w − blame(w) ≤ e+5), which is e+5 itself
 * when nobody blames it. A witness with blame 0 gives plain roots; otherwise the caller must
 * supply every root of the vector (recomputed from data it checks) and the commitment must match.
 * Headers with blame are never silently trusted: without the vector the answer is a typed
 * `blamed_header` refusal.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { concatBytes, equalBytes } from '../../encoding/hex.js';
import { LightClientError } from '../errors.js';

/** Epochs between an epoch and the header that commits its execution results. */
export const DEFERRED_STATE_EPOCH_COUNT = 5;

/** Longest blame vector this client will recompute (each entry costs one epoch of receipts). */
export const MAX_BLAME_VECTOR = 16;

/** Commitment of a blame vector r0…rk (k ≥ 0); for k = 0 it is r0 itself. */
export function blameVectorCommitment(roots: readonly Uint8Array[]): Uint8Array {
  if (roots.length === 0) throw new RangeError('a blame vector has at least one root');
  let acc = roots[roots.length - 1]!;
  for (let i = roots.length - 2; i >= 0; i--) acc = keccak_256(concatBytes(roots[i]!, acc));
  return acc;
}

/** The minimal header data the witness rules need. */
export interface BlameHeader {
  readonly height: number;
  readonly blame: number;
}

/** Where the roots of an epoch are committed. */
export interface DeferredWitness {
  /** Height of the header whose deferred fields vouch for the epoch. */
  readonly witnessHeight: number;
  /** Position of the epoch's root in the witness's vector (0 when plain). */
  readonly index: number;
  /** Epochs whose roots make up the witness's vector, index order (length blame + 1). */
  readonly vectorEpochs: readonly number[];
}

/**
 * Picks the witness for the deferred roots of `epoch` among verified pivot headers.
 * @param headerAt verified pivot header at a height, or undefined when not (yet) available
 * @param lookahead how many later headers must be seen to make sure nobody blames the committer
 * @throws {LightClientError} `not_finalized` when a needed header is not available yet,
 *   `blamed_header` when the vector would be longer than {@link MAX_BLAME_VECTOR}
 */
export function findDeferredWitness(epoch: number, headerAt: (height: number) => BlameHeader | undefined, lookahead: number): DeferredWitness {
  const committing = epoch + DEFERRED_STATE_EPOCH_COUNT;
  let witness: BlameHeader | undefined;
  for (let w = committing; w <= committing + lookahead; w++) {
    const header = headerAt(w);
    if (header === undefined) {
      throw new LightClientError('not_finalized', `header at height ${w} is needed to settle the roots of epoch ${epoch} and is not verified yet`);
    }
    if (header.height !== w) throw new LightClientError('wrong_height', `header at height ${w} reports height ${header.height}`);
    if (w - header.blame <= committing) witness = header;
  }
  if (witness === undefined) throw new LightClientError('not_finalized', `no header covers epoch ${epoch}`);
  if (witness.blame + 1 > MAX_BLAME_VECTOR) {
    throw new LightClientError('blamed_header', `header ${witness.height} blames ${witness.blame} ancestors; recomputing that many epochs is refused`);
  }
  const vectorEpochs = Array.from({ length: witness.blame + 1 }, (_, i) => witness.height - DEFERRED_STATE_EPOCH_COUNT - i);
  return { witnessHeight: witness.height, index: witness.height - committing, vectorEpochs };
}

/**
 * Checks a deferred field of a witness header against recomputed roots.
 * @param field the header's deferred field (plain root when blame = 0, else the vector commitment)
 * @param roots recomputed roots for `witness.vectorEpochs`, in the same order
 * @throws {LightClientError} `blamed_header` when the vector is incomplete, and `mismatch` (the kind
 *   given by the caller, e.g. `bad_receipts_root`) when the commitment differs
 */
export function checkDeferredField(
  field: Uint8Array,
  witness: DeferredWitness,
  roots: readonly Uint8Array[],
  mismatch: 'bad_receipts_root' | 'bad_logs_bloom',
): void {
  if (roots.length !== witness.vectorEpochs.length) {
    throw new LightClientError('blamed_header', `header ${witness.witnessHeight} commits ${witness.vectorEpochs.length} roots, ${roots.length} were supplied`);
  }
  if (!equalBytes(blameVectorCommitment(roots), field)) {
    throw new LightClientError(mismatch, `recomputed roots do not match the deferred field of header ${witness.witnessHeight}`);
  }
}
