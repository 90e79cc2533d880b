/**
 * One address-book entry: a label the user chose for an address on one network and space, and the
 * rules an entry must pass.
 *
 * Threat model: a label is shown next to addresses on approvals and in activity, so it must not be
 * able to pretend to be something else: labels are NFC-normalized, trimmed, 1–64 characters, and
 * refused when they hold control, bidirectional-override or invisible characters (which could
 * reorder or hide text). Addresses are stored in one canonical form per space (lower-case short
 * base32 of the network on Core, EIP-55 on eSpace) so look-ups cannot miss by spelling, and a Core
 * address of another network is refused rather than converted.
 * @module
 */
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../address/cip37.js';
import { parseEspaceAddress, toChecksumAddress } from '../address/eip55.js';
import { cfxAddressType } from '../address/type.js';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { NETWORKS, type NetworkKey } from '../rpc/pool/endpoint.js';
import { isSpace, type Space } from '../space.js';
import { ContactsError } from './errors.js';

export const MAX_LABEL_LENGTH = 64;
export const MAX_NOTE_LENGTH = 500;

export interface Contact {
  /** `<network>/<space>/<20-byte lower-case hex>`: one contact per address, network and space. */
  id: string;
  label: string;
  space: Space;
  network: NetworkKey;
  /** Canonical form: short lower-case base32 (Core), EIP-55 (eSpace). */
  address: string;
  /** Optional free text; '' for none. */
  note: string;
  /** Unix milliseconds, from the caller's clock. */
  createdAt: number;
  updatedAt: number;
}

/** What the user enters. */
export interface ContactInput {
  label: string;
  space: Space;
  network: NetworkKey;
  /** base32 or 0x hex (Core: hex must carry a Core type nibble), 0x hex (eSpace). */
  address: string;
  note?: string;
}

/** Control, bidirectional formatting and invisible characters refused in labels and notes. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/u;

function readText(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw new ContactsError('contacts.invalid', `${field}: expected text`, { details: field });
  const text = value.normalize('NFC').trim();
  const length = [...text].length;
  if (length < min || length > max) throw new ContactsError('contacts.invalid', `${field}: expected ${min}–${max} characters`, { details: field });
  if (FORBIDDEN.test(text)) throw new ContactsError('contacts.invalid', `${field}: holds control or invisible characters`, { details: field });
  return text;
}

export function readNetwork(value: unknown): NetworkKey {
  if (typeof value !== 'string' || !Object.hasOwn(NETWORKS, value)) throw new ContactsError('contacts.invalid', 'network: expected mainnet, testnet or local', { details: 'network' });
  return value as NetworkKey;
}

export function readSpace(value: unknown): Space {
  if (!isSpace(value)) throw new ContactsError('contacts.invalid', 'space: expected core or espace', { details: 'space' });
  return value;
}

/**
 * The 20 bytes of an address for a space and network, and its canonical form.
 * @throws {ContactsError} `contacts.address`
 */
export function canonicalAddress(address: unknown, space: Space, network: NetworkKey): { bytes: Uint8Array; address: string } {
  if (typeof address !== 'string') throw new ContactsError('contacts.address', 'address: expected text', { details: 'address' });
  const text = address.trim();
  try {
    if (space === 'espace') {
      const bytes = hexToBytes(parseEspaceAddress(text), 20);
      return { bytes, address: toChecksumAddress(bytesToHex(bytes)) };
    }
    const chainId = NETWORKS[network].coreChainId;
    let bytes: Uint8Array;
    if (text.startsWith('0x')) {
      bytes = hexToBytes(text, 20);
    } else {
      const decoded = decodeCfxAddressToBytes(text);
      if (decoded.networkId !== chainId) throw new ContactsError('contacts.address', `address: it is for network ${decoded.networkId}, not ${network} (${chainId})`, { details: 'address' });
      bytes = decoded.bytes;
    }
    const type = cfxAddressType(bytes);
    if (type !== 'user' && type !== 'contract') throw new ContactsError('contacts.address', `address: a ${type} address cannot be a contact`, { details: 'address' });
    return { bytes, address: encodeCfxAddress(bytes, chainId) };
  } catch (cause) {
    if (cause instanceof ContactsError) throw cause;
    throw new ContactsError('contacts.address', `address: not a valid ${space === 'core' ? 'Core' : 'eSpace'} address`, { cause, details: 'address' });
  }
}

export function contactId(network: NetworkKey, space: Space, bytes: Uint8Array): string {
  return `${network}/${space}/${bytesToHex(bytes)}`;
}

/**
 * A validated contact from user input (or stored data), at time `now`.
 * @throws {ContactsError} `contacts.invalid`, `contacts.address`
 */
export function makeContact(input: ContactInput, now: number, createdAt = now): Contact {
  if (typeof input !== 'object' || input === null) throw new ContactsError('contacts.invalid', 'contact: expected an object');
  const space = readSpace(input.space);
  const network = readNetwork(input.network);
  const label = readText(input.label, 'label', 1, MAX_LABEL_LENGTH);
  const note = input.note === undefined ? '' : readText(input.note, 'note', 0, MAX_NOTE_LENGTH);
  const { bytes, address } = canonicalAddress(input.address, space, network);
  if (!Number.isSafeInteger(now) || now < 0 || !Number.isSafeInteger(createdAt) || createdAt < 0) throw new ContactsError('contacts.invalid', 'time: expected unix milliseconds', { details: 'time' });
  return { id: contactId(network, space, bytes), label, space, network, address, note, createdAt, updatedAt: now };
}

/** Labels compare without case and after NFKC folding, so "Alice" and "ａｌｉｃｅ" collide. */
export function labelKey(label: string): string {
  return label.normalize('NFKC').toLowerCase();
}
