/**
 * Differential tests of eSpace transactions against viem (independent RLP and signing stack):
 * unsigned serialisation, signed raw transaction, hash, and decoding in both directions, over random
 * EIP-155 legacy, EIP-2930 and EIP-1559 transactions.
 *
 * viem types nonces as JavaScript numbers and refuses nonces above 2^53 − 1, so the comparison keeps
 * nonces in that range; wider nonces (the protocol allows U256) are checked by the round trip below.
 */
import fc from 'fast-check';
import { keccak256, parseTransaction, recoverTransactionAddress, serializeTransaction, type TransactionSerializable } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../encoding/hex.js';
import { espaceAddressFromPrivateKey } from '../keys/address.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import { decodeEspaceTransaction } from './espace-decode.js';
import { encodeEspaceTransactionUnsigned, signEspaceTransaction } from './espace-sign.js';
import type { EspaceTransactionInput } from './espace-transaction.js';
import { accessListOf, anyAddressBytes, chainId, dataBytes, feePair, privateKeyHex, uint256 } from './tx-arbitraries.testkit.js';

const RUNS = 250;

const espaceTx: fc.Arbitrary<EspaceTransactionInput> = fc
  .record({
    type: fc.constantFrom(0 as const, 1 as const, 2 as const),
    chainId,
    nonce: fc.oneof(fc.constantFrom(0n, BigInt(Number.MAX_SAFE_INTEGER)), fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) })),
    gasPrice: uint256,
    fees: feePair,
    gas: uint256,
    to: fc.option(anyAddressBytes, { nil: null }),
    value: uint256,
    data: dataBytes,
    accessList: accessListOf(anyAddressBytes),
  })
  .map((r): EspaceTransactionInput => {
    const common = { chainId: r.chainId, nonce: r.nonce, gas: r.gas, to: r.to === null ? null : bytesToHex(r.to), value: r.value, data: bytesToHex(r.data) };
    if (r.type === 0) return { type: 0, ...common, gasPrice: r.gasPrice };
    if (r.type === 1) return { type: 1, ...common, gasPrice: r.gasPrice, accessList: r.accessList };
    return { type: 2, ...common, ...r.fees, accessList: r.accessList };
  });

type Hex = `0x${string}`;

function viemTransaction(tx: EspaceTransactionInput): TransactionSerializable {
  const common = { chainId: tx.chainId, nonce: Number(tx.nonce), gas: BigInt(tx.gas), to: tx.to as Hex | null, value: BigInt(tx.value), data: tx.data as Hex };
  if (tx.type === 0) return { type: 'legacy', ...common, gasPrice: BigInt(tx.gasPrice) };
  const accessList = tx.accessList.map((e) => ({ address: e.address as Hex, storageKeys: e.storageKeys as Hex[] }));
  if (tx.type === 1) return { type: 'eip2930', ...common, gasPrice: BigInt(tx.gasPrice), accessList };
  return { type: 'eip1559', ...common, maxPriorityFeePerGas: BigInt(tx.maxPriorityFeePerGas), maxFeePerGas: BigInt(tx.maxFeePerGas), accessList };
}

describe('eSpace transactions against viem', () => {
  test('unsigned serialisation, raw and hash are byte-identical; viem recovers our sender', async () => {
    await fc.assert(
      fc.asyncProperty(espaceTx, privateKeyHex, async (tx, pk) => {
        const ours = signEspaceTransaction(tx, privateKeyFromHex(pk), tx.chainId);
        expect(bytesToHex(encodeEspaceTransactionUnsigned(tx))).toBe(serializeTransaction(viemTransaction(tx)));
        const raw = await privateKeyToAccount(pk as Hex).signTransaction(viemTransaction(tx));
        expect(ours.raw).toBe(raw);
        expect(ours.hash).toBe(keccak256(raw));
        expect(await recoverTransactionAddress({ serializedTransaction: ours.raw as Parameters<typeof recoverTransactionAddress>[0]['serializedTransaction'] })).toBe(espaceAddressFromPrivateKey(privateKeyFromHex(pk)));
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  test('decoding agrees with viem parseTransaction', async () => {
    await fc.assert(
      fc.asyncProperty(espaceTx, privateKeyHex, async (tx, pk) => {
        const raw = await privateKeyToAccount(pk as Hex).signTransaction(viemTransaction(tx));
        const decoded = decodeEspaceTransaction(raw, { chainId: tx.chainId });
        const parsed = parseTransaction(raw);
        expect(decoded.from).toBe(espaceAddressFromPrivateKey(privateKeyFromHex(pk)));
        expect(decoded.transaction.chainId).toBe(parsed.chainId);
        expect(decoded.transaction.nonce).toBe(BigInt(parsed.nonce ?? 0));
        expect(decoded.transaction.gas).toBe(parsed.gas ?? 0n);
        expect(decoded.transaction.value).toBe(parsed.value ?? 0n);
        expect(decoded.transaction.data).toBe(parsed.data ?? '0x');
        expect(decoded.transaction.to?.toLowerCase() ?? null).toBe(parsed.to ?? null);
        expect(decoded.signature.r).toBe(BigInt(parsed.r!));
        expect(decoded.signature.s).toBe(BigInt(parsed.s!));
        if (decoded.transaction.type !== 0) {
          expect(decoded.signature.yParity).toBe(parsed.yParity);
          expect(decoded.transaction.accessList.map((e) => ({ ...e, address: e.address.toLowerCase() }))).toEqual(parsed.accessList ?? []);
        } else {
          expect(BigInt(decoded.v)).toBe(parsed.v);
        }
        expect(decoded.transaction).toEqual(signEspaceTransaction(tx, privateKeyFromHex(pk), tx.chainId).transaction);
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});

describe('eSpace round trip over the full U256 nonce range', () => {
  test('sign → decode gives back the transaction and sender', () => {
    fc.assert(
      fc.property(espaceTx, uint256, privateKeyHex, (tx, nonce, pk) => {
        const key = privateKeyFromHex(pk);
        const signed = signEspaceTransaction({ ...tx, nonce }, key, tx.chainId);
        const decoded = decodeEspaceTransaction(signed.raw);
        expect(decoded.transaction.nonce).toBe(nonce);
        expect(decoded.transaction).toEqual(signed.transaction);
        expect(decoded.from).toBe(espaceAddressFromPrivateKey(key));
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
