import { describe, expect, test } from 'vitest';
import { RpcClient } from '../client.js';
import { RpcMalformedJsonError, RpcNetworkError, RpcResponseTooLargeError, RpcTimeoutError } from '../errors.js';
import { FakeClock } from '../testing/fake-clock.js';
import { WebSocketTransport, type WebSocketLike } from './websocket.js';

/** A socket whose server side is driven by the test. */
class FakeSocket implements WebSocketLike {
  readyState = 0;
  sent: { id: number; method: string; params: unknown[] }[] = [];
  private listeners = new Map<string, ((event: { data: unknown }) => void)[]>();
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; method: string; params: unknown[] });
  }
  close(): void {
    this.fire('close');
  }
  open(): void {
    this.readyState = 1;
    this.fire('open');
  }
  deliver(message: unknown): void {
    this.fire('message', typeof message === 'string' ? message : JSON.stringify(message));
  }
  private fire(type: string, data?: unknown): void {
    if (type === 'close') this.readyState = 3;
    for (const l of this.listeners.get(type) ?? []) l({ data });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const clock = new FakeClock();
  const transport = new WebSocketTransport({
    url: 'wss://node.example/ws',
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      queueMicrotask(() => s.open());
      return s;
    },
    clock,
    maxMessageChars: 1000,
  });
  const client = new RpcClient({ transport, clock, retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 }, timeoutMs: 1000 });
  return { sockets, clock, transport, client };
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('WebSocketTransport', () => {
  test('matches answers by id over one socket, in any order', async () => {
    const { sockets, client } = setup();
    const a = client.request('cfx_epochNumber', []);
    const b = client.request('cfx_gasPrice', []);
    await flush();
    expect(sockets).toHaveLength(1);
    const [ra, rb] = sockets[0]!.sent;
    sockets[0]!.deliver({ jsonrpc: '2.0', id: rb!.id, result: '0x3b9aca00' });
    sockets[0]!.deliver({ jsonrpc: '2.0', id: ra!.id, result: '0x10' });
    expect(await a).toBe('0x10');
    expect(await b).toBe('0x3b9aca00');
  });

  test('times out; a garbage or oversized message closes the socket and fails what waits', async () => {
    const { sockets, client, clock } = setup();
    const slow = client.request('cfx_epochNumber', []).catch((e: unknown) => e);
    await flush();
    await clock.advance(1000);
    expect(await slow).toBeInstanceOf(RpcTimeoutError);

    const pending = client.request('cfx_epochNumber', []).catch((e: unknown) => e);
    await flush();
    sockets[0]!.deliver('x'.repeat(2000));
    expect(await pending).toBeInstanceOf(RpcResponseTooLargeError);

    const next = client.request('cfx_epochNumber', []).catch((e: unknown) => e);
    await flush();
    expect(sockets).toHaveLength(2); // reconnected
    sockets[1]!.deliver('{not json');
    expect(await next).toBeInstanceOf(RpcMalformedJsonError);
  });

  test('subscriptions deliver notifications and end when the socket closes', async () => {
    const { sockets, client, transport } = setup();
    const id = client.request('cfx_subscribe', ['epochs']);
    await flush();
    sockets[0]!.deliver({ jsonrpc: '2.0', id: sockets[0]!.sent[0]!.id, result: '0xabc' });
    const events: unknown[] = [];
    let ended: unknown;
    transport.listen(await id, { onEvent: (r) => events.push(r), onEnd: (e) => (ended = e) });
    sockets[0]!.deliver({ jsonrpc: '2.0', method: 'cfx_subscription', params: { subscription: '0xabc', result: { epochNumber: '0x5', epochHashesOrdered: [] } } });
    sockets[0]!.deliver({ jsonrpc: '2.0', method: 'cfx_subscription', params: { subscription: '0xother', result: 1 } });
    expect(events).toEqual([{ epochNumber: '0x5', epochHashesOrdered: [] }]);
    sockets[0]!.close();
    expect(ended).toBeInstanceOf(RpcNetworkError);
  });
});
