import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { hexToBytes } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { KeyError, type KeyErrorCode } from './errors.js';
import { deriveAccountKey } from './hd.js';
import { generateMnemonic, mnemonicToSeed, parseMnemonic, validateMnemonic } from './mnemonic.js';
import { generatePrivateKey, PrivateKey, privateKeyFromHex } from './private-key.js';
import { recoverPublicKey, SECP256K1_N } from './signature.js';

const VALID_12 = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const VALID_24 = 'legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KeyError);
    return (error as KeyError).code;
  }
  throw new Error('expected a throw');
}

describe('mnemonics', () => {
  test('generated mnemonics are valid, of the requested length, and differ', () => {
    const a = generateMnemonic(12);
    const b = generateMnemonic(24);
    expect(a.split(' ')).toHaveLength(12);
    expect(b.split(' ')).toHaveLength(24);
    expect(validateMnemonic(a) && validateMnemonic(b)).toBe(true);
    expect(generateMnemonic(12)).not.toBe(a);
    expect(generateMnemonic()).toHaveProperty('length');
  });

  test.each<[string, unknown, KeyErrorCode]>([
    ['not a string', 12, 'key.mnemonic_type'],
    ['empty', '', 'key.mnemonic_length'],
    ['11 words', VALID_12.split(' ').slice(1).join(' '), 'key.mnemonic_length'],
    ['13 words', `${VALID_12} about`, 'key.mnemonic_length'],
    ['25 words', `${VALID_24} title`, 'key.mnemonic_length'],
    ['unknown word', VALID_12.replace('about', 'aboot'), 'key.mnemonic_word'],
    ['word from another language list', VALID_12.replace('about', 'ábaco'), 'key.mnemonic_word'],
    ['bad checksum (12)', VALID_12.replace('about', 'abandon'), 'key.mnemonic_checksum'],
    ['bad checksum (24)', VALID_24.replace('title', 'legal'), 'key.mnemonic_checksum'],
    ['swapped words', VALID_24.split(' ').reverse().join(' '), 'key.mnemonic_checksum'],
    ['lone surrogate', `${VALID_12}\uD800`, 'key.mnemonic_type'],
    ['huge input', 'abandon '.repeat(1000), 'key.mnemonic_length'],
  ])('rejects %s', (_name, input, code) => {
    expect(codeOf(() => parseMnemonic(input as string))).toBe(code);
    expect(validateMnemonic(input as string)).toBe(false);
  });

  test('error messages never contain words', () => {
    try {
      parseMnemonic(VALID_12.replace('about', 'zebrax'));
    } catch (error) {
      expect(String((error as Error).message)).not.toMatch(/zebrax|abandon/);
    }
  });

  test('word count for generation must be 12 or 24', () => {
    expect(codeOf(() => generateMnemonic(18 as 12))).toBe('key.word_count');
  });

  test('seed derivation refuses invalid mnemonics and bad passphrases', async () => {
    await expect(mnemonicToSeed(VALID_12.replace('about', 'abandon'))).rejects.toMatchObject({ code: 'key.mnemonic_checksum' });
    await expect(mnemonicToSeed(VALID_12, 5 as unknown as string)).rejects.toMatchObject({ code: 'key.passphrase' });
    await expect(mnemonicToSeed(VALID_12, '\uDC00')).rejects.toMatchObject({ code: 'key.passphrase' });
  });
});

