/**
 * CIP-37 network prefixes: `cfx` (mainnet, 1029), `cfxtest` (testnet, 1), `net<id>` otherwise.
 *
 * The prefix is inside the checksum, so an address copied from one network cannot be silently
 * reused on another. `net1` and `net1029` are forbidden spellings of the two named networks, so
 * every network id has exactly one prefix.
 * @module
 */
import { AddressError } from './errors.js';

export const MAINNET_NETWORK_ID = 1029;
export const TESTNET_NETWORK_ID = 1;
/** Network ids are unsigned 32-bit integers (CIP-37). */
export const MAX_NETWORK_ID = 0xffff_ffff;

const NET_PREFIX = /^net([1-9][0-9]{0,9})$/;

/** Throws unless `networkId` is an integer in 1..2^32−1. */
export function assertNetworkId(networkId: number, title = 'networkId'): number {
  if (typeof networkId !== 'number' || !Number.isInteger(networkId) || networkId < 1 || networkId > MAX_NETWORK_ID) {
    throw new AddressError('address.network_id', `${title}: expected an integer in 1..${MAX_NETWORK_ID}, got ${String(networkId)}`);
  }
  return networkId;
}

/**
 * The lower-case address prefix for a network id.
 * @example networkPrefix(1029) // 'cfx'
 */
export function networkPrefix(networkId: number): string {
  assertNetworkId(networkId);
  if (networkId === MAINNET_NETWORK_ID) return 'cfx';
  if (networkId === TESTNET_NETWORK_ID) return 'cfxtest';
  return `net${networkId}`;
}

/**
 * The network id a lower-case prefix names. Rejects unknown prefixes, leading zeros, ids above
 * 2^32−1, and the forbidden `net1` / `net1029`.
 * @example networkIdFromPrefix('net8888') // 8888
 */
export function networkIdFromPrefix(prefix: string): number {
  if (prefix === 'cfx') return MAINNET_NETWORK_ID;
  if (prefix === 'cfxtest') return TESTNET_NETWORK_ID;
  const match = NET_PREFIX.exec(prefix);
  if (match === null) throw new AddressError('address.prefix', `unknown network prefix "${prefix}"`);
  const networkId = Number(match[1]);
  if (networkId > MAX_NETWORK_ID) throw new AddressError('address.prefix', `network id in prefix "${prefix}" exceeds ${MAX_NETWORK_ID}`);
  if (networkId === MAINNET_NETWORK_ID || networkId === TESTNET_NETWORK_ID) {
    throw new AddressError('address.prefix', `prefix "${prefix}" is forbidden; use "${networkPrefix(networkId)}"`);
  }
  return networkId;
}
