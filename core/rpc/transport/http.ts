/**
 * JSON-RPC over HTTP(S) with an injected `fetch`.
 *
 * Every request has a deadline that covers the whole exchange (connect, upload, reading the full
 * body); the body is read with a byte cap; requests carry no cookies, no referrer and follow no
 * redirects (a redirect could move the wallet's traffic to a host the user never chose).
 * @module
 */
import { redactEndpoint, RpcAbortedError, RpcError, RpcHttpStatusError, RpcNetworkError, RpcTimeoutError } from '../errors.js';
import type { JsonRpcRequest } from '../jsonrpc.js';
import { systemClock, type Clock } from '../clock.js';
import { parseJsonBody, readCappedBody } from './body.js';
import type { RpcTransport, SendOptions, TransportStats } from './types.js';

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpTransportOptions {
  url: string;
  fetch: FetchFunction;
  /** Largest accepted response body. Default 8 MiB (an epoch of receipts can be big). */
  maxResponseBytes?: number;
  clock?: Clock;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export class HttpTransport implements RpcTransport {
  readonly endpoint: string;
  readonly stats: TransportStats = { requests: 0, bytesSent: 0, bytesReceived: 0 };
  private readonly url: string;
  private readonly fetchFn: FetchFunction;
  private readonly maxResponseBytes: number;
  private readonly clock: Clock;

  constructor(options: HttpTransportOptions) {
    const parsed = new URL(options.url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError(`"url" must be http(s), got ${parsed.protocol}`);
    this.url = options.url;
    this.endpoint = redactEndpoint(options.url);
    this.fetchFn = options.fetch;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.clock = options.clock ?? systemClock;
  }

  async send(payload: JsonRpcRequest | readonly JsonRpcRequest[], options: SendOptions): Promise<unknown> {
    const context = { endpoint: this.endpoint, method: options.label };
    if (options.signal?.aborted) throw new RpcAbortedError(context);
    const controller = new AbortController();
    let timedOut = false;
    const timer = this.clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const onCallerAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const body = JSON.stringify(payload);
    this.stats.requests++;
    this.stats.bytesSent += body.length;
    try {
      const response = await this.fetchFn(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
      });
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        throw new RpcHttpStatusError(response.status, context);
      }
      const { text, bytes } = await readCappedBody(response, this.maxResponseBytes, context);
      this.stats.bytesReceived += bytes;
      return parseJsonBody(text, context);
    } catch (error) {
      if (timedOut) throw new RpcTimeoutError(options.timeoutMs, { ...context, cause: error });
      if (options.signal?.aborted) throw new RpcAbortedError({ ...context, cause: error });
      if (error instanceof RpcError) throw error;
      throw new RpcNetworkError({ ...context, cause: error });
    } finally {
      this.clock.clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  }
}
