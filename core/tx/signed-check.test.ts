/**
 * The shared signed-transaction check: what the signer returns is broadcast only when it decodes to
 * the reviewed transaction, from the reviewed sender, with the reported hash. Each way a signer
 * could hand back something else — a changed field, another key's signature, bytes with a damaged
 * signature, a wrong hash — is refused with a typed error.
 */
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../keys/address.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import { signCoreTransaction } from './core-sign.js';
import type { CoreTransactionInput } from './core-transaction.js';
import { TxError } from './errors.js';
import { signEspaceTransaction } from './espace-sign.js';
import type { EspaceTransactionInput } from './espace-transaction.js';
import { checkSignedTransaction, type ReviewedTransaction } from './signed-check.js';

const key = privateKeyFromHex('0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
const otherKey = privateKeyFromHex('0x1123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
const TO = '0x1b716c51381e76900ebaa7999a488511a4e1fd0a';
const core: CoreTransactionInput = { type: 2, chainId: 1029, nonce: 5n, maxPriorityFeePerGas: 1n, maxFeePerGas: 2n, gas: 21000n, to: TO, value: 5n, storageLimit: 0n, epochHeight: 100n, data: '0x', accessList: [] };
const espace: EspaceTransactionInput = { type: 0, chainId: 1030, nonce: 5n, gasPrice: 2n, gas: 21000n, to: TO, value: 5n, data: '0x' };
const coreFrom = encodeCfxAddress(coreAddressFromPrivateKey(key), 1029);
const espaceFrom = espaceAddressFromPrivateKey(key);

function refusal(reviewed: ReviewedTransaction, signed: { raw: string; hash: string }): string {
  try {
    checkSignedTransaction(reviewed, signed);
  } catch (error) {
    expect(error).toBeInstanceOf(TxError);
    return `${(error as TxError).code}${(error as TxError).details ? `:${(error as TxError).details}` : ''}`;
  }
  return 'accepted';
}

describe.each([
  { name: 'Core', reviewed: { space: 'core', input: core, from: coreFrom } as ReviewedTransaction, sign: (input: typeof core, k = key) => signCoreTransaction(input, k, 1029) },
  { name: 'eSpace', reviewed: { space: 'espace', input: espace, from: espaceFrom } as ReviewedTransaction, sign: (input: typeof espace, k = key) => signEspaceTransaction(input, k, 1030) },
] as const)('$name', ({ reviewed, sign }) => {
  const signer = sign as (input: unknown, k?: typeof key) => { raw: string; hash: string };
  test('the reviewed transaction, signed by the reviewed account, passes and is returned decoded', () => {
    const signed = signer(reviewed.input);
    expect(checkSignedTransaction(reviewed, signed).hash).toBe(signed.hash);
    // The sender may be given in any form of the same account.
    const hexFrom = reviewed.space === 'core' ? coreAddressFromPrivateKey(key) : espaceFrom.toLowerCase();
    expect(refusal({ ...reviewed, from: hexFrom }, signed)).toBe('accepted');
  });

  test.each([['nonce', { nonce: 6n }], ['value', { value: 6n }], ['gas', { gas: 21001n }], ['to', { to: '0x1b716c51381e76900ebaa7999a488511a4e1fd0b' }], ['data', { data: '0x00' }]] as const)('a signed %s that differs from the reviewed one is refused', (_field, change) => {
    const signed = signer({ ...reviewed.input, ...change });
    expect(refusal(reviewed, signed)).toBe('tx.signed_mismatch:fields');
  });

  test('a signature by another key is refused (sender)', () => {
    expect(refusal(reviewed, signer(reviewed.input, otherKey))).toBe('tx.signed_mismatch:sender');
  });

  test('a tampered signature is refused: it recovers another sender or none', () => {
    const signed = signer(reviewed.input);
    const bytes = hexToBytes(signed.raw);
    bytes[bytes.length - 40]! ^= 0x01; // inside s
    const code = refusal(reviewed, { raw: bytesToHex(bytes), hash: signed.hash });
    expect(['tx.signed_mismatch:sender', 'tx.signature', 'tx.signature:signature']).toContain(code);
  });

  test('a hash the signer reports that is not the bytes\' hash is refused', () => {
    const signed = signer(reviewed.input);
    expect(refusal(reviewed, { raw: signed.raw, hash: `0x${'11'.repeat(32)}` })).toBe('tx.signed_mismatch:hash');
  });
});