describe('private keys', () => {
  const n = SECP256K1_N;
  const hex = (v: bigint) => `0x${v.toString(16).padStart(64, '0')}`;
  test.each<[string, unknown]>([
    ['zero', hex(0n)],
    ['n', hex(n)],
    ['n + 1', hex(n + 1n)],
    ['2^256 - 1', hex((1n << 256n) - 1n)],
    ['31 bytes', `0x${'11'.repeat(31)}`],
    ['33 bytes', `0x${'11'.repeat(33)}`],
    ['not hex', `0x${'zz'.repeat(32)}`],
    ['whitespace', ` 0x${'11'.repeat(32)}`],
    ['number', 5],
  ])('rejects %s', (_name, input) => {
    expect(codeOf(() => privateKeyFromHex(input as string))).toBe('key.private_key');
  });

  test('accepts the range ends 1 and n − 1', () => {
    expect(privateKeyFromHex(hex(1n)).exportBytes()[31]).toBe(1);
    expect(privateKeyFromHex(hex(n - 1n)).isWiped).toBe(false);
  });

  test('fromBytes checks length and range and copies its input', () => {
    expect(codeOf(() => PrivateKey.fromBytes(new Uint8Array(31)))).toBe('key.private_key');
    expect(codeOf(() => PrivateKey.fromBytes(new Uint8Array(32)))).toBe('key.private_key');
    const bytes = hexToBytes(hex(7n));
    const key = PrivateKey.fromBytes(bytes);
    bytes.fill(0);
    expect(key.exportBytes()[31]).toBe(7);
  });

  test('the secret never serialises and is wiped on request', () => {
    const key = generatePrivateKey();
    key.publicKey(); // cached before wiping
    const secretHex = Buffer.from(key.exportBytes()).toString('hex');
    expect(JSON.stringify({ key })).toBe('{"key":"[PrivateKey]"}');
    expect(String(key)).toBe('[PrivateKey]');
    expect(inspect(key, { showHidden: true, depth: 5 })).not.toContain(secretHex.slice(0, 16));
    const exported = key.exportBytes();
    exported.fill(0);
    expect(key.exportBytes().some((b) => b !== 0)).toBe(true); // export is a copy
    key.wipe();
    expect(key.isWiped).toBe(true);
    expect(codeOf(() => key.exportBytes())).toBe('key.wiped');
    expect(codeOf(() => key.signHash(new Uint8Array(32)))).toBe('key.wiped');
    expect(codeOf(() => key.publicKey())).toBe('key.wiped');
  });

  test('signing checks the hash length', () => {
    expect(codeOf(() => generatePrivateKey().signHash(new Uint8Array(31)))).toBe('key.hash');
  });

  test('recovery refuses non-canonical signatures', () => {
    const key = generatePrivateKey();
    const hash = new Uint8Array(32).fill(9);
    const sig = key.signHash(hash);
    expect(recoverPublicKey(hash, sig)).toEqual(key.publicKey());
    expect(codeOf(() => recoverPublicKey(hash, { ...sig, s: n - sig.s }))).toBe('key.signature');
    expect(codeOf(() => recoverPublicKey(hash, { ...sig, r: 0n }))).toBe('key.signature');
    expect(codeOf(() => recoverPublicKey(hash, { ...sig, r: n }))).toBe('key.signature');
    expect(codeOf(() => recoverPublicKey(hash, { ...sig, s: 0n }))).toBe('key.signature');
    expect(codeOf(() => recoverPublicKey(hash, { ...sig, yParity: 2 as 0 }))).toBe('key.signature');
  });
});

describe('HD derivation inputs', () => {
  const seed = new Uint8Array(64).fill(1);
  test.each<[string, unknown, unknown, unknown, KeyErrorCode]>([
    ['short seed', new Uint8Array(15), 'core', 0, 'key.seed'],
    ['long seed', new Uint8Array(65), 'core', 0, 'key.seed'],
    ['seed not bytes', 'abc', 'core', 0, 'key.seed'],
    ['unknown space', seed, 'evm', 0, 'key.space'],
    ['negative index', seed, 'core', -1, 'key.index'],
    ['hardened index', seed, 'espace', 2 ** 31, 'key.index'],
    ['fractional index', seed, 'espace', 1.5, 'key.index'],
  ])('rejects %s', (_name, s, space, index, code) => {
    expect(codeOf(() => deriveAccountKey(s as Uint8Array, space as Space, index as number))).toBe(code);
  });
  test('largest non-hardened index derives', () => {
    expect(deriveAccountKey(seed, 'core', 2 ** 31 - 1).isWiped).toBe(false);
  });
});
