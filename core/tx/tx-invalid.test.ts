/**
 * Invalid-input tables: every bad transaction field and every malformed raw transaction is
 * rejected with its typed error code (never a crash, never silent acceptance).
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { bytesToHex, concatBytes, hexToBytes } from '../encoding/hex.js';
import { decodeRlp, encodeRlp, rlpInt, type RlpDecoded, type RlpItem } from '../encoding/rlp.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import { SECP256K1_N } from '../keys/signature.js';
import { decodeCoreTransaction } from './core-decode.js';
import { serializeCoreTransaction, signCoreTransaction } from './core-sign.js';
import type { CoreTransactionInput } from './core-transaction.js';
import { TxError, type TxErrorCode } from './errors.js';
import { decodeEspaceTransaction } from './espace-decode.js';
import { signEspaceTransaction } from './espace-sign.js';
import type { EspaceTransactionInput } from './espace-transaction.js';

const key = privateKeyFromHex('0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
const USER = '0x1b716c51381e76900ebaa7999a488511a4e1fd0a';
const CONTRACT = '0x8b017126d2fede908a86b36b43969f17d25f3770';
const KEY32 = `0x${'00'.repeat(31)}01`;

const core: CoreTransactionInput = {
  type: 2, chainId: 1029, nonce: 1n, maxPriorityFeePerGas: 1n, maxFeePerGas: 2n, gas: 21000n, to: USER, value: 5n,
  storageLimit: 0n, epochHeight: 100n, data: '0x', accessList: [{ address: CONTRACT, storageKeys: [KEY32] }],
};
const espace: EspaceTransactionInput = {
  type: 2, chainId: 1030, nonce: 1n, maxPriorityFeePerGas: 1n, maxFeePerGas: 2n, gas: 21000n, to: USER, value: 5n, data: '0x',
  accessList: [{ address: CONTRACT, storageKeys: [KEY32] }],
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TxError);
    return (error as TxError).code;
  }
  throw new Error('expected a throw');
}

const without = (o: object, k: string) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k));

describe('Core transaction fields', () => {
  test.each<[string, Record<string, unknown>, TxErrorCode]>([
    ['type 3', { type: 3 }, 'tx.type'],
    ['type as string', { type: '2' }, 'tx.type'],
    ['missing nonce', { nonce: undefined }, 'tx.field'],
    ['gasPrice on type 2', { gasPrice: 1n }, 'tx.field'],
    ['negative nonce', { nonce: -1n }, 'tx.range'],
    ['nonce 2^256', { nonce: 1n << 256n }, 'tx.range'],
    ['value 2^256', { value: 1n << 256n }, 'tx.range'],
    ['fractional gas', { gas: 1.5 }, 'tx.field'],
    ['gas as string', { gas: '21000' }, 'tx.field'],
    ['unsafe number', { value: 2 ** 60 }, 'tx.field'],
    ['storageLimit 2^64', { storageLimit: 1n << 64n }, 'tx.range'],
    ['epochHeight 2^64', { epochHeight: 1n << 64n }, 'tx.range'],
    ['chainId 0', { chainId: 0 }, 'tx.chain_id'],
    ['chainId 2^32', { chainId: 2 ** 32 }, 'tx.chain_id'],
    ['chainId as string', { chainId: '1029' }, 'tx.field'],
    ['to on another network', { to: encodeCfxAddress(USER, 1) }, 'tx.network'],
    ['to with a non-Core type nibble', { to: '0x2b716c51381e76900ebaa7999a488511a4e1fd0a' }, 'tx.address'],
    ['to with a bad checksum', { to: 'cfx:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xh' }, 'tx.address'],
    ['to of 19 bytes', { to: USER.slice(0, -2) }, 'tx.address'],
    ['to as a number', { to: 5 }, 'tx.field'],
    ['missing to', { to: undefined }, 'tx.field'],
    ['data without 0x', { data: 'abcd' }, 'tx.data'],
    ['data of odd length', { data: '0x0' }, 'tx.data'],
    ['data as bytes', { data: new Uint8Array(1) }, 'tx.field'],
    ['accessList not an array', { accessList: {} }, 'tx.access_list'],
    ['access entry without storageKeys', { accessList: [{ address: CONTRACT }] }, 'tx.access_list'],
    ['access entry with an extra key', { accessList: [{ address: CONTRACT, storageKeys: [], x: 1 }] }, 'tx.access_list'],
    ['storage key of 31 bytes', { accessList: [{ address: CONTRACT, storageKeys: [`0x${'00'.repeat(31)}`] }] }, 'tx.access_list'],
    ['access address on another network', { accessList: [{ address: encodeCfxAddress(CONTRACT, 1), storageKeys: [] }] }, 'tx.network'],
    ['priority fee above max fee', { maxPriorityFeePerGas: 3n, maxFeePerGas: 2n }, 'tx.fee_cap'],
  ])('%s', (_name, change, code) => {
    const input = { ...core, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete (input as Record<string, unknown>)[k];
    expect(codeOf(() => signCoreTransaction(input as CoreTransactionInput, key, 1029))).toBe(code);
  });

  test('not an object', () => {
    expect(codeOf(() => signCoreTransaction(null as unknown as CoreTransactionInput, key, 1029))).toBe('tx.field');
  });
  test('signing for another chain than the active one', () => {
    expect(codeOf(() => signCoreTransaction(core, key, 1))).toBe('tx.chain_id');
  });
  test('serialising with a high-s signature', () => {
    const { signature } = signCoreTransaction(core, key, 1029);
    expect(codeOf(() => serializeCoreTransaction(core, { ...signature, s: SECP256K1_N - signature.s }))).toBe('tx.signature');
  });
  test('a legacy transaction with an access list is refused', () => {
    expect(codeOf(() => signCoreTransaction({ ...without(core, 'maxPriorityFeePerGas'), type: 0 } as unknown as CoreTransactionInput, key, 1029))).toBe('tx.field');
  });
});

describe('eSpace transaction fields', () => {
  test.each<[string, Record<string, unknown>, TxErrorCode]>([
    ['type 4 (not supported)', { type: 4 }, 'tx.type'],
    ['storageLimit (Core only)', { storageLimit: 0n }, 'tx.field'],
    ['base32 to', { to: encodeCfxAddress(USER, 1029) }, 'tx.address'],
    ['to with a wrong EIP-55 checksum', { to: '0x1B716c51381e76900EBAA7999A488511A4E1fD0A' }, 'tx.address'],
    ['chainId 0', { chainId: 0 }, 'tx.chain_id'],
    ['nonce 2^256', { nonce: 1n << 256n }, 'tx.range'],
    ['priority fee above max fee', { maxPriorityFeePerGas: 3n }, 'tx.fee_cap'],
    ['bad storage key', { accessList: [{ address: CONTRACT, storageKeys: ['0x01'] }] }, 'tx.access_list'],
  ])('%s', (_name, change, code) => {
    expect(codeOf(() => signEspaceTransaction({ ...espace, ...change } as EspaceTransactionInput, key, 1030))).toBe(code);
  });
  test('signing for another chain than the active one', () => {
    expect(codeOf(() => signEspaceTransaction(espace, key, 1029))).toBe('tx.chain_id');
  });
});

/** Rebuilds a raw transaction from its decoded RLP after `edit` (type prefix kept). */
function reencode(raw: string, prefixLength: number, edit: (top: RlpDecoded[]) => RlpItem[]): string {
  const bytes = hexToBytes(raw);
  const top = decodeRlp(bytes.subarray(prefixLength)) as RlpDecoded[];
  return bytesToHex(concatBytes(bytes.subarray(0, prefixLength), encodeRlp(edit(top))));
}

