/**
 * What a dApp asked the user to approve, as the background stores it (JSON, in
 * chrome.storage.session, so it survives service-worker restarts) and as the approval page shows
 * it. Shared by the background and the approval page; types only, plus the list of kinds.
 * @module
 */
import type { Hex } from '../../core/encoding/hex.js';

export const APPROVAL_KINDS = ['connect', 'unlock', 'personal_sign', 'typed_data', 'transaction', 'switch_chain', 'add_chain', 'watch_asset', 'calls'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** The account a signing request names, as the dApp addressed it. */
export interface ApprovalAccount {
  accountId: string;
  /** base32 on Core (for the request's network), EIP-55 on eSpace. */
  address: string;
}

/** A transaction exactly as it will be signed; quantities as 0x hex, addresses in the space's form. */
export interface TransactionDraft {
  type: 0 | 1 | 2;
  chainId: number;
  nonce: Hex;
  gas: Hex;
  to: string | null;
  value: Hex;
  data: Hex;
  gasPrice?: Hex;
  maxFeePerGas?: Hex;
  maxPriorityFeePerGas?: Hex;
  accessList?: { address: string; storageKeys: string[] }[];
  /** Core only. */
  storageLimit?: Hex;
  /** Core only. */
  epochHeight?: Hex;
}

export interface NetworkSuggestion {
  chainId: number;
  name: string;
  currencyName: string;
  currencySymbol: string;
  rpcUrls: string[];
  blockExplorerUrl?: string;
}

export interface AssetSuggestion {
  /** base32 contract on Core, EIP-55 on eSpace. */
  address: string;
  symbol: string;
  decimals: number;
  image?: string;
}

export type ApprovalRequest =
  | { kind: 'connect'; returns: 'accounts' | 'permissions' }
  | { kind: 'unlock' }
  | { kind: 'personal_sign'; account: ApprovalAccount; messageHex: Hex }
  | { kind: 'typed_data'; account: ApprovalAccount; typedData: unknown; chainId: number }
  /** `estimateFailure`: the nodes could not estimate it; the gas limit is a default the user may edit. */
  | { kind: 'transaction'; account: ApprovalAccount; tx: TransactionDraft; estimateFailure?: { reason: string } }
  | { kind: 'switch_chain'; chainId: number; networkName: string }
  | { kind: 'add_chain'; network: NetworkSuggestion }
  | { kind: 'watch_asset'; chainId: number; asset: AssetSuggestion }
  /** EIP-5792 `wallet_sendCalls`: transactions signed and sent one after another (not atomic), nonces in order. */
  | { kind: 'calls'; account: ApprovalAccount; calls: { tx: TransactionDraft; estimateFailure?: { reason: string } }[] };
