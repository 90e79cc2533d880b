import { describe, expect, test } from 'vitest';
import vectors from '../../test/vectors/signing/core-transactions.json' with { type: 'json' };
import { encodeCfxAddress } from '../address/cip37.js';
import { bytesToHex } from '../encoding/hex.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import { decodeCoreTransaction } from './core-decode.js';
import { coreTransactionSigningHash, encodeCoreTransactionUnsigned, serializeCoreTransaction, signCoreTransaction } from './core-sign.js';
import type { CoreTransactionInput } from './core-transaction.js';

type Vector = (typeof vectors.vectors)[number];

/** The vector's decimal-string fields as a transaction input (`to` in the form given). */
function inputOf(v: Vector, to: string | null): CoreTransactionInput {
  const t = v.tx as Record<string, unknown>;
  const big = (k: string) => BigInt(t[k] as string);
  const common = {
    chainId: t['chainId'] as number,
    nonce: big('nonce'),
    gas: big('gas'),
    to,
    value: big('value'),
    storageLimit: big('storageLimit'),
    epochHeight: big('epochHeight'),
    data: t['data'] as string,
  };
  const accessList = (t['accessList'] ?? []) as { address: string; storageKeys: string[] }[];
  if (t['type'] === 0) return { type: 0, ...common, gasPrice: big('gasPrice') };
  if (t['type'] === 1) return { type: 1, ...common, gasPrice: big('gasPrice'), accessList };
  return { type: 2, ...common, maxPriorityFeePerGas: big('maxPriorityFeePerGas'), maxFeePerGas: big('maxFeePerGas'), accessList };
}

describe('Core transaction vectors', () => {
  test.each(vectors.vectors)('$name', (v) => {
    const key = privateKeyFromHex(v.privateKey);
    for (const to of [v.tx.to, v.tx.toBase32]) {
      const input = inputOf(v, to);
      expect(bytesToHex(encodeCoreTransactionUnsigned(input))).toBe(v.unsignedEncoding);
      expect(bytesToHex(coreTransactionSigningHash(input))).toBe(v.signingHash);
      const signed = signCoreTransaction(input, key, v.tx.chainId);
      expect(signed.signingHash).toBe(v.signingHash);
      expect(`0x${signed.signature.r.toString(16).padStart(64, '0')}`).toBe(v.signature.r);
      expect(`0x${signed.signature.s.toString(16).padStart(64, '0')}`).toBe(v.signature.s);
      expect(signed.v).toBe(v.signature.v);
      expect(signed.raw).toBe(v.rawTransaction);
      expect(signed.hash).toBe(v.txHash);
      expect(bytesToHex(serializeCoreTransaction(input, signed.signature))).toBe(v.rawTransaction);
    }

    const decoded = decodeCoreTransaction(v.rawTransaction, { chainId: v.tx.chainId });
    expect(decoded.from).toBe(encodeCfxAddress(v.fromHex, v.tx.chainId));
    expect(decoded.from).toBe(v.tx.chainId === 1029 ? v.from : decoded.from);
    expect(decoded.hash).toBe(v.txHash);
    expect(decoded.signingHash).toBe(v.signingHash);
    expect(decoded.v).toBe(v.signature.v);
    expect(decoded.raw).toBe(v.rawTransaction);
    // Decoding yields the normalised transaction: base32 addresses on the transaction's network.
    const expected = signCoreTransaction(inputOf(v, v.tx.to), key, v.tx.chainId).transaction;
    expect(decoded.transaction).toEqual(expected);
    if (v.tx.toBase32 !== null) expect(decoded.transaction.to).toBe(v.tx.toBase32);
    // Same bytes from the Uint8Array form.
    expect(decodeCoreTransaction(Uint8Array.from(Buffer.from(v.rawTransaction.slice(2), 'hex'))).hash).toBe(v.txHash);
  });

  test('the data = 0x00 vector differs from the SDK divergence record', () => {
    const v = vectors.vectors.find((x) => 'divergence' in x)!;
    const divergence = (v as { divergence: { rawTransaction: string; unsignedEncoding: string } }).divergence;
    const signed = signCoreTransaction(inputOf(v, v.tx.to), privateKeyFromHex(v.privateKey), v.tx.chainId);
    expect(signed.raw).not.toBe(divergence.rawTransaction);
    expect(bytesToHex(encodeCoreTransactionUnsigned(inputOf(v, v.tx.to)))).not.toBe(divergence.unsignedEncoding);
    expect(decodeCoreTransaction(signed.raw).transaction.data).toBe('0x00');
  });
});
