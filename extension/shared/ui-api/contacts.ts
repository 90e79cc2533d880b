/**
 * UI methods of the address book (core/contacts), kept by the background in
 * `chrome.storage.local`. Every page reads the same book; `contacts.changed` announces edits.
 * @module
 */
import type { Contact } from '../../../core/contacts/index.js';
import { NETWORK_KEYS, type NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import { SPACES } from '../../../core/space.js';
import { none, object, oneOf, optional, string } from '../schema.js';
import { uiMethod } from './define.js';

export type ContactView = Contact;

const label = string({ min: 1, max: 200 });
const note = string({ max: 2000 });
const id = string({ min: 1, max: 200 });

export const contactsMethods = {
  /** Every contact (all networks and spaces); entries storage could not read are counted in `rejected`. */
  'contacts.list': uiMethod<{ contacts: ContactView[]; rejected: number }>()(none()),
  'contacts.add': uiMethod<ContactView>()(object({ label, space: oneOf(SPACES), network: oneOf(NETWORK_KEYS), address: string({ min: 1, max: 128 }), note: optional(note) })),
  'contacts.update': uiMethod<ContactView>()(object({ id, label: optional(label), note: optional(note) })),
  'contacts.remove': uiMethod<void>()(object({ id })),
} as const;

export type ContactNetwork = NetworkKey;

declare module './events.js' {
  interface UiEvents {
    'contacts.changed': Record<string, never>;
  }
}
