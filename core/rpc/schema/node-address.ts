/**
 * Validation of base32 addresses as nodes print them.
 *
 * Nodes print every 20-byte account in CIP-37 form, including eSpace accounts that appear in Core
 * answers (`cfx_getEpochReceipts(…, true)` shows an eSpace sender as `NET1029:TYPE.UNKNOWN:…`).
 * Such an address is well-formed but its type nibble is not a Core type, so the strict
 * `decodeCfxAddress` — right for anything a user may send to — refuses it. Node answers are
 * checked with `decodeCfxAddressAnyType`, which applies every other CIP-37 rule.
 * @module
 */
import { decodeCfxAddressAnyType } from '../../address/cip37.js';

/**
 * Decodes a node-printed base32 address to its network id and 20 bytes, or returns undefined.
 * @example parseNodeCfxAddress('NET1024:TYPE.UNKNOWN:AB9F8VMWBERGWEW7N18NTSGCP0JCWSM556ZB1M1AMH')?.networkId // 1024
 */
export function parseNodeCfxAddress(address: string): { networkId: number; bytes: Uint8Array } | undefined {
  try {
    return decodeCfxAddressAnyType(address);
  } catch {
    return undefined;
  }
}
