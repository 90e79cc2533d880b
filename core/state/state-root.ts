/**
 * Which state root an epoch's state must have, according to verified headers.
 *
 * The state after epoch e is committed by the pivot header of epoch e + 5
 * (`DEFERRED_STATE_EPOCH_COUNT`) — unless a later header blames it: a header w with blame b
 * considers the deferred roots of w − b … w − 1 wrong, and its own deferred state root commits
 * the vector of correct roots r0 … rb (r_i for the header at w − i):
 * `acc = r_b; for i = b−1 … 0: acc = keccak(r_i ‖ acc)`. The roots of the vector come from
 * `GetWitnessInfo(w)` and are accepted only when they fold to w's verified deferred state root.
 *
 * A state root is the triple {snapshot, intermediate, delta} (`StateRoot`); its hash is
 * `keccak(snapshot ‖ intermediate ‖ delta)` (a raw 96-byte concatenation, not RLP).
 *
 * Threat model: headers come from a {@link VerifiedHeaderSource}; roots, triples and witness
 * vectors come from an untrusted node and are checked against them. The witness is the latest
 * header within `lookahead` headers of e + 5 whose blame reaches back to e + 5 (the same rule as
 * the light client's receipts proofs), so a blamed root is never used.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, equalBytes } from '../encoding/hex.js';
import { StateProofError, type StateAnswerPart } from './errors.js';
import type { VerifiedStateHeader } from './header.js';

/** Epochs between an epoch and the header that commits its state. */
export const DEFERRED_STATE_EPOCH_COUNT = 5;
/** Later headers inspected for blame before a deferred root is used (as the light client does). */
export const DEFAULT_BLAME_LOOKAHEAD = 5;
/** Longest blame vector accepted. */
export const MAX_BLAME_VECTOR = 64;
/** Epochs per snapshot period on mainnet, testnet and dev nodes (`SNAPSHOT_EPOCHS_CAPACITY`). */
export const SNAPSHOT_EPOCH_COUNT = 2000;

export interface StateRootTriple {
  readonly snapshot: Uint8Array;
  readonly intermediate: Uint8Array;
  readonly delta: Uint8Array;
}

export function stateRootHash(root: StateRootTriple): Uint8Array {
  return keccak_256(concatBytes(root.snapshot, root.intermediate, root.delta));
}

/** Commitment of a blame vector r0 … rb; for b = 0 it is r0 itself. */
export function blameVectorCommitment(roots: readonly Uint8Array[]): Uint8Array {
  if (roots.length === 0) throw new RangeError('a blame vector has at least one root');
  let acc = roots[roots.length - 1]!;
  for (let i = roots.length - 2; i >= 0; i--) acc = keccak_256(concatBytes(roots[i]!, acc));
  return acc;
}

/** Where the state root of an epoch is committed. */
export interface StateRootWitness {
  /** The header whose deferred state root vouches for the epoch. */
  readonly header: VerifiedStateHeader;
  /** Position of the epoch's root in that header's blame vector (0 when plain). */
  readonly index: number;
  /** True when the header commits a vector (blame > 0): witness info is needed. */
  readonly needsWitnessInfo: boolean;
}

/** Heights of the headers that settle the state root of `epoch` (e + 5 … e + 5 + lookahead). */
export function witnessHeights(epoch: number, lookahead = DEFAULT_BLAME_LOOKAHEAD): number[] {
  const first = epoch + DEFERRED_STATE_EPOCH_COUNT;
  return Array.from({ length: lookahead + 1 }, (_, i) => first + i);
}

/**
 * Picks the witness for `epoch` among the verified headers of {@link witnessHeights}.
 * @throws {StateProofError} `state.header_unavailable`, `state.blamed_header`
 */
export function stateRootWitness(epoch: number, headers: readonly VerifiedStateHeader[], lookahead = DEFAULT_BLAME_LOOKAHEAD): StateRootWitness {
  const heights = witnessHeights(epoch, lookahead);
  const committing = heights[0]!;
  let witness: VerifiedStateHeader | undefined;
  for (const [i, h] of heights.entries()) {
    const header = headers[i];
    if (header === undefined || header.height !== h) throw new StateProofError('state.header_unavailable', 'header', `verified header at height ${h} is needed for the state of epoch ${epoch}`);
    if (!Number.isSafeInteger(header.blame) || header.blame < 0 || header.blame >= h) throw new StateProofError('state.header_unavailable', 'header', `header ${h} has an impossible blame ${header.blame}`);
    if (h - header.blame <= committing) witness = header;
  }
  if (witness === undefined) throw new StateProofError('state.header_unavailable', 'header', `no header covers epoch ${epoch}`);
  if (witness.blame + 1 > MAX_BLAME_VECTOR) throw new StateProofError('state.blamed_header', 'header', `header ${witness.height} blames ${witness.blame} ancestors`);
  return { header: witness, index: witness.height - committing, needsWitnessInfo: witness.blame > 0 };
}

/**
 * The state root hash the epoch must have: the witness's deferred root, or the entry of its blame
 * vector after checking the vector (`witnessRoots`, from `GetWitnessInfo`) against it.
 * @throws {StateProofError} `state.witness_mismatch`
 */
export function committedStateRoot(witness: StateRootWitness, witnessRoots: readonly Uint8Array[] | null, part: StateAnswerPart = 'witness'): Uint8Array {
  const { header } = witness;
  if (!witness.needsWitnessInfo) return header.deferredStateRoot;
  if (witnessRoots === null) throw new StateProofError('state.witness_mismatch', part, `header ${header.height} has blame ${header.blame}: its witness info is needed`);
  if (witnessRoots.length !== header.blame + 1) throw new StateProofError('state.witness_mismatch', part, `witness info of header ${header.height} has ${witnessRoots.length} state roots, expected ${header.blame + 1}`);
  if (witnessRoots.some((r) => r.length !== 32)) throw new StateProofError('state.witness_mismatch', part, 'witness state root is not 32 bytes');
  if (!equalBytes(blameVectorCommitment(witnessRoots), header.deferredStateRoot)) {
    throw new StateProofError('state.witness_mismatch', part, `witness info does not fold to the deferred state root of header ${header.height}`);
  }
  return witnessRoots[witness.index]!;
}

/**
 * Checks a state-root triple against the committed root hash.
 * @throws {StateProofError} `state.state_root_mismatch` (or `state.prev_snapshot_mismatch` for `prev_snapshot_root`)
 */
export function checkStateRoot(triple: StateRootTriple, expected: Uint8Array, epoch: number, part: 'state_root' | 'prev_snapshot_root' = 'state_root'): void {
  const got = stateRootHash(triple);
  if (!equalBytes(got, expected)) {
    const code = part === 'state_root' ? 'state.state_root_mismatch' : 'state.prev_snapshot_mismatch';
    throw new StateProofError(code, part, `${part === 'state_root' ? 'state root' : 'previous snapshot root'} for epoch ${epoch} hashes to ${bytesToHex(got)}, the verified headers commit ${bytesToHex(expected)}`);
  }
}
