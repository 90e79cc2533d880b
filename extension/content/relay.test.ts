/**
 * The page ↔ extension boundary: what the relay accepts from a page, what it answers, and how it
 * survives a background that restarts. Driven through a working fake window (an EventTarget whose
 * postMessage delivers MessageEvents with their source) and a fake runtime with real port pairs.
 */
import { describe, expect, test } from 'vitest';
import { CONTENT_TARGET, INPAGE_TARGET, MAX_IN_FLIGHT_PER_DOCUMENT, PROVIDER_PORT_NAME } from '../shared/provider-protocol.js';
import { startRelay, type RelayRuntime } from './relay.js';

type Listener<A extends unknown[]> = (...args: A) => void;

class Channel<A extends unknown[]> {
  private listeners: Listener<A>[] = [];
  addListener(listener: Listener<A>): void {
    this.listeners.push(listener);
  }
  fire(...args: A): void {
    for (const l of [...this.listeners]) l(...args);
  }
}

/** One end of a runtime port as the relay sees it; the background's end is the test. */
class FakePort {
  readonly name = PROVIDER_PORT_NAME;
  readonly onMessage = new Channel<[unknown]>();
  readonly onDisconnect = new Channel<[]>();
  readonly posted: unknown[] = [];
  alive = true;
  postMessage(message: unknown): void {
    if (!this.alive) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(structuredClone(message));
  }
  disconnect(): void {
    this.alive = false;
    this.onDisconnect.fire();
  }
}

class FakeRuntime {
  readonly id = 'wayfarer-extension-id';
  readonly ports: FakePort[] = [];
  readonly onMessage = new Channel<[unknown, chrome.runtime.MessageSender, (response?: unknown) => void]>();
  gone = false;
  connect(info: { name: string }): chrome.runtime.Port {
    if (this.gone) throw new Error('Extension context invalidated.');
    expect(info.name).toBe(PROVIDER_PORT_NAME);
    const port = new FakePort();
    this.ports.push(port);
    return port as unknown as chrome.runtime.Port;
  }
  get port(): FakePort {
    return this.ports.at(-1)!;
  }
}

/** A message event as a window receives it (Node's MessageEvent only takes a MessagePort as source). */
class WindowMessageEvent extends Event {
  constructor(readonly data: unknown, readonly source: unknown) {
    super('message');
  }
}

