/**
 * Differential tests of personal_sign: Core against js-conflux-sdk's PersonalMessage (Fluent's own
 * implementation), eSpace against viem and @metamask/eth-sig-util.
 *
 * Filtered SDK quirk: for a hex message whose bytes are not valid UTF-8, js-conflux-sdk decodes and
 * re-encodes the bytes as text and signs different bytes; those cases are compared against the spec
 * vector (personal-sign.json, `divergence`) instead. Strings that look like hex are generated only
 * as hex messages, since every implementation reads them as bytes.
 */
import { personalSign } from '@metamask/eth-sig-util';
import fc from 'fast-check';
import { PersonalMessage } from 'js-conflux-sdk';
import { hashMessage } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { bytesToHex } from '../encoding/hex.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../keys/address.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import {
  corePersonalMessageHash,
  espacePersonalMessageHash,
  recoverCorePersonalMessageSigner,
  recoverEspacePersonalMessageSigner,
  signCorePersonalMessage,
  signEspacePersonalMessage,
} from './personal.js';

const RUNS = 250;
type Hex = `0x${string}`;

const privateKey = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((b) => b.some((x) => x !== 0) && b[0]! < 0xff).map((b) => bytesToHex(b));
const text = fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 3000 })).filter((s) => !/^0x[0-9a-fA-F]*$/.test(s));
const bytes = fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ minLength: 1000, maxLength: 3000 }));
const isUtf8 = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('Core personal_sign against js-conflux-sdk', () => {
  test('text messages', () => {
    fc.assert(
      fc.property(text, privateKey, (message, pk) => {
        const key = privateKeyFromHex(pk);
        expect(bytesToHex(corePersonalMessageHash(message))).toBe(PersonalMessage.personalHash(message));
        const signature = signCorePersonalMessage(message, key);
        expect(signature).toBe(PersonalMessage.sign(pk, message));
        expect(recoverCorePersonalMessageSigner(message, signature, 1029)).toBe(encodeCfxAddress(coreAddressFromPrivateKey(key), 1029));
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  test('hex messages (UTF-8-decodable bytes; see header)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }).map((t) => new TextEncoder().encode(t)), bytes.filter(isUtf8)), privateKey, (raw, pk) => {
        const message = bytesToHex(raw);
        expect(bytesToHex(corePersonalMessageHash(message))).toBe(PersonalMessage.personalHash(message));
        expect(signCorePersonalMessage(message, privateKeyFromHex(pk))).toBe(PersonalMessage.sign(pk, message));
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});

describe('eSpace personal_sign against viem and eth-sig-util', () => {
  test('text and hex messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, bytes.map((b) => bytesToHex(b))), privateKey, async (message, pk) => {
        const key = privateKeyFromHex(pk);
        const isHexMessage = /^0x/.test(message);
        const viemMessage = isHexMessage ? { raw: message as Hex } : message;
        expect(bytesToHex(espacePersonalMessageHash(message))).toBe(hashMessage(viemMessage));
        const signature = signEspacePersonalMessage(message, key);
        expect(signature).toBe(await privateKeyToAccount(pk as Hex).signMessage({ message: viemMessage }));
        expect(signature).toBe(personalSign({ privateKey: Buffer.from(pk.slice(2), 'hex'), data: message }));
        expect(recoverEspacePersonalMessageSigner(message, signature)).toBe(espaceAddressFromPrivateKey(key));
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
