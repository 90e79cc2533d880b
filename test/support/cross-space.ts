/**
 * Moving CFX from Core to eSpace on a dev node: a call to the Core internal contract CrossSpaceCall
 * (0x0888…0006), `transferEVM(bytes20 to)` with the amount as the call's value. The contract credits
 * the eSpace address and emits two logs; the eSpace balance follows once the epoch is executed.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { encodeCfxAddress } from '../../core/address/cip37.js';
import { bytesToHex } from '../../core/encoding/hex.js';

const CROSS_SPACE_CALL_HEX = '0x0888000000000000000000000000000000000006';
const TRANSFER_EVM_SELECTOR = bytesToHex(keccak_256(new TextEncoder().encode('transferEVM(bytes20)'))).slice(0, 10);

/** `to` and `data` of a Core transaction that sends its value to `espaceAddress` in eSpace. */
export function transferToEspace(espaceAddress: string, chainId: number): { to: string; data: `0x${string}` } {
  if (!/^0x[0-9a-fA-F]{40}$/.test(espaceAddress)) throw new RangeError(`not an eSpace address: ${espaceAddress}`);
  // bytes20 is left-aligned in its 32-byte word.
  return { to: encodeCfxAddress(CROSS_SPACE_CALL_HEX, chainId), data: `${TRANSFER_EVM_SELECTOR}${espaceAddress.slice(2).toLowerCase()}${'0'.repeat(24)}` as `0x${string}` };
}