/** A window whose postMessage delivers asynchronously with `source` set to the posting window. */
class FakeWindow extends EventTarget {
  readonly origin = 'https://dapp.example';
  readonly toPage: Record<string, unknown>[] = [];
  postMessage(data: unknown, _targetOrigin: string): void {
    const copy = structuredClone(data) as Record<string, unknown>;
    if (typeof copy === 'object' && copy !== null && copy.target === INPAGE_TARGET) this.toPage.push(copy);
    this.dispatchEvent(new WindowMessageEvent(copy, this));
  }
  /** A message from another window (a parent or child frame) landing on this one. */
  postFromElsewhere(data: unknown): void {
    this.dispatchEvent(new WindowMessageEvent(data, null));
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const win = new FakeWindow();
  const runtime = new FakeRuntime();
  startRelay(win as unknown as Window, runtime as unknown as RelayRuntime);
  const request = (id: string, method = 'cfx_chainId', extra: object = {}) =>
    win.postMessage({ target: CONTENT_TARGET, type: 'request', id, space: 'core', method, ...extra }, '*');
  return { win, runtime, request };
}

describe('relay: what a page may send', () => {
  test('a valid request reaches the background without the target tag, and its answer reaches the page', async () => {
    const { win, runtime, request } = setup();
    request('1', 'cfx_accounts', { params: [] });
    await tick();
    expect(runtime.port.posted).toEqual([{ type: 'request', id: '1', space: 'core', method: 'cfx_accounts', params: [] }]);
    runtime.port.onMessage.fire({ type: 'response', id: '1', result: ['cfx:abc'] });
    await tick();
    expect(win.toPage).toEqual([{ target: INPAGE_TARGET, type: 'response', id: '1', result: ['cfx:abc'] }]);
  });

  test('messages from another window, untagged or foreign messages are dropped without a word', async () => {
    const { win, runtime } = setup();
    win.postFromElsewhere({ target: CONTENT_TARGET, type: 'request', id: 'x', space: 'core', method: 'cfx_chainId' });
    win.postMessage({ type: 'request', id: 'y', space: 'core', method: 'cfx_chainId' }, '*');
    win.postMessage('hello', '*');
    win.postMessage(null, '*');
    await tick();
    expect(runtime.ports).toEqual([]);
    expect(win.toPage).toEqual([]);
  });

  test('a malformed request with a usable id is answered -32600; one without is dropped', async () => {
    const { win, runtime } = setup();
    win.postMessage({ target: CONTENT_TARGET, type: 'request', id: 'bad1', space: 'mars', method: 'cfx_chainId' }, '*');
    win.postMessage({ target: CONTENT_TARGET, type: 'request', id: { evil: true }, space: 'core', method: 'x' }, '*');
    win.postMessage({ target: CONTENT_TARGET, type: 'request', id: 'big', space: 'core', method: 'x', params: ['a'.repeat(1024 * 1024 + 10)] }, '*');
    await tick();
    expect(runtime.ports).toEqual([]);
    expect(win.toPage.map((m) => [m.id, (m.error as { code: number }).code])).toEqual([['bad1', -32600], ['big', -32600]]);
  });

  test('a duplicate id in flight is ignored, and in-flight requests are capped per document', async () => {
    const { win, runtime, request } = setup();
    request('dup');
    request('dup');
    await tick();
    expect(runtime.port.posted).toHaveLength(1);
    for (let i = 1; i < MAX_IN_FLIGHT_PER_DOCUMENT; i++) request(`r${i}`);
    request('one-too-many');
    await tick();
    expect(runtime.port.posted).toHaveLength(MAX_IN_FLIGHT_PER_DOCUMENT);
    expect(win.toPage).toEqual([expect.objectContaining({ id: 'one-too-many', error: expect.objectContaining({ code: -32005 }) })]);
  });

  test('a background answer that fails its schema, or names an unknown id, never reaches the page', async () => {
    const { win, runtime, request } = setup();
    request('1');
    await tick();
    runtime.port.onMessage.fire({ type: 'response', id: '1', result: 1, extra: '<script>' });
    runtime.port.onMessage.fire({ type: 'response', id: 'nobody', result: 1 });
    await tick();
    expect(win.toPage).toEqual([]);
  });
});

describe('relay: a background that restarts or goes away', () => {
  test('with requests outstanding it reconnects and says hello; unknown is resent once, then fails with 4900', async () => {
    const { win, runtime, request } = setup();
    request('a');
    await tick();
    const first = runtime.port;
    first.disconnect();
    await tick();
    expect(runtime.ports).toHaveLength(2);
    expect(runtime.port.posted).toEqual([{ type: 'hello', pending: ['a'] }]);
    runtime.port.onMessage.fire({ type: 'unknown', id: 'a' });
    await tick();
    expect(runtime.port.posted.at(-1)).toEqual({ type: 'request', id: 'a', space: 'core', method: 'cfx_chainId' });
    runtime.port.onMessage.fire({ type: 'unknown', id: 'a' });
    await tick();
    expect(win.toPage).toEqual([expect.objectContaining({ id: 'a', error: expect.objectContaining({ code: 4900 }) })]);
  });

  test('with nothing outstanding it stays disconnected (the worker may sleep)', async () => {
    const { runtime, request } = setup();
    request('a');
    await tick();
    runtime.port.onMessage.fire({ type: 'response', id: 'a', result: '0x1' });
    runtime.port.disconnect();
    await tick();
    expect(runtime.ports).toHaveLength(1);
  });

  test('an extension that was reloaded fails outstanding requests and tells the page it disconnected', async () => {
    const { win, runtime, request } = setup();
    request('a');
    await tick();
    runtime.gone = true;
    runtime.port.disconnect();
    await tick();
    expect(win.toPage).toEqual([
      expect.objectContaining({ id: 'a', error: expect.objectContaining({ code: 4900 }) }),
      expect.objectContaining({ type: 'event', space: 'core', name: 'disconnect' }),
      expect.objectContaining({ type: 'event', space: 'espace', name: 'disconnect' }),
    ]);
  });

  test('one-shot messages are taken only from this extension, not from tabs; ping answers with the origin', async () => {
    const { win, runtime } = setup();
    const answers: unknown[] = [];
    const event = { type: 'event', space: 'espace', name: 'chainChanged', data: '0x406' };
    runtime.onMessage.fire(event, { id: 'another-extension' }, (r) => answers.push(r));
    runtime.onMessage.fire(event, { id: runtime.id, tab: { id: 1 } as chrome.tabs.Tab }, (r) => answers.push(r));
    await tick();
    expect(win.toPage).toEqual([]);
    runtime.onMessage.fire(event, { id: runtime.id }, (r) => answers.push(r));
    runtime.onMessage.fire({ type: 'ping' }, { id: runtime.id }, (r) => answers.push(r));
    await tick();
    expect(win.toPage).toEqual([{ target: INPAGE_TARGET, ...event }]);
    expect(answers).toEqual([{ alive: true, origin: 'https://dapp.example' }]);
  });
});
