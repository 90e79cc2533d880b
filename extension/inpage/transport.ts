/**
 * The inpage side of the provider channel: posts requests to the content script over
 * `window.postMessage` and matches the answers by request id.
 *
 * Runs in the page's main world at document_start, before any page script, and captures the few
 * platform functions it uses at that moment, so a page that later replaces `window.postMessage` or
 * `addEventListener` cannot reroute or read the provider's traffic through them. Answers are
 * accepted only from this window, with this window's origin, carrying the inpage tag and matching
 * the schema. The page itself can still forge answers to its own requests: it only fools itself,
 * because the wallet decides nothing on what the inpage script says.
 * @module
 */
import type { Space } from '../../core/space.js';
import { CONTENT_TARGET, INPAGE_TARGET, inpageMessageSchema, type ProviderEventName } from '../shared/provider-protocol.js';
import type { ProviderErrorPayload } from '../shared/provider-errors.js';
import { ProviderErrorCode } from '../shared/provider-errors.js';

/** The error object dApps receive: a real `Error` with the EIP-1193 `code` (and `data`). */
export class ProviderRpcError extends Error {
  readonly code: number;
  readonly data: unknown;
  constructor(payload: ProviderErrorPayload) {
    super(payload.message);
    this.name = 'ProviderRpcError';
    this.code = payload.code;
    this.data = payload.data;
  }
}

export type EventHandler = (name: ProviderEventName, data: unknown) => void;

export interface Transport {
  request(space: Space, method: string, params: unknown): Promise<unknown>;
  onEvent(space: Space, handler: EventHandler): void;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: ProviderRpcError) => void };

export function createTransport(win: Window & typeof globalThis): Transport {
  const post = win.postMessage.bind(win);
  const listen = win.addEventListener.bind(win);
  const getRandomValues = win.crypto.getRandomValues.bind(win.crypto);
  // The document's origin ("null" when opaque, e.g. a sandboxed frame); location.origin would
  // report the URL's origin instead, and posting to it from an opaque document delivers nothing.
  const origin = win.origin;
  // postMessage refuses "null" as a target origin; opaque-origin documents (sandboxed frames)
  // can only address their own window with "*", which still delivers to this window alone.
  const targetOrigin = origin === 'null' ? '*' : origin;

  const prefix = Array.from(getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  let counter = 0;
  const pending = new Map<string, Pending>();
  const handlers: Record<Space, EventHandler[]> = { core: [], espace: [] };

  listen('message', (event: MessageEvent) => {
    if (event.source !== win || (origin !== 'null' && event.origin !== origin)) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null || (data as { target?: unknown }).target !== INPAGE_TARGET) return;
    let message;
    try {
      message = inpageMessageSchema.parse(data);
    } catch {
      return; // not a well-formed answer: ignore (never trust partial data)
    }
    if (message.type === 'event') {
      for (const handler of handlers[message.space]) handler(message.name, message.data);
      return;
    }
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if ('error' in message) entry.reject(new ProviderRpcError(message.error));
    else entry.resolve(message.result);
  });

  return {
    request(space, method, params) {
      const id = `${prefix}.${++counter}`;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          post({ target: CONTENT_TARGET, type: 'request', id, space, method, params }, targetOrigin);
        } catch {
          // Not structured-cloneable (functions, DOM nodes…): the request never left the page.
          pending.delete(id);
          reject(new ProviderRpcError({ code: ProviderErrorCode.invalidRequest, message: 'Request parameters must be plain JSON values' }));
        }
      });
    },
    onEvent(space, handler) {
      handlers[space].push(handler);
    },
  };
}
