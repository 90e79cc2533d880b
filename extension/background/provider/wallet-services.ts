/**
 * What the provider needs from the rest of the background, as two narrow interfaces: the keyring
 * (accounts, lock state, signatures — implemented over the vault service) and the chain (networks,
 * node reads, broadcasting — implemented over the chain service). The provider never touches keys
 * or nodes itself; adapters in ./adapters/ connect these interfaces to the real services, and the
 * provider's unit tests drive them with small in-memory implementations.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import type { CoreTransactionInput } from '../../../core/tx/core-transaction.js';
import type { EspaceTransactionInput } from '../../../core/tx/espace-transaction.js';
import type { DraftChain } from '../transactions/draft-chain.js';

/** An account as the provider sees it: an opaque id plus its two addresses. */
export interface WalletAccount {
  id: string;
  name: string;
  /** Core address as 20-byte hex (`0x1…`); the base32 form depends on the network. */
  coreHex: Hex;
  /** eSpace address, EIP-55. */
  espaceAddress: string;
}

export interface SignedTransactionResult {
  raw: Hex;
  hash: Hex;
}

export interface ProviderKeyring {
  isUnlocked(): Promise<boolean>;
  /** Visible accounts in the user's order; only while unlocked. */
  listAccounts(): Promise<WalletAccount[]>;
  /** Signs exactly this transaction for `activeChainId` (which it checks). */
  signCoreTransaction(accountId: string, tx: CoreTransactionInput, activeChainId: number): Promise<SignedTransactionResult>;
  signEspaceTransaction(accountId: string, tx: EspaceTransactionInput, activeChainId: number): Promise<SignedTransactionResult>;
  /** personal_sign: Core prefix (v 0/1) or Ethereum prefix (v 27/28) by space. */
  personalSign(accountId: string, space: Space, message: Uint8Array): Promise<Hex>;
  /** CIP-23 (core) or EIP-712 v4 (espace); refuses a domain chainId other than `activeChainId`. */
  signTypedData(accountId: string, space: Space, typedData: unknown, activeChainId: number): Promise<Hex>;
  /** Called on lock, unlock and account list changes. */
  onChange(listener: () => void): () => void;
}

export interface ProviderNetwork {
  space: Space;
  chainId: number;
  name: string;
  /** Native currency symbol (CFX on both spaces of the public networks). */
  currencySymbol: string;
  currencyName: string;
  rpcUrls: string[];
  blockExplorerUrl?: string;
}

/** The chain as dApps see it; the draft builder reads it as a {@link DraftChain} (node errors as NodeRpcError). */
export interface ProviderChain extends DraftChain {
  activeNetwork(space: Space): Promise<ProviderNetwork>;
  findNetwork(space: Space, chainId: number): Promise<ProviderNetwork | undefined>;
  switchNetwork(space: Space, chainId: number): Promise<void>;
  /**
   * Adds the nodes a dApp suggested for a network (after the user approved it). `site` is the
   * suggesting site's registrable domain: the nodes count as that one operator, never as trusted.
   */
  addNetwork(network: ProviderNetwork, site: string): Promise<void>;
  /**
   * Adds a token a site suggested (after the user approved it) to the list of `space` on the
   * active network, with the contract's own symbol, name and decimals where it gives them.
   */
  watchToken(space: Space, chainId: number, asset: { address: string; symbol: string; decimals: number }): Promise<void>;
  /**
   * A read-only call on the active network of `space`, through the node pool (which verifies or
   * cross-checks what it can). A node's JSON-RPC error comes back as NodeRpcError.
   */
  read(space: Space, method: string, params: readonly unknown[]): Promise<unknown>;
  /** The next nonce to use for `address` on the active network (own pending transactions included). */
  nextNonce(space: Space, address: string): Promise<bigint>;
  /** Broadcasts a signed transaction to the active network's nodes; resolves with its hash. */
  sendRawTransaction(space: Space, raw: Hex): Promise<Hex>;
  /** Called when the active network of a space changes. */
  onNetworkChange(listener: (space: Space) => void): () => void;
}
