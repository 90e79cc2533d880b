/**
 * Validation of base32 addresses as nodes print them.
 *
 * Nodes print every 20-byte account in CIP-37 form, including eSpace accounts that appear in Core
 * answers (`cfx_getEpochReceipts(…, true)` shows an eSpace sender as `NET1029:TYPE.UNKNOWN:…`).
 * Such an address is well-formed (prefix, alphabet, checksum, version, padding) but its type nibble
 * is not a Core type, so the wallet's strict `decodeCfxAddress` — right for anything a user may
 * send to — refuses it. This validator applies every CIP-37 rule except the type nibble, which must
 * only agree with a `type.` option when one is present (`unknown` for non-Core nibbles).
 * @module
 */
import { bech32 } from '@scure/base';
import { cip37PolyMod } from '../../address/polymod.js';
import { networkIdFromPrefix } from '../../address/network.js';

const ALPHABET = 'abcdefghjkmnprstuvwxyz0123456789';
const PAYLOAD_GROUPS = 34;
const ENCODED_LENGTH = 42;
const MAX_INPUT_LENGTH = 128;

function typeName(address: Uint8Array): string {
  const nibble = address[0]! >> 4;
  if (nibble === 0x1) return 'user';
  if (nibble === 0x8) return 'contract';
  if (nibble === 0x0) return address.every((b) => b === 0) ? 'null' : 'builtin';
  return 'unknown';
}

/**
 * Decodes a node-printed base32 address to its network id and 20 bytes, or returns undefined.
 * @example parseNodeCfxAddress('NET1024:TYPE.UNKNOWN:AB9F8VMWBERGWEW7N18NTSGCP0JCWSM556ZB1M1AMH')?.networkId // 1024
 */
export function parseNodeCfxAddress(address: string): { networkId: number; bytes: Uint8Array } | undefined {
  if (address.length > MAX_INPUT_LENGTH) return undefined;
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) return undefined;
  const parts = lower.split(':');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const prefix = parts[0]!;
  const body = parts[parts.length - 1]!;
  let networkId: number;
  try {
    networkId = networkIdFromPrefix(prefix);
  } catch {
    return undefined;
  }
  if (body.length !== ENCODED_LENGTH) return undefined;
  const values: number[] = [];
  for (const ch of body) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    values.push(v);
  }
  const prefixValues = Array.from(prefix, (c) => c.charCodeAt(0) & 0x1f);
  if (cip37PolyMod([...prefixValues, 0, ...values]) !== 0) return undefined;
  const payload = bech32.fromWordsUnsafe(values.slice(0, PAYLOAD_GROUPS));
  if (payload === undefined || payload.length !== 21 || payload[0] !== 0) return undefined;
  const bytes = payload.slice(1);
  if (parts.length === 3 && parts[1] !== `type.${typeName(bytes)}`) return undefined;
  return { networkId, bytes };
}
