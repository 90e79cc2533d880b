/**
 * The address book: validation of labels and addresses, de-duplication by address and label,
 * look-ups in every spelling of an address, and the versioned stored form (round trip, rejected
 * entries kept, newer versions refused whole).
 */
import fc from 'fast-check';
import { address as sdkAddress } from 'js-conflux-sdk';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { bytesToHex } from '../encoding/hex.js';
import { checkRecipient } from '../poisoning/recipients.js';
import {
  ADDRESS_BOOK_JSON_SCHEMA, addContact, contactIndex, findContact, knownAddressesFromContacts, labelFor, parseAddressBook, removeContact, searchContacts, serializeAddressBook, updateContact,
  type AddressBook, type ContactInput,
} from './index.js';

const SEED = 0xb00c;
const HEX = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const CORE_MAIN = encodeCfxAddress(HEX, 1029);
const ESPACE = '0xFCAd0B19bB29D4674531d6f115237E16AfCE377c';
const T0 = 1_700_000_000_000;
const alice: ContactInput = { label: 'Alice', space: 'core', network: 'mainnet', address: CORE_MAIN };

function bookWith(...inputs: ContactInput[]): AddressBook {
  return inputs.reduce<AddressBook>((book, input, i) => addContact(book, input, T0 + i).book, []);
}

describe('contacts: validation', () => {
  test('a Core contact is stored in short lower-case base32 of its network, an eSpace one in EIP-55', () => {
    const { contact } = addContact([], { ...alice, address: encodeCfxAddress(HEX, 1029, { verbose: true }), label: '  Alice  ' }, T0);
    expect(contact).toEqual({ id: `mainnet/core/${HEX}`, label: 'Alice', space: 'core', network: 'mainnet', address: CORE_MAIN, note: '', createdAt: T0, updatedAt: T0 });
    expect(addContact([], { label: 'Bob', space: 'espace', network: 'testnet', address: ESPACE.toLowerCase() }, T0).contact.address).toBe(ESPACE);
    expect(addContact([], { ...alice, address: HEX }, T0).contact.address).toBe(CORE_MAIN);
  });

  test.each<[string, Partial<ContactInput>, string]>([
    ['an empty label', { label: '   ' }, 'contacts.invalid'],
    ['a label of 65 characters', { label: 'x'.repeat(65) }, 'contacts.invalid'],
    ['a right-to-left override in the label', { label: 'Alice\u202egnp.exe' }, 'contacts.invalid'],
    ['a zero-width space in the label', { label: 'Ali\u200bce' }, 'contacts.invalid'],
    ['a newline in the label', { label: 'Alice\nBob' }, 'contacts.invalid'],
    ['an unknown network', { network: 'devnet' as never }, 'contacts.invalid'],
    ['an unknown space', { space: 'evm' as never }, 'contacts.invalid'],
    ['a testnet address on mainnet', { address: encodeCfxAddress(HEX, 1) }, 'contacts.address'],
    ['an eSpace address in a Core contact', { address: '0x2a2f80341409639ea6a35bbcab8299066109aa55' }, 'contacts.address'],
    ['a builtin address', { address: encodeCfxAddress('0x0888000000000000000000000000000000000006', 1029) }, 'contacts.address'],
    ['the null address', { address: encodeCfxAddress(`0x${'00'.repeat(20)}`, 1029) }, 'contacts.address'],
    ['a bad checksum', { space: 'espace', address: '0xfCAd0B19bB29D4674531d6f115237E16AfCE377c' }, 'contacts.address'],
    ['a note of 501 characters', { note: 'n'.repeat(501) }, 'contacts.invalid'],
  ])('refuses %s', (_name, patch, code) => {
    expect(() => addContact([], { ...alice, ...patch }, T0)).toThrow(expect.objectContaining({ code }));
  });
});

