/**
 * UI methods of the chain service: light-client status, balances with their trust level, the node
 * list (add, remove, health, bans), sending and tracking transactions, and privacy mode.
 *
 * Every value a screen shows arrives with how far it can be trusted (`trust`) and who said it
 * (`sources`); amounts are decimal strings of the smallest unit (drip) so they survive JSON.
 * Balances come in two steps: `chain.lastKnownBalances` answers at once from storage (labelled
 * `cached`, with their age), `chain.balances` asks the network. After each sync the background reads
 * the wallet's balances itself and pushes them with their values (`chain.balancesChanged`).
 *
 * Adding a node: the extension needs the node's host permission, and Chrome grants it only inside
 * a user gesture in an extension page. The UI computes the pattern with {@link hostPermissionPattern}
 * synchronously in the click handler, calls `chrome.permissions.request({ origins: [pattern] })`,
 * then `chain.addNode`.
 */
import type { BanReason, BanSeverity } from '../../../core/rpc/pool/bans.js';
import { NETWORK_KEYS, type NetworkKey, type NodeKind } from '../../../core/rpc/pool/endpoint.js';
import type { ProofFallback, StateProofAnchor, Trust } from '../../../core/trust/types.js';
import type { TxStatus } from '../../../core/chain/transactions/types.js';
import { SPACES, type Space } from '../../../core/space.js';
import { boolean, hex, none, number, object, oneOf, optional, string, array } from '../schema.js';
import { uiMethod } from './define.js';

export { hostPermissionPattern } from '../../../core/rpc/pool/endpoint.js';
export { PRIVACY_MODE_EXPLANATION } from '../../../core/rpc/pool/privacy.js';
export { TRUST_EXPLANATION } from '../../../core/trust/types.js';
export { BAN_REASON_TEXT } from '../../../core/rpc/pool/bans.js';
export type { Trust, TxStatus, BanReason, BanSeverity, NetworkKey, NodeKind, StateProofAnchor, ProofFallback };

export interface ChainStatusView {
  network: NetworkKey;
  chainIds: { core: number; espace: number };
  lightClient: {
    /** `none`: this network has no shipped checkpoint, so nothing can be verified. */
    checkpoint: 'shipped' | 'tofu' | 'none';
    /** PoS epoch whose committee is verified. */
    committeeEpoch: number | null;
    /**
     * Latest PoS-finalized pivot block whose header is verified, with that block's own timestamp
     * (ms; null until its header is verified) — the time "verified … ago" is counted from.
     */
    finalized: { height: number; blockHash: string; posEpoch: number; blockTimestampMs: number | null } | null;
    /** How the committee was reached: every epoch in turn, or by the skipping rule (confirmed in the background). */
    finality: 'sequential' | 'skipped' | null;
    /** Age of the finalized block (now − its timestamp), null until known. */
    ageMs: number | null;
    /** Values read at the verified epoch must not be shown as current: nothing verified, or the finalized block is too old. */
    stale: boolean;
    /** Age above which the finalized block is stale on this network (ms). */
    staleAfterMs: number;
    /** The highest PoS epoch a node claimed at the last sync (unverified). */
    claimedEpoch: number | null;
    /** Nodes flagged at the last sync for reporting a PoS epoch behind one another node proved. */
    withholding: string[];
    /** While finality is `skipped`: the background confirmation of the skipped committees. */
    confirming: { epoch: number; targetEpoch: number; running: boolean } | null;
    syncing: boolean;
    lastSyncAt: number | null;
    /**
     * Why the last sync failed (code and message), if it did; `progressed` when it verified
     * epochs before failing (the next sync resumes from there); `unanswered` when no node asked
     * answered at all (time-outs, lost connections: a poor link, nothing refused or proved false).
     */
    lastError: { code: string; message: string; progressed?: boolean; unanswered?: boolean } | null;
    /** The sync in flight: PoS epochs from `fromEpoch` to `targetEpoch`, `epoch` reached. */
    progress: { phase: 'committees' | 'skip' | 'finality' | 'sequential'; fromEpoch: number | null; epoch: number; targetEpoch: number | null } | null;
  };
  privacy: { enabled: boolean; explanation: string };
  nodes: { total: number; banned: number; independentOperators: { core: number; espace: number } };
  /**
   * The newest Core epoch a node reported at the last sync — a claim, not verified — so the UI can
   * say how far the verified epoch is behind. Null until a node answered on this network.
   */
  networkHead: { epoch: number; node: string; at: number } | null;
}

export interface SourceView {
  node: string;
  operator: string;
  answer?: string;
  problem?: string;
}

