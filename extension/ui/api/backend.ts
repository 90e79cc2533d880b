/**
 * Everything the wallet screens need from the background, as one narrow interface in the screens'
 * own terms (model/). `background-backend.ts` implements it over the UI↔background API; screens
 * never call `background.call` for vault or chain data directly, so a change in the wire API is
 * one adapter change, not a change in every screen.
 */
import type { Space } from '../../../core/space.js';
import type { UiEvents } from '../../shared/ui-api/index.js';
import type { TokenView } from '../../shared/ui-api/tokens.js';
import type { AccountItem, Checked, LightClientStatus, NetworkItem, NodeItem, NodeKind, ReceivedItem, SyncSummary, TokenInfoItem, TokenItem, TxItem } from '../model/wallet.js';
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
  /** CFX, or a token from the user's list (its decimals are checked against the contract's). */
  asset: 'native' | { address: string; symbol: string; decimals: number };
  /** Recipient in the space's form on the current network (base32 on Core, 0x on eSpace). */
  to: string;
  amount: bigint;
  /** When a nonce gap blocks the account: wait behind it (default) or fill it. */
  nonce?: 'queue' | 'fill' | undefined;
}

/** A transaction prepared by the background, ready to sign as shown. */
export interface PreparedSend {
  /** Opaque handle the background uses to sign exactly this. */
  id: string;
  review: Omit<SendReviewModel, 'warnings' | 'fromName'>;
  /** The transaction it takes the place of (speed-up, cancel, or filling a nonce gap). */
  replaces: { hash: string; kind: 'speed_up' | 'cancel' | 'fill_gap' } | null;
  /** What blocks the account in front of it: the nonce it must use first, the wallet's transaction there (if any), how many wait. */
  nonceGap: { accountNonce: number; queuedNonce: number; blocking: { hash: string; acceptedBy: number; sentAt: number } | null; waiting: number } | null;
}

export interface ArchivedWallet {
  archiveId: number;
  /** `set-aside`: the wallet that was current when another replaced it; `earlier-copy`: the copy from before its last write. */
  kind: 'set-aside' | 'earlier-copy';
  archivedAt: number;
  /** False when the stored record cannot be read (damaged). */
  readable: boolean;
}

export interface AutoLockSettings {
  /** Lock after this long without use; 0 = only when the browser closes. */
  idleMs: number;
  choicesMs: readonly number[];
}

export type EventList = readonly (keyof UiEvents)[];

/** A token in the user's list (kept by the background). */
export type TokenSpec = TokenView;

/** One balance the background pushed: CFX (`token` undefined) or a token, read in the token's unit. */
export interface PushedBalance {
  token: string | undefined;
  checked(unit?: { decimals: number; symbol: string }): Checked<bigint | null>;
}

export interface WalletBackend {
  /** Events after which each kind of data is re-read. */
  readonly events: {
    vault: EventList;
    network: EventList;
    /** Events after which what is shown of the network is re-read at once, not after a pause: a switch. */
    networkSwitched: EventList;
    balances: EventList;
    transactions: EventList;
    nodes: EventList;
    status: EventList;
  };

  vaultState(): Promise<VaultState>;
  newMnemonic(): Promise<string>;
  /** `replaceExisting` keeps the current vault in this device's archive (restorable), then replaces it. */
  createWallet(wallet: NewWallet, password: string, replaceExisting?: boolean): Promise<void>;
  unlock(password: string): Promise<void>;
  /** The user is active: moves the auto-lock deadline (reads alone do not). */
  touch(): Promise<void>;
  lock(): Promise<void>;
  /** Accounts with Core addresses for `coreNetworkId`. */
  accounts(coreNetworkId: number): Promise<AccountItem[]>;
  /** A new account derived from the recovery phrase of `fromAccountId`'s wallet (or the first phrase). */
  addAccount(fromAccountId: string | undefined): Promise<{ id: string }>;
  /** The recovery phrase behind `accountId`'s wallet (or the first phrase). */
  revealMnemonic(accountId: string | undefined, password: string): Promise<string>;
  /** The private key of `accountId` in `space` (HD accounts have one per space), after checking the password. */
  revealPrivateKey(accountId: string, space: Space, password: string): Promise<string>;
  /** Re-encrypts the vault under `newPassword`; the wallet stays unlocked. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Adds another recovery phrase or a private key to the unlocked wallet; returns its first account. */
  importIntoWallet(wallet: NewWallet): Promise<{ accountId: string }>;
  /** Wallets kept in this device's archive (set aside by Start over or a restore), newest first. */
  archive(): Promise<ArchivedWallet[]>;
  /** Makes an archived wallet current again (the current one is archived in turn); needs that wallet's password. */
  restoreArchived(archiveId: number, password: string): Promise<void>;
  exportBackup(password: string): Promise<{ fileName: string; text: string }>;
  restoreBackup(text: string, password: string): Promise<void>;
  /** Restores the copy from before the last write, when the current vault is unreadable. */
  restorePrevious(password: string): Promise<void>;
  autoLock(): Promise<AutoLockSettings>;
  setAutoLock(idleMs: number): Promise<void>;

