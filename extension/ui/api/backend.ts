/**
 * Everything the wallet screens need from the background, as one narrow interface in the screens'
 * own terms (model/). `background-backend.ts` implements it over the UI↔background API; screens
 * never call `background.call` for vault or chain data directly, so a change in the wire API is
 * one adapter change, not a change in every screen.
 */
import type { UiEvents } from '../../shared/ui-api/index.js';
import type { AccountItem, Checked, LightClientStatus, NetworkItem, NodeItem, Space, TokenItem, TxItem } from '../model/wallet.js';
import type { SendReviewModel } from '../screens/send/SendReview.js';

export type VaultStatus = 'uninitialized' | 'locked' | 'unlocked' | 'unreadable';

export interface VaultState {
  status: VaultStatus;
  /** While the background is backing off after wrong passwords: next attempt allowed at (ms). */
  retryAt?: number | undefined;
  failedAttempts?: number | undefined;
  /** When the wallet will lock itself unless used (ms since epoch). */
  lockAt?: number | null | undefined;
  /** Why the stored vault cannot be read, and whether the copy from before the last write exists. */
  unreadable?: { message: string; previousAvailable: boolean } | null | undefined;
}

export type NewWallet = { kind: 'mnemonic'; mnemonic: string } | { kind: 'private-key'; privateKey: string };

export interface SendRequest {
  space: Space;
  accountId: string;
  /** 'native' or the token contract (space form). */
  asset: string;
  /** Lower-case hex of the recipient. */
  toHex: string;
  amount: bigint;
}

/** A transaction prepared by the background, ready to sign as shown. */
export interface PreparedSend {
  /** Opaque handle the background uses to sign exactly this. */
  id: string;
  review: Omit<SendReviewModel, 'warnings' | 'fromName'>;
}

export interface AutoLockSettings {
  /** Lock after this long without use; 0 = only when the browser closes. */
  idleMs: number;
  choicesMs: readonly number[];
}

export interface WalletBackend {
  /** Events after which vault-derived data is re-read. */
  readonly vaultEvents: readonly (keyof UiEvents)[];
  /** Events after which chain data (balances, activity, light client) is re-read. */
  readonly chainEvents: readonly (keyof UiEvents)[];

  vaultState(): Promise<VaultState>;
  newMnemonic(): Promise<string>;
  /** `replaceExisting` keeps the current vault in this device's archive (restorable), then replaces it. */
  createWallet(wallet: NewWallet, password: string, replaceExisting?: boolean): Promise<void>;
  unlock(password: string): Promise<void>;
  lock(): Promise<void>;
  /** Accounts with Core addresses for `coreNetworkId`. */
  accounts(coreNetworkId: number): Promise<AccountItem[]>;
  /** A new account derived from the recovery phrase of `fromAccountId`'s wallet (or the first phrase). */
  addAccount(fromAccountId: string | undefined): Promise<{ id: string }>;
  /** The recovery phrase behind `accountId`'s wallet (or the first phrase). */
  revealMnemonic(accountId: string | undefined, password: string): Promise<string>;
  exportBackup(password: string): Promise<{ fileName: string; text: string }>;
  restoreBackup(text: string, password: string): Promise<void>;
  /** Restores the copy from before the last write, when the current vault is unreadable. */
  restorePrevious(password: string): Promise<void>;
  autoLock(): Promise<AutoLockSettings>;
  setAutoLock(idleMs: number): Promise<void>;

  networks(): Promise<{ networks: NetworkItem[]; currentId: string }>;
  selectNetwork(id: string): Promise<void>;
  balance(space: Space, accountId: string): Promise<Checked<bigint>>;
  tokens(space: Space, accountId: string): Promise<TokenItem[]>;
  addToken(space: Space, address: string): Promise<TokenItem>;
  removeToken(space: Space, address: string): Promise<void>;
  prepareSend(request: SendRequest): Promise<PreparedSend>;
  /** Largest amount of `asset` that can be sent (native: balance − max fee). */
  maxSendable(request: Omit<SendRequest, 'amount'>): Promise<bigint>;
  send(preparedId: string): Promise<{ hash: string }>;
  activity(space: Space, accountId: string): Promise<TxItem[]>;
  transaction(hash: string): Promise<TxItem>;
  nodes(space: Space): Promise<NodeItem[]>;
  addNode(space: Space, url: string): Promise<void>;
  removeNode(space: Space, id: string): Promise<void>;
  lightClient(): Promise<LightClientStatus>;
  /** Node-side privacy: each account's reads spread so no single node links all your accounts. */
  privacy(): Promise<{ nodePrivacy: boolean }>;
  setPrivacy(settings: { nodePrivacy: boolean }): Promise<void>;
}
