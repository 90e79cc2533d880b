/**
 * One dApp-facing provider (EIP-1193 `request` plus events), built for a space: Core
 * (`window.conflux`, Fluent's API) or eSpace (`window.ethereum`, EIP-6963).
 *
 * The object is frozen and its state lives in closures, so a page can neither replace `request`
 * nor reach the transport or the cached state. It holds no secrets: accounts and chain ids are what
 * the wallet chose to show this origin.
 *
 * Privacy: nothing is sent to the wallet until the page uses the provider (a request, an event
 * subscription, or one of the legacy state properties). Pages that merely load never wake the
 * wallet or learn anything beyond "a provider is present".
 *
 * Legacy surface kept because deployed Conflux dApps use it (Fluent has it too): `enable()`,
 * `send()`, `sendAsync()`, `isConnected()`, and the `chainId` / `networkVersion` /
 * `selectedAddress` properties (filled once the first state answer arrives).
 * @module
 */
import type { Space } from '../../core/space.js';
import { ProviderErrorCode } from '../shared/provider-errors.js';
import { createEmitter, type Listener } from './emitter.js';
import { ProviderRpcError, type Transport } from './transport.js';

/** Method the providers use to learn the initial chain and accounts (also callable by pages). */
export const STATE_METHOD = 'wayfarer_getProviderState';

export interface ProviderState {
  chainId: string;
  networkVersion: string;
  accounts: string[];
}

export interface ProviderOptions {
  space: Space;
  transport: Transport;
  /** `cfx_requestAccounts` or `eth_requestAccounts`, for `enable()`. */
  requestAccountsMethod: string;
  /** Boolean identity flags set as own enumerable properties (dApps look for them with Object.keys). */
  flags: Record<string, true>;
}

type Callback = (error: Error | null, response?: JsonRpcResponse | JsonRpcResponse[]) => void;
type JsonRpcPayload = { id?: unknown; jsonrpc?: unknown; method: string; params?: unknown };
type JsonRpcResponse = { id: unknown; jsonrpc: '2.0'; result?: unknown; error?: { code: number; message: string; data?: unknown } };

function invalidRequest(message: string): ProviderRpcError {
  return new ProviderRpcError({ code: ProviderErrorCode.invalidRequest, message });
}

function isParamsShape(value: unknown): boolean {
  return value === undefined || (typeof value === 'object' && value !== null);
}

