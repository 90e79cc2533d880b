/**
 * An in-memory network for tests: a `fetch` that routes JSON-RPC requests by URL to handler
 * functions, so the real HTTP transport, client and pool run unchanged without sockets.
 * @module
 */
import type { FetchFunction } from '../transport/http.js';

/** Answers one call: return (or resolve to) a result, or throw a FakeRpcError for a JSON-RPC error. */
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
    const one = async (req: { id: number; method: string; params: unknown[] }) => {
      const list = calls.get(input) ?? [];
      list.push(req.method);
      calls.set(input, list);
      try {
        return { jsonrpc: '2.0', id: req.id, result: await handler(req.method, req.params) };
      } catch (error) {
        if (error instanceof FakeRpcError) return { jsonrpc: '2.0', id: req.id, error: { code: error.code, message: error.message } };
        throw error;
      }
    };
    const answer = Array.isArray(payload) ? Promise.all(payload.map(one)) : one(payload);
    // Like real fetch: an abort rejects the request even while the node is still thinking.
    const aborted = new Promise<never>((_, reject) => {
      const signal = init.signal;
      if (!signal) return;
      if (signal.aborted) reject(new DOMException('aborted', 'AbortError'));
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
    });
    const body = await Promise.race([answer, aborted]);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetchFn, calls };
}
