/**
 * UI methods of the dApp provider: pending approvals (listed by the popup, shown and decided by the
 * approval page) and connected sites (listed and disconnected from the popup/settings).
 *
 * Everything a screen shows about a request comes from the background, already decoded: the
 * origin as the browser reported it, the transaction exactly as it will be signed. Screens never
 * decode dApp data themselves.
 */
import type { JsonEffect } from '../../../core/effects/json.js';
import type { SignInWarning } from '../../../core/message/siwe-check.js';
import { SPACES, type Space } from '../../../core/space.js';
import type { ApprovalKind, AssetSuggestion, NetworkSuggestion } from '../provider-approvals.js';
import { boolean, none, number, object, oneOf, optional, string } from '../schema.js';
import { uiMethod } from './define.js';
import type { TransactionReview } from './review.js';

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
  space: Space;
  createdAt: number;
}

export interface AccountChoice {
  id: string;
  name: string;
  /** In the request's space: base32 on Core, EIP-55 on eSpace. */
  address: string;
}

/**
 * A sign-in message (EIP-4361 or its Conflux variant) checked against the requesting origin, the
 * signing account, the active chain and the time: every mismatch is a warning.
 */
export type SignInView =
  | { kind: 'malformed'; reason: string }
  | { kind: 'sign_in'; domain: string; uri: string; address: string; chainId: number; warnings: SignInWarning[] };

/** Why the requesting site is suspicious (null on the view when it is not). */
export interface SiteWarningView {
  verdict: 'phishing' | 'lookalike';
  /** The host as the user would read it (punycode decoded) and as the browser resolves it. */
  host: string;
  asciiHost: string;
  /** The well-known or trusted site it imitates (look-alikes only). */
  similarTo: string | null;
  reason: string;
  /** Which phishing list was consulted: package and version. */
  list: string;
}

/** The node could not estimate the transaction: its reason, and the gas limit chosen instead (editable). */
export interface EstimateFailureView {
  reason: string;
}

export type ApprovalDetail =
  | { kind: 'connect'; accounts: AccountChoice[]; returns: 'accounts' | 'permissions' }
  | { kind: 'unlock' }
  | { kind: 'personal_sign'; account: AccountChoice; text: string | null; hex: string; byteLength: number; signIn: SignInView | null }
  | { kind: 'typed_data'; account: AccountChoice; primaryType: string; domain: unknown; message: unknown; chainId: number | null; domainType: string; effects: JsonEffect[] }
  | { kind: 'transaction'; account: AccountChoice; tx: TransactionReview; effects: JsonEffect[]; estimateFailure: EstimateFailureView | null }
  | { kind: 'switch_chain'; from: { chainId: number; name: string }; to: { chainId: number; name: string } }
  /**
   * `site`: registrable domain of the suggesting site, the one operator every suggested node will
   * count as (the wallet already has its own nodes for every network it accepts).
   */
  | { kind: 'add_chain'; network: NetworkSuggestion; site: string }
  | { kind: 'watch_asset'; asset: AssetSuggestion }
  | { kind: 'calls'; account: AccountChoice; calls: { tx: TransactionReview; effects: JsonEffect[]; estimateFailure: EstimateFailureView | null }[] };

export interface ApprovalView {
  id: string;
  space: Space;
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
  /** Set when the requesting site is on the phishing list or looks like a well-known or trusted site. */
  site: SiteWarningView | null;
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
  /**
   * Changes the spending cap of the approval or permit shown (raw token units, decimal) before it
   * is signed; `index` picks the allowance of a batch permit. Returns the request as it now stands.
   */
  'provider.setSpendingCap': uiMethod<ApprovalView>()(object({ id: approvalId, cap: string({ min: 1, max: 80, pattern: /^(0|[1-9][0-9]{0,79})$/ }), index: optional(number({ integer: true, min: 0, max: 100 })) })),
  /** Changes the gas limit of the transaction shown (decimal). Returns the request as it now stands. */
  'provider.setGasLimit': uiMethod<ApprovalView>()(object({ id: approvalId, gas: string({ min: 1, max: 20, pattern: /^[1-9][0-9]{0,19}$/ }) })),
  'provider.listSites': uiMethod<ConnectedSite[]>()(none()),
  'provider.disconnectSite': uiMethod<void>()(object({ origin: string({ max: 300 }), space: optional(oneOf(SPACES)) })),
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
