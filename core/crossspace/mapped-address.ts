/**
 * The mapped address: the eSpace account that belongs to a Core account.
 *
 * conflux-rust derives it as `Address::from(keccak(core_address))`, the last 20 bytes of keccak256
 * over the 20-byte Core hex address (`crates/cfx_types/src/address_util.rs`, `evm_map`). Nobody
 * holds a key for it: eSpace can send CFX to it, and only the Core account itself can move that
 * CFX back to Core, with `CrossSpaceCall.withdrawFromMapped(value)` (`withdraw_from_evmcore` in
 * `crates/execution/executor/src/internal_contract/impls/cross_space.rs`, Conflux-Chain/conflux-rust
 * at 3790f62a7bfc24ffecbfec55d9882aa73bd3c4d3). `transferEVM` also passes through it: the value is
 * moved to the sender's mapped account, which then calls the receiver in eSpace.
 *
 * Threat model: the derivation is pure; a Core address on another network than the caller expects
 * is refused so a transfer planned for testnet never names a mainnet account.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { decodeCfxAddressToBytes } from '../address/cip37.js';
import { toChecksumAddress } from '../address/eip55.js';
import { cfxAddressType } from '../address/type.js';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { CrossSpaceError } from './errors.js';

/** The 20 bytes of a Core address given as base32 (on `networkId`, when given) or as 0x hex. */
export function coreAddressBytes(address: string, networkId?: number, field = 'address'): Uint8Array {
  if (typeof address !== 'string') throw new CrossSpaceError('crossspace.address', `${field}: expected a Core address string`, { details: field });
  if (address.startsWith('0x')) {
    let bytes: Uint8Array;
    try {
      bytes = hexToBytes(address, 20, field);
      cfxAddressType(bytes);
    } catch (cause) {
      throw new CrossSpaceError('crossspace.address', `${field}: not a Core address`, { cause, details: field });
    }
    return bytes;
  }
  let decoded: ReturnType<typeof decodeCfxAddressToBytes>;
  try {
    decoded = decodeCfxAddressToBytes(address);
  } catch (cause) {
    throw new CrossSpaceError('crossspace.address', `${field}: not a valid Core address`, { cause, details: field });
  }
  if (networkId !== undefined && decoded.networkId !== networkId) {
    throw new CrossSpaceError('crossspace.address', `${field}: address is for network ${decoded.networkId}, expected ${networkId}`, { details: field });
  }
  return decoded.bytes;
}

/** The mapped eSpace address bytes of a Core address's 20 bytes. */
export function mappedAddressBytes(core: Uint8Array): Uint8Array {
  if (!(core instanceof Uint8Array) || core.length !== 20) throw new CrossSpaceError('crossspace.address', 'core address: expected 20 bytes');
  return keccak_256(core).slice(12);
}

/**
 * The EIP-55 mapped eSpace address of a Core account (base32 or hex).
 * @example mappedAddress('cfx:aak2rra2njvd77ezwjvx04kkds9fzagfe6ku8scz91') // '0x12Bf6283CcF8Ad6ffA63f7Da63EDc217228d839A'
 */
export function mappedAddress(coreAddress: string, networkId?: number): string {
  return toChecksumAddress(bytesToHex(mappedAddressBytes(coreAddressBytes(coreAddress, networkId, 'coreAddress'))));
}
