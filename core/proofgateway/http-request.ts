/**
 * A {@link GatewayRequest} over HTTP: one JSON-RPC 2.0 POST per call, through the same transport
 * the node pool uses (injected `fetch`, deadline, capped answer size, no credentials, no redirects).
 *
 * Threat model: the gateway is untrusted; this only moves bytes. An error object, an answer with
 * another id, or a body that is not JSON-RPC rejects the call (the caller counts that as the
 * gateway being unavailable; what the result contains is checked by `client.ts` and `core/state`).
 * @module
 */
import { systemClock, type Clock } from '../rpc/clock.js';
import { RpcNodeError } from '../rpc/errors.js';
import { parseSingleResponse, type JsonRpcRequest } from '../rpc/jsonrpc.js';
import { HttpTransport, type FetchFunction } from '../rpc/transport/http.js';
import type { GatewayRequest } from './client.js';

export interface HttpGatewayOptions {
  readonly url: string;
  readonly fetch: FetchFunction;
  readonly clock?: Clock;
  /** Per-call deadline (default 15 s: a gateway may first have to reach its node). */
  readonly timeoutMs?: number;
  /** Largest accepted answer (default 4 MiB: 50 entries with proofs are far below). */
  readonly maxResponseBytes?: number;
}

export interface HttpGateway {
  readonly request: GatewayRequest;
  /** Requests and bytes so far (for benchmarks and diagnostics). */
  readonly stats: { readonly requests: number; readonly bytesSent: number; readonly bytesReceived: number };
}

export function httpGatewayRequest(options: HttpGatewayOptions): HttpGateway {
  const transport = new HttpTransport({ url: options.url, fetch: options.fetch, clock: options.clock ?? systemClock, maxResponseBytes: options.maxResponseBytes ?? 4 * 1024 * 1024 });
  let id = 0;
  const request: GatewayRequest = async (method, params) => {
    const call: JsonRpcRequest = { jsonrpc: '2.0', id: ++id, method, params };
    const body = await transport.send(call, { timeoutMs: options.timeoutMs ?? 15_000, label: method });
    const outcome = parseSingleResponse(body, call, transport.endpoint);
    if (!outcome.ok) throw new RpcNodeError(outcome.error.code, outcome.error.message, outcome.error.data, { endpoint: transport.endpoint, method });
    return outcome.result;
  };
  return { request, stats: transport.stats };
}
