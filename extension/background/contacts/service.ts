/**
 * The address book in the background: the one copy every wallet page reads and edits, kept in
 * `chrome.storage.local` in core/contacts' versioned stored form. Edits are serialized so two pages
 * editing at once cannot lose each other's change.
 *
 * Threat model: pages are the wallet's own (the router admits nothing else); every input goes
 * through core/contacts' validation (labels without control or bidi characters, addresses of the
 * contact's space and network). A stored book of another version is never overwritten: edits are
 * refused until the wallet that wrote it reads it.
 * @module
 */
import { addContact, parseAddressBook, removeContact, serializeAddressBook, updateContact, type AddressBook, type Contact, type ContactInput } from '../../../core/contacts/index.js';
import { ContactsError } from '../../../core/contacts/index.js';
import type { KeyValueArea } from '../storage-area.js';

export const CONTACTS_KEY = 'contacts.book';

export class ContactsService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { area: KeyValueArea; now(): number; changed(): void }) {}

  /** The book as stored, and how many stored entries could not be read. */
  async list(): Promise<{ contacts: Contact[]; rejected: number }> {
    const stored = await this.deps.area.get(CONTACTS_KEY);
    if (stored === undefined) return { contacts: [], rejected: 0 };
    const { book, rejected } = parseAddressBook(stored);
    return { contacts: [...book].sort((a, b) => a.label.localeCompare(b.label)), rejected: rejected.length };
  }

  add(input: ContactInput): Promise<Contact> {
    return this.edit((book) => {
      const { book: next, contact } = addContact(book, input, this.deps.now());
      return { book: next, result: contact };
    });
  }

  update(id: string, patch: { label?: string | undefined; note?: string | undefined }): Promise<Contact> {
    return this.edit((book) => {
      const next = updateContact(book, id, { ...(patch.label === undefined ? {} : { label: patch.label }), ...(patch.note === undefined ? {} : { note: patch.note }) }, this.deps.now());
      const contact = next.find((c) => c.id === id);
      if (!contact) throw new ContactsError('contacts.not_found', 'no such contact');
      return { book: next, result: contact };
    });
  }

  remove(id: string): Promise<void> {
    return this.edit((book) => ({ book: removeContact(book, id), result: undefined }));
  }

  private edit<T>(change: (book: AddressBook) => { book: AddressBook; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      const stored = await this.deps.area.get(CONTACTS_KEY);
      // A stored book that does not parse (another version, corrupt) throws here: nothing is overwritten.
      const book = stored === undefined ? [] : parseAddressBook(stored).book;
      const { book: next, result } = change(book);
      await this.deps.area.set(CONTACTS_KEY, serializeAddressBook(next));
      this.deps.changed();
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
