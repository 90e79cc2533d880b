/**
 * Addresses read from calldata or typed data, written the way the user knows them in that space:
 * base32 for the network on Core, EIP-55 on eSpace.
 *
 * Threat model: calldata carries raw 20-byte addresses; on Core a value whose first nibble is not a
 * Core address type (0, 1, 8) belongs to no account and no contract. It is kept as 0x hex (so it
 * never looks like a base32 address) and reported, never silently converted.
 * @module
 */
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../address/cip37.js';
import { parseEspaceAddress, toChecksumAddress } from '../address/eip55.js';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { EffectsError } from './errors.js';

/** Writes a lower-case 20-byte hex address in the space's form; a non-Core type on Core stays hex. */
export function formatAddress(hex: string, space: Space, chainId: number): string {
  if (space === 'espace') return toChecksumAddress(hex);
  try {
    return encodeCfxAddress(hex, chainId);
  } catch {
    return hex.toLowerCase();
  }
}

/** True when a formatted Core address could not be written in base32 (not a Core address type). */
export function isForeignCoreAddress(formatted: string, space: Space): boolean {
  return space === 'core' && formatted.startsWith('0x');
}

/**
 * Reads an address given by the caller (a transaction's `to`, a typed-data field): base32 of the
 * same network or hex on Core, hex (EIP-55 checked when mixed case) on eSpace. Returns lower-case hex.
 * @throws {EffectsError} `effects.input`
 */
export function readAddress(value: unknown, space: Space, chainId: number, field: string): string {
  if (typeof value !== 'string') throw new EffectsError('effects.input', `${field}: expected an address string`, { details: field });
  try {
    if (space === 'core' && !value.startsWith('0x')) {
      const decoded = decodeCfxAddressToBytes(value);
      if (decoded.networkId !== chainId) throw new EffectsError('effects.input', `${field}: address is for network ${decoded.networkId}, not ${chainId}`, { details: field });
      return bytesToHex(decoded.bytes);
    }
    if (space === 'core') {
      hexToBytes(value, 20, field);
      return value.toLowerCase();
    }
    return parseEspaceAddress(value);
  } catch (cause) {
    if (cause instanceof EffectsError) throw cause;
    throw new EffectsError('effects.input', `${field}: not a valid ${space === 'core' ? 'Core' : 'eSpace'} address`, { cause, details: field });
  }
}