export function createProvider(options: ProviderOptions): object {
  const { space, transport } = options;
  const emitter = createEmitter();
  let chainId: string | undefined;
  let networkVersion: string | undefined;
  let selectedAddress: string | null = null;
  let disconnected = false;
  let initializing: Promise<void> | undefined;

  const applyState = (state: ProviderState): void => {
    const firstTime = chainId === undefined;
    chainId = state.chainId;
    networkVersion = state.networkVersion;
    selectedAddress = state.accounts[0] ?? null;
    if (firstTime) emitter.emit('connect', { chainId });
  };

  const init = (): void => {
    if (initializing || disconnected) return;
    initializing = transport.request(space, STATE_METHOD, undefined).then(
      (state) => applyState(state as ProviderState),
      () => {
        initializing = undefined; // try again on the next use
      },
    );
  };

  transport.onEvent(space, (name, data) => {
    if (name === 'accountsChanged') {
      const accounts = Array.isArray(data) ? data.filter((a): a is string => typeof a === 'string') : [];
      selectedAddress = accounts[0] ?? null;
      emitter.emit('accountsChanged', accounts);
    } else if (name === 'chainChanged' && typeof data === 'string' && /^0x[0-9a-f]{1,16}$/.test(data)) {
      const changed = data !== chainId;
      chainId = data;
      networkVersion = BigInt(data).toString(10);
      if (changed) {
        emitter.emit('chainChanged', data);
        emitter.emit('networkChanged', networkVersion); // legacy event, still used by older dApps
      }
    } else if (name === 'disconnect') {
      disconnected = true;
      const error = new ProviderRpcError({ code: ProviderErrorCode.disconnected, message: typeof data === 'string' ? data : 'Wayfarer is disconnected' });
      emitter.emit('disconnect', error);
      emitter.emit('close', error); // legacy alias
    }
  });

  const request = (args: unknown): Promise<unknown> => {
    if (typeof args !== 'object' || args === null || Array.isArray(args)) return Promise.reject(invalidRequest('request() expects an object { method, params? }'));
    const { method, params } = args as { method?: unknown; params?: unknown };
    if (typeof method !== 'string' || method.length === 0) return Promise.reject(invalidRequest('request() expects a non-empty string method'));
    if (!isParamsShape(params)) return Promise.reject(invalidRequest('params must be an array or an object'));
    if (disconnected) return Promise.reject(new ProviderRpcError({ code: ProviderErrorCode.disconnected, message: 'Wayfarer is disconnected; reload the page' }));
    init();
    return transport.request(space, method, params);
  };

  const toResponse = (payload: JsonRpcPayload): Promise<JsonRpcResponse> =>
    request({ method: payload.method, params: payload.params }).then(
      (result) => ({ id: payload.id, jsonrpc: '2.0', result }),
      (error: ProviderRpcError) => ({ id: payload.id, jsonrpc: '2.0', error: { code: error.code, message: error.message, ...(error.data === undefined ? {} : { data: error.data }) } }),
    );

  const sendAsync = (payload: JsonRpcPayload | JsonRpcPayload[], callback: Callback): void => {
    if (typeof callback !== 'function') throw new TypeError('sendAsync expects a callback');
    const run = Array.isArray(payload) ? Promise.all(payload.map(toResponse)) : toResponse(payload);
    run.then(
      (response) => callback(null, response),
      (error: Error) => callback(error),
    );
  };

  const subscribe = (event: unknown, listener: unknown): object => {
    emitter.on(event as string, listener as Listener);
    init(); // a subscriber wants events: connect so the wallet knows this document
    return provider;
  };

  const provider: object = Object.freeze({
    ...options.flags,
    request,
    isConnected: (): boolean => !disconnected,
    on: subscribe,
    addListener: subscribe,
    once(event: unknown, listener: unknown): object {
      emitter.once(event as string, listener as Listener);
      init();
      return provider;
    },
    removeListener(event: unknown, listener: unknown): object {
      emitter.off(event as string, listener as Listener);
      return provider;
    },
    off(event: unknown, listener: unknown): object {
      emitter.off(event as string, listener as Listener);
      return provider;
    },
    removeAllListeners(event?: unknown): object {
      emitter.removeAll(typeof event === 'string' ? event : undefined);
      return provider;
    },
    listenerCount: (event: unknown): number => emitter.count(event as string),
    listeners: (event: unknown): Listener[] => emitter.listeners(event as string),
    /** Legacy (EIP-1102): same as `request({ method: '<space>_requestAccounts' })`. */
    enable: (): Promise<unknown> => request({ method: options.requestAccountsMethod }),
    /** Legacy: `send(method, params)` → Promise of the JSON-RPC response; `send(payload, cb)` → sendAsync. */
    send(methodOrPayload: unknown, paramsOrCallback?: unknown): Promise<JsonRpcResponse> | void {
      if (typeof methodOrPayload === 'string') return toResponse({ id: 1, method: methodOrPayload, params: paramsOrCallback });
      if (typeof paramsOrCallback === 'function') return sendAsync(methodOrPayload as JsonRpcPayload, paramsOrCallback as Callback);
      return Promise.reject(invalidRequest('send() expects (method, params) or (payload, callback)'));
    },
    sendAsync,
    get chainId(): string | undefined {
      init();
      return chainId;
    },
    get networkVersion(): string | undefined {
      init();
      return networkVersion;
    },
    get selectedAddress(): string | null {
      init();
      return selectedAddress;
    },
  });
  return provider;
}
