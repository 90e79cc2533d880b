/**
 * Errors that reach dApps: the EIP-1193 provider codes and the JSON-RPC codes, one literal per kind.
 *
 * The inpage script turns the payload into a plain `Error` with `code` (and `data` when present),
 * the shape dApp libraries (js-conflux-sdk, viem, ethers, use-wallet) test for. Messages are written
 * for the developer of the dApp; they never carry wallet secrets or another origin's data.
 * @module
 */

export const ProviderErrorCode = {
  /** EIP-1193: the user rejected the request. */
  userRejected: 4001,
  /** EIP-1193: the method or account has not been authorized by the user. */
  unauthorized: 4100,
  /** EIP-1193: the provider does not support the method. */
  unsupportedMethod: 4200,
  /** EIP-1193: the provider is disconnected from all chains. */
  disconnected: 4900,
  /** EIP-1193: the provider is not connected to the requested chain. */
  chainDisconnected: 4901,
  /** EIP-3085/3326: the chain id is not known to the wallet. */
  unrecognizedChain: 4902,
  /** JSON-RPC: the message is not a valid request object. */
  invalidRequest: -32600,
  /** JSON-RPC: the method does not exist (used for methods no space knows at all). */
  methodNotFound: -32601,
  /** JSON-RPC: invalid method parameters. */
  invalidParams: -32602,
  /** JSON-RPC: internal error. */
  internal: -32603,
  /** EIP-1474: request limit exceeded (flood protection). */
  limitExceeded: -32005,
  /** EIP-5792: a capability the dApp requires is not supported. */
  unsupportedCapability: 5700,
  /** EIP-5792: the chain is not supported for batched calls. */
  unsupportedChain: 5710,
  /** EIP-5792: the batch is larger than the wallet accepts. */
  bundleTooLarge: 5740,
  /** EIP-5792: the dApp requires the calls to run atomically, which the wallet does not offer. */
  atomicityNotSupported: 5760,
} as const;

export type ProviderErrorCodeValue = (typeof ProviderErrorCode)[keyof typeof ProviderErrorCode];

/** What crosses the wire for a failed request. `data` is JSON and optional. */
export interface ProviderErrorPayload {
  code: number;
  message: string;
  data?: unknown;
}

export function providerError(code: ProviderErrorCodeValue, message: string, data?: unknown): ProviderErrorPayload {
  return data === undefined ? { code, message } : { code, message, data };
}
