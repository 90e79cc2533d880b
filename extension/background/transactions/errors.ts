/**
 * Failures of the wallet's own transfers, one class per kind, so the UI can tell a locked wallet
 * from an expired review or a recipient on the wrong network without reading messages. A locked
 * wallet is the vault's VaultLockedError, the one "locked" error everywhere.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import type { Space } from '../../../core/space.js';

export { VaultLockedError } from '../../../core/vault/errors.js';

/** The account id names no visible account. */
export class UnknownAccountError extends WayfarerError {
  constructor() {
    super('wallet.unknown_account', 'That account is not in this wallet.');
  }
}

/** The recipient belongs to another network or the other space: funds sent there would be lost. */
export class WrongNetworkRecipientError extends WayfarerError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('wallet.wrong_network_recipient', message, options);
  }
}

/** No prepared transaction has this id (never prepared, already sent, or the browser was closed meanwhile). */
export class UnknownPreparedError extends WayfarerError {
  constructor() {
    super('wallet.prepared_unknown', 'This transaction is no longer prepared (already sent, or the browser was closed meanwhile). Review it again.');
  }
}

/** The prepared transaction is older than the review window. */
export class PreparedExpiredError extends WayfarerError {
  constructor() {
    super('wallet.prepared_expired', 'This review has expired: fees and the nonce may have changed. Review it again.');
  }
}

/** The prepared transaction's chain id is not the active network's any more. */
export class ChainChangedError extends WayfarerError {
  constructor(prepared: number, active: number) {
    super('wallet.chain_changed', `This transaction was prepared for chain ${prepared}, but the active network is chain ${active}. Review it again.`);
  }
}

/** Amount plus the most the fee and collateral can take is more than the balance allows. */
export class InsufficientFundsError extends WayfarerError {
  constructor(message: string) {
    super('wallet.insufficient_funds', message);
  }
}

/** The token contract says it has other decimals than the amount was written with. */
export class TokenDecimalsMismatchError extends WayfarerError {
  constructor(given: number, contract: number) {
    super('wallet.token_decimals_mismatch', `The token contract reports ${contract} decimals, but the amount was entered with ${given}. Fix the token's decimals in your list.`);
  }
}

/** The signer produced bytes that do not decode to the reviewed transaction (never broadcast). */
export class SignedMismatchError extends WayfarerError {
  constructor(options: { cause?: unknown } = {}) {
    super('wallet.signed_mismatch', 'The signed transaction does not match the reviewed one; it was not sent.', options);
  }
}

/** The network reported another hash for the broadcast bytes than the signer did (the bytes count as not sent). */
export class BroadcastHashMismatchError extends WayfarerError {
  constructor() {
    super('wallet.hash_mismatch', 'The network reported a different transaction hash than the one signed');
  }
}

/** The transaction request cannot be built as asked (a field contradicts another, or core/tx refuses it). */
export class InvalidTransactionError extends WayfarerError {
  constructor(message: string) {
    super('wallet.invalid_transaction', message);
  }
}

/** The nodes refused to estimate the transaction (e.g. the call reverts); the message is the node's. */
export class NodeRefusedError extends WayfarerError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('wallet.node_refused', message.slice(0, 2000), options);
  }
}

/** The nodes' estimate could not be used (an answer of the wrong shape). */
export class EstimateFailedError extends WayfarerError {
  constructor(options: { cause?: unknown } = {}) {
    super('wallet.estimate_failed', 'Could not estimate the transaction on the network; set gas explicitly or try again', options);
  }
}

const SPACE_NAME = { core: 'Core', espace: 'eSpace' } as const;

/** What a node-pool problem code means, in words. Bans and node messages are already sentences. */
const PROBLEM_TEXT: Readonly<Record<string, string>> = {
  'rpc.timeout': 'no answer in time',
  'rpc.network': 'could not be reached',
  'rpc.http_status': 'answered with an HTTP error',
  'rpc.slow': 'too slow',
};

/**
 * No node of the space gave a usable answer while preparing a transfer. The message names each
 * node asked and what went wrong with it (labels are already redacted), so the user can tell a
 * bad connection from a banned node and knows where to look.
 */
export class NodesUnavailableError extends WayfarerError {
  constructor(space: Space, attempts: readonly { node: string; problem: string }[], options: { cause?: unknown } = {}) {
    const name = SPACE_NAME[space];
    const asked = attempts.length === 0 ? `Every ${name} node is banned for now, or none is set up.` : `Asked: ${attempts.map((a) => `${a.node} (${PROBLEM_TEXT[a.problem] ?? a.problem})`).join('; ')}.`;
    super('wallet.no_node', `No ${name} node gave a usable answer. ${asked} See Settings → Networks and nodes, or try again shortly.`, options);
  }
}
