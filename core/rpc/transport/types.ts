/**
 * The seam between the RPC client and the network. A transport sends one JSON-RPC payload (single
 * request or batch) and returns the parsed JSON body, or throws a typed `RpcError`. It does not
 * look inside the envelope; matching ids and validating results is the client's job.
 * @module
 */
import type { JsonRpcRequest } from '../jsonrpc.js';

export interface SendOptions {
  /** Abort from the caller (user navigated away, pool got enough answers). */
  signal?: AbortSignal;
  /** Whole-request limit: connect, send, and read the complete answer. */
  timeoutMs: number;
  /** Method name (or `batch(n)`) used in error messages. */
  label: string;
}

export interface TransportStats {
  requests: number;
  bytesSent: number;
  bytesReceived: number;
}

export interface RpcTransport {
  /** Redacted endpoint (scheme://host:port) for errors and the UI. */
  readonly endpoint: string;
  send(payload: JsonRpcRequest | readonly JsonRpcRequest[], options: SendOptions): Promise<unknown>;
  /** Counters for benchmarks and the node list (requests and bytes on the wire). */
  readonly stats: TransportStats;
  close?(): void;
}
