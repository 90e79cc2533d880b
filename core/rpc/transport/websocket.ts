/**
 * JSON-RPC over a WebSocket (injected constructor), with subscriptions.
 *
 * One socket per endpoint, opened on first use. Requests are matched to answers by id (batches by
 * the ids they contain; the client then checks them one to one). Each request has a deadline;
 * messages above the byte cap close the socket, since a node that floods one message will flood
 * the next. When the socket closes, every waiting request fails with a network error and every
 * subscription is told it ended, so callers fall back to polling instead of waiting forever.
 * @module
 */
import { redactEndpoint, RpcAbortedError, RpcMalformedJsonError, RpcNetworkError, RpcResponseTooLargeError, RpcTimeoutError, type RpcError } from '../errors.js';
import type { JsonRpcRequest } from '../jsonrpc.js';
import { systemClock, type Clock } from '../clock.js';
import type { RpcTransport, SendOptions, TransportStats } from './types.js';

/** The part of the WebSocket API this transport uses (the browser's WebSocket satisfies it). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WebSocketTransportOptions {
  url: string;
  connect: WebSocketFactory;
  /** Largest accepted message, in UTF-16 code units of the received string. Default 8 Mi. */
  maxMessageChars?: number;
  clock?: Clock;
}

/** Called with each notification's `result` (unvalidated JSON; the subscriber validates). */
export interface SubscriptionHandlers {
  onEvent(result: unknown): void;
  /** The subscription ended (socket closed or failed); no more events will come. */
  onEnd(error: RpcError): void;
}

interface Pending {
  resolve(body: unknown): void;
  reject(error: RpcError): void;
}

const OPEN = 1;

export class WebSocketTransport implements RpcTransport {
  readonly endpoint: string;
  readonly stats: TransportStats = { requests: 0, bytesSent: 0, bytesReceived: 0 };
  private readonly url: string;
  private readonly factory: WebSocketFactory;
  private readonly maxMessageChars: number;
  private readonly clock: Clock;
  private socket: WebSocketLike | undefined;
  private opening: Promise<WebSocketLike> | undefined;
  private readonly pending = new Map<unknown, Pending>();
  private readonly subscriptions = new Map<string, SubscriptionHandlers>();

  constructor(options: WebSocketTransportOptions) {
    const parsed = new URL(options.url);
    if (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') throw new TypeError(`"url" must be ws(s), got ${parsed.protocol}`);
    this.url = options.url;
    this.endpoint = redactEndpoint(options.url);
    this.factory = options.connect;
    this.maxMessageChars = options.maxMessageChars ?? 8 * 1024 * 1024;
    this.clock = options.clock ?? systemClock;
  }

  async send(payload: JsonRpcRequest | readonly JsonRpcRequest[], options: SendOptions): Promise<unknown> {
    const context = { endpoint: this.endpoint, method: options.label };
    if (options.signal?.aborted) throw new RpcAbortedError(context);
    const ids = Array.isArray(payload) ? payload.map((r: JsonRpcRequest) => r.id) : [(payload as JsonRpcRequest).id];
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        this.clock.clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        for (const id of ids) this.pending.delete(id);
        action();
      };
      const timer = this.clock.setTimeout(() => finish(() => reject(new RpcTimeoutError(options.timeoutMs, context))), options.timeoutMs);
      const onAbort = () => finish(() => reject(new RpcAbortedError(context)));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const entry: Pending = { resolve: (body) => finish(() => resolve(body)), reject: (error) => finish(() => reject(error)) };
      for (const id of ids) this.pending.set(id, entry);
      this.open(options.label).then(
        (socket) => {
          if (settled) return;
          const text = JSON.stringify(payload);
          this.stats.requests++;
          this.stats.bytesSent += text.length;
          socket.send(text);
        },
        (error: RpcError) => entry.reject(error),
      );
    });
  }

  /**
   * Starts a subscription (`cfx_subscribe`/`eth_subscribe` must already have returned `id`).
   * Returns a function that stops delivery locally.
   */
  listen(subscriptionId: string, handlers: SubscriptionHandlers): () => void {
    this.subscriptions.set(subscriptionId, handlers);
    return () => this.subscriptions.delete(subscriptionId);
  }

  get isOpen(): boolean {
    return this.socket?.readyState === OPEN;
  }

  close(): void {
    const socket = this.socket;
    this.teardown(new RpcNetworkError({ endpoint: this.endpoint, method: 'close', details: 'closed by the wallet' }));
    socket?.close(1000, 'closed');
  }

  private open(label: string): Promise<WebSocketLike> {
    if (this.socket && this.socket.readyState === OPEN) return Promise.resolve(this.socket);
    if (this.opening) return this.opening;
    const context = { endpoint: this.endpoint, method: label };
    this.opening = new Promise<WebSocketLike>((resolve, reject) => {
      let socket: WebSocketLike;
      try {
        socket = this.factory(this.url);
      } catch (cause) {
        this.opening = undefined;
        reject(new RpcNetworkError({ ...context, cause }));
        return;
      }
      let opened = false;
      socket.addEventListener('open', () => {
        opened = true;
        this.socket = socket;
        this.opening = undefined;
        resolve(socket);
      });
      socket.addEventListener('message', (event) => this.onMessage(socket, event.data));
      const onGone = () => {
        if (!opened) {
          this.opening = undefined;
          reject(new RpcNetworkError({ ...context, details: 'could not connect' }));
          return;
        }
        if (this.socket === socket) this.teardown(new RpcNetworkError({ ...context, details: 'connection closed' }));
      };
      socket.addEventListener('close', onGone);
      socket.addEventListener('error', onGone);
    });
    return this.opening;
  }

  private onMessage(socket: WebSocketLike, data: unknown): void {
    const context = { endpoint: this.endpoint, method: 'message' };
    if (typeof data !== 'string') {
      this.fail(socket, new RpcMalformedJsonError({ ...context, details: 'binary frame' }));
      return;
    }
    if (data.length > this.maxMessageChars) {
      this.fail(socket, new RpcResponseTooLargeError(this.maxMessageChars, context));
      return;
    }
    this.stats.bytesReceived += data.length;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch (cause) {
      this.fail(socket, new RpcMalformedJsonError({ ...context, cause }));
      return;
    }
    if (Array.isArray(message)) {
      const first: unknown = message[0];
      const id = typeof first === 'object' && first !== null ? (first as { id?: unknown }).id : undefined;
      this.pending.get(id)?.resolve(message);
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const record = message as { id?: unknown; method?: unknown; params?: unknown };
    if ((record.method === 'cfx_subscription' || record.method === 'eth_subscription') && typeof record.params === 'object' && record.params !== null) {
      const params = record.params as { subscription?: unknown; result?: unknown };
      if (typeof params.subscription === 'string') this.subscriptions.get(params.subscription)?.onEvent(params.result);
      return;
    }
    this.pending.get(record.id)?.resolve(message);
  }

  private fail(socket: WebSocketLike, error: RpcError): void {
    if (this.socket === socket) this.teardown(error);
    socket.close(1009, 'rejected');
  }

  private teardown(error: RpcError): void {
    this.socket = undefined;
    this.opening = undefined;
    const waiting = [...new Set(this.pending.values())];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
    const subs = [...this.subscriptions.values()];
    this.subscriptions.clear();
    for (const s of subs) s.onEnd(error);
  }
}
