/**
 * Choosing where the light client starts: a shipped checkpoint (public networks), a
 * trust-on-first-use committee (local dev chains), or the progress stored by an earlier run.
 *
 * Rules: a checkpoint's committee must match its pinned digest; a stored record must be intact,
 * for the same chain, and must not lower the trust level (a `tofu` record never replaces a
 * `shipped` checkpoint). A stored record older than the checkpoint is superseded by the newer
 * checkpoint (also when only the sequentially verified tail of skipped progress is older); otherwise
 * sync resumes from the record.
 * @module
 */
import { CheckpointError, LightClientError } from '../errors.js';
import { committeeFromJson, epochStateToJson, type Committee } from '../pos/committee.js';
import { signerSetDigest } from '../pos/encode.js';
import { parseEpochState } from '../pos/parse.js';
import { decodeCheckpointRecord, type RestoredState } from './record.js';
import { NETWORKS_WITHOUT_CHECKPOINT, SHIPPED_CHECKPOINTS } from './shipped.js';
import type { Checkpoint } from './types.js';

/**
 * The shipped checkpoint of a public network.
 * @throws {CheckpointError} `checkpoint.none_shipped` (testnet today, or an unknown chain id)
 */
export function shippedCheckpoint(chainId: number): Checkpoint {
  const checkpoint = SHIPPED_CHECKPOINTS.get(chainId);
  if (checkpoint !== undefined) return checkpoint;
  const known = NETWORKS_WITHOUT_CHECKPOINT.get(chainId);
  throw new CheckpointError(
    'checkpoint.none_shipped',
    known === undefined ? `no checkpoint is shipped for chain ${chainId}` : `no checkpoint is shipped for ${known} (chain ${chainId}) yet: its finality cannot be verified`,
  );
}

/**
 * Parses a checkpoint's committee and checks it against the pinned digest.
 * @throws {CheckpointError} `checkpoint.corrupt`
 */
export function checkpointCommittee(checkpoint: Checkpoint): Committee {
  let committee: Committee;
  try {
    committee = committeeFromJson(checkpoint.epochState);
  } catch (cause) {
    if (cause instanceof LightClientError) throw new CheckpointError('checkpoint.corrupt', `checkpoint committee does not parse (${cause.kind})`, { cause });
    throw cause;
  }
  if (committee.epoch !== checkpoint.epoch) throw new CheckpointError('checkpoint.corrupt', `checkpoint says epoch ${checkpoint.epoch}, its committee is for ${committee.epoch}`);
  if (committee.digest !== checkpoint.digest.toLowerCase()) throw new CheckpointError('checkpoint.corrupt', `checkpoint committee digest ${committee.digest} differs from the pinned ${checkpoint.digest}`);
  return committee;
}

/**
 * Makes a trust-on-first-use checkpoint from a committee a (dev) node reported, e.g. its
 * `pos_getEpochState(1)`. Labelled `tofu`: it protects against later inconsistency, not against
 * the node that supplied it.
 * @throws {LightClientError} `malformed`, `invalid_point`
 */
export function tofuCheckpoint(chainId: number, network: string, epochStateJson: unknown, source: string): Checkpoint {
  const parsed = parseEpochState(epochStateJson, 'tofu epochState');
  const committee = committeeFromJson(epochStateToJson(parsed.state));
  return { network, chainId, trust: 'tofu', epoch: committee.epoch, epochState: epochStateToJson(committee.state), digest: committee.digest, source };
}

/**
 * Decides the starting state from a checkpoint and the raw stored record (if any).
 * @throws {CheckpointError} `checkpoint.corrupt`, `checkpoint.wrong_chain`, `checkpoint.trust_downgrade`
 */
export function resolveStartingState(checkpoint: Checkpoint, stored: unknown, now: number): RestoredState {
  const committee = checkpointCommittee(checkpoint);
  const fresh: RestoredState = {
    chainId: checkpoint.chainId,
    trust: checkpoint.trust,
    anchor: { epoch: checkpoint.epoch, digest: committee.digest, signers: signerSetDigest(committee.state) },
    committee,
    finalized: null,
    previousEnding: null,
    savedAt: now,
    tail: null,
  };
  if (stored === undefined || stored === null) return fresh;
  const restored = decodeCheckpointRecord(stored, checkpoint.chainId);
  if (checkpoint.trust === 'shipped' && restored.trust !== 'shipped') {
    throw new CheckpointError('checkpoint.trust_downgrade', `stored progress was derived from a ${restored.trust} committee; a shipped checkpoint exists for this chain`);
  }
  if (checkpoint.trust === 'tofu' && restored.trust === 'tofu' && restored.anchor.signers !== signerSetDigest(committee.state)) {
    throw new CheckpointError('checkpoint.corrupt', 'stored progress belongs to a different trust-on-first-use committee (was the dev chain reset?)');
  }
  // Older than the checkpoint (the tail of skipped progress included): the checkpoint is better.
  if (restored.committee.epoch < checkpoint.epoch || (restored.tail !== null && restored.tail.committee.epoch < checkpoint.epoch)) return fresh;
  if (restored.committee.epoch === checkpoint.epoch && signerSetDigest(restored.committee.state) !== signerSetDigest(committee.state)) {
    throw new CheckpointError('checkpoint.corrupt', `stored committee for epoch ${checkpoint.epoch} differs from the trusted checkpoint`);
  }
  return restored;
}