export interface BalanceView {
  space: Space;
  address: string;
  /** Token contract; absent for the native balance (CFX). */
  token?: string;
  /** Decimal string (drip or token base unit); null when nodes disagree and nothing settles it. */
  value: string | null;
  epoch: number;
  trust: Trust;
  sources: SourceView[];
  conflict?: { resolution: 'majority' | 'unresolved'; candidates: { answer: string; operators: string[] }[] };
  /** For a `verified` value: the proof's epoch, the header committing its state root, and the finalized pivot. */
  proof?: StateProofAnchor;
  /** When a proof through a gateway was tried and the value is the nodes' word instead: why. */
  fallback?: ProofFallback;
  /** When the value was obtained (ms since epoch). */
  updatedAt: number;
  /** True when read from storage instead of the network just now. */
  cached: boolean;
}

export interface NodeView {
  id: string;
  /** The space it serves JSON-RPC for, or `gateway` (a proof gateway). */
  space: NodeKind;
  label: string;
  operator: string;
  /** Shipped, added by the user, or suggested by a site (then `operator` is that site's domain). */
  origin: 'default' | 'user' | 'site';
  hasWebSocket: boolean;
  /** Match pattern of the host permission this node needs. */
  permissionPattern: string;
  /**
   * Whether the extension holds that host permission. Without it, requests still work when the
   * node allows cross-origin requests (most public nodes do); with it, always.
   */
  permission: 'granted' | 'missing';
  health: { latencyMs: number | null; successes: number; failures: number; consecutiveFailures: number; lastErrorCode: string | null };
  ban: BanView | null;
}

export interface BanView {
  nodeId: string;
  node: string;
  reason: BanReason;
  /** The sentence shown for the reason. */
  reasonText: string;
  severity: BanSeverity;
  evidence: string;
  bannedAt: number;
  expiresAt: number;
}

export interface TxView {
  hash: string;
  space: Space;
  from: string;
  nonce: string;
  status: TxStatus;
  note: string | null;
  submittedAt: number;
  acceptedBy: string[];
  rejections: Record<string, string>;
  proof: {
    blockHash: string;
    epoch: number;
    outcome: 'success' | 'failure' | 'skipped';
    gasUsed: string;
    verifiedAt: number;
    /** The PoS-finalized pivot block the proof was checked against (absent for older records). */
    finalizedPivot: { height: number; blockHash: string } | null;
  } | null;
  replaces: string | null;
  replacedBy: string | null;
  /** Decoded from the signed bytes: the recipient (the token contract for a token transfer), or null for a deployment. */
  to: string | null;
  /** Native value sent (drip, decimal). */
  value: string;
  /**
   * A `transfer(address,uint256)` call in the data, decoded from the signed bytes. Symbol and
   * decimals are known when the wallet sent it as a token transfer (null otherwise).
   */
  tokenTransfer: { contract: string; to: string; amount: string; symbol: string | null; decimals: number | null } | null;
  /** The most the transaction can cost: gas × highest price, and on Core the storage collateral (drip). */
  maxFee: string;
  maxCollateral: string | null;
  /** What the proved receipt says it cost (drip), and whether a sponsor paid; null until proved. */
  cost: { gasFee: string; gasCoveredBySponsor: boolean; storageCollateralized: string; storageCoveredBySponsor: boolean } | null;
}

/** One self-description of a token contract, cross-checked like a balance. */
export interface TokenFieldView<T> {
  /** Null when the contract does not answer it (it is optional in ERC-20) or nodes disagree. */
  value: T | null;
  trust: Trust | null;
  /** Why there is no value. */
  problem: string | null;
  sources: SourceView[];
}

export interface TokenInfoView {
  space: Space;
  address: string;
  /** Verified epoch the contract was asked at. */
  epoch: number;
  symbol: TokenFieldView<string>;
  name: TokenFieldView<string>;
  decimals: TokenFieldView<number>;
}

/**
 * What Wayfarer knows about money that came in. Conflux nodes keep no index of transactions by
 * address, so there is no list of incoming transfers to ask for. Two honest substitutes:
 * - `token`: a `Transfer` event to the address, found in the logs of the tokens in the user's list
 *   (recent epochs only), proved through its transaction's receipt when possible;
 * - `balance_increase`: the native balance grew between two cross-checked reads. Who sent it, and in
 *   how many transactions, is not known — and it is the net change (what was sent meanwhile is
 *   already subtracted).
 */
