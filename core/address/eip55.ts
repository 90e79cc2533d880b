/**
 * eSpace (Ethereum-style) hex addresses with EIP-55 checksum casing.
 *
 * Threat model: a mixed-case address carries a checksum in its letter case; a typo in such an
 * address must be caught instead of sending funds to it. All-lower and all-upper addresses carry
 * no checksum and are accepted as they are (EIP-55).
 * Spec: https://eips.ethereum.org/EIPS/eip-55
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { AddressError } from './errors.js';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function assertHexAddress(address: string): void {
  if (typeof address !== 'string') throw new AddressError('address.not_string', `expected a 0x hex address, got ${typeof address}`);
  if (!HEX_ADDRESS.test(address)) throw new AddressError('address.hex', `not a 20-byte 0x hex address: ${address.slice(0, 50)}`);
}

/**
 * EIP-55 checksummed form of a 20-byte hex address (input in any case).
 * @example toChecksumAddress('0xfcad0b19bb29d4674531d6f115237e16afce377c')
 * // '0xFCAd0B19bB29D4674531d6f115237E16AfCE377c'
 */
export function toChecksumAddress(address: string): string {
  assertHexAddress(address);
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(utf8ToBytes(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    const ch = lower[i]!;
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Validates an eSpace hex address and returns it lower-case. Mixed case must be a correct EIP-55
 * checksum; all-lower or all-upper hex is accepted without one.
 * @throws {AddressError} `address.hex`, `address.eip55_checksum`
 */
export function parseEspaceAddress(address: string): string {
  assertHexAddress(address);
  const body = address.slice(2);
  const lower = body.toLowerCase();
  if (body !== lower && body !== body.toUpperCase() && toChecksumAddress(address) !== address) {
    throw new AddressError('address.eip55_checksum', 'address letter case does not match its EIP-55 checksum (typo?)');
  }
  return `0x${lower}`;
}

/** True when {@link parseEspaceAddress} accepts the input. */
export function isValidEspaceAddress(address: unknown): address is string {
  if (typeof address !== 'string') return false;
  try {
    parseEspaceAddress(address);
    return true;
  } catch {
    return false;
  }
}
