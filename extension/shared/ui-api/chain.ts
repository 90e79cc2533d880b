/**
 * UI methods of the chain service: light-client status, balances with their trust level, the node
 * list (add, remove, health, bans), sending and tracking transactions, and privacy mode.
 *
 * Every value a screen shows arrives with how far it can be trusted (`trust`) and who said it
 * (`sources`); amounts are decimal strings of the smallest unit (drip) so they survive JSON.
 * Balances come in two steps: `chain.lastKnownBalances` answers at once from storage (labelled
 * `cached`, with their age), `chain.balances` asks the network.
 *
 * Adding a node: the extension needs the node's host permission, and Chrome grants it only inside
 * a user gesture in an extension page. The UI computes the pattern with {@link hostPermissionPattern}
 * synchronously in the click handler, calls `chrome.permissions.request({ origins: [pattern] })`,
 * then `chain.addNode`.
 */
import type { BanReason, BanSeverity } from '../../../core/rpc/pool/bans.js';
import type { NetworkKey, Space } from '../../../core/rpc/pool/endpoint.js';
import type { Trust } from '../../../core/rpc/trust/types.js';
import type { TxStatus } from '../../../core/rpc/tx/types.js';
import { boolean, hex, none, object, oneOf, optional, string, array } from '../schema.js';
import { uiMethod } from './define.js';

export { hostPermissionPattern } from '../../../core/rpc/pool/endpoint.js';
export { PRIVACY_MODE_EXPLANATION } from '../../../core/rpc/pool/privacy.js';
export { TRUST_EXPLANATION } from '../../../core/rpc/trust/types.js';
export { BAN_REASON_TEXT } from '../../../core/rpc/pool/bans.js';
export type { Trust, TxStatus, BanReason, BanSeverity, NetworkKey, Space };

export interface ChainStatusView {
  network: NetworkKey;
  chainIds: { core: number; espace: number };
  lightClient: {
    /** `none`: this network has no shipped checkpoint, so nothing can be verified. */
    checkpoint: 'shipped' | 'tofu' | 'none';
    /** PoS epoch whose committee is verified. */
    committeeEpoch: number | null;
    /** Latest PoS-finalized pivot block whose header is verified. */
    finalized: { height: number; blockHash: string; posEpoch: number } | null;
    syncing: boolean;
    lastSyncAt: number | null;
    /** Why the last sync failed (code and message), if it did. */
    lastError: { code: string; message: string } | null;
    progress: { phase: 'committees' | 'finality'; epoch: number; targetEpoch: number | null } | null;
  };
  privacy: { enabled: boolean; explanation: string };
  nodes: { total: number; banned: number; independentOperators: { core: number; espace: number } };
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
  /** When the value was obtained (ms since epoch). */
  updatedAt: number;
  /** True when read from storage instead of the network just now. */
  cached: boolean;
}

export interface NodeView {
  id: string;
  space: Space;
  label: string;
  operator: string;
  origin: 'default' | 'user';
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
  proof: { blockHash: string; epoch: number; outcome: 'success' | 'failure' | 'skipped'; gasUsed: string; verifiedAt: number } | null;
  replaces: string | null;
  replacedBy: string | null;
}

const space = oneOf(['core', 'espace']);
const address = string({ min: 1, max: 128 });
const nodeId = string({ min: 1, max: 2200 });
const txHash = hex({ bytes: 32 });

export const chainMethods = {
  'chain.status': uiMethod<ChainStatusView>()(none()),
  /** Syncs the light client now (also runs on a schedule) and re-checks nodes and transactions. */
  'chain.sync': uiMethod<ChainStatusView>()(none()),
  'chain.setNetwork': uiMethod<ChainStatusView>()(object({ network: oneOf(['mainnet', 'testnet', 'local']) })),
  'chain.setPrivacy': uiMethod<ChainStatusView>()(object({ enabled: boolean() })),
  /** Last known values from storage, instantly (may be empty). */
  'chain.lastKnownBalances': uiMethod<BalanceView[]>()(object({ space, addresses: array(address, { max: 100 }) })),
  /** Fresh native (and token) balances at the latest verified epoch, cross-checked. */
  'chain.balances': uiMethod<BalanceView[]>()(object({ space, addresses: array(address, { max: 100 }), tokens: optional(array(address, { max: 50 })) })),
  'chain.nonce': uiMethod<{ value: string | null; pending: string; trust: Trust; epoch: number; sources: SourceView[] }>()(object({ space, address })),
  'chain.nodes': uiMethod<NodeView[]>()(none()),
  'chain.addNode': uiMethod<NodeView>()(object({ space, url: string({ min: 1, max: 2048 }), wsUrl: optional(string({ min: 1, max: 2048 })), operator: optional(string({ min: 1, max: 100 })) })),
  'chain.removeNode': uiMethod<void>()(object({ id: nodeId })),
  /** Bans in force plus recent ones (newest first). */
  'chain.bans': uiMethod<{ active: BanView[]; recent: BanView[] }>()(none()),
  'chain.liftBan': uiMethod<void>()(object({ id: nodeId })),
  /** Broadcasts a signed transaction to several nodes and starts tracking it. */
  'chain.sendTransaction': uiMethod<TxView>()(object({ space, raw: hex({ maxBytes: 256 * 1024 }) })),
  'chain.transactions': uiMethod<TxView[]>()(none()),
  'chain.refreshTransaction': uiMethod<TxView>()(object({ hash: txHash })),
  'chain.resendTransaction': uiMethod<TxView>()(object({ hash: txHash })),
  /** Speed-up or cancel: signs a same-nonce replacement with a higher price for the account and sends it. */
  'chain.replaceTransaction': uiMethod<TxView>()(object({ hash: txHash, kind: oneOf(['speed_up', 'cancel']), accountId: string({ pattern: /^[0-9a-f]{32}$/ }) })),
} as const;

declare module './events.js' {
  interface UiEvents {
    'chain.statusChanged': ChainStatusView;
    'chain.nodesChanged': Record<string, never>;
    'chain.balancesChanged': { space: Space; addresses: string[] };
    'chain.transactionChanged': TxView;
  }
}
