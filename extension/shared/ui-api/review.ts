/**
 * What will be signed: one transaction field by field, exactly as the background built and
 * validated it (core/tx), with its signing hash and the most it can cost. The one shape every
 * review shows — a dApp's transaction on the approval page, the wallet's own send, speed-up,
 * cancel, revoke and each step of a cross-space transfer — drawn by one component
 * (extension/ui/components/TransactionReview.tsx). Quantities are decimal strings of base units
 * (drip on Core, wei on eSpace); screens format them, never recompute them.
 * @module
 */

export interface TransactionReview {
  type: 0 | 1 | 2;
  chainId: number;
  /** Sender in the space's form (base32 on Core, EIP-55 on eSpace). */
  from: string;
  /** null: the transaction creates a contract. */
  to: string | null;
  /** Core: user/contract/builtin/null (from the address type); eSpace: null (not knowable from the address). */
  toKind: 'user' | 'contract' | 'builtin' | 'null' | null;
  /** Native value. */
  value: string;
  data: string;
  dataBytes: number;
  /** First 4 bytes of data when it calls a contract. */
  selector: string | null;
  nonce: string;
  gas: string;
  /** Type 0 and 1. */
  gasPrice: string | null;
  /** Type 2. */
  maxFeePerGas: string | null;
  maxPriorityFeePerGas: string | null;
  /** Core only (bytes of storage the transaction may occupy). */
  storageLimit: string | null;
  /** Core only. */
  epochHeight: string | null;
  accessList: { address: string; storageKeys: string[] }[];
  /** Upper bound of the fee: gas × (gasPrice or maxFeePerGas). */
  maxFee: string;
  /** Core only: storage collateral the sender may lock. */
  maxCollateral: string | null;
  /** value + max fee (+ collateral): the most native currency that can leave the account. */
  maxTotalNative: string;
  /** keccak256 of the unsigned encoding: the digest the signature will cover. */
  signingHash: string;
}
