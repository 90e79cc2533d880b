/**
 * personal_sign for both spaces.
 *
 * hash = keccak256(prefix ‖ decimal byte length ‖ message bytes), with prefix
 * `"\x19Conflux Signed Message:\n"` on Core (signature v = 0/1, as Fluent returns through
 * js-conflux-sdk) and `"\x19Ethereum Signed Message:\n"` on eSpace (v = 27/28, EIP-191).
 * A message string that is `0x` followed by an even number of hex digits is raw bytes; any other
 * string is UTF-8 text.
 *
 * Threat model: the bytes signed must be the bytes shown. Text with a lone UTF-16 surrogate would
 * be silently replaced by U+FFFD during UTF-8 encoding, so it is refused; hex is never re-decoded
 * as text (js-conflux-sdk does, and corrupts non-UTF-8 bytes).
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { encodeCfxAddress } from '../address/cip37.js';
import { hexToBytes } from '../encoding/hex.js';
import { coreAddressFromPublicKey, espaceAddressFromPublicKey } from '../keys/address.js';
import type { PrivateKey } from '../keys/private-key.js';
import { recoverPublicKey } from '../keys/signature.js';
import type { Space } from '../space.js';
import { MessageError } from './errors.js';
import { formatSignature, parseSignature } from './signature-format.js';

const EVEN_HEX = /^0x(?:[0-9a-fA-F]{2})*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const PREFIX: Readonly<Record<Space, string>> = {
  core: '\x19Conflux Signed Message:\n',
  espace: '\x19Ethereum Signed Message:\n',
};

/** The message string as it arrives from personal_sign. */
export type PersonalMessage = string | Uint8Array;

/** UTF-8 of a text string; refuses lone surrogates (they cannot be encoded faithfully). */
export function utf8Exact(text: string, title = 'message'): Uint8Array {
  if (LONE_SURROGATE.test(text)) throw new MessageError('message.invalid', `${title}: text contains a lone UTF-16 surrogate`);
  return utf8ToBytes(text);
}

/** The bytes a personal_sign message stands for (hex → raw bytes, other strings → UTF-8). */
export function personalMessageBytes(message: PersonalMessage): Uint8Array {
  if (message instanceof Uint8Array) return message;
  if (typeof message !== 'string') throw new MessageError('message.invalid', `message: expected a string or bytes, got ${typeof message}`);
  if (EVEN_HEX.test(message)) return hexToBytes(message);
  return utf8Exact(message);
}

/** True when the message string is read as raw hex bytes rather than text. */
export function isHexPersonalMessage(message: string): boolean {
  return EVEN_HEX.test(message);
}

function personalHash(message: PersonalMessage, space: Space): Uint8Array {
  const bytes = personalMessageBytes(message);
  return keccak_256(concatBytes(utf8ToBytes(`${PREFIX[space]}${bytes.length}`), bytes));
}

/** Core personal_sign hash (`\x19Conflux Signed Message:\n` + length). */
export function corePersonalMessageHash(message: PersonalMessage): Uint8Array {
  return personalHash(message, 'core');
}

/** eSpace personal_sign hash (EIP-191 version 0x45). */
export function espacePersonalMessageHash(message: PersonalMessage): Uint8Array {
  return personalHash(message, 'espace');
}

/** Core personal_sign: 65-byte signature hex with v = 0/1. */
export function signCorePersonalMessage(message: PersonalMessage, key: PrivateKey): string {
  return formatSignature(key.signHash(corePersonalMessageHash(message)), 'core');
}

/** eSpace personal_sign: 65-byte signature hex with v = 27/28. */
export function signEspacePersonalMessage(message: PersonalMessage, key: PrivateKey): string {
  return formatSignature(key.signHash(espacePersonalMessageHash(message)), 'espace');
}

/** The base32 address (on `networkId`) that produced a Core personal_sign signature. */
export function recoverCorePersonalMessageSigner(message: PersonalMessage, signature: string, networkId: number): string {
  const publicKey = recoverPublicKey(corePersonalMessageHash(message), parseSignature(signature, 'core'));
  return encodeCfxAddress(coreAddressFromPublicKey(publicKey), networkId);
}

/** The EIP-55 address that produced an eSpace personal_sign signature. */
export function recoverEspacePersonalMessageSigner(message: PersonalMessage, signature: string): string {
  return espaceAddressFromPublicKey(recoverPublicKey(espacePersonalMessageHash(message), parseSignature(signature, 'espace')));
}
