/**
 * Proving state entries end to end: gets the verified headers an epoch needs, the witness info of
 * blamed headers and the entries with their proofs, and verifies everything with the pure checks
 * of this folder. IO is injected: a {@link VerifiedHeaderSource} (trusted: it only returns verified
 * headers) and a {@link StateProofSource} (untrusted: a `clp` session, a proof gateway…).
 *
 * Threat model: the proof source may lie, omit or stall. A lie is a {@link StateProofError} whose
 * `sourceAtFault` is true and whose `evidence` names the request and carries the answer; an omitted
 * item is `state.unavailable` (never "absent"). A result is returned only when every key verified.
 * @module
 */
import { bytesToHex } from '../encoding/hex.js';
import { StateProofError, type StateEvidence } from './errors.js';
import type { VerifiedHeaderSource, VerifiedStateHeader } from './header.js';
import { sameStateKey, stateKeyBytes, type StateKey } from './keys.js';
import { committedStateRoot, DEFAULT_BLAME_LOOKAHEAD, SNAPSHOT_EPOCH_COUNT, stateRootWitness, witnessHeights } from './state-root.js';
import { verifyStateEntry, type ProvedEntry, type StateEntryAnswer } from './state-proof.js';

/** An answer item with where it came from. */
export interface Sourced<T> {
  readonly value: T;
  readonly evidence: StateEvidence;
}

/** The blame-vector part of witness info (`WitnessInfoWithHeight`). */
export interface WitnessAnswer {
  readonly height: number;
  readonly stateRoots: readonly Uint8Array[];
}

/** Untrusted supplier of proof material. Items it cannot produce are simply missing. */
export interface StateProofSource {
  /** At most {@link MAX_KEYS_PER_REQUEST} keys per call. */
  stateEntries(epoch: number, keys: readonly StateKey[]): Promise<readonly Sourced<StateEntryAnswer>[]>;
  witnessInfo(height: number): Promise<Sourced<WitnessAnswer> | null>;
}

/** Keys per `GetStateEntries` (the node answers at most 50 items). */
export const MAX_KEYS_PER_REQUEST = 50;

export interface ProveOptions {
  readonly snapshotEpochCount?: number;
  readonly blameLookahead?: number;
}

export interface ProvedState {
  readonly epoch: number;
  readonly key: StateKey;
  readonly proved: ProvedEntry;
  /** The verified header whose deferred state root vouches for the epoch's state. */
  readonly witness: { readonly height: number; readonly hash: string };
  /** The committed state root hash the answer matched. */
  readonly stateRoot: string;
}

async function headersFor(epoch: number, headers: VerifiedHeaderSource, lookahead: number): Promise<VerifiedStateHeader[]> {
  return Promise.all(
    witnessHeights(epoch, lookahead).map(async (h) => {
      try {
        const header = await headers.header(h);
        if (header.height !== h) throw new StateProofError('state.header_unavailable', 'header', `the header source returned height ${header.height} for ${h}`);
        return header;
      } catch (cause) {
        if (cause instanceof StateProofError) throw cause;
        throw new StateProofError('state.header_unavailable', 'header', `no verified header at height ${h}`, { cause });
      }
    }),
  );
}

/** The root hash committed for `epoch`, with the header that commits it. */
async function committedRoot(epoch: number, headers: VerifiedHeaderSource, proofs: StateProofSource, lookahead: number): Promise<{ root: Uint8Array; witness: VerifiedStateHeader }> {
  const witness = stateRootWitness(epoch, await headersFor(epoch, headers, lookahead), lookahead);
  if (!witness.needsWitnessInfo) return { root: witness.header.deferredStateRoot, witness: witness.header };
  const info = await proofs.witnessInfo(witness.header.height);
  if (info === null || info.value.height !== witness.header.height) {
    throw new StateProofError('state.unavailable', 'witness', `no witness info for blamed header ${witness.header.height}`, info === null ? {} : { evidence: info.evidence });
  }
  try {
    return { root: committedStateRoot(witness, info.value.stateRoots), witness: witness.header };
  } catch (error) {
    if (error instanceof StateProofError) throw error.withEvidence(info.evidence);
    throw error;
  }
}

/**
 * Proves `keys` at `epoch`. Headers for epoch + 5 … + lookahead (and the same for epoch − 2000
 * past the first snapshot period) must be available from `headers`.
 * @throws {StateProofError} the first failure (see the module doc)
 */
export async function proveStateEntries(epoch: number, keys: readonly StateKey[], sources: { readonly headers: VerifiedHeaderSource; readonly proofs: StateProofSource }, options: ProveOptions = {}): Promise<ProvedState[]> {
  if (!Number.isSafeInteger(epoch) || epoch < 0) throw new RangeError('epoch must be a non-negative integer');
  if (keys.length === 0) return [];
  const period = options.snapshotEpochCount ?? SNAPSHOT_EPOCH_COUNT;
  const lookahead = options.blameLookahead ?? DEFAULT_BLAME_LOOKAHEAD;
  // Each key is asked once, however often the caller lists it.
  const unique = [...new Map(keys.map((k) => [bytesToHex(stateKeyBytes(k)), k])).values()];
  const fetchEntries = async () => {
    const answers: Sourced<StateEntryAnswer>[] = [];
    for (let i = 0; i < unique.length; i += MAX_KEYS_PER_REQUEST) answers.push(...(await sources.proofs.stateEntries(epoch, unique.slice(i, i + MAX_KEYS_PER_REQUEST))));
    return answers;
  };
  // Headers (trusted) and entries (untrusted) are independent: fetch them at the same time.
  const [current, previous, answers] = await Promise.all([
    committedRoot(epoch, sources.headers, sources.proofs, lookahead),
    epoch > period ? committedRoot(epoch - period, sources.headers, sources.proofs, lookahead) : Promise.resolve(null),
    fetchEntries(),
  ]);
  const roots = { stateRoot: current.root, prevSnapshotRoot: previous?.root ?? null };
  // An item for something not asked, or a key answered twice, is a false answer (a relabelled epoch or key), not noise.
  const answered = new Set<string>();
  for (const answer of answers) {
    const id = bytesToHex(stateKeyBytes(answer.value.key));
    if (answer.value.epoch !== epoch || !keys.some((k) => sameStateKey(k, answer.value.key)) || answered.has(id)) {
      throw new StateProofError('state.key_mismatch', 'key', `the answer has an unasked or repeated entry for ${bytesToHex(answer.value.key.address)} at epoch ${answer.value.epoch}`, { evidence: answer.evidence });
    }
    answered.add(id);
  }
  return keys.map((key) => {
    const answer = answers.find((a) => a.value.epoch === epoch && sameStateKey(a.value.key, key));
    if (answer === undefined) throw new StateProofError('state.unavailable', 'item', `no state entry for ${bytesToHex(key.address)} at epoch ${epoch} in the answer`);
    try {
      const proved = verifyStateEntry(answer.value, { epoch, key }, roots, { snapshotEpochCount: period });
      return { epoch, key, proved, witness: { height: current.witness.height, hash: current.witness.hash }, stateRoot: bytesToHex(current.root) };
    } catch (error) {
      if (error instanceof StateProofError) throw error.withEvidence(answer.evidence);
      throw error;
    }
  });
}
