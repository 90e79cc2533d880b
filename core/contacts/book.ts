/**
 * The address book as an immutable list of contacts: adding with de-duplication, editing labels
 * and notes, removing, and looking contacts up by address (for labels on approvals and activity)
 * or by text (for the send form).
 *
 * Threat model: one address has at most one contact per network and space, and one label names
 * at most one contact per network, so a label shown on an approval always means one address. The
 * address of a contact never changes in place (remove and add instead), so an edited label cannot
 * silently move to another address.
 * @module
 */
import type { KnownAddress } from '../poisoning/recipients.js';
import type { NetworkKey } from '../rpc/pool/endpoint.js';
import type { Space } from '../space.js';
import { canonicalAddress, contactId, labelKey, makeContact, MAX_LABEL_LENGTH, MAX_NOTE_LENGTH, type Contact, type ContactInput } from './contact.js';
import { ContactsError } from './errors.js';

export type AddressBook = readonly Contact[];

/** At most this many contacts (storage and look-ups stay small). */
export const MAX_CONTACTS = 5000;

function assertNoClash(book: AddressBook, contact: Contact): void {
  const sameAddress = book.find((c) => c.id === contact.id);
  if (sameAddress !== undefined) throw new ContactsError('contacts.duplicate_address', `this address is already saved as "${sameAddress.label}"`, { details: sameAddress.id });
  const key = labelKey(contact.label);
  const sameLabel = book.find((c) => c.network === contact.network && c.id !== contact.id && labelKey(c.label) === key);
  if (sameLabel !== undefined) throw new ContactsError('contacts.duplicate_label', `the label "${contact.label}" is already used for another address`, { details: sameLabel.id });
}

/**
 * Adds a contact.
 * @throws {ContactsError} `contacts.invalid`, `contacts.address`, `contacts.duplicate_address`, `contacts.duplicate_label`
 */
export function addContact(book: AddressBook, input: ContactInput, now: number): { book: AddressBook; contact: Contact } {
  if (book.length >= MAX_CONTACTS) throw new ContactsError('contacts.invalid', `the address book holds at most ${MAX_CONTACTS} contacts`, { details: 'book' });
  const contact = makeContact(input, now);
  assertNoClash(book, contact);
  return { book: [...book, contact], contact };
}

/**
 * Changes a contact's label and/or note (not its address, space or network).
 * @throws {ContactsError} `contacts.not_found`, `contacts.invalid`, `contacts.duplicate_label`
 */
export function updateContact(book: AddressBook, id: string, patch: { label?: string; note?: string }, now: number): AddressBook {
  const index = book.findIndex((c) => c.id === id);
  if (index < 0) throw new ContactsError('contacts.not_found', 'no such contact', { details: id });
  const old = book[index]!;
  const next = makeContact({ space: old.space, network: old.network, address: old.address, label: patch.label ?? old.label, note: patch.note ?? old.note }, now, old.createdAt);
  const others = book.filter((_, i) => i !== index);
  assertNoClash(others, next);
  return book.map((c, i) => (i === index ? next : c));
}

export function removeContact(book: AddressBook, id: string): AddressBook {
  if (!book.some((c) => c.id === id)) throw new ContactsError('contacts.not_found', 'no such contact', { details: id });
  return book.filter((c) => c.id !== id);
}

/** The contact for an address (base32 in any accepted spelling, or hex), or undefined (also for an invalid address). */
export function findContact(book: AddressBook, query: { space: Space; network: NetworkKey; address: string }): Contact | undefined {
  let id: string;
  try {
    id = contactId(query.network, query.space, canonicalAddress(query.address, query.space, query.network).bytes);
  } catch {
    return undefined;
  }
  return book.find((c) => c.id === id);
}

/** An index by id for showing labels next to many addresses (activity lists). */
export function contactIndex(book: AddressBook): ReadonlyMap<string, Contact> {
  return new Map(book.map((c) => [c.id, c]));
}

/** The label of an address through an index, or undefined. */
export function labelFor(index: ReadonlyMap<string, Contact>, space: Space, network: NetworkKey, address: string): string | undefined {
  try {
    return index.get(contactId(network, space, canonicalAddress(address, space, network).bytes))?.label;
  } catch {
    return undefined;
  }
}

/** Contacts of a network (and space, if given) whose label contains the text or whose address starts with it, labels first. */
export function searchContacts(book: AddressBook, text: string, filter: { network: NetworkKey; space?: Space }): Contact[] {
  const query = labelKey(String(text).trim());
  const inScope = book.filter((c) => c.network === filter.network && (filter.space === undefined || c.space === filter.space));
  if (query === '') return [...inScope].sort((a, b) => a.label.localeCompare(b.label));
  const byLabel = inScope.filter((c) => labelKey(c.label).includes(query));
  const byAddress = inScope.filter((c) => !byLabel.includes(c) && c.address.toLowerCase().startsWith(query));
  return [...byLabel.sort((a, b) => a.label.localeCompare(b.label)), ...byAddress];
}

export { MAX_LABEL_LENGTH, MAX_NOTE_LENGTH };

/**
 * The contacts of a network (and space) as known addresses for core/poisoning's recipient check
 * and Activity classification (contacts are addresses the user chose, so they may be "known").
 */
export function knownAddressesFromContacts(book: AddressBook, filter: { network: NetworkKey; space?: Space }): KnownAddress[] {
  return book
    .filter((c) => c.network === filter.network && (filter.space === undefined || c.space === filter.space))
    .map((c) => ({ address: c.address, source: 'contact' as const, label: c.label }));
}
