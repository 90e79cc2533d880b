/**
 * Reading the 20 address bytes out of addresses in Core RPC answers (`miner`, receipt `from`/`to`,
 * log addresses).
 *
 * Core RPC prints every 20-byte address in CIP-37 base32 — including eSpace accounts, whose first
 * hex digit is not a Core address type (printed as `TYPE.UNKNOWN`). The user-facing decoder in
 * `core/address` refuses those on purpose (nobody should send Core funds there). Here the bytes are
 * only hashed into headers and receipts, never used as a destination, so any 20 bytes are
 * accepted; the CIP-37 checksum, alphabet, padding and version are still checked. Hex (`0x…`)
 * from nodes older than CIP-37 is accepted too.
 * @module
 */
import { bech32 } from '@scure/base';
import { networkIdFromPrefix } from '../address/network.js';
import { cip37PolyMod } from '../address/polymod.js';
import { malformed } from './errors.js';
import { asBytes, asString } from './json.js';

const ALPHABET = 'abcdefghjkmnprstuvwxyz0123456789';
const PAYLOAD_GROUPS = 34;
const ENCODED_LENGTH = 42;

function decodeAnyType(text: string, title: string): Uint8Array {
  const lower = text.toLowerCase();
  if (text !== lower && text !== text.toUpperCase()) throw malformed(`${title}: mixed-case address`);
  const parts = lower.split(':');
  const prefix = parts[0]!;
  const body = parts[parts.length - 1]!;
  if (parts.length < 2 || body.length !== ENCODED_LENGTH) throw malformed(`${title}: not a CIP-37 address`);
  try {
    networkIdFromPrefix(prefix);
  } catch (cause) {
    throw malformed(`${title}: unknown network prefix`, cause);
  }
  const values: number[] = [];
  for (const ch of body) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw malformed(`${title}: character outside the CIP-37 alphabet`);
    values.push(v);
  }
  const prefixValues = Array.from(prefix, (c) => c.charCodeAt(0) & 0x1f);
  if (cip37PolyMod([...prefixValues, 0, ...values]) !== 0) throw malformed(`${title}: address checksum does not match`);
  const payload = bech32.fromWordsUnsafe(values.slice(0, PAYLOAD_GROUPS));
  if (payload === undefined || payload.length !== 21 || payload[0] !== 0) throw malformed(`${title}: invalid address payload`);
  return payload.slice(1);
}

/**
 * The 20 bytes of an address printed by a Core RPC (base32 of any type, or hex).
 * @throws {LightClientError} `malformed`
 */
export function readRpcAddress(value: unknown, title: string): Uint8Array {
  const text = asString(value, title);
  if (text.startsWith('0x')) return asBytes(text, title, 20);
  return decodeAnyType(text, title);
}