describe('contacts: de-duplication', () => {
  const book = bookWith(alice, { label: 'Bob', space: 'espace', network: 'mainnet', address: ESPACE });

  test.each<[string, ContactInput, string]>([
    ['the same address in another spelling', { ...alice, label: 'Alice 2', address: HEX }, 'contacts.duplicate_address'],
    ['the same label in other case and width', { ...alice, label: 'ＡＬＩＣＥ', address: encodeCfxAddress('0x1b2f80341409639ea6a35bbcab8299066109aa55', 1029) }, 'contacts.duplicate_label'],
    ['the same label for an eSpace address of the same network', { label: 'alice', space: 'espace', network: 'mainnet', address: '0x1111111111111111111111111111111111111111' }, 'contacts.duplicate_label'],
  ])('refuses %s', (_name, input, code) => {
    expect(() => addContact(book, input, T0)).toThrow(expect.objectContaining({ code }));
  });

  test('the same address on another network or space, and the same label on another network, are other contacts', () => {
    expect(addContact(book, { ...alice, network: 'testnet', address: encodeCfxAddress(HEX, 1) }, T0).book).toHaveLength(3);
    expect(addContact(book, { label: 'Alice', space: 'espace', network: 'testnet', address: HEX }, T0).book).toHaveLength(3);
  });

  test('editing keeps the address; a label taken by another contact is refused; removing works once', () => {
    const edited = updateContact(book, `mainnet/core/${HEX}`, { label: 'Alice (cold wallet)', note: 'hardware' }, T0 + 10);
    expect(edited[0]).toMatchObject({ label: 'Alice (cold wallet)', note: 'hardware', address: CORE_MAIN, createdAt: T0, updatedAt: T0 + 10 });
    expect(() => updateContact(book, `mainnet/core/${HEX}`, { label: 'bob' }, T0)).toThrow(expect.objectContaining({ code: 'contacts.duplicate_label' }));
    expect(updateContact(book, `mainnet/core/${HEX}`, { label: 'ALICE' }, T0)[0]!.label).toBe('ALICE');
    const removed = removeContact(book, `mainnet/core/${HEX}`);
    expect(removed).toHaveLength(1);
    expect(() => removeContact(removed, `mainnet/core/${HEX}`)).toThrow(expect.objectContaining({ code: 'contacts.not_found' }));
  });
});

describe('contacts: look-up', () => {
  const book = bookWith(alice, { label: 'Bob', space: 'espace', network: 'mainnet', address: ESPACE }, { label: 'Carol', space: 'core', network: 'testnet', address: encodeCfxAddress(HEX, 1) });

  test.each([
    ['short base32', CORE_MAIN, 'Alice'],
    ['verbose upper-case base32', encodeCfxAddress(HEX, 1029, { verbose: true }), 'Alice'],
    ['hex', HEX, 'Alice'],
    ['hex upper case', HEX.toUpperCase().replace('0X', '0x'), 'Alice'],
    ['testnet base32 on mainnet', encodeCfxAddress(HEX, 1), undefined],
    ['garbage', 'cfx:zzz', undefined],
  ])('Core mainnet, %s → %s', (_name, address, label) => {
    expect(findContact(book, { space: 'core', network: 'mainnet', address })?.label).toBe(label);
    expect(labelFor(contactIndex(book), 'core', 'mainnet', address)).toBe(label);
  });

  test('eSpace look-up in any case', () => {
    expect(findContact(book, { space: 'espace', network: 'mainnet', address: ESPACE.toLowerCase() })?.label).toBe('Bob');
    expect(findContact(book, { space: 'core', network: 'mainnet', address: ESPACE })).toBeUndefined();
  });

  test('contacts feed the poisoning check: a saved address is known in any spelling, a look-alike of a saved eSpace address is flagged', () => {
    const known = knownAddressesFromContacts(book, { network: 'mainnet' });
    expect(known).toEqual([{ address: CORE_MAIN, source: 'contact', label: 'Alice' }, { address: ESPACE, source: 'contact', label: 'Bob' }]);
    expect(checkRecipient(HEX, known)).toMatchObject({ status: 'known', match: { label: 'Alice' } });
    const lookalike = `${ESPACE.slice(0, 6)}${'0'.repeat(32)}${ESPACE.slice(-4)}`;
    expect(checkRecipient(lookalike, known)).toMatchObject({ status: 'lookalike' });
  });

  test('search: labels containing the text first, then addresses starting with it, one network', () => {
    expect(searchContacts(book, 'o', { network: 'mainnet' }).map((c) => c.label)).toEqual(['Bob']);
    expect(searchContacts(book, 'cfx:aar', { network: 'mainnet' }).map((c) => c.label)).toEqual(['Alice']);
    expect(searchContacts(book, '', { network: 'mainnet', space: 'core' }).map((c) => c.label)).toEqual(['Alice']);
    expect(searchContacts(book, 'carol', { network: 'mainnet' })).toEqual([]);
  });
});

