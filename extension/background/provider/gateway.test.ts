/**
 * The background's side of the page boundary: who is asking comes from the port's sender, once;
 * foreign ports are closed, unidentifiable frames are answered 4100, malformed messages dropped,
 * messages are handed on in arrival order once the service has started, and a failed start is
 * reported per request and retried by the next one. Driven with real port pairs (fake runtime
 * ports) and a recording service.
 */
import { describe, expect, test } from 'vitest';
import { startOnDemand } from '../lifecycle.js';
import { ProviderGateway } from './gateway.js';
import type { Requester } from './requester.js';
import type { ProviderService } from './service.js';

const EXTENSION_ID = 'wayfarer-extension-id';

class Channel<A extends unknown[]> {
  readonly listeners: ((...args: A) => void)[] = [];
  addListener(listener: (...args: A) => void): void {
    this.listeners.push(listener);
  }
  fire(...args: A): void {
    for (const l of [...this.listeners]) l(...args);
  }
}

class FakePort {
  readonly name = 'wayfarer-provider';
  readonly onMessage = new Channel<[unknown]>();
  readonly onDisconnect = new Channel<[]>();
  readonly posted: unknown[] = [];
  disconnected = false;
  constructor(readonly sender: chrome.runtime.MessageSender) {}
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
}

/** Records what the gateway hands it, as the provider service would receive it. */
class RecordingService {
  readonly log: string[] = [];
  async connect(who: Requester): Promise<void> {
    this.log.push(`connect ${who.origin} tab ${who.tabId} frame ${who.frameId}`);
  }
  async message(who: Requester, message: { type: string; id?: string }): Promise<void> {
    this.log.push(`${message.type} ${message.id ?? ''} from ${who.origin}`);
  }
  async disconnect(who: Requester): Promise<void> {
    this.log.push(`disconnect ${who.origin}`);
  }
  async windowRemoved(kind: string, id: number): Promise<void> {
    this.log.push(`removed ${kind} ${id}`);
  }
}

const pageSender = (origin = 'https://dapp.example'): chrome.runtime.MessageSender => ({
  id: EXTENSION_ID,
  origin,
  url: `${origin}/index.html`,
  frameId: 0,
  documentId: 'DOC1',
  tab: { id: 7 } as chrome.tabs.Tab,
});
const settle = () => new Promise((r) => setTimeout(r, 5));
const request = (id: string, extra: object = {}) => ({ type: 'request', id, space: 'core', method: 'cfx_chainId', ...extra });

function started(): { gateway: ProviderGateway; service: RecordingService } {
  const service = new RecordingService();
  const gateway = new ProviderGateway(EXTENSION_ID, async () => service as unknown as ProviderService);
  return { gateway, service };
}

/** A start that waits until `finish` is called, and fails while `failing` is set. */
class ControlledStart {
  readonly service = new RecordingService();
  failing = false;
  attempts = 0;
  private release: (() => void) | undefined;
  readonly start = startOnDemand(async () => {
    this.attempts++;
    if (this.failing) throw new Error('vault store unreadable');
    await new Promise<void>((resolve) => (this.release = resolve));
    return this.service as unknown as ProviderService;
  });
  finish(): void {
    this.release?.();
  }
}

/** A page's port, attached to a gateway over `start`. */
function attachedTo(start: ControlledStart): FakePort {
  const gateway = new ProviderGateway(EXTENSION_ID, start.start);
  const port = new FakePort(pageSender());
  gateway.attach(port as unknown as chrome.runtime.Port);
  return port;
}

describe('provider gateway', () => {
  test('the requester comes from the sender; what a message claims changes nothing', async () => {
    const { gateway, service } = started();
    const port = new FakePort(pageSender());
    gateway.attach(port as unknown as chrome.runtime.Port);
    port.onMessage.fire(request('0', { origin: 'https://bank.example', tabId: 99 })); // not in the schema: dropped
    port.onMessage.fire(request('1'));
    await settle();
    expect(service.log).toEqual(['connect https://dapp.example tab 7 frame 0', 'request 1 from https://dapp.example']);
  });

  test('a port from another extension is closed at once and nothing reaches the service', async () => {
    const { gateway, service } = started();
    const port = new FakePort({ ...pageSender(), id: 'another-extension' });
    gateway.attach(port as unknown as chrome.runtime.Port);
    port.onMessage.fire(request('1'));
    await settle();
    expect(port.disconnected).toBe(true);
    expect(service.log).toEqual([]);
  });

  test('a frame with an opaque origin stays connected but every request is answered 4100', async () => {
    const { gateway, service } = started();
    const port = new FakePort({ ...pageSender(), origin: 'null', url: 'data:text/html,hi' });
    gateway.attach(port as unknown as chrome.runtime.Port);
    port.onMessage.fire(request('1'));
    port.onMessage.fire({ type: 'hello', pending: ['2', '3'] });
    await settle();
    expect(port.disconnected).toBe(false);
    expect(service.log).toEqual([]);
    expect(port.posted.map((m) => [(m as { id: string }).id, (m as { error: { code: number } }).error.code])).toEqual([['1', 4100], ['2', 4100], ['3', 4100]]);
  });

  test('malformed messages are dropped; valid ones, then the disconnect, are handed on in arrival order', async () => {
    const { gateway, service } = started();
    const port = new FakePort(pageSender());
    gateway.attach(port as unknown as chrome.runtime.Port);
    for (const raw of [null, 'x', { type: 'request' }, request('a'), { ...request('b'), space: 'mars' }, request('c'), { type: 'hello', pending: ['c'] }]) port.onMessage.fire(raw);
    port.onDisconnect.fire();
    await settle();
    expect(service.log).toEqual(['connect https://dapp.example tab 7 frame 0', 'request a from https://dapp.example', 'request c from https://dapp.example', 'hello  from https://dapp.example', 'disconnect https://dapp.example']);
  });

  test('messages that arrive before the service has started are kept and handed on once it has', async () => {
    const start = new ControlledStart();
    const port = attachedTo(start);
    port.onMessage.fire(request('early'));
    await settle();
    expect(start.service.log).toEqual([]);
    start.finish();
    await settle();
    expect(start.service.log).toEqual(['connect https://dapp.example tab 7 frame 0', 'request early from https://dapp.example']);
    expect(start.attempts).toBe(1);
  });

  test('a service that failed to start answers each request with an internal error, and the next request starts it again', async () => {
    const start = new ControlledStart();
    start.failing = true;
    const port = attachedTo(start);
    port.onMessage.fire(request('1'));
    await settle();
    expect(port.posted).toEqual([{ type: 'response', id: '1', error: expect.objectContaining({ code: -32603 }) }]);
    expect(start.service.log).toEqual([]);

    start.failing = false;
    port.onMessage.fire(request('2'));
    await settle();
    start.finish();
    port.onDisconnect.fire();
    await settle();
    expect(port.posted).toHaveLength(1);
    expect(start.service.log).toEqual(['connect https://dapp.example tab 7 frame 0', 'request 2 from https://dapp.example', 'disconnect https://dapp.example']);
  });

  test('a port that never reached a started service is not disconnected from one', async () => {
    const start = new ControlledStart();
    start.failing = true;
    const port = attachedTo(start);
    port.onDisconnect.fire();
    await settle();
    expect(start.attempts).toBe(1);
    expect(start.service.log).toEqual([]);
  });
});
