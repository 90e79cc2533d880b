/**
 * Turning a failure into a verdict about the node that caused it: ban (with which reason and how
 * sure), count against its health, or neither.
 * @module
 */
import { LightClientError, type LightClientFailureKind } from '../../lightclient/errors.js';
import { RpcError } from '../errors.js';
import type { BanReason, BanSeverity } from './bans.js';

export type Verdict =
  | { kind: 'ban'; reason: BanReason; severity: BanSeverity; evidence: string }
  /** Counts against health (timeouts, network errors); may lead to an `unresponsive` ban. */
  | { kind: 'unhealthy'; code: string }
  /** The node declined (JSON-RPC error object) or the data was missing: ask another node, no penalty. */
  | { kind: 'declined'; code: string }
  /** The caller gave up; nothing to learn. */
  | { kind: 'aborted' };

/** Light-client failure kinds that prove a lie, mapped to the reason shown to the user. */
const LIGHT_CLIENT_REASONS: Partial<Record<LightClientFailureKind, BanReason>> = {
  bad_signature: 'bad_signature',
  invalid_point: 'bad_signature',
  insufficient_quorum: 'insufficient_quorum',
  unknown_signer: 'unknown_signer',
  duplicate_signer: 'unknown_signer',
  wrong_epoch: 'bad_committee',
  epoch_regression: 'bad_committee',
  not_epoch_ending: 'bad_committee',
  bad_next_epoch_state: 'bad_committee',
  malformed: 'malformed_response',
  bad_header_hash: 'forged_header',
  wrong_height: 'forged_header',
  broken_parent_link: 'broken_parent_link',
  bad_transactions_root: 'bad_inclusion_proof',
  bad_receipts_root: 'bad_inclusion_proof',
  bad_logs_bloom: 'bad_inclusion_proof',
};

function rpcReason(error: RpcError): BanReason {
  switch (error.code) {
    case 'rpc.too_large':
      return 'oversized_response';
    case 'rpc.batch_mismatch':
      return 'mismatched_answers';
    default:
      return 'malformed_response';
  }
}

/** The verdict for any error thrown while using a node's answer. */
export function classifyFailure(error: unknown): Verdict {
  if (error instanceof LightClientError) {
    const reason = LIGHT_CLIENT_REASONS[error.kind];
    if (error.nodeAtFault && reason !== undefined) {
      return { kind: 'ban', reason, severity: reason === 'malformed_response' ? 'misbehaviour' : 'proven_lie', evidence: `${describeRequest(error)}${error.message}` };
    }
    // A transport failure surfaces as `missing`; judge the underlying RPC failure instead.
    if (error.kind === 'missing' && error.cause instanceof RpcError) return classifyFailure(error.cause);
    if (error.kind === 'stale') return { kind: 'ban', reason: 'stale', severity: 'unavailable', evidence: `${describeRequest(error)}${error.message}` };
    return { kind: 'declined', code: error.code };
  }
  if (error instanceof RpcError) {
    switch (error.fault) {
      case 'malformed':
        return { kind: 'ban', reason: rpcReason(error), severity: 'misbehaviour', evidence: `${error.method}: ${error.code.slice(4).replace('_', ' ')}` };
      case 'unavailable':
        return { kind: 'unhealthy', code: error.code };
      case 'node_error':
        return { kind: 'declined', code: error.code };
      case 'aborted':
        return { kind: 'aborted' };
    }
  }
  throw error;
}

function describeRequest(error: LightClientError): string {
  return error.request ? `${error.request.method}: ` : '';
}
