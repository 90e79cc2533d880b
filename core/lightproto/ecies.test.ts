import { describe, expect, test } from 'vitest';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '../encoding/hex.js';
import { ECIES_OVERHEAD, eciesDecrypt, eciesEncrypt, publicKey64, randomSecretKey } from './ecies.js';
import { seededRandom } from './testing/seeded-random.js';

const random = seededRandom('ecies unit test');

describe('ECIES (Parity scheme)', () => {
  const secret = randomSecretKey(random);
  const pub = publicKey64(secret);

  test('round trip; output size is the plaintext plus 113 bytes', () => {
    const plain = new TextEncoder().encode('hello conflux');
    const message = eciesEncrypt(pub, plain, random);
    expect(message.length).toBe(plain.length + ECIES_OVERHEAD);
    expect(message[0]).toBe(4);
    expect(new TextDecoder().decode(eciesDecrypt(secret, message))).toBe('hello conflux');
  });

  test('the handshake sizes: 96, 64 and 32 bytes of plaintext give 209, 177 and 145 bytes', () => {
    expect([96, 64, 32].map((n) => eciesEncrypt(pub, new Uint8Array(n), random).length)).toEqual([209, 177, 145]);
  });

  test('a changed byte anywhere (key, IV, ciphertext, MAC) fails the MAC or the key check', () => {
    const message = eciesEncrypt(pub, new Uint8Array(32).fill(9), random);
    for (const at of [1, 40, 70, 90, message.length - 1]) {
      const bad = Uint8Array.from(message);
      bad[at]! ^= 1;
      expect(() => eciesDecrypt(secret, bad), `byte ${at}`).toThrow(expect.objectContaining({ code: 'lightproto.ecies' }));
    }
  });

  test('short messages, another prefix and the wrong recipient are refused', () => {
    const message = eciesEncrypt(pub, new Uint8Array(8), random);
    expect(() => eciesDecrypt(secret, message.subarray(0, 100))).toThrow(expect.objectContaining({ code: 'lightproto.ecies' }));
    const prefixed = Uint8Array.from(message);
    prefixed[0] = 2;
    expect(() => eciesDecrypt(secret, prefixed)).toThrow(expect.objectContaining({ code: 'lightproto.ecies' }));
    expect(() => eciesDecrypt(randomSecretKey(random), message)).toThrow(expect.objectContaining({ code: 'lightproto.ecies' }));
  });

  test('the recipient must be a curve point', () => {
    expect(() => eciesEncrypt(new Uint8Array(64), new Uint8Array(1), random)).toThrow(RangeError);
    expect(() => eciesEncrypt(pub.subarray(0, 63), new Uint8Array(1), random)).toThrow(RangeError);
  });

  test('node ids are uncompressed public keys without the 04 prefix', () => {
    expect(bytesToHex(publicKey64(secret))).toBe(bytesToHex(secp256k1.getPublicKey(secret, false).slice(1)));
  });
});
