/**
 * Verification of one state entry (an account or a storage slot at an epoch) against the roots
 * that verified headers commit. This is the pure core of the `clp` state proofs: the caller
 * supplies the decoded answer and the committed root hashes (see `state-root.ts`).
 *
 * The state of an epoch lives in three tries: the snapshot of the last snapshot period, the
 * intermediate delta on top of it, and the delta of the current period. The delta trie is asked
 * first (keys padded with keccak(snapshot ‖ intermediate) of this state), then the intermediate
 * trie (keys padded with the previous snapshot root's pair), then the snapshot (raw keys): the
 * first trie holding the key decides — an empty value there is a deletion. A proof must show the
 * key's absence from every trie it skips.
 *
 * Threat model: the answer (triple, previous snapshot root, proofs, claimed entry) is untrusted.
 * The triple must hash to the committed root; past the first snapshot period the previous
 * snapshot root must hash to the root committed for epoch − period (otherwise a node could hide
 * the intermediate value and serve an older snapshot value); every proof node's hash is
 * recomputed; and the claimed entry must equal what the proofs prove. Any mismatch is a typed
 * {@link StateProofError} naming the part; there is no partial result.
 * @module
 */
import { bytesToHex, equalBytes } from '../encoding/hex.js';
import { StateProofError } from './errors.js';
import { deltaKeyBytes, deltaKeyPadding, sameStateKey, stateKeyBytes, type StateKey } from './keys.js';
import { checkStateRoot, SNAPSHOT_EPOCH_COUNT, type StateRootTriple } from './state-root.js';
import { KECCAK_EMPTY, lookupInProof, type TrieLookup, type TrieProofNode } from './trie-proof.js';

/** The three proofs of an entry (`StateProof`); null where the answer has none. */
export interface StateProof {
  readonly delta: readonly TrieProofNode[] | null;
  readonly intermediate: readonly TrieProofNode[] | null;
  readonly snapshot: readonly TrieProofNode[] | null;
}

/** One item of a `StateEntries` answer (`StateEntryWithKey`), decoded. */
export interface StateEntryAnswer {
  readonly epoch: number;
  readonly key: StateKey;
  /** The value the node claims (null: absent). */
  readonly entry: Uint8Array | null;
  readonly stateProof: StateProof;
  readonly stateRoot: StateRootTriple;
  readonly prevSnapshotRoot: StateRootTriple | null;
}

/** Root hashes the verified headers commit for the entry's epoch (and epoch − period past the first period). */
export interface CommittedStateRoots {
  readonly stateRoot: Uint8Array;
  readonly prevSnapshotRoot: Uint8Array | null;
}

export type ProvedEntry =
  | { readonly kind: 'value'; readonly value: Uint8Array; readonly trie: 'delta' | 'intermediate' | 'snapshot' }
  | { readonly kind: 'absent' };

export interface VerifyEntryOptions {
  /** Epochs per snapshot period (2000 on every Conflux network). */
  readonly snapshotEpochCount?: number;
}

function emptyRootOr(proof: readonly TrieProofNode[] | null, root: Uint8Array, part: 'delta' | 'intermediate'): readonly TrieProofNode[] | null {
  if (proof === null && !equalBytes(root, KECCAK_EMPTY)) throw new StateProofError('state.proof_shape', part, `the ${part} trie is not empty (${bytesToHex(root)}) but the answer has no ${part} proof`);
  return proof;
}

function lookup(proof: readonly TrieProofNode[] | null, root: Uint8Array, key: Uint8Array, part: 'delta' | 'intermediate' | 'snapshot'): TrieLookup {
  return proof === null ? { kind: 'absent' } : lookupInProof(proof, root, key, part);
}

/**
 * Proves what the state holds for `key` at `epoch`.
 * @throws {StateProofError} `state.key_mismatch`, `state.state_root_mismatch`, `state.prev_snapshot_presence`,
 *   `state.prev_snapshot_mismatch`, `state.proof_shape`, `state.proof_gap`, `state.node_hash`,
 *   `state.proof_malformed`, `state.entry_mismatch`
 */
