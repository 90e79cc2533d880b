/**
 * The UI's typed connection to the background.
 *
 *   const info = await background.call('app.info');
 *   const off = background.on('vault.changed', (status) => …);
 *
 * The port dies whenever the browser stops the service worker (often, on mobile). The client
 * reconnects on the next call (which wakes the worker); requests that were in flight when the
 * port died fail with `BackgroundDisconnectedError` rather than hanging, so screens can retry.
 */
import { WayfarerError } from '../../../core/errors.js';
import type { UiEvents, UiMethodName, UiParams, UiResult } from '../../shared/ui-api/index.js';
import { UI_PORT_NAME, type UiServerMessage } from '../../shared/ui-protocol.js';

/** An error the background reported for a call; `code` is the background's error code. */
export class BackgroundError extends WayfarerError {}

export class BackgroundDisconnectedError extends WayfarerError {
  constructor() {
    super('ui.disconnected', 'The wallet background restarted while this request was running; please retry.');
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Listener = (data: never) => void;

export class BackgroundClient {
  private port: chrome.runtime.Port | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly reconnectListeners = new Set<() => void>();

  call<M extends UiMethodName>(method: M, ...params: UiParams<M> extends void ? [] : [UiParams<M>]): Promise<UiResult<M>> {
    const port = this.connect();
    const id = this.nextId++;
    return new Promise<UiResult<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        port.postMessage({ type: 'request', id, method, params: params[0] });
      } catch {
        this.pending.delete(id);
        this.port = undefined;
        reject(new BackgroundDisconnectedError());
      }
    });
  }

  on<E extends keyof UiEvents>(name: E, listener: (data: UiEvents[E]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener);
    this.connect(); // events only flow over an open port
    return () => set.delete(listener as Listener);
  }

  /** Called after the port was re-established (the worker restarted): screens refresh their data. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  private connect(): chrome.runtime.Port {
    if (this.port) return this.port;
    const isReconnect = this.nextId > 1 || this.listeners.size > 0;
    const port = chrome.runtime.connect({ name: UI_PORT_NAME });
    this.port = port;
    port.onMessage.addListener((message: UiServerMessage) => this.receive(message));
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = undefined;
      for (const { reject } of this.pending.values()) reject(new BackgroundDisconnectedError());
      this.pending.clear();
      // Keep event subscriptions alive across worker restarts.
      if (this.listeners.size > 0) setTimeout(() => this.connect(), 250);
    });
    if (isReconnect) for (const listener of this.reconnectListeners) listener();
    return port;
  }

  private receive(message: UiServerMessage): void {
    if (message.type === 'event') {
      for (const listener of this.listeners.get(message.name) ?? []) (listener as (data: unknown) => void)(message.data);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new BackgroundError(message.error.code, message.error.message));
  }
}

/** The one client each UI page uses. */
export const background = new BackgroundClient();
