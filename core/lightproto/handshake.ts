/**
 * The dialer's side of the three-message handshake (`handshake.rs`): proves that the peer holds
 * the secret of the node id we dialled, and tells it ours. No keys are agreed; nothing after it
 * is encrypted.
 *
 *   1. dialer → node: ECIES(nodeId, ourPub64 ‖ ourNonce)        209 bytes
 *   2. node → dialer: ECIES(ourPub, ourNonce ‖ nodeNonce)       177 bytes
 *   3. dialer → node: ECIES(nodeId, nodeNonce)                  145 bytes
 *
 * Threat model: anything on the path can replay or alter message 2; only the real node can put
 * our fresh nonce inside a message that decrypts under our key with a valid MAC, so a wrong size,
 * a MAC failure or another nonce ends the session. Pure functions; randomness is passed in.
 * @module
 */
import { concatBytes, equalBytes } from '../encoding/hex.js';
import { eciesDecrypt, eciesEncrypt, publicKey64, type RandomBytes } from './ecies.js';
import { LightProtocolError } from './errors.js';

export const AUTH_SIZE = 209;
export const ACK_OF_AUTH_SIZE = 177;
export const ACK_OF_ACK_SIZE = 145;

/** Message 1 and the nonce it carries (kept to check message 2). */
export function encodeAuth(nodeId: Uint8Array, ourSecret: Uint8Array, random: RandomBytes): { message: Uint8Array; nonce: Uint8Array } {
  const nonce = random(32);
  if (!(nonce instanceof Uint8Array) || nonce.length !== 32) throw new RangeError('random source returned the wrong length');
  return { message: eciesEncrypt(nodeId, concatBytes(publicKey64(ourSecret), nonce), random), nonce: Uint8Array.from(nonce) };
}

/**
 * Reads message 2 and returns the node's nonce.
 * @throws {LightProtocolError} `lightproto.handshake` (size, nonce), `lightproto.ecies`
 */
export function readAckOfAuth(ourSecret: Uint8Array, ourNonce: Uint8Array, message: Uint8Array): Uint8Array {
  if (message.length !== ACK_OF_AUTH_SIZE) throw new LightProtocolError('lightproto.handshake', `handshake answer of ${message.length} bytes, expected ${ACK_OF_AUTH_SIZE}`);
  const plain = eciesDecrypt(ourSecret, message);
  if (!equalBytes(plain.subarray(0, 32), ourNonce)) throw new LightProtocolError('lightproto.handshake', 'the handshake answer does not carry our nonce');
  return plain.slice(32, 64);
}

/** Message 3. */
export function encodeAckOfAck(nodeId: Uint8Array, nodeNonce: Uint8Array, random: RandomBytes): Uint8Array {
  if (nodeNonce.length !== 32) throw new RangeError('node nonce must be 32 bytes');
  return eciesEncrypt(nodeId, nodeNonce, random);
}
