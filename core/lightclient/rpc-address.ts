/**
 * Reading the 20 address bytes out of addresses in Core RPC answers (`miner`, receipt `from`/`to`,
 * log addresses).
 *
 * Core RPC prints every 20-byte address in CIP-37 base32 — including eSpace accounts, whose first
 * hex digit is not a Core address type (printed as `TYPE.UNKNOWN`). Such bytes are only hashed
 * into headers and receipts here, never used as a destination, so `decodeCfxAddressAnyType`
 * (every CIP-37 rule but the type nibble) reads them. Hex (`0x…`) from nodes older than CIP-37 is
 * accepted too.
 * @module
 */
import { decodeCfxAddressAnyType } from '../address/cip37.js';
import { AddressError } from '../address/errors.js';
import { malformed } from './errors.js';
import { asBytes, asString } from './json.js';

/**
 * The 20 bytes of an address printed by a Core RPC (base32 of any type, or hex).
 * @throws {LightClientError} `malformed`
 */
export function readRpcAddress(value: unknown, title: string): Uint8Array {
  const text = asString(value, title);
  if (text.startsWith('0x')) return asBytes(text, title, 20);
  try {
    return decodeCfxAddressAnyType(text).bytes;
  } catch (cause) {
    if (cause instanceof AddressError) throw malformed(`${title}: ${cause.message}`, cause);
    throw cause;
  }
}
