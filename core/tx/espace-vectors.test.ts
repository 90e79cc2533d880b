import { describe, expect, test } from 'vitest';
import vectors from '../../test/vectors/signing/espace-transactions.json' with { type: 'json' };
import { bytesToHex } from '../encoding/hex.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import { decodeEspaceTransaction } from './espace-decode.js';
import { encodeEspaceTransactionUnsigned, espaceTransactionSigningHash, serializeEspaceTransaction, signEspaceTransaction } from './espace-sign.js';
import type { EspaceTransactionInput } from './espace-transaction.js';

type Vector = (typeof vectors.vectors)[number];

function inputOf(v: Vector, to: string | null): EspaceTransactionInput {
  const t = v.tx as Record<string, unknown>;
  const big = (k: string) => BigInt(t[k] as string | number);
  const common = { chainId: t['chainId'] as number, nonce: big('nonce'), gas: big('gasLimit'), to, value: big('value'), data: t['data'] as string };
  const accessList = (t['accessList'] ?? []) as { address: string; storageKeys: string[] }[];
  if (t['type'] === 0) return { type: 0, ...common, gasPrice: big('gasPrice') };
  if (t['type'] === 1) return { type: 1, ...common, gasPrice: big('gasPrice'), accessList };
  return { type: 2, ...common, maxPriorityFeePerGas: big('maxPriorityFeePerGas'), maxFeePerGas: big('maxFeePerGas'), accessList };
}

describe('eSpace transaction vectors', () => {
  test.each(vectors.vectors)('$name', (v) => {
    const key = privateKeyFromHex(v.privateKey);
    const spellings = v.tx.to === null ? [null] : [v.tx.to, v.tx.to.toLowerCase()];
    for (const to of spellings) {
      const input = inputOf(v, to);
      expect(bytesToHex(encodeEspaceTransactionUnsigned(input))).toBe(v.unsignedEncoding);
      expect(bytesToHex(espaceTransactionSigningHash(input))).toBe(v.signingHash);
      const signed = signEspaceTransaction(input, key, v.tx.chainId);
      expect(`0x${signed.signature.r.toString(16).padStart(64, '0')}`).toBe(v.signature.r);
      expect(`0x${signed.signature.s.toString(16).padStart(64, '0')}`).toBe(v.signature.s);
      expect(signed.signature.yParity).toBe(v.signature.yParity);
      expect(signed.v).toBe(v.signature.v);
      expect(signed.raw).toBe(v.rawTransaction);
      expect(signed.hash).toBe(v.txHash);
      expect(bytesToHex(serializeEspaceTransaction(input, signed.signature))).toBe(v.rawTransaction);
    }
    const decoded = decodeEspaceTransaction(v.rawTransaction, { chainId: v.tx.chainId });
    expect(decoded.from).toBe(v.from);
    expect(decoded.hash).toBe(v.txHash);
    expect(decoded.v).toBe(v.signature.v);
    expect(decoded.transaction).toEqual(signEspaceTransaction(inputOf(v, v.tx.to), key, v.tx.chainId).transaction);
    expect(decoded.transaction.to).toBe(v.tx.to);
  });
});
