import { bls12_381 } from '@noble/curves/bls12-381.js';
import { describe, expect, test } from 'vitest';
import { hexToBytes } from '../../encoding/hex.js';
import { syntheticValidator } from '../testing/synthetic-pos.js';
import { aggregatePublicKeys, decodePublicKey, decodeSignature, hashMessage, verifyAggregated, verifySingle, verifyWithAggregateKey } from './bls.js';

const { longSignatures } = bls12_381;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const validators = ['a', 'b', 'c'].map((label, i) => syntheticValidator(`bls test ${label}`, 10 + i));
const keys = validators.map((v) => decodePublicKey(hexToBytes(v.publicKey)));

describe('the pairing check agrees with noble’s verify', () => {
  const messages = [hashMessage(text('first message')), hashMessage(text('second message'))];
  test('single signatures: right, wrong message, wrong key', () => {
    for (const [m, hashed] of messages.entries()) {
      for (const [signer, v] of validators.entries()) {
        const sig = longSignatures.sign(hashed, v.secretKey);
        for (const [k, key] of keys.entries()) {
          for (const other of messages) {
            const expected = longSignatures.verify(sig, other, key);
            expect(verifySingle(key, other, sig), `message ${m}, signer ${signer}, key ${k}`).toBe(expected);
            expect(expected).toBe(k === signer && other === hashed);
          }
        }
      }
    }
  });

  test('aggregates: the full set verifies, a subset or a superset does not; a cached sum is the same', () => {
    const hashed = messages[0]!;
    const signature = validators.map((v) => longSignatures.sign(hashed, v.secretKey)).reduce((sum, s) => sum.add(s));
    expect(verifyAggregated(keys, hashed, signature)).toBe(true);
    expect(verifyAggregated(keys.slice(1), hashed, signature)).toBe(false);
    expect(verifyAggregated([...keys, keys[0]!], hashed, signature)).toBe(false);
    expect(verifyAggregated(keys, messages[1]!, signature)).toBe(false);
    const sum = aggregatePublicKeys(keys)!;
    expect(verifyWithAggregateKey(sum, hashed, signature)).toBe(true);
    expect(longSignatures.verify(signature, hashed, sum)).toBe(true);
    expect(verifyWithAggregateKey(sum, hashed, decodeSignature(longSignatures.sign(hashed, validators[0]!.secretKey).toBytes(true)))).toBe(false);
  });

  test('no keys or keys that cancel out never verify', () => {
    const hashed = messages[0]!;
    const signature = longSignatures.sign(hashed, validators[0]!.secretKey);
    expect(verifyAggregated([], hashed, signature)).toBe(false);
    expect(aggregatePublicKeys([keys[0]!, keys[0]!.negate()])).toBeNull();
    expect(verifyWithAggregateKey(bls12_381.G1.Point.ZERO, hashed, signature)).toBe(false);
  });
});