export function verifyStateEntry(answer: StateEntryAnswer, asked: { readonly epoch: number; readonly key: StateKey }, roots: CommittedStateRoots, options: VerifyEntryOptions = {}): ProvedEntry {
  const period = options.snapshotEpochCount ?? SNAPSHOT_EPOCH_COUNT;
  const { epoch, key } = asked;
  if (answer.epoch !== epoch) throw new StateProofError('state.key_mismatch', 'key', `the answer is for epoch ${answer.epoch}, not ${epoch}`);
  if (!sameStateKey(answer.key, key)) throw new StateProofError('state.key_mismatch', 'key', `the answer is for key ${bytesToHex(stateKeyBytes(answer.key))}, not ${bytesToHex(stateKeyBytes(key))}`);

  const root = answer.stateRoot;
  checkStateRoot(root, roots.stateRoot, epoch, 'state_root');
  const prev = answer.prevSnapshotRoot;
  if (epoch > period) {
    if (prev === null) throw new StateProofError('state.prev_snapshot_presence', 'prev_snapshot_root', `epoch ${epoch} is past the first snapshot period: the previous snapshot root is required`);
    if (roots.prevSnapshotRoot === null) throw new RangeError(`the committed root of epoch ${epoch - period} is needed`);
    checkStateRoot(prev, roots.prevSnapshotRoot, epoch - period, 'prev_snapshot_root');
  } else if (prev !== null) {
    throw new StateProofError('state.prev_snapshot_presence', 'prev_snapshot_root', `epoch ${epoch} has no previous snapshot, yet the answer gives one`);
  }

  const proved = prove(answer.stateProof, root, prev, key);
  const claimed = answer.entry;
  if (proved.kind === 'absent' ? claimed !== null : claimed === null || !equalBytes(claimed, proved.value)) {
    throw new StateProofError('state.entry_mismatch', 'entry', `the answer claims ${claimed === null ? 'no entry' : bytesToHex(claimed)}, the proof shows ${proved.kind === 'absent' ? 'none' : bytesToHex(proved.value)}`);
  }
  return proved;
}

function prove(proof: StateProof, root: StateRootTriple, prev: StateRootTriple | null, key: StateKey): ProvedEntry {
  const delta = lookup(emptyRootOr(proof.delta, root.delta, 'delta'), root.delta, deltaKeyBytes(key, deltaKeyPadding(root.snapshot, root.intermediate)), 'delta');
  if (delta.kind === 'value') return { kind: 'value', value: delta.value, trie: 'delta' };
  if (delta.kind === 'tombstone') return { kind: 'absent' };

  let intermediate: TrieLookup;
  if (prev === null) {
    if (proof.intermediate !== null) throw new StateProofError('state.proof_shape', 'intermediate', 'an intermediate proof without a previous snapshot root');
    emptyRootOr(null, root.intermediate, 'intermediate');
    intermediate = { kind: 'absent' };
  } else {
    const padding = deltaKeyPadding(prev.snapshot, prev.intermediate);
    intermediate = lookup(emptyRootOr(proof.intermediate, root.intermediate, 'intermediate'), root.intermediate, deltaKeyBytes(key, padding), 'intermediate');
  }
  if (intermediate.kind === 'value') return { kind: 'value', value: intermediate.value, trie: 'intermediate' };
  if (intermediate.kind === 'tombstone') return { kind: 'absent' };

  if (proof.snapshot === null) throw new StateProofError('state.proof_shape', 'snapshot', 'the answer has no snapshot proof');
  const snapshot = lookupInProof(proof.snapshot, root.snapshot, stateKeyBytes(key), 'snapshot');
  if (snapshot.kind === 'tombstone') throw new StateProofError('state.proof_shape', 'snapshot', 'a snapshot trie cannot hold a deletion');
  return snapshot.kind === 'value' ? { kind: 'value', value: snapshot.value, trie: 'snapshot' } : { kind: 'absent' };
}
