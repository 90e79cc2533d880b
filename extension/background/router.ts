/**
 * Routes UI requests to service handlers.
 *
 * Only extension pages may connect (the sender URL must be this extension's origin; content
 * scripts and other extensions are refused). Every request is parsed against the method's schema
 * before a handler sees it, methods come from an explicit table (no reflection), and errors are
 * reduced to `{ code, message }` — never stack traces or parameters, which may hold secrets.
 *
 * Services register their handlers once at start-up:
 *   router.register({ 'vault.unlock': async (params) => (await vault()).unlock(params.password) });
 * Handlers wait for their own service to start (the worker may have just been woken by the very
 * port that sends the request); the router has no global gate, so one service that fails to start
 * does not take the others down.
 */
import { WayfarerError } from '../../core/errors.js';
import { SchemaError } from '../shared/schema.js';
import { uiMethods, type UiEvents, type UiMethodName, type UiParams, type UiResult } from '../shared/ui-api/index.js';
import { uiRequestSchema, type UiResponseMessage, type UiServerMessage } from '../shared/ui-protocol.js';

export interface UiCallContext {
  /** The page that asked (an extension page URL). */
  pageUrl: string;
}

export type UiHandler<M extends UiMethodName> = (params: UiParams<M>, context: UiCallContext) => Promise<UiResult<M>> | UiResult<M>;
export type UiHandlers = { [M in UiMethodName]?: UiHandler<M> };

type AnyHandler = (params: unknown, context: UiCallContext) => unknown;

export class UiRouter {
  private readonly handlers = new Map<string, AnyHandler>();
  private readonly ports = new Set<chrome.runtime.Port>();

  register(handlers: UiHandlers): void {
    for (const [method, handler] of Object.entries(handlers)) {
      if (!Object.hasOwn(uiMethods, method)) throw new Error(`no such UI method declared: ${method}`);
      if (this.handlers.has(method)) throw new Error(`UI method registered twice: ${method}`);
      this.handlers.set(method, handler as AnyHandler);
    }
  }

  /** Accepts a port if it comes from one of this extension's pages. Returns false otherwise. */
  attach(port: chrome.runtime.Port): boolean {
    const pageUrl = port.sender?.url;
    if (port.sender?.id !== chrome.runtime.id || !pageUrl || !isOwnExtensionPage(pageUrl)) {
      port.disconnect();
      return false;
    }
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.ports.delete(port));
    port.onMessage.addListener((message: unknown) => {
      void this.dispatch(message, { pageUrl }).then((response) => {
        if (response && this.ports.has(port)) port.postMessage(response);
      });
    });
    return true;
  }

  /** Pushes an event to every connected UI page. */
  emit<E extends keyof UiEvents>(name: E, data: UiEvents[E]): void {
    const message: UiServerMessage = { type: 'event', name, data };
    for (const port of this.ports) {
      try {
        port.postMessage(message);
      } catch {
        this.ports.delete(port); // the page went away between checks
      }
    }
  }

  /** Parses and runs one request. Exposed for unit tests; returns undefined for unparseable ids. */
  async dispatch(message: unknown, context: UiCallContext): Promise<UiResponseMessage | undefined> {
    let request;
    try {
      request = uiRequestSchema.parse(message, 'request');
    } catch {
      return undefined; // no trustworthy id to answer to
    }
    const { id, method } = request;
    try {
      const spec = Object.hasOwn(uiMethods, method) ? uiMethods[method as UiMethodName] : undefined;
      const handler = this.handlers.get(method);
      if (!spec || !handler) throw new WayfarerError('ui.unknown_method', `unknown method ${method.slice(0, 100)}`);
      const params = spec.params.parse(request.params, 'params');
      const result = await handler(params, context);
      return { type: 'response', id, ok: true, result: result === undefined ? null : result };
    } catch (error) {
      return { type: 'response', id, ok: false, error: toErrorPayload(error, method) };
    }
  }
}

function isOwnExtensionPage(url: string): boolean {
  try {
    return new URL(url).origin === new URL(chrome.runtime.getURL('/')).origin;
  } catch {
    return false;
  }
}

function toErrorPayload(error: unknown, method: string): { code: string; message: string } {
  if (error instanceof SchemaError) return { code: error.code, message: error.message };
  if (error instanceof WayfarerError) return { code: error.code, message: error.message };
  // Unexpected failure: log the method and the error's name only (parameters, and messages built
  // from them, may hold passwords or keys).
  console.error(`background: ${method} failed:`, error instanceof Error ? error.name : typeof error);
  return { code: 'internal', message: 'Internal error in the wallet background' };
}
