/**
 * Conflux Core address types, read from the first nibble of the 20-byte address.
 *
 * `0x1…` user (externally owned), `0x8…` contract, `0x0…` builtin (internal contracts), and the
 * all-zero address is `null`. Other nibbles do not exist on Core space; accepting one would let a
 * user send to an address no key or contract can ever control.
 * @module
 */
import { AddressError } from './errors.js';

export type CfxAddressType = 'user' | 'contract' | 'builtin' | 'null';

/**
 * The type of a 20-byte Core address; throws `address.type_nibble` for any other first nibble.
 * @example cfxAddressType(hexToBytes('0x1a2f80341409639ea6a35bbcab8299066109aa55')) // 'user'
 */
export function cfxAddressType(address: Uint8Array): CfxAddressType {
  if (address.length !== 20) throw new AddressError('address.length', `expected a 20-byte address, got ${address.length} bytes`);
  const nibble = address[0]! >> 4;
  if (nibble === 0x1) return 'user';
  if (nibble === 0x8) return 'contract';
  if (nibble === 0x0) return address.every((b) => b === 0) ? 'null' : 'builtin';
  throw new AddressError('address.type_nibble', `first hex digit ${nibble.toString(16)} is not a Conflux address type (0, 1 or 8)`);
}
