/**
 * What the screens show, independent of how the background's API spells it. Adapters in
 * api/adapters/ turn background results into these; screens never parse wire data themselves.
 */
import type { NodeKind } from '../../../core/rpc/pool/endpoint.js';
import type { Space } from '../../../core/space.js';
import type { Trust } from './trust.js';

/** A node list: JSON-RPC nodes of one space, or proof gateways (defined with the endpoints). */
export type { NodeKind };

export interface AccountItem {
  id: string;
  /** The wallet (recovery phrase or imported key) the account belongs to. */
  walletId: string;
  name: string;
  /** CIP-37 address on the current Core network. */
  coreAddress: string;
  coreHex: string;
  /** EIP-55 eSpace address. */
  espaceAddress: string;
  /** 'hd' accounts come from the recovery phrase; imported keys have no phrase backup. */
  kind: 'hd' | 'private-key';
}

export interface NetworkItem {
  id: string;
  name: string;
  /** Core space network id (CIP-37 prefix). */
  coreNetworkId: number;
  /** eSpace chain id. */
  espaceChainId: number;
  isTestnet: boolean;
  /** False when the ids are only known once connected (a local node). */
  chainIdsKnown: boolean;
}

/** A value with the verification it got: every number on screen is one of these. */
export interface Checked<T> {
  value: T;
  trust: Trust;
  /** When the background fetched it (ms since epoch). */
  at?: number | undefined;
}

export interface TokenItem {
  /** Contract address in the space's form (base32 on Core, EIP-55 on eSpace); 'native' for CFX. */
  address: string;
  symbol: string;
  name: string;
  decimals: number;
  balance: Checked<bigint | null> | undefined;
  /** Why the balance is missing, if it is. */
  balanceError?: string | undefined;
}

/**
 * pending: sent, not in a block yet; included: a node says it is in a block (not proved yet);
 * verified: proved in finalized history, and it succeeded; failed: proved, and execution failed;
 * stuck: no node knows it any more (may be censored — resend); replaced: another transaction with
 * the same nonce went in instead; rejected: every node refused it.
 */
export type TxStatus = 'pending' | 'included' | 'verified' | 'failed' | 'stuck' | 'replaced' | 'rejected';

export interface TxItem {
  hash: string;
  space: Space;
  direction: 'out' | 'in' | 'self';
  status: TxStatus;
  from: string;
  /** Recipient; null creates a contract; undefined when not known here. */
  to?: string | null | undefined;
  /** Amount in the native unit, when known. */
  value?: bigint | undefined;
  symbol: string;
  decimals: number;
  /** Fee actually paid (from the proved receipt), or the most it can be until then (`feeIsMax`). */
  fee?: bigint | undefined;
  feeIsMax?: boolean | undefined;
  /** Core: storage collateral locked by the proved receipt (refundable). */
  collateral?: bigint | undefined;
  /** ms since epoch: submission time for our own, block time for received ones. */
  timestamp?: number | undefined;
  /** Epoch (Core) or block number (eSpace) it was included in. */
  blockNumber?: number | undefined;
  nonce?: number | undefined;
  /** How far inclusion and outcome were checked. */
  trust: Trust;
  /** Plain-language reason for the status (a failure, a refusal, a replacement). */
  error?: string | undefined;
  /** Nodes that accepted it when it was sent. */
  acceptedBy?: readonly string[] | undefined;
  /** Decoded token transfer, when the transaction is one. */
  token?: { symbol: string; decimals: number; amount: bigint; to: string } | undefined;
  /** How its inclusion was proved: the block, and the PoS-finalized pivot block the proof chains to. */
  verification?: { blockHash: string; epoch: number; finalizedPivot: { height: number; blockHash: string } | null; verifiedAt: number; outcome: 'success' | 'failure' | 'skipped' } | undefined;
}

/** A token contract's self-description, each field with how far it can be trusted (undefined: not answered). */
export interface TokenInfoItem {
  symbol: Checked<string> | undefined;
  name: Checked<string> | undefined;
  decimals: Checked<number> | undefined;
  /** Why a field is missing, in plain words. */
  problems: string[];
}

