/**
 * The public projection of the keyring: what the UI may see. Names, order, flags and addresses;
 * never a mnemonic, passphrase or key.
 * @module
 */
import { encodeCfxAddress } from '../address/cip37.js';
import type { Hex } from '../encoding/hex.js';
import { findWallet, type Keyring, type WalletKind } from './keyring.js';

export interface AccountView {
  readonly id: string;
  readonly walletId: string;
  readonly walletKind: WalletKind;
  /** HD derivation index (0 for imported keys). */
  readonly index: number;
  readonly name: string;
  readonly hidden: boolean;
  /** CIP-37 base32 address for the requested network id. */
  readonly coreAddress: string;
  readonly coreHexAddress: Hex;
  /** EIP-55 eSpace address. */
  readonly evmAddress: Hex;
}

export interface WalletView {
  readonly id: string;
  readonly kind: WalletKind;
  readonly name: string;
  readonly createdAt: number;
  /** Account ids of this wallet, in display order. */
  readonly accountIds: readonly string[];
  /** Whether the HD wallet uses a BIP39 passphrase (never the passphrase itself). */
  readonly hasPassphrase: boolean;
}

export interface KeyringView {
  readonly wallets: readonly WalletView[];
  /** All accounts, in display order (hidden ones included, flagged). */
  readonly accounts: readonly AccountView[];
}

/** Projects the keyring for display, with Core addresses for `networkId`. */
export function keyringView(keyring: Keyring, networkId: number): KeyringView {
  const accounts = keyring.accounts.map((a) => ({
    id: a.id,
    walletId: a.walletId,
    walletKind: findWallet(keyring, a.walletId).kind,
    index: a.index,
    name: a.name,
    hidden: a.hidden,
    coreAddress: encodeCfxAddress(a.coreHexAddress, networkId),
    coreHexAddress: a.coreHexAddress,
    evmAddress: a.evmAddress,
  }));
  const wallets = keyring.wallets.map((w) => ({
    id: w.id,
    kind: w.kind,
    name: w.name,
    createdAt: w.createdAt,
    accountIds: keyring.accounts.filter((a) => a.walletId === w.id).map((a) => a.id),
    hasPassphrase: w.kind === 'hd' && w.passphrase !== '',
  }));
  return { wallets, accounts };
}