describe('Core raw transaction decoding', () => {
  const typed = signCoreTransaction(core, key, 1029);
  const legacyFixed = signCoreTransaction(
    { type: 0, chainId: 1029, nonce: 1n, gasPrice: 1n, gas: 21000n, to: USER, value: 5n, storageLimit: 0n, epochHeight: 100n, data: '0x' },
    key,
    1029,
  );
  const raw = typed.raw;
  const fields = (top: RlpDecoded[]) => top[0] as RlpDecoded[];
  const highS = (top: RlpDecoded[]): RlpItem[] => [top[0]!, rlpInt(1 - typed.signature.yParity), top[2]!, rlpInt(SECP256K1_N - typed.signature.s)];

  test.each<[string, string | Uint8Array, TxErrorCode]>([
    ['empty', '0x', 'tx.raw'],
    ['not hex', '0xzz', 'tx.raw'],
    ['not bytes or hex', 5 as unknown as string, 'tx.raw'],
    ['garbage', '0x0102030405', 'tx.raw'],
    ['truncated', raw.slice(0, -2), 'tx.raw'],
    ['trailing byte', `${raw}00`, 'tx.raw'],
    ['type 3 prefix', `0x63667803${raw.slice(10)}`, 'tx.type'],
    ['type 1 prefix on a type-2 body', `0x63667801${raw.slice(10)}`, 'tx.raw'],
    ['prefix only', '0x63667802', 'tx.raw'],
    ['eSpace raw', signEspaceTransaction(espace, key, 1030).raw, 'tx.raw'],
    ['three top-level items', reencode(raw, 4, (t) => t.slice(0, 3)), 'tx.raw'],
    ['field list too short', reencode(raw, 4, (t) => [fields(t).slice(0, 10), ...t.slice(1)]), 'tx.raw'],
    ['nonce with a leading zero byte', reencode(raw, 4, (t) => [[Uint8Array.of(0, 1), ...fields(t).slice(1)], ...t.slice(1)]), 'tx.raw'],
    ['nonce as a list', reencode(raw, 4, (t) => [[[], ...fields(t).slice(1)], ...t.slice(1)]), 'tx.raw'],
    ['storageLimit of 9 bytes', reencode(raw, 4, (t) => [[...fields(t).slice(0, 6), rlpInt(1n << 64n), ...fields(t).slice(7)], ...t.slice(1)]), 'tx.raw'],
    ['chainId of 5 bytes', reencode(raw, 4, (t) => [[...fields(t).slice(0, 8), rlpInt(1n << 32n), ...fields(t).slice(9)], ...t.slice(1)]), 'tx.raw'],
    ['to of 19 bytes', reencode(raw, 4, (t) => [[...fields(t).slice(0, 4), new Uint8Array(19), ...fields(t).slice(5)], ...t.slice(1)]), 'tx.raw'],
    ['malformed access list', reencode(raw, 4, (t) => [[...fields(t).slice(0, 10), [[new Uint8Array(20)]]], ...t.slice(1)]), 'tx.access_list'],
    ['v = 2', reencode(raw, 4, (t) => [t[0]!, rlpInt(2), t[2]!, t[3]!]), 'tx.signature'],
    ['v = 27', reencode(raw, 4, (t) => [t[0]!, rlpInt(27), t[2]!, t[3]!]), 'tx.signature'],
    ['high s', reencode(raw, 4, highS), 'tx.signature'],
    ['r = 0', reencode(raw, 4, (t) => [t[0]!, t[1]!, rlpInt(0), t[3]!]), 'tx.signature'],
    ['s = 0', reencode(raw, 4, (t) => [t[0]!, t[1]!, t[2]!, rlpInt(0)]), 'tx.signature'],
    ['r ≥ n', reencode(raw, 4, (t) => [t[0]!, t[1]!, rlpInt(SECP256K1_N), t[3]!]), 'tx.signature'],
    ['long-form length for a short list', nonCanonicalLength(legacyFixed.raw), 'tx.raw'],
  ])('rejects %s', (_name, input, code) => {
    expect(codeOf(() => decodeCoreTransaction(input))).toBe(code);
  });

  test('a transaction for another chain', () => {
    expect(codeOf(() => decodeCoreTransaction(raw, { chainId: 1 }))).toBe('tx.chain_id');
  });

  test('a signature that recovers no key', () => {
    // r = n − 1 is in range, but no curve point has that x for most r; retry a few until one fails.
    let seen = false;
    for (let r = SECP256K1_N - 1n; r > SECP256K1_N - 50n && !seen; r--) {
      const input = reencode(raw, 4, (t) => [t[0]!, t[1]!, rlpInt(r), t[3]!]);
      try {
        decodeCoreTransaction(input);
      } catch (error) {
        expect((error as TxError).code).toBe('tx.signature');
        seen = true;
      }
    }
    expect(seen).toBe(true);
  });

  test('a changed field changes the recovered sender (the signature covers it)', () => {
    const tampered = reencode(raw, 4, (t) => [[...fields(t).slice(0, 5), rlpInt(6n), ...fields(t).slice(6)], ...t.slice(1)]);
    const decoded = decodeCoreTransaction(tampered);
    expect(decoded.from).not.toBe(decodeCoreTransaction(raw).from);
    expect(decoded.hash).toBe(bytesToHex(keccak_256(hexToBytes(tampered))));
  });
});