describe('contacts: stored form', () => {
  test('serialize → JSON → parse gives the same book; the schema lists exactly the stored fields', () => {
    const book = bookWith(alice, { label: 'Bob', space: 'espace', network: 'local', address: ESPACE, note: 'exchange deposit' });
    const stored = JSON.parse(JSON.stringify(serializeAddressBook(book)));
    expect(parseAddressBook(stored)).toEqual({ book, rejected: [] });
    expect(Object.keys(stored.contacts[0]).sort()).toEqual([...ADDRESS_BOOK_JSON_SCHEMA.properties.contacts.items.required].sort());
  });

  test('bad and repeated entries are returned as rejected with their raw value, the rest is kept', () => {
    const good = serializeAddressBook(bookWith(alice)).contacts[0]!;
    const stored = { version: 1, contacts: [good, { ...good, label: 'again' }, { ...good, address: 'cfx:broken' }, 'junk', { ...good, label: 'alice', address: encodeCfxAddress('0x1b2f80341409639ea6a35bbcab8299066109aa55', 1029) }] };
    const { book, rejected } = parseAddressBook(stored);
    expect(book.map((c) => c.label)).toEqual(['Alice']);
    expect(rejected.map((r) => [r.index, r.code])).toEqual([[1, 'contacts.duplicate_address'], [2, 'contacts.address'], [3, 'contacts.invalid'], [4, 'contacts.duplicate_label']]);
    expect(rejected[2]!.raw).toBe('junk');
  });

  test.each([
    ['a newer version', { version: 2, contacts: [] }, 'contacts.unsupported_version'],
    ['no version', { contacts: [] }, 'contacts.unsupported_version'],
    ['contacts not a list', { version: 1, contacts: {} }, 'contacts.corrupt'],
    ['not an object', 'address book', 'contacts.corrupt'],
  ])('refuses %s whole', (_name, stored, code) => {
    expect(() => parseAddressBook(stored)).toThrow(expect.objectContaining({ code }));
  });

  test(`random books of valid contacts survive the round trip; look-ups agree with js-conflux-sdk spellings (seed ${SEED})`, () => {
    const entry = fc.record({
      bytes: fc.uint8Array({ minLength: 20, maxLength: 20 }),
      space: fc.constantFrom('core' as const, 'espace' as const),
      network: fc.constantFrom('mainnet' as const, 'testnet' as const, 'local' as const),
      label: fc.string({ minLength: 1, maxLength: 20 }),
    });
    fc.assert(fc.property(fc.array(entry, { maxLength: 15 }), (entries) => {
      let book: AddressBook = [];
      for (const e of entries) {
        e.bytes[0] = 0x10 | (e.bytes[0]! & 0x0f);
        const chainId = { mainnet: 1029, testnet: 1, local: 1024 }[e.network];
        const address = e.space === 'core' ? sdkAddress.encodeCfxAddress(bytesToHex(e.bytes), chainId) : bytesToHex(e.bytes);
        try {
          book = addContact(book, { label: e.label, space: e.space, network: e.network, address }, T0).book;
        } catch (error) {
          expect((error as { code: string }).code).toMatch(/^contacts\./);
          continue;
        }
        expect(findContact(book, { space: e.space, network: e.network, address: bytesToHex(e.bytes) })?.label).toBe(e.label.normalize('NFC').trim());
      }
      expect(parseAddressBook(JSON.parse(JSON.stringify(serializeAddressBook(book))))).toEqual({ book, rejected: [] });
    }), { seed: SEED, numRuns: 200 });
  });
});
