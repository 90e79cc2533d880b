/**
 * The address book's stored form: versioned JSON, `{ "version": 1, "contacts": [ … ] }`, each
 * contact with `label`, `space`, `network`, `address`, `note`, `createdAt`, `updatedAt` (the id is
 * derived, not stored).
 *
 * Threat model: storage can be corrupted, edited by hand, or written by a newer version. Reading
 * never drops data silently: a newer version is refused whole (`contacts.unsupported_version`, the
 * caller keeps the stored bytes as they are); in a known version, each entry that fails validation
 * or repeats an earlier address or label is returned under `rejected` with its raw value and the
 * reason, for the UI to show and the caller to keep.
 * @module
 */
import { NETWORK_KEYS } from '../rpc/pool/endpoint.js';
import { SPACES } from '../space.js';
import type { AddressBook } from './book.js';
import { labelKey, makeContact, type Contact } from './contact.js';
import { ContactsError } from './errors.js';

export const ADDRESS_BOOK_VERSION = 1;

export interface StoredContactV1 {
  label: string;
  space: string;
  network: string;
  address: string;
  note: string;
  createdAt: number;
  updatedAt: number;
}

export interface StoredAddressBookV1 {
  version: 1;
  contacts: StoredContactV1[];
}

/** JSON Schema (draft 2020-12) of the stored form, for documentation and external tools. */
export const ADDRESS_BOOK_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Wayfarer address book',
  type: 'object',
  required: ['version', 'contacts'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    contacts: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        required: ['label', 'space', 'network', 'address', 'note', 'createdAt', 'updatedAt'],
        additionalProperties: false,
        properties: {
          label: { type: 'string', minLength: 1, maxLength: 64 },
          space: { enum: SPACES },
          network: { enum: NETWORK_KEYS },
          address: { type: 'string', description: 'short lower-case CIP-37 base32 (core) or EIP-55 hex (espace)' },
          note: { type: 'string', maxLength: 500 },
          createdAt: { type: 'integer', minimum: 0 },
          updatedAt: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
} as const;

export function serializeAddressBook(book: AddressBook): StoredAddressBookV1 {
  return {
    version: 1,
    contacts: book.map((c) => ({ label: c.label, space: c.space, network: c.network, address: c.address, note: c.note, createdAt: c.createdAt, updatedAt: c.updatedAt })),
  };
}

export interface RejectedEntry {
  index: number;
  raw: unknown;
  code: string;
  reason: string;
}

/**
 * Reads the stored form.
 * @throws {ContactsError} `contacts.unsupported_version` for another version, `contacts.corrupt` when it is not an address book
 */
export function parseAddressBook(value: unknown): { book: AddressBook; rejected: RejectedEntry[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ContactsError('contacts.corrupt', 'address book: expected an object');
  const record = value as Record<string, unknown>;
  if (record['version'] !== ADDRESS_BOOK_VERSION) {
    throw new ContactsError('contacts.unsupported_version', `address book: version ${String(record['version'])} is not one this wallet reads`, { details: String(record['version']) });
  }
  const contacts = record['contacts'];
  if (!Array.isArray(contacts)) throw new ContactsError('contacts.corrupt', 'address book: contacts is not a list');
  const book: Contact[] = [];
  const rejected: RejectedEntry[] = [];
  contacts.forEach((raw, index) => {
    try {
      if (typeof raw !== 'object' || raw === null) throw new ContactsError('contacts.invalid', 'entry: expected an object');
      const entry = raw as Record<string, unknown>;
      const createdAt = entry['createdAt'];
      const updatedAt = entry['updatedAt'];
      if (typeof createdAt !== 'number' || typeof updatedAt !== 'number') throw new ContactsError('contacts.invalid', 'entry: times missing', { details: 'time' });
      const contact = makeContact(
        { label: entry['label'] as string, space: entry['space'] as Contact['space'], network: entry['network'] as Contact['network'], address: entry['address'] as string, note: (entry['note'] ?? '') as string },
        updatedAt,
        createdAt,
      );
      const clash = book.find((c) => c.id === contact.id) ?? book.find((c) => c.network === contact.network && labelKey(c.label) === labelKey(contact.label));
      if (clash !== undefined) {
        throw new ContactsError(clash.id === contact.id ? 'contacts.duplicate_address' : 'contacts.duplicate_label', `entry repeats the contact "${clash.label}"`, { details: clash.id });
      }
      book.push(contact);
    } catch (error) {
      if (!(error instanceof ContactsError)) throw error;
      rejected.push({ index, raw, code: error.code, reason: error.message });
    }
  });
  return { book, rejected };
}
