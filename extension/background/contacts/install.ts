/**
 * Wires the address book into the background worker (UI methods of
 * extension/shared/ui-api/contacts.ts over {@link ContactsService}), started on first use like
 * every service (its start cannot fail today; storage errors reach the request that met them).
 * @module
 */
import { startOnDemand } from '../lifecycle.js';
import type { UiRouter } from '../router.js';
import { chromeArea } from '../storage-area.js';
import { ContactsService } from './service.js';

export function installContacts(router: UiRouter): void {
  const service = startOnDemand(async () => new ContactsService({ area: chromeArea(chrome.storage.local), now: () => Date.now(), changed: () => router.emit('contacts.changed', {}) }));
  router.register({
    'contacts.list': async () => (await service()).list(),
    'contacts.add': async ({ label, space, network, address, note }) => (await service()).add({ label, space, network, address, ...(note === undefined ? {} : { note }) }),
    'contacts.update': async ({ id, label, note }) => (await service()).update(id, { label, note }),
    'contacts.remove': async ({ id }) => (await service()).remove(id),
  });
}
