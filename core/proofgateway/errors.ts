/**
 * Typed failures of talking to a proof gateway (beyond the verification failures of
 * `core/state`): an answer that is not what the method promises is the gateway's lie or fault
 * (`sourceAtFault`, with the answer as evidence); a request that failed is only unavailability.
 * @module
 */
import { WayfarerError } from '../errors.js';
import type { StateEvidence } from '../state/errors.js';

export type ProofGatewayErrorCode =
  /** The result is not a list of well-formed items of the asked kind (or has more than asked). */
  | 'proofgateway.bad_answer'
  /** The request did not get a result (network, gateway error, no node behind it). */
  | 'proofgateway.request_failed'
  /** Parameters for the gateway were invalid (raised by the gateway and by the client before sending). */
  | 'proofgateway.invalid_params';

export class ProofGatewayError extends WayfarerError {
  declare readonly code: ProofGatewayErrorCode;
  readonly evidence: StateEvidence | null;

  constructor(code: ProofGatewayErrorCode, message: string, options: { cause?: unknown; details?: string; evidence?: StateEvidence } = {}) {
    super(code, message, options);
    this.evidence = options.evidence ?? null;
  }

  /** True when the gateway provably answered falsely: ban it, keeping {@link evidence}. */
  get sourceAtFault(): boolean {
    return this.code === 'proofgateway.bad_answer';
  }
}
