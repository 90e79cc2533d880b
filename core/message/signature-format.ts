/**
 * The 65-byte `r ‖ s ‖ v` signature strings returned to dApps. Core (Fluent / js-conflux-sdk)
 * uses v = 0/1; eSpace (MetaMask / eth-sig-util) uses v = 27/28. Parsing accepts only the
 * convention of the space it is asked for, so a signature is never silently reinterpreted.
 * @module
 */
import { bigIntToBytes, bytesToBigInt, bytesToHex, hexToBytes, padBytes } from '../encoding/hex.js';
import { assertCanonicalSignature, type RecoverableSignature } from '../keys/signature.js';
import type { Space } from '../space.js';
import { MessageError } from './errors.js';

const V_OFFSET: Readonly<Record<Space, number>> = { core: 0, espace: 27 };

/** `0x` + r(32) + s(32) + v(1) in the space's v convention. */
export function formatSignature(signature: RecoverableSignature, space: Space): string {
  const out = new Uint8Array(65);
  out.set(padBytes(bigIntToBytes(signature.r), 32), 0);
  out.set(padBytes(bigIntToBytes(signature.s), 32), 32);
  out[64] = signature.yParity + V_OFFSET[space];
  return bytesToHex(out);
}

/**
 * Parses a 65-byte signature in the space's v convention and checks it is canonical (low s).
 * @throws {MessageError} `message.signature`
 */
export function parseSignature(signature: string, space: Space): RecoverableSignature {
  let bytes: Uint8Array;
  try {
    bytes = hexToBytes(signature, 65, 'signature');
  } catch (cause) {
    throw new MessageError('message.signature', 'signature: expected 65 bytes of 0x hex', { cause });
  }
  const yParity = bytes[64]! - V_OFFSET[space];
  if (yParity !== 0 && yParity !== 1) {
    const expected = space === 'core' ? '0 or 1' : '27 or 28';
    throw new MessageError('message.signature', `signature v is ${bytes[64]}, expected ${expected}`);
  }
  const parsed: RecoverableSignature = { r: bytesToBigInt(bytes.subarray(0, 32)), s: bytesToBigInt(bytes.subarray(32, 64)), yParity };
  try {
    return assertCanonicalSignature(parsed);
  } catch (cause) {
    throw new MessageError('message.signature', 'signature is not canonical', { cause });
  }
}
