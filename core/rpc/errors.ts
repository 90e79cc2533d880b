/**
 * Typed failures of talking to a JSON-RPC node.
 *
 * Every failure says two things the node pool needs: whether trying the *same* node again after a
 * pause can help (`retryable`: the network dropped, the node timed out or asked us to slow down),
 * and whose fault it is (`fault`): the node served something it must not (`malformed` — garbage,
 * oversized, mismatched ids, a result that breaks its schema), the node could not be reached or was
 * too slow (`unavailable`), the node answered with a JSON-RPC error object (`node_error`, usually a
 * legitimate "I can't do that"), or the caller gave up (`aborted`). Messages name the method and
 * the endpoint's origin, never request parameters (which may hold addresses) or URL credentials.
 * @module
 */
import { WayfarerError } from '../errors.js';

/** Who is to blame for a failed request, as far as the pool is concerned. */
export type RpcFault = 'malformed' | 'unavailable' | 'node_error' | 'aborted';

export type RpcErrorCode =
  | 'rpc.network'
  | 'rpc.timeout'
  | 'rpc.http_status'
  | 'rpc.too_large'
  | 'rpc.malformed_json'
  | 'rpc.bad_envelope'
  | 'rpc.batch_mismatch'
  | 'rpc.invalid_result'
  | 'rpc.node_error'
  | 'rpc.aborted';

interface RpcErrorOptions {
  endpoint: string;
  method: string;
  cause?: unknown;
  details?: string;
}

/** Base class of every RPC failure. */
export abstract class RpcError extends WayfarerError {
  declare readonly code: RpcErrorCode;
  /** Origin of the endpoint (scheme://host:port), without path or credentials. */
  readonly endpoint: string;
  /** JSON-RPC method (or `batch(n)` for a whole batch). */
  readonly method: string;
  abstract readonly retryable: boolean;
  abstract readonly fault: RpcFault;

  protected constructor(code: RpcErrorCode, message: string, options: RpcErrorOptions) {
    const extra: { cause?: unknown; details?: string } = {};
    if (options.cause !== undefined) extra.cause = options.cause;
    if (options.details !== undefined) extra.details = options.details;
    super(code, `${options.method} @ ${options.endpoint}: ${message}`, extra);
    this.endpoint = options.endpoint;
    this.method = options.method;
  }
}

/** The request never got an HTTP answer (DNS, TCP, TLS, connection reset, socket closed). */
export class RpcNetworkError extends RpcError {
  readonly retryable = true;
  readonly fault = 'unavailable' as const;
  constructor(options: RpcErrorOptions) {
    super('rpc.network', 'network failure', options);
  }
}

/** No complete answer within the per-request time limit. */
export class RpcTimeoutError extends RpcError {
  readonly retryable = true;
  readonly fault = 'unavailable' as const;
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options: RpcErrorOptions) {
    super('rpc.timeout', `no answer within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** HTTP status other than 200. 429 and 502–504 mean "later, please"; the rest will not improve. */
export class RpcHttpStatusError extends RpcError {
  readonly retryable: boolean;
  readonly fault = 'unavailable' as const;
  readonly status: number;
  constructor(status: number, options: RpcErrorOptions) {
    super('rpc.http_status', `HTTP status ${status}`, options);
    this.status = status;
    this.retryable = status === 429 || status === 502 || status === 503 || status === 504;
  }
}

/** The answer exceeded the byte cap; reading stopped there. */
export class RpcResponseTooLargeError extends RpcError {
  readonly retryable = false;
  readonly fault = 'malformed' as const;
  readonly limitBytes: number;
  constructor(limitBytes: number, options: RpcErrorOptions) {
    super('rpc.too_large', `response larger than ${limitBytes} bytes`, options);
    this.limitBytes = limitBytes;
  }
}

/** The body is not JSON (truncated, garbage, wrong encoding). */
export class RpcMalformedJsonError extends RpcError {
  readonly retryable = false;
  readonly fault = 'malformed' as const;
  constructor(options: RpcErrorOptions) {
    super('rpc.malformed_json', 'response is not valid JSON', options);
  }
}

/** JSON, but not a JSON-RPC 2.0 response (missing version, both/neither result and error…). */
export class RpcBadEnvelopeError extends RpcError {
  readonly retryable = false;
  readonly fault = 'malformed' as const;
  constructor(problem: string, options: RpcErrorOptions) {
    super('rpc.bad_envelope', `not a JSON-RPC 2.0 response: ${problem}`, options);
  }
}

/** A batch answer whose ids do not match the requests one to one, or a single answer with a foreign id. */
export class RpcBatchMismatchError extends RpcError {
  readonly retryable = false;
  readonly fault = 'malformed' as const;
  constructor(problem: string, options: RpcErrorOptions) {
    super('rpc.batch_mismatch', `answers do not match requests: ${problem}`, options);
  }
}

/** The result broke the method's schema (type, length or range). */
export class RpcInvalidResultError extends RpcError {
  readonly retryable = false;
  readonly fault = 'malformed' as const;
  /** Path inside the result, e.g. `result.transactions[3].nonce`. */
  readonly path: string;
  constructor(path: string, problem: string, options: RpcErrorOptions) {
    super('rpc.invalid_result', `${path}: ${problem}`, options);
    this.path = path;
  }
}

/** The node answered with a JSON-RPC error object. */
export class RpcNodeError extends RpcError {
  readonly retryable = false;
  readonly fault = 'node_error' as const;
  readonly rpcCode: number;
  readonly rpcMessage: string;
  readonly rpcData: unknown;
  constructor(rpcCode: number, rpcMessage: string, rpcData: unknown, options: RpcErrorOptions) {
    super('rpc.node_error', `node error ${rpcCode}: ${truncate(rpcMessage, 200)}`, options);
    this.rpcCode = rpcCode;
    this.rpcMessage = truncate(rpcMessage, 1000);
    this.rpcData = rpcData;
  }
}

/** The caller's signal aborted the request. */
export class RpcAbortedError extends RpcError {
  readonly retryable = false;
  readonly fault = 'aborted' as const;
  constructor(options: RpcErrorOptions) {
    super('rpc.aborted', 'aborted by caller', options);
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * The part of a URL that is safe to show and log: scheme, host and port. Paths often carry API
 * keys (`https://main.confluxrpc.com/<api-key>`) and userinfo carries passwords.
 */
export function redactEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '<invalid url>';
  }
}
