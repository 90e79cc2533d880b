/**
 * Wires the address book into the background worker (UI methods of
 * extension/shared/ui-api/contacts.ts over {@link ContactsService}).
 * @module
 */
import type { UiRouter } from '../router.js';
import { chromeArea } from '../vault/platform.js';
import { ContactsService } from './service.js';

export function installContacts(router: UiRouter): ContactsService {
  const service = new ContactsService({ area: chromeArea(chrome.storage.local), now: () => Date.now(), changed: () => router.emit('contacts.changed', {}) });
  router.register({
    'contacts.list': () => service.list(),
    'contacts.add': ({ label, space, network, address, note }) => service.add({ label, space, network, address, ...(note === undefined ? {} : { note }) }),
    'contacts.update': ({ id, label, note }) => service.update(id, { label, note }),
    'contacts.remove': ({ id }) => service.remove(id),
  });
  return service;
}