/** The same legacy transaction with its outer list length written in long form (non-canonical). */
function nonCanonicalLength(raw: string): string {
  const bytes = hexToBytes(raw);
  const first = bytes[0]!;
  if (first < 0xf8) throw new Error('expected a long list');
  const lenOfLen = first - 0xf7;
  // Re-encode the length with one extra leading zero byte.
  return bytesToHex(concatBytes(Uint8Array.of(first + 1, 0), bytes.subarray(1, 1 + lenOfLen), bytes.subarray(1 + lenOfLen)));
}

describe('eSpace raw transaction decoding', () => {
  const legacy = signEspaceTransaction({ type: 0, chainId: 1030, nonce: 1n, gasPrice: 1n, gas: 21000n, to: USER, value: 5n, data: '0x' }, key, 1030);
  const typed = signEspaceTransaction(espace, key, 1030);
  const withV = (v: bigint) => reencode(legacy.raw, 0, (t) => [...t.slice(0, 6), rlpInt(v), ...t.slice(7)]);

  test.each<[string, string, TxErrorCode]>([
    ['unprotected v = 27', withV(27n), 'tx.unprotected'],
    ['unprotected v = 28', withV(28n), 'tx.unprotected'],
    ['v = 30', withV(30n), 'tx.signature'],
    ['v for chain id 0', withV(35n), 'tx.chain_id'],
    ['v for chain id 2^32', withV((1n << 32n) * 2n + 35n), 'tx.chain_id'],
    ['v of 9 bytes', withV(1n << 64n), 'tx.raw'],
    ['legacy with 8 items', reencode(legacy.raw, 0, (t) => t.slice(0, 8)), 'tx.raw'],
    ['typed yParity 2', reencode(typed.raw, 1, (t) => [...t.slice(0, 9), rlpInt(2), ...t.slice(10)]), 'tx.signature'],
    ['typed high s', reencode(typed.raw, 1, (t) => [...t.slice(0, 9), rlpInt(1 - typed.signature.yParity), t[10]!, rlpInt(SECP256K1_N - typed.signature.s)]), 'tx.signature'],
    ['type 3 (blob)', `0x03${typed.raw.slice(4)}`, 'tx.type'],
    ['type 4', `0x04${typed.raw.slice(4)}`, 'tx.type'],
    ['type 1 prefix on a type-2 body', `0x01${typed.raw.slice(4)}`, 'tx.raw'],
    ['Core typed raw', signCoreTransaction(core, key, 1029).raw, 'tx.type'],
    ['Core legacy raw', signCoreTransaction({ type: 0, chainId: 1029, nonce: 1n, gasPrice: 1n, gas: 21000n, to: USER, value: 5n, storageLimit: 0n, epochHeight: 100n, data: '0x' }, key, 1029).raw, 'tx.raw'],
    ['truncated', typed.raw.slice(0, -4), 'tx.raw'],
    ['to of 21 bytes', reencode(typed.raw, 1, (t) => [...t.slice(0, 5), new Uint8Array(21), ...t.slice(6)]), 'tx.raw'],
  ])('rejects %s', (_name, input, code) => {
    expect(codeOf(() => decodeEspaceTransaction(input))).toBe(code);
  });

  test('a transaction for another chain', () => {
    expect(codeOf(() => decodeEspaceTransaction(typed.raw, { chainId: 71 }))).toBe('tx.chain_id');
    expect(codeOf(() => decodeEspaceTransaction(legacy.raw, { chainId: 71 }))).toBe('tx.chain_id');
  });
});
