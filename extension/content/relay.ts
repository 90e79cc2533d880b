/**
 * The content script's one job: relay provider requests from this frame's page to the background
 * and the answers back. It runs in the isolated world, so the page cannot touch its code or state.
 *
 * What it accepts from the page: messages whose source is this very window (not a parent, child or
 * opener window), tagged for the content script, matching the request schema, within the size and
 * in-flight bounds. A malformed message that still carries a usable id is answered with -32600;
 * anything else is dropped without a word. It never logs payloads and adds nothing to a request:
 * the background learns who asks from the browser (`port.sender`), never from this script or the
 * page.
 *
 * Service-worker restarts: the port dies with the worker. While requests are outstanding the relay
 * reconnects at once and says `hello` with their ids; the background answers what finished, keeps
 * what it still holds, and reports `unknown` for what it never received or lost, which the relay
 * sends again once (a request the background never persisted was never shown to the user, so
 * sending it again cannot cause a second approval of the same thing). A second `unknown` fails the
 * request with 4900. With nothing outstanding it stays disconnected (no keep-alive: the worker is
 * allowed to sleep); events then arrive through `chrome.tabs.sendMessage`.
 * @module
 */
import { SPACES } from '../../core/space.js';
import { providerError, ProviderErrorCode, type ProviderErrorPayload } from '../shared/provider-errors.js';
import {
  backgroundDirectSchema,
  backgroundToContentSchema,
  CONTENT_TARGET,
  INPAGE_TARGET,
  MAX_IN_FLIGHT_PER_DOCUMENT,
  pageRequestSchema,
  PROVIDER_PORT_NAME,
  salvageRequestId,
  type BackgroundToContent,
  type PortRequest,
} from '../shared/provider-protocol.js';

/** The slice of `chrome.runtime` the relay uses (injected for tests). */
export interface RelayRuntime {
  readonly id: string;
  connect(info: { name: string }): chrome.runtime.Port;
  onMessage: { addListener(listener: (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (response?: unknown) => void) => boolean | void): void };
}

const QUICK_DEATH_MS = 1000;
const MAX_QUICK_DEATHS = 3;

interface Outstanding {
  request: PortRequest;
  resent: boolean;
}

export function startRelay(win: Window, runtime: RelayRuntime): void {
  // The document's origin ("null" when opaque, e.g. a sandboxed frame); location.origin would
  // report the URL's origin instead, and posting to it from an opaque document delivers nothing.
  const origin = win.origin;
  const targetOrigin = origin === 'null' ? '*' : origin;
  const outstanding = new Map<string, Outstanding>();
  let port: chrome.runtime.Port | undefined;
  let extensionGone = false;
  /** Ports that died right after connecting, in a row: a background that keeps refusing us. */
  let quickDeaths = 0;

  const toPage = (message: object): void => {
    win.postMessage({ target: INPAGE_TARGET, ...message }, targetOrigin);
  };
  const answerError = (id: string, error: ProviderErrorPayload): void => {
    outstanding.delete(id);
    toPage({ type: 'response', id, error });
  };

  /** The extension was reloaded, updated or removed: this script can no longer reach it. */
  const goneForGood = (): void => {
    if (extensionGone) return;
    extensionGone = true;
    port = undefined;
    for (const id of [...outstanding.keys()]) answerError(id, providerError(ProviderErrorCode.disconnected, 'Wayfarer was reloaded or removed; reload the page'));
    for (const space of SPACES) toPage({ type: 'event', space, name: 'disconnect', data: 'Wayfarer was reloaded or removed; reload the page' });
  };

  const fromBackground = (message: BackgroundToContent): void => {
    if (message.type === 'event') {
      toPage(message);
      return;
    }
    const entry = outstanding.get(message.id);
    if (!entry) return;
    if (message.type === 'unknown') {
      if (entry.resent) {
        answerError(message.id, providerError(ProviderErrorCode.disconnected, 'The wallet restarted and lost this request; please try again'));
        return;
      }
      entry.resent = true;
      send(entry.request);
      return;
    }
    outstanding.delete(message.id);
    toPage(message);
  };

  const connect = (): chrome.runtime.Port | undefined => {
    if (port) return port;
    if (extensionGone) return undefined;
    let next: chrome.runtime.Port;
    try {
      next = runtime.connect({ name: PROVIDER_PORT_NAME });
    } catch {
      goneForGood();
      return undefined;
    }
    port = next;
    const connectedAt = Date.now();
    next.onMessage.addListener((raw: unknown) => {
      quickDeaths = 0;
      let message;
      try {
        message = backgroundToContentSchema.parse(raw);
      } catch {
        return;
      }
      fromBackground(message);
    });
    next.onDisconnect.addListener(() => {
      if (port === next) port = undefined;
      quickDeaths = Date.now() - connectedAt < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
      if (quickDeaths >= MAX_QUICK_DEATHS) {
        // Reconnecting would loop: fail what is outstanding instead (the next request tries again).
        quickDeaths = 0;
        for (const id of [...outstanding.keys()]) answerError(id, providerError(ProviderErrorCode.disconnected, 'Wayfarer keeps closing the connection; try again later'));
        return;
      }
      // The worker stopped (or restarted). Resume at once if anything is still outstanding.
      if (outstanding.size > 0) queueMicrotask(resume);
    });
    return next;
  };

  const resume = (): void => {
    const p = connect();
    if (!p) return;
    try {
      p.postMessage({ type: 'hello', pending: [...outstanding.keys()] });
    } catch {
      goneForGood();
    }
  };

  const send = (request: PortRequest): void => {
    const p = connect();
    if (!p) {
      answerError(request.id, providerError(ProviderErrorCode.disconnected, 'Wayfarer is not reachable; reload the page'));
      return;
    }
    try {
      p.postMessage(request);
    } catch {
      // The port died between checks; the disconnect handler resumes with a hello.
      port = undefined;
      queueMicrotask(resume);
    }
  };

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win) return; // only this frame's own page may use this relay
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null || (data as { target?: unknown }).target !== CONTENT_TARGET) return;
    let parsed;
    try {
      parsed = pageRequestSchema.parse(data);
    } catch (error) {
      const id = salvageRequestId(data);
      if (id !== undefined && !outstanding.has(id)) {
        const reason = error instanceof Error ? error.message.slice(0, 200) : 'malformed';
        toPage({ type: 'response', id, error: providerError(ProviderErrorCode.invalidRequest, `Invalid request: ${reason}`) });
      }
      return;
    }
    const { target: _target, ...request } = parsed;
    if (outstanding.has(request.id)) return; // a duplicate id cannot be answered unambiguously
    if (outstanding.size >= MAX_IN_FLIGHT_PER_DOCUMENT) {
      toPage({ type: 'response', id: request.id, error: providerError(ProviderErrorCode.limitExceeded, `Too many requests in flight (at most ${MAX_IN_FLIGHT_PER_DOCUMENT}); wait for answers first`) });
      return;
    }
    outstanding.set(request.id, { request, resent: false });
    send(request);
  });

  // Events (and liveness pings) while no port is open. Only this extension's own background can
  // reach this listener; tab-bound senders (other content scripts) are ignored.
  runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (sender.id !== runtime.id || sender.tab !== undefined) return;
    let message;
    try {
      message = backgroundDirectSchema.parse(raw);
    } catch {
      return;
    }
    if (message.type === 'ping') {
      sendResponse({ alive: true, origin });
      return;
    }
    fromBackground(message);
  });
}
