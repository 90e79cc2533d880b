/**
 * The keyring: the plaintext inside the vault, and the pure operations on it.
 *
 * Wallets are either HD (a BIP39 mnemonic plus optional passphrase; accounts are derivation
 * indices) or a single imported private key. Accounts carry the user's name, a hidden flag and
 * their position (the array order is the display order), plus their addresses so listing accounts
 * needs no key derivation. Every operation returns a new keyring and leaves its input untouched;
 * {@link assertKeyringInvariants} runs on every result, so a change that would break the keyring is
 * rejected before anything is encrypted or written.
 * @module
 */
import type { Hex } from '../encoding/hex.js';
import { DuplicateImportError, InvalidKeyringChangeError, UnknownEntryError } from './errors.js';

export interface HdWalletEntry {
  readonly kind: 'hd';
  readonly id: string;
  readonly name: string;
  /** Normalized: NFKD, lower case, single spaces. */
  readonly mnemonic: string;
  /** BIP39 passphrase ("25th word"), NFKD; empty when none. */
  readonly passphrase: string;
  readonly createdAt: number;
  /** The next derivation index to hand out; indices below it have been used. */
  readonly nextIndex: number;
}

export interface PrivateKeyWalletEntry {
  readonly kind: 'private-key';
  readonly id: string;
  readonly name: string;
  /** 32-byte secp256k1 secret key, lower-case 0x hex. */
  readonly privateKey: Hex;
  readonly createdAt: number;
}

export type WalletEntry = HdWalletEntry | PrivateKeyWalletEntry;
export type WalletKind = WalletEntry['kind'];

export interface AccountEntry {
  readonly id: string;
  readonly walletId: string;
  /** Derivation index for HD wallets (m/44'/503'/0'/0/i and m/44'/60'/0'/0/i); 0 for imported keys. */
  readonly index: number;
  readonly name: string;
  readonly hidden: boolean;
  /** Core space address as 20 bytes of hex (`0x1…` for user accounts); base32 is derived per network. */
  readonly coreHexAddress: Hex;
  /** eSpace address, EIP-55 checksummed. */
  readonly evmAddress: Hex;
}

export interface Keyring {
  readonly wallets: readonly WalletEntry[];
  readonly accounts: readonly AccountEntry[];
}

export const MAX_NAME_LENGTH = 64;
/** Far above any real use; bounds the work and size of a keyring. */
export const MAX_ACCOUNTS = 1000;
export const MAX_HD_INDEX = 0x7fff_ffff;

export function emptyKeyring(): Keyring {
  return { wallets: [], accounts: [] };
}

