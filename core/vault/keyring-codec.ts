/**
 * The keyring's plaintext encoding (payload schema 2): JSON, parsed strictly after decryption.
 *
 * Authentication already proves the payload was written by a holder of the key, but the parser still
 * checks every field and every keyring invariant: a payload this version cannot fully understand is
 * reported as unreadable rather than loaded half-right and written back.
 * @module
 */
import type { Hex } from '../encoding/hex.js';
import { VaultFormatError } from './errors.js';
import { fromUtf8, utf8 } from './crypto.js';
import { assertKeyringInvariants, MAX_ACCOUNTS, MAX_HD_INDEX, MAX_NAME_LENGTH, type AccountEntry, type Keyring, type WalletEntry } from './keyring.js';
import { asObject, expectKeys, parseJsonObject, readArray, readBoolean, readId, readInteger, readString, type JsonObject } from './json.js';

export const KEYRING_SCHEMA = 2;
const MAX_TIMESTAMP = 8.64e15; // the largest valid Date

const HEX32 = /^0x[0-9a-f]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const MNEMONIC = /^[a-z]+( [a-z]+){11,23}$/;

export function encodeKeyring(keyring: Keyring): Uint8Array {
  return utf8(JSON.stringify({ schema: KEYRING_SCHEMA, wallets: keyring.wallets, accounts: keyring.accounts }));
}

export function decodeKeyring(bytes: Uint8Array): Keyring {
  const object = parseJsonObject(fromUtf8(bytes, 'keyring'), 'keyring');
  if (object.schema !== KEYRING_SCHEMA) throw new VaultFormatError(`keyring.schema: expected ${KEYRING_SCHEMA}`);
  expectKeys(object, 'keyring', ['schema', 'wallets', 'accounts']);
  const wallets = readArray(object, 'wallets', 'keyring', MAX_ACCOUNTS).map((w, i) => readWallet(asObject(w, `keyring.wallets[${i}]`), `keyring.wallets[${i}]`));
  const accounts = readArray(object, 'accounts', 'keyring', MAX_ACCOUNTS).map((a, i) => readAccount(asObject(a, `keyring.accounts[${i}]`), `keyring.accounts[${i}]`));
  const keyring = { wallets, accounts };
  try {
    assertKeyringInvariants(keyring);
  } catch (cause) {
    throw new VaultFormatError('keyring: inconsistent entries', { cause });
  }
  return keyring;
}

function readWallet(o: JsonObject, title: string): WalletEntry {
  const common = { id: readId(o, 'id', title), name: readString(o, 'name', title, MAX_NAME_LENGTH), createdAt: readInteger(o, 'createdAt', title, 0, MAX_TIMESTAMP) };
  if (o.kind === 'hd') {
    expectKeys(o, title, ['kind', 'id', 'name', 'createdAt', 'mnemonic', 'passphrase', 'nextIndex']);
    const mnemonic = readString(o, 'mnemonic', title, 1000);
    if (!MNEMONIC.test(mnemonic)) throw new VaultFormatError(`${title}.mnemonic: not a normalized phrase`);
    return { kind: 'hd', ...common, mnemonic, passphrase: readString(o, 'passphrase', title, 1000), nextIndex: readInteger(o, 'nextIndex', title, 1, MAX_HD_INDEX + 1) };
  }
  if (o.kind === 'private-key') {
    expectKeys(o, title, ['kind', 'id', 'name', 'createdAt', 'privateKey']);
    return { kind: 'private-key', ...common, privateKey: readHex(o, 'privateKey', title, HEX32) };
  }
  throw new VaultFormatError(`${title}.kind: unknown wallet kind`);
}

function readAccount(o: JsonObject, title: string): AccountEntry {
  expectKeys(o, title, ['id', 'walletId', 'index', 'name', 'hidden', 'coreHexAddress', 'evmAddress']);
  return {
    id: readId(o, 'id', title),
    walletId: readId(o, 'walletId', title),
    index: readInteger(o, 'index', title, 0, MAX_HD_INDEX),
    name: readString(o, 'name', title, MAX_NAME_LENGTH),
    hidden: readBoolean(o, 'hidden', title),
    coreHexAddress: readHex(o, 'coreHexAddress', title, ADDRESS),
    evmAddress: readHex(o, 'evmAddress', title, ADDRESS),
  };
}

function readHex(o: JsonObject, key: string, title: string, pattern: RegExp): Hex {
  const value = readString(o, key, title, 100);
  if (!pattern.test(value)) throw new VaultFormatError(`${title}.${key}: malformed`);
  return value as Hex;
}
