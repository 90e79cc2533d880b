/**
 * The address book: contacts (label, space, network, address), validation, de-duplication,
 * look-ups, and the versioned stored form. Pure: the background owns the storage.
 * @module
 */
export * from './errors.js';
export { makeContact, canonicalAddress, labelKey, MAX_LABEL_LENGTH, MAX_NOTE_LENGTH, type Contact, type ContactInput } from './contact.js';
export { addContact, updateContact, removeContact, findContact, contactIndex, labelFor, searchContacts, knownAddressesFromContacts, MAX_CONTACTS, type AddressBook } from './book.js';
export { parseAddressBook, serializeAddressBook, ADDRESS_BOOK_VERSION, ADDRESS_BOOK_JSON_SCHEMA, type StoredAddressBookV1, type StoredContactV1, type RejectedEntry } from './storage.js';
