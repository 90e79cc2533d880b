/**
 * Wire format between extension pages (popup, approval, full-tab UI) and the background, over a
 * long-lived runtime port. Requests carry an id; the background answers each id exactly once and
 * may push events at any time. Ports die whenever the service worker is stopped, so the client
 * reconnects and pending requests fail with a typed error instead of hanging.
 */
import { json, literal, number, object, optional, string } from './schema.js';

export const UI_PORT_NAME = 'wayfarer-ui';

export const uiRequestSchema = object({
  type: literal('request'),
  id: number({ integer: true, min: 0 }),
  method: string({ max: 100 }),
  params: optional(json({ maxBytes: 4 * 1024 * 1024 })),
});

export interface UiErrorPayload {
  code: string;
  message: string;
}

export type UiResponseMessage =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: UiErrorPayload };

export interface UiEventMessage {
  type: 'event';
  name: string;
  data: unknown;
}

export type UiServerMessage = UiResponseMessage | UiEventMessage;
