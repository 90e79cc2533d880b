/**
 * Wire formats of the dApp provider, in the three hops a request takes:
 *
 *   page (inpage script, main world) ──window.postMessage──▶ content script (isolated world)
 *   content script ──runtime port "wayfarer-provider"──▶ background service worker
 *
 * and back. Every hop parses what it receives with these schemas; anything else is dropped (or,
 * when it carries a usable request id, answered with an error).
 *
 * Threat model: the page is untrusted. It can post any message to its own window, forge messages
 * that look like the content script's answers (fooling only itself), claim any origin in any field,
 * and flood. So no message carries an origin at all: the background takes the requesting origin
 * from the browser (`port.sender`), and the content script relays only messages whose source is its
 * own window and adds nothing from the page to identify it. Sizes and counts are bounded on every
 * hop. Request ids are chosen by the page and are only correlation tokens: the background scopes
 * them to the browser-assigned document id, so one document can never see or answer another's.
 * @module
 */
import { SPACES } from '../../core/space.js';
import type { ProviderErrorPayload } from './provider-errors.js';
import { array, json, literal, number, object, oneOf, optional, string, union, type Infer, type Schema } from './schema.js';

export const PROVIDER_PORT_NAME = 'wayfarer-provider';
/** Tag on messages meant for the content script (posted by the inpage script). */
export const CONTENT_TARGET = 'wayfarer-contentscript';
/** Tag on messages meant for the inpage script (posted by the content script). */
export const INPAGE_TARGET = 'wayfarer-inpage';

/** Largest serialized `params` accepted (contract deployments carry big `data`). */
export const MAX_PARAMS_BYTES = 1024 * 1024;
/** Requests one document may have in flight at once; more are refused (-32005). */
export const MAX_IN_FLIGHT_PER_DOCUMENT = 64;
/** Requests waiting for the user, per origin; more are refused (-32005). */
export const MAX_PENDING_APPROVALS_PER_ORIGIN = 5;

const requestId = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_:.-]+$/ });
const method = string({ min: 1, max: 100 });
const params = optional(json({ maxBytes: MAX_PARAMS_BYTES }));
const space = oneOf(SPACES);

/** Events the inpage providers re-emit to the dApp. */
export const PROVIDER_EVENTS = ['accountsChanged', 'chainChanged', 'disconnect'] as const;
export type ProviderEventName = (typeof PROVIDER_EVENTS)[number];

const errorPayload: Schema<ProviderErrorPayload> = object({
  code: number({ integer: true }),
  message: string({ max: 2000 }),
  data: optional(json({ maxBytes: 64 * 1024 })),
});

// ── page → content script ────────────────────────────────────────────────────────────────────

export const pageRequestSchema = object({
  target: literal(CONTENT_TARGET),
  type: literal('request'),
  id: requestId,
  space,
  method,
  params,
});
export type PageRequest = Infer<typeof pageRequestSchema>;

/** Extracts a usable id from a message that failed the full schema, so it can be answered. */
export function salvageRequestId(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, 'id')) return undefined;
  const id: unknown = (data as { id: unknown }).id;
  try {
    return requestId.parse(id);
  } catch {
    return undefined;
  }
}

// ── content script → page ────────────────────────────────────────────────────────────────────

export const inpageMessageSchema = union(
  object({ target: literal(INPAGE_TARGET), type: literal('response'), id: requestId, result: json({ maxBytes: 16 * 1024 * 1024 }) }),
  object({ target: literal(INPAGE_TARGET), type: literal('response'), id: requestId, error: errorPayload }),
  object({ target: literal(INPAGE_TARGET), type: literal('event'), space, name: oneOf(PROVIDER_EVENTS), data: json({ maxBytes: 64 * 1024 }) }),
);
export type InpageMessage = Infer<typeof inpageMessageSchema>;

// ── content script → background (runtime port) ───────────────────────────────────────────────

export const portRequestSchema = object({ type: literal('request'), id: requestId, space, method, params });
export type PortRequest = Infer<typeof portRequestSchema>;

/**
 * Sent after (re)connecting with the ids the document is still waiting for. The background answers
 * finished ones at once, keeps waiting on the ones it still holds, and says `unknown` for the rest
 * (it never received them, or it lost them in a restart), which the content script may send again.
 */
export const portHelloSchema = object({ type: literal('hello'), pending: array(requestId, { max: MAX_IN_FLIGHT_PER_DOCUMENT }) });
export type PortHello = Infer<typeof portHelloSchema>;

export const contentToBackgroundSchema = union(portRequestSchema, portHelloSchema);
export type ContentToBackground = Infer<typeof contentToBackgroundSchema>;

// ── background → content script (runtime port, or tabs.sendMessage when the port is down) ────

export const backgroundToContentSchema = union(
  object({ type: literal('response'), id: requestId, result: json({ maxBytes: 16 * 1024 * 1024 }) }),
  object({ type: literal('response'), id: requestId, error: errorPayload }),
  object({ type: literal('unknown'), id: requestId }),
  object({ type: literal('event'), space, name: oneOf(PROVIDER_EVENTS), data: json({ maxBytes: 64 * 1024 }) }),
);
export type BackgroundToContent = Infer<typeof backgroundToContentSchema>;

/** One-shot messages from the background to a content script (`chrome.tabs.sendMessage`). */
export const backgroundDirectSchema = union(
  backgroundToContentSchema,
  object({ type: literal('ping') }),
);
export type BackgroundDirect = Infer<typeof backgroundDirectSchema>;
