/**
 * Account addresses from public keys.
 *
 * eSpace: the Ethereum address, last 20 bytes of keccak256 of the 64-byte public key (without the
 * 0x04 tag). Core: the same 20 bytes with the first nibble forced to 1 (the user-account type), as
 * conflux-rust does for externally owned accounts.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '../encoding/hex.js';
import { toChecksumAddress } from '../address/eip55.js';
import { KeyError } from './errors.js';
import type { PrivateKey } from './private-key.js';

function accountHash(publicKey: Uint8Array): Uint8Array {
  if (!(publicKey instanceof Uint8Array) || (publicKey.length !== 65 && publicKey.length !== 33)) {
    throw new KeyError('key.public_key', 'public key: expected 33 (compressed) or 65 (uncompressed) bytes');
  }
  let uncompressed: Uint8Array;
  try {
    uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false);
  } catch (cause) {
    throw new KeyError('key.public_key', 'public key is not a point on secp256k1', { cause });
  }
  return keccak_256(uncompressed.subarray(1)).subarray(12);
}

/** Core hex address (`0x1…`, lower case) of a public key. */
export function coreAddressFromPublicKey(publicKey: Uint8Array): string {
  const address = accountHash(publicKey);
  address[0] = (address[0]! & 0x0f) | 0x10;
  return bytesToHex(address);
}

/** eSpace address (EIP-55 checksummed) of a public key. */
export function espaceAddressFromPublicKey(publicKey: Uint8Array): string {
  return toChecksumAddress(bytesToHex(accountHash(publicKey)));
}

/**
 * Core hex address of a key; format it for a network with `encodeCfxAddress(hex, networkId)`.
 * @example coreAddressFromPrivateKey(privateKeyFromHex('0x0123…cdef')) // '0x1cad0b19…377c'
 */
export function coreAddressFromPrivateKey(key: PrivateKey): string {
  return coreAddressFromPublicKey(key.publicKey());
}

/** eSpace address (EIP-55) of a key. */
export function espaceAddressFromPrivateKey(key: PrivateKey): string {
  return espaceAddressFromPublicKey(key.publicKey());
}
