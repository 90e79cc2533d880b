import { describe, expect, test } from 'vitest';
import { RpcClient, type RequestOutcome } from './client.js';
import { RpcAbortedError, RpcInvalidResultError, RpcNetworkError, RpcNodeError, RpcTimeoutError } from './errors.js';
import type { JsonRpcRequest } from './jsonrpc.js';
import type { RpcTransport, SendOptions } from './transport/types.js';
import { FakeClock } from './testing/fake-clock.js';

/** An in-memory node: `answer` builds the JSON body for each payload. */
function memoryTransport(answer: (payload: JsonRpcRequest | readonly JsonRpcRequest[], n: number) => unknown): RpcTransport & { calls: number } {
  const t = {
    endpoint: 'mem://node',
    stats: { requests: 0, bytesSent: 0, bytesReceived: 0 },
    calls: 0,
    async send(payload: JsonRpcRequest | readonly JsonRpcRequest[], _options: SendOptions) {
      t.calls++;
      return answer(payload, t.calls);
    },
  };
  return t;
}
const ok = (req: JsonRpcRequest, result: unknown) => ({ jsonrpc: '2.0', id: req.id, result });
const single = (p: JsonRpcRequest | readonly JsonRpcRequest[]) => p as JsonRpcRequest;

describe('RpcClient.request', () => {
  test('returns a validated result', async () => {
    const client = new RpcClient({ transport: memoryTransport((p) => ok(single(p), '0x2a')) });
    expect(await client.request('cfx_epochNumber', ['latest_state'])).toBe('0x2a');
  });

  test('a result that breaks the schema is a typed error naming the field', async () => {
    const block = { hash: '0x12' };
    const client = new RpcClient({ transport: memoryTransport((p) => ok(single(p), block)) });
    const error = await client.request('cfx_getBlockByHash', [`0x${'00'.repeat(32)}`, false]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcInvalidResultError);
    expect((error as RpcInvalidResultError).path).toBe('result.hash');
    expect((error as RpcInvalidResultError).fault).toBe('malformed');
  });

  test('wrong values of the right type are rejected too', async () => {
    for (const bad of ['0x01', '0x', 12, null, '0x' + 'f'.repeat(65)]) {
      const client = new RpcClient({ transport: memoryTransport((p) => ok(single(p), bad)) });
      await expect(client.request('cfx_getBalance', ['net1024:aar8jzybzv0fhzreav49syxnzut8s0jt1ap8jtnn6w', '0x1'])).rejects.toBeInstanceOf(RpcInvalidResultError);
    }
  });

  test('node error objects become RpcNodeError and are not retried', async () => {
    const transport = memoryTransport((p) => ({ jsonrpc: '2.0', id: single(p).id, error: { code: -32602, message: 'Invalid params', data: 'epoch not executed' } }));
    const client = new RpcClient({ transport });
    const error = await client.request('cfx_epochNumber', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcNodeError);
    expect((error as RpcNodeError).rpcCode).toBe(-32602);
    expect(transport.calls).toBe(1);
  });

  test('transient failures retry with backoff; outcomes are reported per attempt', async () => {
    const clock = new FakeClock();
    const outcomes: RequestOutcome[] = [];
    const transport = memoryTransport((p, n) => {
      if (n < 3) throw new RpcTimeoutError(100, { endpoint: 'mem://node', method: 'x' });
      return ok(single(p), '0x1');
    });
    const client = new RpcClient({ transport, clock, random: () => 0.5, retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }, onOutcome: (o) => outcomes.push(o) });
    const pending = client.request('cfx_epochNumber', []);
    await clock.advance(50); // first backoff: 0.5 × 100
    await clock.advance(100); // second: 0.5 × 200
    expect(await pending).toBe('0x1');
    expect(transport.calls).toBe(3);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, true]);
  });

  test('gives up after maxAttempts with the last error', async () => {
    const clock = new FakeClock();
    const transport = memoryTransport(() => {
      throw new RpcNetworkError({ endpoint: 'mem://node', method: 'x' });
    });
    const client = new RpcClient({ transport, clock, random: () => 0, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    const pending = client.request('cfx_epochNumber', []).catch((e: unknown) => e);
    await clock.advance(10);
    expect(await pending).toBeInstanceOf(RpcNetworkError);
    expect(transport.calls).toBe(2);
  });

  test('an abort during backoff stops retrying', async () => {
    const clock = new FakeClock();
    const transport = memoryTransport(() => {
      throw new RpcNetworkError({ endpoint: 'mem://node', method: 'x' });
    });
    const controller = new AbortController();
    const client = new RpcClient({ transport, clock, random: () => 1, retry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 1000 } });
    const pending = client.request('cfx_epochNumber', [], { signal: controller.signal }).catch((e: unknown) => e);
    await clock.advance(10);
    controller.abort();
    expect(await pending).toBeInstanceOf(RpcAbortedError);
    expect(transport.calls).toBe(1);
  });
});

describe('RpcClient.batch', () => {
  test('matches answers by id whatever their order; per-entry failures stay per entry', async () => {
    const transport = memoryTransport((p) => {
      const [a, b, c] = p as readonly JsonRpcRequest[];
      return [
        { jsonrpc: '2.0', id: c!.id, error: { code: -32000, message: 'nope' } },
        ok(a!, '0x10'),
        ok(b!, 'not a quantity'),
      ];
    });
    const client = new RpcClient({ transport });
    const [epoch, balance, nonce] = await client.batch([
      { method: 'cfx_epochNumber', params: [] },
      { method: 'cfx_getBalance', params: ['x', '0x1'] },
      { method: 'cfx_getNextNonce', params: ['x', '0x1'] },
    ] as const);
    expect(epoch).toEqual({ ok: true, value: '0x10' });
    expect(balance.ok ? undefined : balance.error).toBeInstanceOf(RpcInvalidResultError);
    expect(nonce.ok ? undefined : nonce.error).toBeInstanceOf(RpcNodeError);
    expect(transport.calls).toBe(1);
  });

  test('empty batches never hit the network', async () => {
    const transport = memoryTransport(() => []);
    expect(await new RpcClient({ transport }).batch([])).toEqual([]);
    expect(transport.calls).toBe(0);
  });
});
