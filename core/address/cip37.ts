/**
 * CIP-37 base32 addresses for Conflux Core space (`cfx:aa…`, `cfxtest:aa…`, `net8888:aa…`).
 *
 * Threat model: addresses arrive from dApps, clipboards, QR codes and nodes. A wrong decode sends
 * funds to the wrong account or the wrong network, so decoding accepts only what CIP-37 defines:
 * one case per string, a known prefix, exactly 42 payload characters from the alphabet (no
 * `i`/`l`/`o`/`q`, which some libraries silently read as `a`), a valid checksum, version byte 0,
 * zero padding bits, a real Core type nibble, and a `type.` option that matches the address.
 * Spec: https://github.com/Conflux-Chain/CIPs/blob/master/CIPs/cip-37.md
 * @module
 */
import { bech32 } from '@scure/base';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { AddressError } from './errors.js';
import { networkIdFromPrefix, networkPrefix } from './network.js';
import { cip37PolyMod } from './polymod.js';
import { cfxAddressType, type CfxAddressType } from './type.js';

const ALPHABET = 'abcdefghjkmnprstuvwxyz0123456789';
/** Character code → 5-bit value, or −1 when the character is not in the alphabet. */
const ALPHABET_VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** 21 payload bytes (version + 20) are 34 five-bit groups; the checksum adds 8. */
const PAYLOAD_GROUPS = 34;
const CHECKSUM_GROUPS = 8;
const ENCODED_LENGTH = PAYLOAD_GROUPS + CHECKSUM_GROUPS;
const VERSION_BYTE = 0x00;
/** Longest sane input: prefix `net4294967295`, a few options, payload. Bounds work on garbage. */
const MAX_INPUT_LENGTH = 128;

export interface DecodedCfxAddress {
  /** The 20-byte address, lower-case `0x` hex. */
  hex: string;
  networkId: number;
  type: CfxAddressType;
}

export interface EncodeCfxAddressOptions {
  /** Upper-case form with the type option, e.g. `CFX:TYPE.USER:AAR…`. */
  verbose?: boolean;
}

function prefixValues(prefix: string): number[] {
  const values: number[] = [];
  for (let i = 0; i < prefix.length; i++) values.push(prefix.charCodeAt(i) & 0x1f);
  return values;
}

function toAddressBytes(hex: string | Uint8Array): Uint8Array {
  if (hex instanceof Uint8Array) {
    if (hex.length !== 20) throw new AddressError('address.hex', `expected a 20-byte address, got ${hex.length} bytes`);
    return hex;
  }
  if (typeof hex !== 'string') throw new AddressError('address.not_string', `expected a 0x hex address, got ${typeof hex}`);
  try {
    return hexToBytes(hex, 20, 'address');
  } catch (cause) {
    throw new AddressError('address.hex', `not a 20-byte 0x hex address: ${hex.slice(0, 50)}`, { cause });
  }
}

/**
 * Encodes a 20-byte Core address (hex or bytes) for a network.
 * @throws {AddressError} `address.hex`, `address.network_id`, `address.type_nibble`
 * @example encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', 1029)
 * // 'cfx:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg'
 */
export function encodeCfxAddress(hex: string | Uint8Array, networkId: number, opts: EncodeCfxAddressOptions = {}): string {
  const address = toAddressBytes(hex);
  const type = cfxAddressType(address);
  const prefix = networkPrefix(networkId);
  const payload = new Uint8Array(21);
  payload[0] = VERSION_BYTE;
  payload.set(address, 1);
  const groups = bech32.toWords(payload);
  const checksum = cip37PolyMod([...prefixValues(prefix), 0, ...groups, 0, 0, 0, 0, 0, 0, 0, 0]);
  let body = '';
  for (const g of groups) body += ALPHABET[g];
  // 40-bit checksum, most significant group first; division keeps it exact above 2^32.
  for (let i = CHECKSUM_GROUPS - 1; i >= 0; i--) body += ALPHABET[Math.floor(checksum / 2 ** (5 * i)) % 32];
  if (opts.verbose === true) return `${prefix}:type.${type}:${body}`.toUpperCase();
  return `${prefix}:${body}`;
}