export type IncomingView =
  | {
      kind: 'token';
      id: string;
      space: Space;
      contract: string;
      symbol: string | null;
      decimals: number | null;
      /** Sender as the event names it, recipient (the user's address), amount (base units). */
      from: string;
      to: string;
      amount: string;
      transactionHash: string;
      blockHash: string;
      epoch: number;
      /** `verified`: the event is in the proved receipt of its transaction; otherwise the node's word. */
      trust: Trust;
      note: string | null;
      finalizedPivot: { height: number; blockHash: string } | null;
      foundAt: number;
    }
  | {
      kind: 'balance_increase';
      id: string;
      space: Space;
      address: string;
      fromEpoch: number;
      toEpoch: number;
      /** Net increase (drip). */
      amount: string;
      /** The weaker trust of the two reads. */
      trust: Trust;
      observedAt: number;
    };

const space = oneOf(SPACES);
const nodeKind = oneOf(['core', 'espace', 'gateway']);
const address = string({ min: 1, max: 128 });
const nodeId = string({ min: 1, max: 2200 });
const txHash = hex({ bytes: 32 });

export const chainMethods = {
  'chain.status': uiMethod<ChainStatusView>()(none()),
  /** Syncs the light client now (also runs on a schedule) and re-checks nodes and transactions. */
  'chain.sync': uiMethod<ChainStatusView>()(none()),
  'chain.setNetwork': uiMethod<ChainStatusView>()(object({ network: oneOf(NETWORK_KEYS) })),
  'chain.setPrivacy': uiMethod<ChainStatusView>()(object({ enabled: boolean() })),
  /** Last known values (native, then each of `tokens`) from storage, instantly (may be empty). */
  'chain.lastKnownBalances': uiMethod<BalanceView[]>()(object({ space, addresses: array(address, { max: 100 }), tokens: optional(array(address, { max: 50 })) })),
  /** Fresh native (and token) balances at the latest verified epoch, cross-checked. */
  'chain.balances': uiMethod<BalanceView[]>()(object({ space, addresses: array(address, { max: 100 }), tokens: optional(array(address, { max: 50 })) })),
  'chain.nonce': uiMethod<{ value: string | null; pending: string; trust: Trust; epoch: number; sources: SourceView[]; proof?: StateProofAnchor; fallback?: ProofFallback }>()(object({ space, address })),
  'chain.nodes': uiMethod<NodeView[]>()(none()),
  'chain.addNode': uiMethod<NodeView>()(object({ space: nodeKind, url: string({ min: 1, max: 2048 }), wsUrl: optional(string({ min: 1, max: 2048 })), operator: optional(string({ min: 1, max: 100 })) })),
  'chain.removeNode': uiMethod<void>()(object({ id: nodeId })),
  /** Bans in force plus recent ones (newest first). */
  'chain.bans': uiMethod<{ active: BanView[]; recent: BanView[] }>()(none()),
  'chain.liftBan': uiMethod<void>()(object({ id: nodeId })),
  /** Broadcasts a signed transaction to several nodes and starts tracking it. */
  'chain.sendTransaction': uiMethod<TxView>()(object({ space, raw: hex({ maxBytes: 256 * 1024 }) })),
  'chain.transactions': uiMethod<TxView[]>()(none()),
  'chain.refreshTransaction': uiMethod<TxView>()(object({ hash: txHash })),
  'chain.resendTransaction': uiMethod<TxView>()(object({ hash: txHash })),
  /** A token contract's `symbol()`, `name()` and `decimals()` at the verified epoch, cross-checked. */
  'chain.tokenInfo': uiMethod<TokenInfoView>()(object({ space, address })),
  /**
   * Incoming token transfers (for `tokens`, over recent epochs) and native balance increases seen
   * between reads, for one address; newest first. Scans only what it has not scanned before.
   */
  'chain.incoming': uiMethod<IncomingView[]>()(
    object({ space, address, tokens: array(object({ address, symbol: string({ min: 1, max: 64 }), decimals: number({ integer: true, min: 0, max: 255 }) }), { max: 50 }) }),
  ),
} as const;

declare module './events.js' {
  interface UiEvents {
    'chain.statusChanged': ChainStatusView;
    'chain.nodesChanged': Record<string, never>;
    /** The wallet switched networks (from any page or a dApp's request): what a page shows of the old one is stale now. */
    'chain.networkChanged': { network: NetworkKey };
    /** Balances read that differ from the stored ones, or every balance the refresh after a sync read: with their values. */
    'chain.balancesChanged': { space: Space; addresses: string[]; balances: BalanceView[] };
    'chain.transactionChanged': TxView;
  }
}
