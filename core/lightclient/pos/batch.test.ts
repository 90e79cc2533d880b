import { bls12_381 } from '@noble/curves/bls12-381.js';
import { describe, expect, test } from 'vitest';
import { randomScalars, verifyBatch, type SignatureEquation } from './batch.js';

const { longSignatures } = bls12_381;
/** Deterministic "random" bytes for reproducible tests (seed printed in the test name). */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (length: number) => Uint8Array.from({ length }, () => ((state = (state * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
}

function equations(count: number): SignatureEquation[] {
  return Array.from({ length: count }, (_, i) => {
    const { secretKey, publicKey } = longSignatures.keygen(new Uint8Array(48).fill(i + 1));
    const hashed = longSignatures.hash(new TextEncoder().encode(`message ${i}`));
    return { key: publicKey, hashed, signature: longSignatures.sign(hashed, secretKey) };
  });
}

describe('batch verification with random linear combinations (seed 7)', () => {
  const valid = equations(4);

  test('valid equations pass, alone and together', () => {
    expect(verifyBatch([], seeded(7))).toBe(true);
    expect(verifyBatch(valid.slice(0, 1), seeded(7))).toBe(true);
    expect(verifyBatch(valid, seeded(7))).toBe(true);
  });

  test('one wrong signature fails the batch', () => {
    const wrong = [...valid];
    wrong[2] = { ...wrong[2]!, signature: valid[1]!.signature };
    expect(verifyBatch(wrong, seeded(7))).toBe(false);
  });

  test('two wrong signatures that cancel out in a plain sum still fail', () => {
    const delta = longSignatures.hash(new TextEncoder().encode('delta'));
    const cancelling = [...valid];
    cancelling[0] = { ...valid[0]!, signature: valid[0]!.signature.add(delta) };
    cancelling[1] = { ...valid[1]!, signature: valid[1]!.signature.subtract(delta) };
    // Without random factors the sums would agree: Σσ' = Σσ.
    const plainSum = cancelling.reduce((s, e) => s.add(e.signature), bls12_381.G2.Point.ZERO);
    expect(plainSum.equals(valid.reduce((s, e) => s.add(e.signature), bls12_381.G2.Point.ZERO))).toBe(true);
    expect(verifyBatch(cancelling, seeded(7))).toBe(false);
  });

  test('scalars are non-zero 64-bit numbers', () => {
    const scalars = randomScalars(50, seeded(7));
    expect(scalars.every((r) => r > 0n && r < 1n << 64n)).toBe(true);
    expect(new Set(scalars).size).toBe(50);
    expect(randomScalars(2, () => new Uint8Array(16))).toEqual([1n, 1n]);
  });
});
