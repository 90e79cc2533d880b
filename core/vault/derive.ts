/**
 * Keys and addresses of keyring accounts, from `core/keys`.
 *
 * HD accounts use two keys per index, as Fluent does: Core on `m/44'/503'/0'/0/i` and eSpace on
 * `m/44'/60'/0'/0/i`. An imported private key serves both spaces. Seeds and keys are wiped as soon
 * as the caller's function returns (whether it returns or throws).
 * @module
 */
import type { Hex } from '../encoding/hex.js';
import { mnemonicToSeed, parseMnemonic } from '../keys/mnemonic.js';
import { deriveAccountKey } from '../keys/hd.js';
import { PrivateKey } from '../keys/private-key.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../keys/address.js';
import { KeyError } from '../keys/errors.js';
import type { Space } from '../space.js';
import { InvalidMnemonicError, InvalidPrivateKeyError, KeyMismatchError } from './errors.js';
import { findAccount, findWallet, type Keyring } from './keyring.js';

export interface AccountAddresses {
  readonly coreHexAddress: Hex;
  readonly evmAddress: Hex;
}

/** Canonical mnemonic, or {@link InvalidMnemonicError} (never echoing the words). */
export function canonicalMnemonic(input: string): string {
  try {
    return parseMnemonic(input);
  } catch (cause) {
    if (cause instanceof KeyError) throw new InvalidMnemonicError({ details: cause.message });
    throw cause;
  }
}

/** BIP39 passphrases are NFKD-normalized (as BIP39 does before hashing), so duplicates compare equal. */
export function canonicalPassphrase(passphrase: string): string {
  if (typeof passphrase !== 'string') throw new TypeError('"passphrase" expected a string');
  if (passphrase.length > 1000) throw new RangeError('"passphrase" must be at most 1000 characters');
  return passphrase.normalize('NFKD');
}

/** Parses an imported private key (64 hex digits, optional 0x) into canonical lower-case hex. */
export function canonicalPrivateKey(input: string): { key: PrivateKey; hex: Hex } {
  let key: PrivateKey;
  try {
    key = PrivateKey.fromHex(typeof input === 'string' ? input.trim() : input);
  } catch (cause) {
    if (cause instanceof KeyError) throw new InvalidPrivateKeyError({ details: cause.message });
    throw cause;
  }
  const bytes = key.exportBytes();
  const hex = `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}` as const;
  bytes.fill(0);
  return { key, hex };
}

export function addressesOfKey(key: PrivateKey): AccountAddresses {
  return { coreHexAddress: asHex(coreAddressFromPrivateKey(key)), evmAddress: asHex(espaceAddressFromPrivateKey(key)) };
}

/** Runs `fn` with the key of HD account `index` in `space`; the seed and key are wiped afterwards. */
export async function withHdKey<T>(mnemonic: string, passphrase: string, index: number, space: Space, fn: (key: PrivateKey) => T | Promise<T>): Promise<T> {
  const seed = await mnemonicToSeed(mnemonic, passphrase);
  let key: PrivateKey | undefined;
  try {
    key = deriveAccountKey(seed, space, index);
    return await fn(key);
  } finally {
    seed.fill(0);
    key?.wipe();
  }
}

/** Core and eSpace addresses of HD account `index` (two different keys, one seed derivation). */
export async function hdAccountAddresses(mnemonic: string, passphrase: string, index: number): Promise<AccountAddresses> {
  const seed = await mnemonicToSeed(mnemonic, passphrase);
  const core = deriveAccountKey(seed, 'core', index);
  const espace = deriveAccountKey(seed, 'espace', index);
  try {
    return { coreHexAddress: asHex(coreAddressFromPrivateKey(core)), evmAddress: asHex(espaceAddressFromPrivateKey(espace)) };
  } finally {
    seed.fill(0);
    core.wipe();
    espace.wipe();
  }
}

/**
 * Runs `fn` with the private key of an account in one space; the key is wiped when `fn` settles.
 * The key is checked against the stored address first, so a keyring whose addresses and secrets
 * disagree can never sign for an address the user did not see.
 */
export async function withAccountKey<T>(keyring: Keyring, accountId: string, space: Space, fn: (key: PrivateKey) => T | Promise<T>): Promise<T> {
  const account = findAccount(keyring, accountId);
  const wallet = findWallet(keyring, account.walletId);
  const run = async (key: PrivateKey): Promise<T> => {
    const expected = space === 'core' ? account.coreHexAddress : account.evmAddress;
    const actual = space === 'core' ? coreAddressFromPrivateKey(key) : espaceAddressFromPrivateKey(key);
    if (actual.toLowerCase() !== expected.toLowerCase()) throw new KeyMismatchError();
    return fn(key);
  };
  if (wallet.kind === 'hd') return withHdKey(wallet.mnemonic, wallet.passphrase, account.index, space, run);
  const key = PrivateKey.fromHex(wallet.privateKey);
  try {
    return await run(key);
  } finally {
    key.wipe();
  }
}

function asHex(value: string): Hex {
  if (!value.startsWith('0x')) throw new TypeError('expected 0x-prefixed address');
  return value as Hex;
}
