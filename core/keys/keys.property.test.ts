/**
 * Differential tests of the key layer:
 * - BIP39 against a reference built on Node's OpenSSL (sha256 checksum, PBKDF2-HMAC-SHA512 seed),
 *   independent of @scure/@noble;
 * - BIP32 derivation on the Core and eSpace paths against a literal transcription of BIP32 CKDpriv
 *   (HMAC-SHA512 from node:crypto, point arithmetic from @noble/curves);
 * - private key → public key and addresses against js-conflux-sdk (native secp256k1 + keccak) and viem.
 */
import { createHmac, createHash, pbkdf2Sync } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import fc from 'fast-check';
import { sign as sdkSign } from 'js-conflux-sdk';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from './address.js';
import { deriveAccountKey } from './hd.js';
import { mnemonicToSeedSync, validateMnemonic } from './mnemonic.js';
import { PrivateKey } from './private-key.js';

const N = secp256k1.Point.CURVE().n;

/** BIP39 reference: entropy → words with an SHA-256 checksum (OpenSSL). */
function referenceMnemonic(entropy: Uint8Array): string {
  const checksumBits = entropy.length / 4;
  const hash = createHash('sha256').update(entropy).digest();
  let bits = [...entropy].map((b) => b.toString(2).padStart(8, '0')).join('');
  bits += [...hash].map((b) => b.toString(2).padStart(8, '0')).join('').slice(0, checksumBits);
  const words: string[] = [];
  for (let i = 0; i < bits.length; i += 11) words.push(wordlist[Number.parseInt(bits.slice(i, i + 11), 2)]!);
  return words.join(' ');
}

/** BIP39 reference checksum validity of a word sequence. */
function referenceValid(words: string[]): boolean {
  const bits = words.map((w) => wordlist.indexOf(w).toString(2).padStart(11, '0')).join('');
  const entropyBits = (bits.length * 32) / 33;
  const entropy = Uint8Array.from(bits.slice(0, entropyBits).match(/.{8}/g)!.map((b) => Number.parseInt(b, 2)));
  return referenceMnemonic(entropy) === words.join(' ');
}

/** BIP32 reference: CKDpriv along `path` from the master key of `seed`. */
function referenceDerive(seed: Uint8Array, path: readonly number[]): Uint8Array {
  let I = createHmac('sha512', 'Bitcoin seed').update(seed).digest();
  let k = BigInt(`0x${I.subarray(0, 32).toString('hex')}`);
  let c = I.subarray(32);
  for (const index of path) {
    const kBytes = Buffer.from(k.toString(16).padStart(64, '0'), 'hex');
    const data = index >= 0x8000_0000 ? Buffer.concat([Buffer.of(0), kBytes]) : Buffer.from(secp256k1.getPublicKey(kBytes, true));
    const ser = Buffer.alloc(4);
    ser.writeUInt32BE(index);
    I = createHmac('sha512', c).update(Buffer.concat([data, ser])).digest();
    k = (BigInt(`0x${I.subarray(0, 32).toString('hex')}`) + k) % N;
    c = I.subarray(32);
  }
  return Buffer.from(k.toString(16).padStart(64, '0'), 'hex');
}

const H = 0x8000_0000;
const PATHS: Record<Space, number[]> = { core: [44 + H, 503 + H, H, 0], espace: [44 + H, 60 + H, H, 0] };

describe('BIP39 against an OpenSSL reference', () => {
  test('mnemonic validity and seeds agree', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(16, 20, 24, 28, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.nat(),
        fc.nat({ max: 2047 }),
        (entropy, passphrase, at, replacement) => {
          const mnemonic = referenceMnemonic(entropy);
          expect(validateMnemonic(mnemonic)).toBe(true);
          const seed = pbkdf2Sync(mnemonic.normalize('NFKD'), `mnemonic${passphrase}`.normalize('NFKD'), 2048, 64, 'sha512');
          expect(bytesToHex(mnemonicToSeedSync(mnemonic, passphrase))).toBe(bytesToHex(seed));
          // One word replaced: valid exactly when the reference checksum says so.
          const words = mnemonic.split(' ');
          words[at % words.length] = wordlist[replacement]!;
          expect(validateMnemonic(words.join(' '))).toBe(referenceValid(words));
        },
      ),
      { numRuns: 200 },
    );
  }, 180_000);
});

describe('BIP32 against a CKDpriv transcription', () => {
  test('Core and eSpace account keys agree', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 64 }), fc.constantFrom<Space>('core', 'espace'), fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: H - 1 })), (seed, space, index) => {
        const ours = deriveAccountKey(seed, space, index).exportBytes();
        expect(bytesToHex(ours)).toBe(bytesToHex(referenceDerive(seed, [...PATHS[space], index])));
      }),
      { numRuns: 200 },
    );
  }, 180_000);
});

describe('addresses against js-conflux-sdk and viem', () => {
  test('public key, Core address and eSpace address agree', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: N - 1n }), (k) => {
        const hex = `0x${k.toString(16).padStart(64, '0')}` as const;
        const key = PrivateKey.fromHex(hex);
        const account = privateKeyToAccount(hex);
        expect(bytesToHex(key.publicKey())).toBe(account.publicKey);
        expect(espaceAddressFromPrivateKey(key)).toBe(account.address);
        expect(coreAddressFromPrivateKey(key)).toBe(bytesToHex(sdkSign.privateKeyToAddress(Buffer.from(hex.slice(2), 'hex'))));
      }),
      { numRuns: 300 },
    );
  }, 180_000);
});
