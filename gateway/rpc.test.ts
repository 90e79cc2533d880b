/**
 * The JSON-RPC dispatch: envelopes, the method list, rate limits, and params validated before any
 * node work (a malformed state key never reaches a node).
 */
import { describe, expect, test } from 'vitest';
import type { LightRequest } from '../core/lightproto/requests.js';
import type { LightAnswer } from '../core/lightproto/responses.js';
import { ItemBatcher, type ItemLink } from './batcher.js';
import { ItemCache } from './cache.js';
import { handleRpc, parseRpcText, type RpcContext } from './rpc.js';

function context(tokens = 1000) {
  const requests: LightRequest[] = [];
  const link: ItemLink & { state: string; bestEpoch: number } = {
    ready: true,
    available: true,
    inFlight: 0,
    label: 'fake',
    state: 'ready',
    bestEpoch: 42,
    request: async (r): Promise<LightAnswer> => {
      requests.push(r);
      return r.kind === 'state_entries' ? { kind: 'state_entries', requestId: 1, items: [] } : { kind: 'state_roots', requestId: 1, items: [] };
    },
  };
  let left = tokens;
  const ctx: RpcContext = { batcher: new ItemBatcher([link], new ItemCache(1 << 20, 1000)), links: [link], chainId: 1024, genesisHash: `0x${'00'.repeat(32)}`, takeToken: () => left-- > 0, maxBatch: 3 };
  return { ctx, requests };
}

const call = (method: string, params: unknown[], id: unknown = 1) => ({ jsonrpc: '2.0', id, method, params });
const address = `0x${'1b'.repeat(20)}`;

describe('gateway JSON-RPC', () => {
  test('status and item calls', async () => {
    const { ctx, requests } = context();
    expect(await handleRpc(call('clp_status', []), ctx)).toMatchObject({ id: 1, result: { chainId: '0x400', bestEpoch: '0x2a', nodes: [{ state: 'ready' }] } });
    expect(await handleRpc(call('clp_getStateEntries', ['0x10', [address, `${address}81`]]), ctx)).toEqual({ jsonrpc: '2.0', id: 1, result: [] });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.kind).toBe('state_entries');
  });

  test('malformed keys and params are refused before any node request', async () => {
    const { ctx, requests } = context();
    for (const params of [['0x10', ['0x']], ['0x10', ['0x1234']], ['0x10', [`${address}80`]], ['0x10'], [16, [address]], ['0x10', 'x']]) {
      expect(await handleRpc(call('clp_getStateEntries', params), ctx), JSON.stringify(params)).toMatchObject({ error: { code: -32602 } });
    }
    expect(requests).toEqual([]);
  });

  test('envelopes, unknown methods, batches, rate', async () => {
    const { ctx } = context(3);
    expect(parseRpcText('{')).toMatchObject({ ok: false, response: { error: { code: -32700 } } });
    expect(await handleRpc(42, ctx)).toMatchObject({ error: { code: -32600 } });
    expect(await handleRpc({ jsonrpc: '1.0', id: 1, method: 'clp_status' }, ctx)).toMatchObject({ error: { code: -32600 } });
    expect(await handleRpc(call('eth_sendRawTransaction', ['0x00']), ctx)).toMatchObject({ error: { code: -32601 } });
    expect(await handleRpc([], ctx)).toMatchObject({ error: { code: -32600 } });
    expect(await handleRpc([1, 2, 3, 4].map((i) => call('clp_status', [], i)), ctx)).toMatchObject({ error: { code: -32005 } });
    const answers = await handleRpc([1, 2, 3, 4].slice(0, 3).map((i) => call('clp_status', [], i)), ctx);
    expect(Array.isArray(answers) && answers.map((a) => a.id)).toEqual([1, 2, 3]);
    expect(await handleRpc(call('clp_status', []), ctx)).toMatchObject({ error: { code: -32005, message: 'rate limit exceeded' } });
  });

  test('ids are echoed; over-long ids refused', async () => {
    const { ctx } = context();
    expect(await handleRpc(call('clp_status', [], 'abc'), ctx)).toMatchObject({ id: 'abc' });
    expect(await handleRpc(call('clp_status', [], 'x'.repeat(65)), ctx)).toMatchObject({ id: null, error: { code: -32600 } });
  });
});
