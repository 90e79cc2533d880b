/**
 * Typed failures of the light client.
 *
 * Every failure names its `kind` (one per check) so two callers can act on it without parsing
 * messages: the UI explains it, and the node pool decides whether the node that served the answer
 * is provably at fault (`nodeAtFault`) and should be banned, or whether the answer was merely
 * missing, stale or beyond what can be checked. `request` names the RPC call whose answer failed,
 * so the caller can ask a different node for exactly that.
 * @module
 */
import { WayfarerError } from '../errors.js';

/** Why a verification failed. The code of the error is `lightclient.<kind>`. */
export type LightClientFailureKind =
  // PoS ledger infos and committees
  | 'bad_signature'
  | 'insufficient_quorum'
  | 'unknown_signer'
  | 'duplicate_signer'
  | 'invalid_point'
  | 'wrong_epoch'
  /** Contradicts verified PoS history (another ledger info where a verified one is; an old epoch's ending offered as a new one). */
  | 'epoch_regression'
  | 'not_epoch_ending'
  | 'bad_next_epoch_state'
  /**
   * The skipping rule refused a ledger info far ahead: its signers from the trusted committee hold
   * at most a third of that committee's voting power (none: an unknown committee). Not a fault of
   * the node; the committees in between must be verified one by one.
   */
  | 'insufficient_trust'
  // shapes of RPC answers
  | 'malformed'
  | 'missing'
  | 'stale'
  // headers and chains
  | 'bad_header_hash'
  | 'broken_parent_link'
  | 'wrong_height'
  | 'not_finalized'
  | 'espace_base_price_unknown'
  // inclusion proofs
  | 'bad_transactions_root'
  | 'bad_receipts_root'
  | 'bad_logs_bloom'
  | 'not_included'
  | 'blamed_header'
  | 'unprovable_receipt';

/**
 * Kinds that prove the node which served the answer wrong (a valid answer can never fail these).
 * Everything else can also happen with an honest node (missing data, lagging node, or a limit of
 * what this client can reconstruct from JSON-RPC answers).
 */
const NODE_AT_FAULT: ReadonlySet<LightClientFailureKind> = new Set<LightClientFailureKind>([
  'bad_signature',
  'insufficient_quorum',
  'unknown_signer',
  'duplicate_signer',
  'invalid_point',
  'wrong_epoch',
  'epoch_regression',
  'not_epoch_ending',
  'bad_next_epoch_state',
  'malformed',
  'bad_header_hash',
  'broken_parent_link',
  'wrong_height',
  'bad_transactions_root',
  'bad_receipts_root',
  'bad_logs_bloom',
]);

/**
 * Kinds after which the same request to another node may succeed: the node was at fault, or an
 * honest node lacked what was asked (data it does not have, a lagging node, no eSpace base price,
 * a transaction not in its chain yet). Every other kind is a property of the chain or the request
 * and fails the same way on any node.
 */
const ANOTHER_NODE_MAY_SUCCEED: ReadonlySet<LightClientFailureKind> = new Set<LightClientFailureKind>([
  ...NODE_AT_FAULT,
  'missing',
  'stale',
  'espace_base_price_unknown',
  'not_included',
]);

/** Whether repeating the request with a different node can give a different outcome. */
export function anotherNodeMaySucceed(kind: LightClientFailureKind): boolean {
  return ANOTHER_NODE_MAY_SUCCEED.has(kind);
}

/** The RPC call whose answer failed verification. */
export interface FailedRequest {
  method: string;
  params: readonly unknown[];
}

export interface LightClientErrorOptions {
  cause?: unknown;
  details?: string;
  request?: FailedRequest;
}

/** A light-client check failed. `kind` says which one; `nodeAtFault` whether to ban the source. */
export class LightClientError extends WayfarerError {
  declare readonly code: `lightclient.${LightClientFailureKind}`;
  readonly kind: LightClientFailureKind;
  readonly nodeAtFault: boolean;
  readonly request: FailedRequest | undefined;

  constructor(kind: LightClientFailureKind, message: string, options: LightClientErrorOptions = {}) {
    const base: { cause?: unknown; details?: string } = {};
    if (options.cause !== undefined) base.cause = options.cause;
    if (options.details !== undefined) base.details = options.details;
    super(`lightclient.${kind}`, message, base);
    this.kind = kind;
    this.nodeAtFault = NODE_AT_FAULT.has(kind);
    this.request = options.request;
  }

  /** The same failure, attributed to the RPC call that produced the bad answer. */
  withRequest(request: FailedRequest): LightClientError {
    if (this.request !== undefined) return this;
    const options: LightClientErrorOptions = { cause: this.cause, request };
    if (this.details !== undefined) options.details = this.details;
    const copy = new LightClientError(this.kind, this.message, options);
    return copy;
  }
}

/** Failure codes of checkpoint loading and persistence. */
export type CheckpointErrorCode =
  | 'checkpoint.corrupt'
  | 'checkpoint.wrong_chain'
  | 'checkpoint.trust_downgrade'
  | 'checkpoint.none_shipped'
  | 'checkpoint.storage';

/** A trusted checkpoint is unavailable, damaged, or would lower the trust level. */
export class CheckpointError extends WayfarerError {
  declare readonly code: CheckpointErrorCode;

  constructor(code: CheckpointErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}

/** Shorthand used by parsers: the JSON could not describe a valid object. */
export function malformed(message: string, cause?: unknown): LightClientError {
  return new LightClientError('malformed', message, cause === undefined ? {} : { cause });
}