/** Trims a user-given name and checks it is 1–64 characters. */
export function normalizeName(name: string, title = 'name'): string {
  if (typeof name !== 'string') throw new TypeError(`"${title}" expected a string`);
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) throw new InvalidKeyringChangeError(`The ${title} must have 1 to ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

export function findWallet(keyring: Keyring, walletId: string): WalletEntry {
  const wallet = keyring.wallets.find((w) => w.id === walletId);
  if (wallet === undefined) throw new UnknownEntryError('wallet', walletId);
  return wallet;
}

export function findAccount(keyring: Keyring, accountId: string): AccountEntry {
  const account = keyring.accounts.find((a) => a.id === accountId);
  if (account === undefined) throw new UnknownEntryError('account', accountId);
  return account;
}

/** "Account N" with the smallest N not already used, so names stay unique after removals. */
export function defaultAccountName(keyring: Keyring): string {
  const used = new Set(keyring.accounts.map((a) => a.name));
  for (let n = keyring.accounts.length + 1; ; n++) if (!used.has(`Account ${n}`)) return `Account ${n}`;
}

export function defaultWalletName(keyring: Keyring, kind: WalletKind): string {
  const base = kind === 'hd' ? 'Recovery phrase' : 'Imported key';
  const used = new Set(keyring.wallets.map((w) => w.name));
  for (let n = keyring.wallets.filter((w) => w.kind === kind).length + 1; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}

/**
 * The wallet that already holds this secret, if any: the same mnemonic with the same passphrase, or
 * the same private key, or a private key whose address is one of an existing account's (a key
 * exported from an HD account and imported back).
 */
export function findDuplicateWallet(
  keyring: Keyring,
  candidate: { kind: 'hd'; mnemonic: string; passphrase: string } | { kind: 'private-key'; privateKey: Hex; coreHexAddress: Hex; evmAddress: Hex },
): WalletEntry | undefined {
  if (candidate.kind === 'hd') {
    return keyring.wallets.find((w) => w.kind === 'hd' && w.mnemonic === candidate.mnemonic && w.passphrase === candidate.passphrase);
  }
  const sameKey = keyring.wallets.find((w) => w.kind === 'private-key' && w.privateKey === candidate.privateKey);
  if (sameKey !== undefined) return sameKey;
  const core = candidate.coreHexAddress.toLowerCase();
  const evm = candidate.evmAddress.toLowerCase();
  const account = keyring.accounts.find((a) => a.coreHexAddress.toLowerCase() === core || a.evmAddress.toLowerCase() === evm);
  return account === undefined ? undefined : findWallet(keyring, account.walletId);
}

/** Adds a wallet with its first account; throws {@link DuplicateImportError} if it is already there. */
export function addWallet(keyring: Keyring, wallet: WalletEntry, firstAccount: AccountEntry): Keyring {
  const duplicate =
    wallet.kind === 'hd'
      ? findDuplicateWallet(keyring, wallet)
      : findDuplicateWallet(keyring, { kind: 'private-key', privateKey: wallet.privateKey, coreHexAddress: firstAccount.coreHexAddress, evmAddress: firstAccount.evmAddress });
  if (duplicate !== undefined) throw new DuplicateImportError(duplicate.id);
  return checked({ wallets: [...keyring.wallets, wallet], accounts: [...keyring.accounts, firstAccount] });
}

/** Adds the next HD account of `walletId` (its index must be the wallet's `nextIndex`). */
export function addHdAccount(keyring: Keyring, account: AccountEntry): Keyring {
  const wallet = findWallet(keyring, account.walletId);
  if (wallet.kind !== 'hd') throw new InvalidKeyringChangeError('Only recovery-phrase wallets can derive more accounts.');
  if (account.index !== wallet.nextIndex) throw new InvalidKeyringChangeError('The account index must be the next unused index of its wallet.');
  const wallets = keyring.wallets.map((w) => (w.id === wallet.id ? { ...wallet, nextIndex: wallet.nextIndex + 1 } : w));
  return checked({ wallets, accounts: [...keyring.accounts, account] });
}

export function renameAccount(keyring: Keyring, accountId: string, name: string): Keyring {
  findAccount(keyring, accountId);
  const clean = normalizeName(name, 'account name');
  return checked({ ...keyring, accounts: keyring.accounts.map((a) => (a.id === accountId ? { ...a, name: clean } : a)) });
}

export function renameWallet(keyring: Keyring, walletId: string, name: string): Keyring {
  findWallet(keyring, walletId);
  const clean = normalizeName(name, 'wallet name');
  return checked({ ...keyring, wallets: keyring.wallets.map((w) => (w.id === walletId ? { ...w, name: clean } : w)) });
}

/** Hides or shows an account. The last visible account cannot be hidden (the wallet would show none). */
export function setAccountHidden(keyring: Keyring, accountId: string, hidden: boolean): Keyring {
  findAccount(keyring, accountId);
  if (typeof hidden !== 'boolean') throw new TypeError('"hidden" expected a boolean');
  const accounts = keyring.accounts.map((a) => (a.id === accountId ? { ...a, hidden } : a));
  if (hidden && !accounts.some((a) => !a.hidden)) throw new InvalidKeyringChangeError('At least one account must stay visible.');
  return checked({ ...keyring, accounts });
}

/** Puts the accounts in the given order, which must list every account id exactly once. */
export function reorderAccounts(keyring: Keyring, orderedIds: readonly string[]): Keyring {
  if (!Array.isArray(orderedIds)) throw new TypeError('"orderedIds" expected an array');
  const byId = new Map(keyring.accounts.map((a) => [a.id, a]));
  if (orderedIds.length !== byId.size || new Set(orderedIds).size !== orderedIds.length) {
    throw new InvalidKeyringChangeError('The new order must list every account exactly once.');
  }
  const accounts = orderedIds.map((id) => {
    const account = byId.get(id);
    if (account === undefined) throw new UnknownEntryError('account', id);
    return account;
  });
  return checked({ ...keyring, accounts });
}

/**
 * Removes a wallet and all its accounts. The last wallet cannot be removed: a keyring with no
 * wallet is a wallet with nothing in it; starting over goes through replacing the vault, which
 * archives it.
 */
export function removeWallet(keyring: Keyring, walletId: string): Keyring {
  findWallet(keyring, walletId);
  if (keyring.wallets.length === 1) throw new InvalidKeyringChangeError('The only wallet cannot be removed.');
  const accounts = keyring.accounts.filter((a) => a.walletId !== walletId);
  // Removing a wallet must not leave only hidden accounts behind.
  const unhidden = accounts.some((a) => !a.hidden) ? accounts : accounts.map((a, i) => (i === 0 ? { ...a, hidden: false } : a));
  return checked({ wallets: keyring.wallets.filter((w) => w.id !== walletId), accounts: unhidden });
}

function checked(keyring: Keyring): Keyring {
  assertKeyringInvariants(keyring);
  return keyring;
}

/**
 * The rules every stored keyring satisfies: unique ids, every account belongs to a wallet, HD
 * indices are unique and below the wallet's `nextIndex`, an imported key has exactly one account,
 * every wallet has an account, and at least one account is visible when there are any.
 */
export function assertKeyringInvariants(keyring: Keyring): void {
  const fail = (message: string): never => {
    throw new InvalidKeyringChangeError(message);
  };
  if (keyring.accounts.length > MAX_ACCOUNTS) fail(`A keyring holds at most ${MAX_ACCOUNTS} accounts.`);
  const wallets = new Map<string, WalletEntry>();
  for (const w of keyring.wallets) {
    if (wallets.has(w.id)) fail('Duplicate wallet id.');
    wallets.set(w.id, w);
  }
  const accountIds = new Set<string>();
  const indices = new Set<string>();
  const accountsPerWallet = new Map<string, number>();
  for (const a of keyring.accounts) {
    if (accountIds.has(a.id)) fail('Duplicate account id.');
    accountIds.add(a.id);
    const wallet = wallets.get(a.walletId) ?? fail('An account refers to a missing wallet.');
    const slot = `${a.walletId}/${a.index}`;
    if (indices.has(slot)) fail('Two accounts share a derivation index.');
    indices.add(slot);
    if (wallet.kind === 'hd' && a.index >= wallet.nextIndex) fail('An account index is not below its wallet’s next index.');
    if (wallet.kind === 'private-key' && a.index !== 0) fail('An imported key has exactly one account, index 0.');
    accountsPerWallet.set(a.walletId, (accountsPerWallet.get(a.walletId) ?? 0) + 1);
  }
  for (const w of keyring.wallets) if (!accountsPerWallet.has(w.id)) fail('A wallet has no account.');
  if (keyring.accounts.length > 0 && keyring.accounts.every((a) => a.hidden)) fail('At least one account must stay visible.');
}
