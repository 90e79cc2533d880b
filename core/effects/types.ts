/**
 * What a transaction or a typed-data signature does, as a list of effects the approval page and the
 * send review show ("you send", "you allow X to spend").
 *
 * Addresses are strings in the form of the space the effect happens in: base32 for the request's
 * network on Core, EIP-55 on eSpace (an address that is not a valid Core address type stays 0x hex
 * and is flagged). Amounts are raw integers: token symbols and decimals are not known here — the
 * caller reads them from the chain and shows them with their trust level. A token address is the
 * contract the call or permit names; nothing here claims the contract really is a token.
 * @module
 */
import type { AbiIrregularity, AbiValue } from '../abi/decode.js';
import type { Space } from '../space.js';

/** Irregularities of the calldata an effect was read from (empty when canonical). */
export interface Encoding {
  irregularities: readonly AbiIrregularity[];
}

/** The native currency (CFX) leaves the account to `to`. */
export interface NativeTransferEffect {
  kind: 'native_transfer';
  space: Space;
  to: string;
  amount: bigint;
}

/**
 * A fungible-token transfer. `transferFrom(from,to,n)` has the same selector on ERC-20 and
 * ERC-721, so its `amount` is a token id if the contract is an NFT (`mayBeNft`).
 */
export interface TokenTransferEffect extends Encoding {
  kind: 'token_transfer';
  space: Space;
  token: string;
  /** Present for transferFrom: whose tokens move (may be someone who approved the signer). */
  from: string | null;
  to: string;
  amount: bigint;
  mayBeNft: boolean;
}

/** ERC-721 / ERC-1155 transfers by their own functions. */
export interface NftTransferEffect extends Encoding {
  kind: 'nft_transfer';
  space: Space;
  standard: 'erc721' | 'erc1155';
  token: string;
  from: string;
  to: string;
  tokenIds: readonly bigint[];
  /** ERC-1155 amounts per id; null for ERC-721. */
  amounts: readonly bigint[] | null;
}

export type ApprovalMethod = 'approve' | 'increaseAllowance' | 'decreaseAllowance' | 'permit2_approve';

/** `spender` may move tokens of `token` from the signer: set, raised or lowered by `amount`. */
export interface TokenApprovalEffect extends Encoding {
  kind: 'token_approval';
  space: Space;
  method: ApprovalMethod;
  token: string;
  spender: string;
  amount: bigint;
  change: 'set' | 'increase' | 'decrease';
  /** Amount at or above {@link UNLIMITED_THRESHOLD} (only for set/increase). */
  unlimited: boolean;
  /** `approve(spender, n)` is ERC-721's approve of token id n too. */
  mayBeNft: boolean;
  /** Permit2 on-chain approvals expire (unix seconds); null otherwise. */
  expiration: bigint | null;
  /** Permit2 approvals go through the Permit2 contract named here; null otherwise. */
  via: string | null;
  /** True when {@link rewriteApprovalCap} can change the amount. */
  capEditable: boolean;
}

/** `operator` may move every token of the collection (ERC-721/1155), or that right is revoked. */
export interface ApprovalForAllEffect extends Encoding {
  kind: 'approval_for_all';
  space: Space;
  token: string;
  operator: string;
  approved: boolean;
}

export interface PermitAllowance {
  token: string;
  amount: bigint;
  unlimited: boolean;
  /** Permit2 allowance expiry (unix seconds); null when the standard has none. */
  expiration: bigint | null;
}

export type PermitStandard = 'eip2612' | 'dai' | 'permit2_single' | 'permit2_batch' | 'permit2_transfer' | 'permit2_batch_transfer';

/** A signature that lets `spender` spend tokens without a transaction from the signer. */
export interface PermitEffect {
  kind: 'permit';
  space: Space;
  standard: PermitStandard;
  /** The contract that checks the signature (the token for EIP-2612/DAI, Permit2 otherwise). */
  verifyingContract: string | null;
  owner: string | null;
  spender: string;
  allowances: readonly PermitAllowance[];
  /** Signature valid until (unix seconds); null when it never expires. */
  deadline: bigint | null;
  /** Null for Permit2 batches, whose nonces are per token. */
  nonce: bigint | null;
  /** permit2_transfer*: the spender may transfer once, immediately, instead of holding an allowance. */
  oneTime: boolean;
  capEditable: boolean;
}

/** Core → eSpace: CFX sent to an eSpace address through the CrossSpaceCall internal contract. */
export interface CrossSpaceTransferEffect extends Encoding {
  kind: 'cross_space_transfer';
  /** EIP-55 eSpace address. */
  to: string;
  amount: bigint;
}

/** Core → eSpace call through CrossSpaceCall (`callEVM`, `staticCallEVM`); the inner call decoded as eSpace. */
export interface CrossSpaceCallEffect extends Encoding {
  kind: 'cross_space_call';
  method: 'callEVM' | 'staticCallEVM';
  to: string;
  amount: bigint;
  effects: readonly Effect[];
}

/** Core → eSpace contract creation (`createEVM`). */
export interface CrossSpaceCreateEffect extends Encoding {
  kind: 'cross_space_create';
  amount: bigint;
  codeSize: number;
}

/** eSpace → Core: CFX moved from the signer's mapped eSpace account back to the signer (`withdrawFromMapped`). */
export interface CrossSpaceWithdrawEffect extends Encoding {
  kind: 'cross_space_withdraw';
  amount: bigint;
}

export interface ContractCreationEffect {
  kind: 'contract_creation';
  space: Space;
  /** Native currency handed to the new contract. */
  amount: bigint;
  codeSize: number;
}

export interface DecodedArgument {
  name: string;
  /** Canonical ABI type, e.g. `address[]`. */
  type: string;
  /** Addresses (also inside arrays and tuples) in the space's form; integers as bigint. */
  value: AbiValue;
}

/** A call found in the bundled signature table, with its arguments. */
export interface ContractCallEffect extends Encoding {
  kind: 'contract_call';
  space: Space;
  contract: string;
  /** Set for Conflux internal contracts (e.g. `Staking`). */
  contractName: string | null;
  selector: string;
  /** As written in the table, with parameter names. */
  signature: string;
  args: readonly DecodedArgument[];
}

/** A call the wallet cannot read: it says so plainly. */
export interface UnknownCallEffect {
  kind: 'unknown_call';
  space: Space;
  contract: string;
  /** `0x` + 8 hex digits, or null when the data is shorter than a selector. */
  selector: string | null;
  dataSize: number;
  /** `not_in_table`: selector unknown; `undecodable`: known selector but its arguments do not decode. */
  reason: 'not_in_table' | 'undecodable' | 'short_data';
  /** The signature the selector belongs to, when reason is `undecodable`. */
  expected: string | null;
}

/** Typed data that is not a recognised permit. */
export interface TypedDataEffect {
  kind: 'typed_data';
  space: Space;
  primaryType: string;
  domainName: string | null;
  verifyingContract: string | null;
}

export type Effect =
  | NativeTransferEffect
  | TokenTransferEffect
  | NftTransferEffect
  | TokenApprovalEffect
  | ApprovalForAllEffect
  | PermitEffect
  | CrossSpaceTransferEffect
  | CrossSpaceCallEffect
  | CrossSpaceCreateEffect
  | CrossSpaceWithdrawEffect
  | ContractCreationEffect
  | ContractCallEffect
  | UnknownCallEffect
  | TypedDataEffect;
