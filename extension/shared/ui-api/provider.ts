/**
 * UI methods of the dApp provider: pending approvals (listed by the popup, shown and decided by the
 * approval page) and connected sites (listed and disconnected from the popup/settings).
 *
 * Everything a screen shows about a request comes from the background, already decoded: the
 * origin as the browser reported it, the transaction exactly as it will be signed. Screens never
 * decode dApp data themselves.
 */
import type { ApprovalKind, AssetSuggestion, NetworkSuggestion } from '../provider-approvals.js';
import type { ProviderSpace } from '../provider-protocol.js';
import { boolean, none, object, oneOf, optional, string } from '../schema.js';
import { uiMethod } from './define.js';

/** How an origin is shown: every part that matters, punycode left visible. */
export interface OriginView {
  origin: string;
  scheme: 'https' | 'http';
  /** The host exactly as the browser resolves it: ASCII, internationalized labels as `xn--…`. */
  host: string;
  /** Explicit port, or null for the scheme's default. */
  port: string | null;
  /** Some label is punycode (`xn--…`): the name may imitate another with look-alike letters. */
  punycode: boolean;
  /** Plain http on a non-local host: anyone on the network path can change the page. */
  insecure: boolean;
}

export interface ApprovalSummary {
  id: string;
  origin: string;
  kind: ApprovalKind;
  space: ProviderSpace;
  createdAt: number;
}

export interface AccountChoice {
  id: string;
  name: string;
  /** In the request's space: base32 on Core, EIP-55 on eSpace. */
  address: string;
}

/** A transaction field by field, exactly as signed; amounts in base units and formatted. */
export interface TransactionView {
  typeLabel: 'legacy' | 'access list (type 1)' | 'dynamic fee (type 2)';
  chainId: number;
  from: string;
  /** null: the transaction creates a contract. */
  to: string | null;
  /** Core: user/contract/builtin/null (from the address type); eSpace: null (not knowable from the address). */
  toKind: 'user' | 'contract' | 'builtin' | 'null' | null;
  valueBase: string;
  value: string;
  data: string;
  dataBytes: number;
  /** First 4 bytes of data when it calls a contract. */
  selector: string | null;
  nonce: string;
  gas: string;
  gasPrice: string | null;
  maxFeePerGas: string | null;
  maxPriorityFeePerGas: string | null;
  /** Core only. */
  storageLimit: string | null;
  /** Core only. */
  epochHeight: string | null;
  accessList: { address: string; storageKeys: string[] }[];
  /** Upper bound of the fee: gas × (gasPrice or maxFeePerGas), formatted. */
  maxFee: string;
  /** Core only: storage collateral the sender may lock (storageLimit / 1024 CFX), formatted. */
  maxStorageCollateral: string | null;
  /** value + maxFee (+ collateral), formatted. */
  maxTotal: string;
  /** keccak256 of the unsigned encoding: the digest the signature will cover. */
  signingHash: string;
}

export type ApprovalDetail =
  | { kind: 'connect'; accounts: AccountChoice[]; returns: 'accounts' | 'permissions' }
  | { kind: 'unlock' }
  | { kind: 'personal_sign'; account: AccountChoice; text: string | null; hex: string; byteLength: number }
  | { kind: 'typed_data'; account: AccountChoice; primaryType: string; domain: unknown; message: unknown; chainId: number | null; domainType: string }
  | { kind: 'transaction'; account: AccountChoice; tx: TransactionView }
  | { kind: 'switch_chain'; from: { chainId: number; name: string }; to: { chainId: number; name: string } }
  /**
   * `site`: registrable domain of the suggesting site, the one operator every suggested node will
   * count as (the wallet already has its own nodes for every network it accepts).
   */
  | { kind: 'add_chain'; network: NetworkSuggestion; site: string }
  | { kind: 'watch_asset'; asset: AssetSuggestion };

export interface ApprovalView {
  id: string;
  space: ProviderSpace;
  createdAt: number;
  requester: {
    origin: OriginView;
    /** Set when the request comes from an embedded frame: the top page's origin, if known. */
    frame: null | { topOrigin: string | null };
  };
  network: { chainId: number; name: string; currencySymbol: string };
  /** The wallet is locked: the page asks for the password first. */
  locked: boolean;
  /** All approvals waiting right now (this one included). */
  waiting: number;
  detail: ApprovalDetail;
}

export interface ConnectedSite {
  origin: string;
  core: { addresses: string[]; date: number } | null;
  espace: { addresses: string[]; date: number } | null;
}

const approvalId = string({ pattern: /^[0-9a-f]{32}$/ });

export const providerMethods = {
  'provider.listApprovals': uiMethod<ApprovalSummary[]>()(none()),
  'provider.getApproval': uiMethod<ApprovalView>()(object({ id: approvalId })),
  'provider.resolveApproval': uiMethod<{ next: string | null }>()(
    object({ id: approvalId, approve: boolean(), accountId: optional(string({ min: 1, max: 200 })) }),
  ),
  'provider.listSites': uiMethod<ConnectedSite[]>()(none()),
  'provider.disconnectSite': uiMethod<void>()(object({ origin: string({ max: 300 }), space: optional(oneOf(['core', 'espace'])) })),
  /** Forgets every connection (also the way out when the stored record is damaged). */
  'provider.resetSites': uiMethod<void>()(none()),
} as const;

declare module './events.js' {
  interface UiEvents {
    /** The set of pending approvals changed; `count` is how many wait now. */
    'provider.approvalsChanged': { count: number };
    'provider.sitesChanged': Record<string, never>;
  }
}