/** `unreachable`: set aside for a while after failing again and again (not a ban: it told no lie). */
export type NodeHealth = 'ok' | 'slow' | 'failing' | 'unreachable' | 'banned' | 'unknown';

export interface NodeItem {
  id: string;
  url: string;
  space: NodeKind;
  health: NodeHealth;
  latencyMs?: number | undefined;
  userAdded: boolean;
  /** Who runs the node, as the user or the built-in list named it (cross-checks count operators). */
  operator?: string | undefined;
  /** Plain-language reason for a ban or failure. */
  problem?: string | undefined;
  bannedUntil?: number | undefined;
}

export interface VerificationFailure {
  at: number;
  node: string;
  what: string;
}

/** Catch-up progress in PoS epochs (`total` unknown while only the finalized block is checked). */
export interface SyncProgressItem {
  label: string;
  done: number;
  total: number | undefined;
}

/** The part of the light-client status every first screen shows: progress, age and staleness. */
export type SyncSummary = Pick<LightClientStatus, 'state' | 'sync' | 'finalizedAt' | 'stale' | 'stateDetail'> & { verifiedEpoch: number | undefined };

export interface LightClientStatus {
  /**
   * Where verification starts: `shipped` with the wallet, `tofu` taken from the nodes on first use
   * (a local network), or `none` (nothing can be verified on this network).
   */
  checkpoint: 'shipped' | 'tofu' | 'none';
  /** PoS epoch whose committee (signing keys) is verified. */
  committeeEpoch: number | undefined;
  finalizedPosEpoch: number | undefined;
  /** Latest Conflux epoch whose pivot block is finalized by PoS and verified here. */
  verifiedEpoch: number | undefined;
  /** Latest epoch the nodes report (not verified), when known. */
  networkEpoch: number | undefined;
  /** Catch-up progress of the sync in flight, in PoS epochs since it started ("1,200 of 2,000"). */
  sync: SyncProgressItem | undefined;
  /**
   * `syncing` while a sync runs (never an error while it makes progress); `paused` when a sync
   * failed after verifying epochs (the next one resumes); `unanswered` when it failed without
   * progress because no node answered at all (a poor link); `error` when it failed otherwise.
   */
  state: 'syncing' | 'synced' | 'stalled' | 'paused' | 'unanswered' | 'error';
  stateDetail?: string | undefined;
  /** Timestamp of the finalized block itself (what "verified … ago" counts from). */
  finalizedAt?: number | undefined;
  /** The finalized block is too old (or nothing is verified): values read at it are not current. */
  stale: boolean;
  /** When the last sync finished (a check, not a newer block). */
  lastCheckedAt?: number | undefined;
  /** Sequential (every PoS epoch), or skipped ahead by the skipping rule while the rest is confirmed. */
  finality?: 'sequential' | 'skipped' | undefined;
  /** Background confirmation of the history a skip passed over: PoS epoch reached, epoch to reach. */
  confirming?: { done: number; total: number } | undefined;
  /** Nodes flagged for reporting a PoS epoch behind one another node proved. */
  withholding: string[];
  failures: VerificationFailure[];
  bannedNodes: NodeItem[];
  /** Nodes set aside for not answering (retried when the time is up). */
  setAsideNodes: NodeItem[];
}

export interface ConnectedSite {
  origin: string;
  accounts: string[];
  connectedAt?: number | undefined;
  space?: Space | undefined;
}

export interface PendingApproval {
  id: string;
  origin: string;
  kind: string;
  /** One line: "Sign a message", "Send 1.5 CFX to cfx:…". */
  summary: string;
  createdAt?: number | undefined;
}

/**
 * Money that came in, as far as Wayfarer can know it without an address index: token transfers
 * found in recent logs (proved through their receipt when possible), and CFX balance increases
 * between two reads (net, sender unknown).
 */
export type ReceivedItem =
  | { kind: 'token'; id: string; symbol: string; decimals: number; amount: bigint; from: string; epoch: number; transactionHash: string; trust: Trust; note?: string | undefined }
  | { kind: 'balance_increase'; id: string; amount: bigint; fromEpoch: number; toEpoch: number; trust: Trust };
