/**
 * Turning "create / import a wallet" requests into keyring entries.
 *
 * Validation and key derivation happen once, up front ({@link resolveNewWallet}), outside any retry
 * loop: a generated mnemonic is generated exactly once even if the write has to be retried, and
 * invalid input fails before anything is encrypted. {@link addResolvedWallet} is the pure step that
 * runs against the freshly read keyring on each attempt.
 * @module
 */
import type { Hex } from '../encoding/hex.js';
import { generateMnemonic } from '../keys/mnemonic.js';
import { addWallet, defaultAccountName, defaultWalletName, normalizeName, type Keyring } from './keyring.js';
import { addressesOfKey, canonicalMnemonic, canonicalPassphrase, canonicalPrivateKey, hdAccountAddresses, type AccountAddresses } from './derive.js';

/** A wallet to add: a new random mnemonic, an existing mnemonic, or a raw private key. */
export type NewWalletInput =
  | { readonly kind: 'generate'; readonly words: 12 | 24; readonly name?: string }
  | { readonly kind: 'mnemonic'; readonly mnemonic: string; readonly passphrase?: string; readonly name?: string }
  | { readonly kind: 'private-key'; readonly privateKey: string; readonly name?: string };

export type ResolvedWallet =
  | { readonly kind: 'hd'; readonly mnemonic: string; readonly passphrase: string; readonly name: string | undefined; readonly first: AccountAddresses }
  | { readonly kind: 'private-key'; readonly privateKey: Hex; readonly name: string | undefined; readonly first: AccountAddresses };

/** Validates the input, generates or canonicalizes the secret and derives the first account's addresses. */
export async function resolveNewWallet(input: NewWalletInput): Promise<ResolvedWallet> {
  if (typeof input !== 'object' || input === null) throw new TypeError('"wallet" expected an object');
  const name = input.name === undefined ? undefined : normalizeName(input.name, 'wallet name');
  switch (input.kind) {
    case 'generate': {
      if (input.words !== 12 && input.words !== 24) throw new RangeError('"words" expected 12 or 24');
      const mnemonic = canonicalMnemonic(generateMnemonic(input.words));
      return { kind: 'hd', mnemonic, passphrase: '', name, first: await hdAccountAddresses(mnemonic, '', 0) };
    }
    case 'mnemonic': {
      const mnemonic = canonicalMnemonic(input.mnemonic);
      const passphrase = canonicalPassphrase(input.passphrase ?? '');
      return { kind: 'hd', mnemonic, passphrase, name, first: await hdAccountAddresses(mnemonic, passphrase, 0) };
    }
    case 'private-key': {
      const { key, hex } = canonicalPrivateKey(input.privateKey);
      try {
        return { kind: 'private-key', privateKey: hex, name, first: addressesOfKey(key) };
      } finally {
        key.wipe();
      }
    }
    default:
      throw new TypeError('"wallet.kind" expected "generate", "mnemonic" or "private-key"');
  }
}

/** Adds a resolved wallet and its first account; throws DuplicateImportError when already present. */
export function addResolvedWallet(keyring: Keyring, resolved: ResolvedWallet, ids: { walletId: string; accountId: string }, now: number): Keyring {
  const common = { id: ids.walletId, name: resolved.name ?? defaultWalletName(keyring, resolved.kind), createdAt: now };
  const wallet =
    resolved.kind === 'hd'
      ? { kind: 'hd' as const, ...common, mnemonic: resolved.mnemonic, passphrase: resolved.passphrase, nextIndex: 1 }
      : { kind: 'private-key' as const, ...common, privateKey: resolved.privateKey };
  return addWallet(keyring, wallet, { id: ids.accountId, walletId: ids.walletId, index: 0, name: defaultAccountName(keyring), hidden: false, ...resolved.first });
}
