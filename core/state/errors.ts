/**
 * Typed failures of state-proof verification.
 *
 * Each code names the check that failed, and `part` names the piece of the answer that did not
 * match (the state-root triple, the previous snapshot root, one of the three tries, the claimed
 * entry…), so a caller can show what was false and keep the failing answer as evidence against
 * whoever served it. A failure never yields a value: there is no partial or "best effort" result.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type StateProofErrorCode =
  /** The state-root triple does not hash to the root its verified header commits (directly or by blame vector). */
  | 'state.state_root_mismatch'
  /** The previous snapshot root does not hash to the root committed for epoch − snapshot period. */
  | 'state.prev_snapshot_mismatch'
  /** A previous snapshot root was missing (epoch past the first snapshot period) or present when none may be. */
  | 'state.prev_snapshot_presence'
  /** Witness info (a blame vector) has the wrong length or does not fold to the header's deferred root. */
  | 'state.witness_mismatch'
  /** A header that must be verified for this epoch is not, or has another height or blame than required. */
  | 'state.header_unavailable'
  /** A blame vector longer than this verifier recomputes. */
  | 'state.blamed_header'
  /** A proof node's stated hash differs from the hash recomputed from its contents. */
  | 'state.node_hash'
  /** The walk reached a hash for which the proof holds no node: the proof does not connect to the root. */
  | 'state.proof_gap'
  /** A proof that must be present is absent, or present where it may not be. */
  | 'state.proof_shape'
  /** A proof node is malformed (path mask, child table, sizes). */
  | 'state.proof_malformed'
  /** The entry the answer claims differs from the value its proof proves. */
  | 'state.entry_mismatch'
  /** The answer is for another key or epoch than the one asked. */
  | 'state.key_mismatch'
  /** The answer has no item for what was asked: unavailable, never "absent". */
  | 'state.unavailable'
  /** A proved value does not decode as an account or storage value. */
  | 'state.value_malformed';

/** Which piece of an answer a failure is about. */
export type StateAnswerPart = 'state_root' | 'prev_snapshot_root' | 'delta' | 'intermediate' | 'snapshot' | 'entry' | 'key' | 'witness' | 'header' | 'item';

/** The answer a failure is about: which request produced it, and the answer's bytes as relayed. */
export interface StateEvidence {
  /** The request (e.g. a gateway's JSON-RPC method or a `clp` message name). */
  readonly request: string;
  readonly params: readonly unknown[];
  /** The failing answer item (`0x` RLP), when there is one. */
  readonly answer: string | null;
}

/**
 * Codes that only a false answer can cause: an honest node (and an honest relay) never produces
 * them for a verified header. Header problems and unavailable items are not among them.
 */
const SOURCE_AT_FAULT: ReadonlySet<StateProofErrorCode> = new Set<StateProofErrorCode>([
  'state.state_root_mismatch',
  'state.prev_snapshot_mismatch',
  'state.prev_snapshot_presence',
  'state.witness_mismatch',
  'state.node_hash',
  'state.proof_gap',
  'state.proof_shape',
  'state.proof_malformed',
  'state.entry_mismatch',
  'state.key_mismatch',
]);

export class StateProofError extends WayfarerError {
  declare readonly code: StateProofErrorCode;
  readonly part: StateAnswerPart;
  readonly evidence: StateEvidence | null;

  constructor(code: StateProofErrorCode, part: StateAnswerPart, message: string, options: { cause?: unknown; details?: string; evidence?: StateEvidence } = {}) {
    super(code, message, options);
    this.part = part;
    this.evidence = options.evidence ?? null;
  }

  /** True when the answer is provably false: ban whoever served it, keeping {@link evidence}. */
  get sourceAtFault(): boolean {
    return SOURCE_AT_FAULT.has(this.code);
  }

  /** The same failure, with the answer it is about. */
  withEvidence(evidence: StateEvidence): StateProofError {
    return new StateProofError(this.code, this.part, this.message, { cause: this, evidence, ...(this.details === undefined ? {} : { details: this.details }) });
  }
}