  /** The networks, the current one, and how its nodes are doing (the header's status dot). */
  networks(): Promise<{ networks: NetworkItem[]; currentId: string; health: 'ok' | 'warn' | 'bad' }>;
  selectNetwork(id: string): Promise<void>;
  /** Native balance of `address` (the space's address form); `null` when nodes disagree unresolved. */
  balance(space: Space, address: string): Promise<Checked<bigint | null>>;
  /** The user's token list for the current network and space, with balances of `address`. */
  tokens(space: Space, address: string): Promise<TokenItem[]>;
  /**
   * The last verified values the background keeps for `address` (native, and the token list with
   * them), each with the time it was read: for a first paint before fresh values arrive.
   */
  lastKnownBalances(space: Space, address: string): Promise<{ balance: Checked<bigint | null> | undefined; tokens: TokenItem[] }>;
  /**
   * Balances of `address` the background pushes (after each sync, and when a read finds a new
   * value), until the returned function is called. Token values are read in the unit given.
   */
  onBalances(space: Space, address: string, listener: (pushed: PushedBalance[]) => void): () => void;
  addToken(space: Space, token: TokenSpec): Promise<void>;
  /** The contract's own `symbol()`, `name()`, `decimals()`, cross-checked (to fill in the Add-token form). */
  tokenInfo(space: Space, address: string): Promise<TokenInfoItem>;
  removeToken(space: Space, contract: string): Promise<void>;
  prepareSend(request: SendRequest): Promise<PreparedSend>;
  /** Largest amount of `asset` that can be sent (native: balance − max fee − collateral − transactions in flight). */
  maxSendable(request: Omit<SendRequest, 'amount' | 'to'>): Promise<bigint>;
  send(preparedId: string): Promise<{ hash: string }>;
  /** Speed-up or cancel of a transaction not yet in a block, prepared for review like a transfer. */
  prepareReplacement(hash: string, kind: 'speed_up' | 'cancel', accountId: string): Promise<PreparedSend>;
  /** Sends a transaction not yet in a block again, to every node that has not acknowledged it. */
  resend(hash: string): Promise<TxItem>;
  /** Transactions sent from `address` that the wallet tracks, newest first. */
  activity(space: Space, address: string): Promise<TxItem[]>;
  transaction(hash: string): Promise<TxItem>;
  /** What came in to `address`: token transfers of the user's tokens (recent epochs) and CFX balance increases. */
  received(space: Space, address: string): Promise<ReceivedItem[]>;
  nodes(space: NodeKind): Promise<NodeItem[]>;
  /** Call after the browser granted the node's host permission. */
  addNode(space: NodeKind, url: string): Promise<void>;
  removeNode(space: NodeKind, id: string): Promise<void>;
  lightClient(): Promise<LightClientStatus>;
  /** Catch-up progress, the finalized block's age and staleness (one call, for first screens). */
  syncStatus(): Promise<SyncSummary>;
  /** Runs the light client's sync now (it also runs on a schedule), then re-checks nodes and transactions. */
  syncNow(): Promise<void>;
  /** Node-side privacy: each account's reads spread so no single node links all your accounts. */
  privacy(): Promise<{ nodePrivacy: boolean; explanation: string }>;
  setPrivacy(settings: { nodePrivacy: boolean }): Promise<void>;
}
