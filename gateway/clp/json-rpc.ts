/**
 * A minimal JSON-RPC caller over HTTP for Node-side tools (the command-line verifier, benches):
 * the core's HTTP transport and envelope checks, with request and byte counters.
 */
import { parseSingleResponse, type JsonRpcRequest } from '../../core/rpc/jsonrpc.js';
import { HttpTransport } from '../../core/rpc/transport/http.js';
import type { TransportStats } from '../../core/rpc/transport/types.js';

export class JsonRpcCallError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
  ) {
    super(`${method}: ${message} (${code})`);
    this.name = 'JsonRpcCallError';
  }
}

export interface JsonRpcCaller {
  call(method: string, params?: readonly unknown[]): Promise<unknown>;
  readonly stats: TransportStats;
}

export function jsonRpcCaller(url: string, timeoutMs = 20_000): JsonRpcCaller {
  const transport = new HttpTransport({ url, fetch: (input, init) => fetch(input, init) });
  let id = 0;
  return {
    stats: transport.stats,
    async call(method, params = []) {
      const request: JsonRpcRequest = { jsonrpc: '2.0', id: ++id, method, params };
      const outcome = parseSingleResponse(await transport.send(request, { timeoutMs, label: method }), request, transport.endpoint);
      if (!outcome.ok) throw new JsonRpcCallError(method, outcome.error.code, outcome.error.message);
      return outcome.result;
    },
  };
}
