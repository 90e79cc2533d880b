/**
 * Failures the provider reports to dApps: each carries its EIP-1193 / JSON-RPC code and a message
 * written for the dApp's developer. Anything else that escapes a handler is reported as -32603
 * with a generic message (its details may hold wallet internals, so they stay in the background).
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import { VaultLockedError } from '../../../core/vault/errors.js';
import { SchemaError } from '../../shared/schema.js';
import { isWalletOnlyCode } from '../transactions/draft-chain.js';
import { BroadcastHashMismatchError, EstimateFailedError, InvalidTransactionError, NodeRefusedError, SignedMismatchError } from '../transactions/errors.js';
import { providerError, ProviderErrorCode, type ProviderErrorCodeValue, type ProviderErrorPayload } from '../../shared/provider-errors.js';

export class ProviderRpcError extends WayfarerError {
  readonly rpcCode: ProviderErrorCodeValue;
  readonly data: unknown;
  constructor(rpcCode: ProviderErrorCodeValue, message: string, data?: unknown, cause?: unknown) {
    // The cause stays in the background: only code, message and data reach the dApp.
    super(`provider.${rpcCode}`, message, cause === undefined ? {} : { cause });
    this.rpcCode = rpcCode;
    this.data = data;
  }
}

export const userRejected = (what = 'the request'): ProviderRpcError => new ProviderRpcError(ProviderErrorCode.userRejected, `The user rejected ${what}`);
export const unauthorized = (message = 'This site is not connected to Wayfarer; request accounts first'): ProviderRpcError =>
  new ProviderRpcError(ProviderErrorCode.unauthorized, message);
export const unsupportedMethod = (method: string, hint = ''): ProviderRpcError =>
  new ProviderRpcError(ProviderErrorCode.unsupportedMethod, `Wayfarer does not support ${method.slice(0, 100)}${hint ? `: ${hint}` : ''}`);
export const invalidParams = (message: string): ProviderRpcError => new ProviderRpcError(ProviderErrorCode.invalidParams, message);
export const unrecognizedChain = (chainId: string): ProviderRpcError =>
  new ProviderRpcError(ProviderErrorCode.unrecognizedChain, `Unrecognized chain ID ${chainId.slice(0, 20)}; add it with wallet_add…Chain first`);
export const limitExceeded = (message: string): ProviderRpcError => new ProviderRpcError(ProviderErrorCode.limitExceeded, message);
export const disconnected = (message: string): ProviderRpcError => new ProviderRpcError(ProviderErrorCode.disconnected, message);
export const chainDisconnected = (message: string, cause?: unknown): ProviderRpcError => new ProviderRpcError(ProviderErrorCode.chainDisconnected, message, undefined, cause);

/**
 * The payload a dApp receives for any failure. The transactions wing's draft-building failures
 * become dApp codes here: an impossible request is invalid params, a node's refusal to estimate is
 * the node's own answer (the adapter's NodeRpcError), an unusable estimate, a signature that is not
 * the approved transaction and a broadcast answered with another hash internal errors.
 */
export function toProviderErrorPayload(error: unknown): ProviderErrorPayload {
  if (error instanceof InvalidTransactionError) return providerError(ProviderErrorCode.invalidParams, error.message);
  if (error instanceof NodeRefusedError) return toProviderErrorPayload(error.cause instanceof NodeRpcError ? error.cause : new NodeRpcError(ProviderErrorCode.internal, error.message));
  if (error instanceof EstimateFailedError || error instanceof BroadcastHashMismatchError) return providerError(ProviderErrorCode.internal, error.message);
  if (error instanceof SignedMismatchError) return providerError(ProviderErrorCode.internal, 'The signed transaction does not match the approved one; nothing was sent');
  if (error instanceof ProviderRpcError) return providerError(error.rpcCode, error.message, error.data);
  // The wallet's one "locked" error: not authorized until the user unlocks.
  if (error instanceof VaultLockedError) return providerError(ProviderErrorCode.unauthorized, 'The wallet is locked; unlock it to continue');
  if (error instanceof SchemaError) return providerError(ProviderErrorCode.invalidParams, `Invalid params: ${error.message}`);
  if (error instanceof NodeRpcError) return providerError(error.rpcCode as ProviderErrorCodeValue, error.message, error.data);
  return providerError(ProviderErrorCode.internal, 'Internal error in Wayfarer');
}

/**
 * An error answer from a Conflux node for a read-only call the dApp made, passed on as the node
 * gave it (code, message, data) — e.g. an `eth_call` revert with its revert data — so dApp
 * libraries decode it as they would from the node itself. Wallet-only codes become -32603.
 */
export class NodeRpcError extends WayfarerError {
  readonly rpcCode: number;
  readonly data: unknown;
  constructor(rpcCode: number, message: string, data?: unknown) {
    const walletOnly = isWalletOnlyCode(rpcCode);
    super('provider.node_error', (walletOnly ? `node error ${rpcCode}: ${message}` : message).slice(0, 2000));
    this.rpcCode = walletOnly ? ProviderErrorCode.internal : rpcCode;
    this.data = data;
  }
}
