/**
 * ECIES as used by the Conflux P2P handshake (Parity's scheme, `cfx_key::crypto::ecies`).
 *
 * `0x04 ‖ ephemeralPub64 ‖ iv16 ‖ AES-128-CTR(k[0..16], iv, plain) ‖ HMAC-SHA256(SHA-256(k[16..32]), iv ‖ ciphertext)`
 * where `k = SHA-256(00000001 ‖ x(ECDH(ephemeral, recipient)))` (the NIST concat KDF, one block).
 *
 * Threat model: the handshake authenticates the node — only the holder of the node id's secret
 * can read our nonce and answer with it — and nothing else; no session keys come out of it and
 * the frames after it are plain. Decryption checks the MAC (constant-shape compare) before it
 * decrypts anything. Primitives are @noble's; randomness is passed in (no platform globals).
 * @module
 */
import { ctr } from '@noble/ciphers/aes.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, equalBytes } from '../encoding/hex.js';
import { LightProtocolError } from './errors.js';

/** Source of cryptographically secure random bytes (e.g. `crypto.getRandomValues` wrapped). */
export type RandomBytes = (length: number) => Uint8Array;

/** Bytes ECIES adds to a message: prefix, ephemeral key, IV, MAC. */
export const ECIES_OVERHEAD = 1 + 64 + 16 + 32;

/** `04 ‖ key` as noble expects it, after checking the 64-byte key is a curve point. */
export function uncompressedPoint(publicKey64: Uint8Array, title = 'public key'): Uint8Array {
  if (!(publicKey64 instanceof Uint8Array) || publicKey64.length !== 64) throw new RangeError(`${title}: expected 64 bytes`);
  const point = concatBytes(Uint8Array.of(4), publicKey64);
  if (!secp256k1.utils.isValidPublicKey(point, false)) throw new RangeError(`${title}: not a secp256k1 point`);
  return point;
}

/** Bytes of randomness reduced into a secret key (noble's `lengths.seed` for secp256k1). */
const SEED_BYTES = 48;

/** A fresh secret key from `random` (48 bytes reduced into 1..n−1, noble's `randomSecretKey`). */
export function randomSecretKey(random: RandomBytes): Uint8Array {
  return secp256k1.utils.randomSecretKey(random(SEED_BYTES));
}

/** The 64-byte public key (node id form) of a secret key. */
export function publicKey64(secretKey: Uint8Array): Uint8Array {
  return secp256k1.getPublicKey(secretKey, false).slice(1);
}

function derivedKeys(secretKey: Uint8Array, publicPoint: Uint8Array): { encryption: Uint8Array; mac: Uint8Array } {
  const shared = secp256k1.getSharedSecret(secretKey, publicPoint, true).slice(1); // x coordinate
  const k = sha256(concatBytes(Uint8Array.of(0, 0, 0, 1), shared));
  shared.fill(0);
  return { encryption: k.slice(0, 16), mac: sha256(k.slice(16, 32)) };
}

/** Encrypts `plain` to the holder of `recipient` (64-byte public key). */
export function eciesEncrypt(recipient: Uint8Array, plain: Uint8Array, random: RandomBytes): Uint8Array {
  const point = uncompressedPoint(recipient, 'recipient');
  const ephemeral = randomSecretKey(random);
  const keys = derivedKeys(ephemeral, point);
  const iv = random(16);
  if (!(iv instanceof Uint8Array) || iv.length !== 16) throw new RangeError('random source returned the wrong length');
  const cipher = ctr(keys.encryption, iv).encrypt(plain);
  const mac = hmac(sha256, keys.mac, concatBytes(iv, cipher));
  const out = concatBytes(Uint8Array.of(4), publicKey64(ephemeral), iv, cipher, mac);
  ephemeral.fill(0);
  keys.encryption.fill(0);
  return out;
}

/**
 * Decrypts a message addressed to `secretKey`.
 * @throws {LightProtocolError} `lightproto.ecies` on a short message, a bad prefix or key, or a MAC mismatch
 */
export function eciesDecrypt(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  if (message.length < ECIES_OVERHEAD) throw new LightProtocolError('lightproto.ecies', `ECIES message of ${message.length} bytes is too short`);
  if (message[0] !== 4) throw new LightProtocolError('lightproto.ecies', 'ECIES message does not start with an uncompressed key');
  let point: Uint8Array;
  try {
    point = uncompressedPoint(message.subarray(1, 65), 'ephemeral key');
  } catch (cause) {
    throw new LightProtocolError('lightproto.ecies', 'ECIES ephemeral key is not a curve point', { cause });
  }
  const keys = derivedKeys(secretKey, point);
  const body = message.subarray(65, message.length - 32);
  const mac = hmac(sha256, keys.mac, body);
  if (!equalBytes(mac, message.subarray(message.length - 32))) throw new LightProtocolError('lightproto.ecies', 'ECIES MAC mismatch');
  const plain = ctr(keys.encryption, body.subarray(0, 16)).decrypt(body.subarray(16));
  keys.encryption.fill(0);
  return plain;
}
