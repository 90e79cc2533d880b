/**
 * An in-memory network for tests: a `fetch` that routes JSON-RPC requests by URL to handler
 * functions, so the real HTTP transport, client and pool run unchanged without sockets.
 * @module
 */
import type { FetchFunction } from '../transport/http.js';

/** Answers one call: return a result, or throw `{ code, message }` for a JSON-RPC error. */
export type FakeMethodHandler = (method: string, params: unknown[]) => unknown;

export class FakeRpcError {
  constructor(
    readonly code: number,
    readonly message: string,
  ) {}
}

export interface FakeNetwork {
  fetch: FetchFunction;
  /** Calls seen per URL, in order. */
  calls: Map<string, string[]>;
}

/** Builds a fetch over `nodes` (URL → handler). Unknown URLs fail like an unreachable host. */
export function fakeNetwork(nodes: Record<string, FakeMethodHandler>): FakeNetwork {
  const calls = new Map<string, string[]>();
  const fetchFn: FetchFunction = async (input, init) => {
    const handler = nodes[input];
    if (!handler) throw new TypeError('fetch failed');
    const payload = JSON.parse(String(init.body)) as { id: number; method: string; params: unknown[] } | { id: number; method: string; params: unknown[] }[];
    const one = (req: { id: number; method: string; params: unknown[] }) => {
      const list = calls.get(input) ?? [];
      list.push(req.method);
      calls.set(input, list);
      try {
        return { jsonrpc: '2.0', id: req.id, result: handler(req.method, req.params) };
      } catch (error) {
        if (error instanceof FakeRpcError) return { jsonrpc: '2.0', id: req.id, error: { code: error.code, message: error.message } };
        throw error;
      }
    };
    const body = Array.isArray(payload) ? payload.map(one) : one(payload);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetchFn, calls };
}
