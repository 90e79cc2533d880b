/**
 * Who is asking: derived from the browser's description of the sender of a runtime port, never
 * from anything the page or the content script says.
 *
 * Threat model: the page controls every byte of its messages, so a request can name any origin in
 * its data; only `port.sender` (filled in by the browser, which knows which document each content
 * script runs in) is believed. We require: the port comes from this extension's own content script
 * (`sender.id`), inside a tab, with a document id and an http(s) origin that agrees with the
 * frame URL. Opaque origins (sandboxed frames, data: URLs) have no identity to grant permissions
 * to, so they are refused. Permissions are keyed by the frame's own origin; an iframe never
 * inherits anything from the page that embeds it.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import { registrableDomainOf } from '../../../core/rpc/pool/domain.js';
import type { OriginView } from '../../shared/ui-api/provider.js';

export interface Requester {
  /** Serialized origin (`https://app.example:8443`), the key of every permission. */
  origin: string;
  /** Browser-assigned id of the document; request ids are scoped to it. */
  documentId: string;
  tabId: number;
  frameId: number;
}

export class UntrustedSenderError extends WayfarerError {
  declare readonly code: 'provider.untrusted_sender';
  constructor(reason: string) {
    super('provider.untrusted_sender', `refusing provider connection: ${reason}`);
  }
}

/** Reads the requester from a port's sender, or throws when the sender is not a web page frame. */
export function requesterFromSender(sender: chrome.runtime.MessageSender | undefined, extensionId: string): Requester {
  if (!sender) throw new UntrustedSenderError('no sender');
  if (sender.id !== extensionId) throw new UntrustedSenderError('not this extension');
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) throw new UntrustedSenderError('not in a tab');
  if (typeof sender.frameId !== 'number' || sender.frameId < 0) throw new UntrustedSenderError('no frame id');
  if (typeof sender.documentId !== 'string' || sender.documentId.length === 0 || sender.documentId.length > 128) throw new UntrustedSenderError('no document id');
  const origin = sender.origin;
  if (typeof origin !== 'string') throw new UntrustedSenderError('no origin');
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new UntrustedSenderError('opaque origin');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UntrustedSenderError('not an http(s) origin');
  if (parsed.origin !== origin) throw new UntrustedSenderError('origin is not in serialized form');
  // The frame URL, when present, must agree (about:blank/srcdoc frames inherit their parent's
  // origin and have no URL of their own worth comparing).
  if (sender.url !== undefined && /^https?:/.test(sender.url) && new URL(sender.url).origin !== origin) {
    throw new UntrustedSenderError('origin and URL disagree');
  }
  return { origin, documentId: sender.documentId, tabId, frameId: sender.frameId };
}

/** How the UI shows an origin (see `OriginView`). */
export function describeOrigin(origin: string): OriginView {
  const url = new URL(origin);
  const host = url.hostname;
  return {
    origin,
    scheme: url.protocol === 'https:' ? 'https' : 'http',
    host,
    port: url.port === '' ? null : url.port,
    punycode: host.split('.').some((label) => label.startsWith('xn--')),
    insecure: url.protocol === 'http:' && host !== 'localhost' && host !== '127.0.0.1' && host !== '[::1]',
  };
}

/**
 * The site a request speaks for: the registrable domain of the top-level page (of the frame itself
 * when the top page is unknown). Limits and node attribution use it, so sub-origins and iframes of
 * one site share them instead of multiplying them.
 * @example siteOf({ origin: 'https://a.evil.example', ... }) // 'evil.example'
 */
export function siteOf(requester: Requester, topOrigin?: string | null): string {
  const origin = typeof topOrigin === 'string' && /^https?:\/\//.test(topOrigin) ? topOrigin : requester.origin;
  try {
    return registrableDomainOf(origin);
  } catch {
    return registrableDomainOf(requester.origin);
  }
}