/**
 * Decodes and fully validates a CIP-37 address (short or verbose form, either case).
 * @throws {AddressError} one code per failed rule
 * @example decodeCfxAddress('cfx:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg')
 * // { hex: '0x1a2f80341409639ea6a35bbcab8299066109aa55', networkId: 1029, type: 'user' }
 */
export function decodeCfxAddress(address: string): DecodedCfxAddress {
  const { bytes, networkId, type } = decodeCfxAddressToBytes(address);
  return { hex: bytesToHex(bytes), networkId, type };
}

/** Same as {@link decodeCfxAddress} but gives the 20 address bytes. */
export function decodeCfxAddressToBytes(address: string): { bytes: Uint8Array; networkId: number; type: CfxAddressType } {
  const { bytes, networkId, options } = decodeChecked(address);
  const type = cfxAddressType(bytes);
  assertTypeOptions(options, type);
  return { bytes, networkId, type };
}

/**
 * Decodes a CIP-37 address whose 20 bytes may have any first nibble, as Core RPC prints eSpace
 * accounts (`TYPE.UNKNOWN`). Every other rule (case, prefix, alphabet, checksum, padding, version)
 * still applies, and a `type.` option must name the decoded type. For reading node data only:
 * such an address is never a valid destination, and {@link decodeCfxAddress} refuses it.
 */
export function decodeCfxAddressAnyType(address: string): { bytes: Uint8Array; networkId: number } {
  const { bytes, networkId, options } = decodeChecked(address);
  let type: string;
  try {
    type = cfxAddressType(bytes);
  } catch {
    type = 'unknown';
  }
  assertTypeOptions(options, type);
  return { bytes, networkId };
}

/** A `type.` option in the address must name the type its bytes have. */
function assertTypeOptions(options: readonly string[], type: string): void {
  for (const option of options) {
    if (option.startsWith('type.') && option !== `type.${type}`) {
      throw new AddressError('address.type_mismatch', `address says "${option}" but it is a ${type} address`);
    }
  }
}

/** Every CIP-37 rule except the address type: returns the bytes and the middle options. */
function decodeChecked(address: string): { bytes: Uint8Array; networkId: number; options: string[] } {
  if (typeof address !== 'string') throw new AddressError('address.not_string', `expected a base32 address string, got ${typeof address}`);
  if (address.length > MAX_INPUT_LENGTH) throw new AddressError('address.length', `address is ${address.length} characters, too long`);
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) throw new AddressError('address.mixed_case', 'address mixes upper and lower case');

  const parts = lower.split(':');
  if (parts.length < 2) throw new AddressError('address.missing_prefix', 'address has no network prefix (expected e.g. "cfx:…")');
  const prefix = parts[0]!;
  const body = parts[parts.length - 1]!;
  const networkId = networkIdFromPrefix(prefix);

  if (body.length !== ENCODED_LENGTH) throw new AddressError('address.length', `address payload is ${body.length} characters, expected ${ENCODED_LENGTH}`);
  const values = new Uint8Array(ENCODED_LENGTH);
  for (let i = 0; i < ENCODED_LENGTH; i++) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? ALPHABET_VALUES[code]! : -1;
    if (value < 0) throw new AddressError('address.character', `character "${body[i]!}" is not in the CIP-37 alphabet`);
    values[i] = value;
  }
  if (cip37PolyMod([...prefixValues(prefix), 0, ...values]) !== 0) throw new AddressError('address.checksum', 'address checksum does not match (typo or wrong network)');

  const payload = bech32.fromWordsUnsafe(Array.from(values.subarray(0, PAYLOAD_GROUPS)));
  if (payload === undefined) throw new AddressError('address.padding', 'address payload has non-zero padding bits');
  if (payload[0] !== VERSION_BYTE) throw new AddressError('address.version', `address version byte is 0x${payload[0]!.toString(16)}, expected 0x00`);
  return { bytes: payload.slice(1), networkId, options: parts.slice(1, -1) };
}

/** True when {@link decodeCfxAddress} accepts the input. */
export function isValidCfxAddress(address: unknown): address is string {
  if (typeof address !== 'string') return false;
  try {
    decodeCfxAddressToBytes(address);
    return true;
  } catch {
    return false;
  }
}
