/**
 * Accepts provider ports from content scripts the moment they connect — at the worker's top level,
 * synchronously, as MV3 requires (the connection may be what woke the worker) — and hands their
 * messages, in order, to the provider service once it has started. While it cannot start, each
 * request is answered -32603 and the next one tries again.
 *
 * The requester is read from `port.sender` here, once, and bound to the port: nothing any message
 * says can change who is asking. A port whose sender is not this extension is closed at once. A
 * frame of ours without a usable identity (opaque origin: sandboxed frames, data: URLs) stays
 * connected but every request it sends is refused with 4100 — closing it would only make its
 * content script reconnect. Messages that fail the schema are dropped.
 * @module
 */
import { providerError, ProviderErrorCode } from '../../shared/provider-errors.js';
import { contentToBackgroundSchema, type ContentToBackground } from '../../shared/provider-protocol.js';
import { startOnDemand, type Service } from '../lifecycle.js';
import { requesterFromSender } from './requester.js';
import type { ProviderService } from './service.js';

export class ProviderGateway {
  /** @param service the provider service, started on demand (a failed start is retried by the next request) */
  constructor(
    private readonly extensionId: string,
    private readonly service: Service<ProviderService>,
  ) {}

  attach(port: chrome.runtime.Port): void {
    if (port.sender?.id !== this.extensionId) {
      port.disconnect();
      return;
    }
    let requester;
    try {
      requester = requesterFromSender(port.sender, this.extensionId);
    } catch (error) {
      this.refuseAll(port, error instanceof Error ? error.message : 'unidentifiable sender');
      return;
    }
    const who = requester;
    // The port is connected to the service once it has started; until then each message tries.
    let connectedTo: ProviderService | undefined;
    const connected = startOnDemand(async () => {
      const service = await this.service();
      await service.connect(who, port);
      connectedTo = service;
      return service;
    });
    let queue: Promise<unknown> = connected().catch(() => undefined); // reported per request below
    onValidMessage(port, (parsed) => {
      // Start handling in arrival order; do not wait for one request to finish before the next.
      queue = queue.then(connected).then(
        (s) => {
          void s.message(who, parsed).catch(() => undefined);
        },
        () => {
          if (parsed.type !== 'request') return;
          try {
            port.postMessage({ type: 'response', id: parsed.id, error: providerError(ProviderErrorCode.internal, 'Wayfarer failed to start; reload the extension') });
          } catch {
            // The page went away.
          }
        },
      );
    });
    port.onDisconnect.addListener(() => {
      // After the messages that arrived before it, never overtaking them; a port never connected
      // has nothing to take down.
      queue = queue.then(() => connectedTo?.disconnect(who, port)).catch(() => undefined);
    });
  }

  private refuseAll(port: chrome.runtime.Port, reason: string): void {
    onValidMessage(port, (message) => {
      try {
        if (message.type === 'request') port.postMessage({ type: 'response', id: message.id, error: providerError(ProviderErrorCode.unauthorized, `Wayfarer cannot identify this frame's origin, so it answers nothing here (${reason})`) });
        else for (const id of message.pending) port.postMessage({ type: 'response', id, error: providerError(ProviderErrorCode.unauthorized, 'Wayfarer cannot identify this frame\'s origin') });
      } catch {
        // The frame went away.
      }
    });
  }

  windowRemoved(kind: 'window' | 'tab', id: number): void {
    void this.service().then((s) => s.windowRemoved(kind, id)).catch(() => undefined);
  }
}

/** Calls `handle` with each message of the port that passes the schema; others are dropped. */
function onValidMessage(port: chrome.runtime.Port, handle: (message: ContentToBackground) => void): void {
  port.onMessage.addListener((raw: unknown) => {
    let message: ContentToBackground;
    try {
      message = contentToBackgroundSchema.parse(raw);
    } catch {
      return;
    }
    handle(message);
  });
}
