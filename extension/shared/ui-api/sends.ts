/**
 * UI methods of the wallet's own transfers (CFX and CRC-20/ERC-20 tokens, Core and eSpace).
 *
 * Sending takes two calls so that what the user reviews is what gets signed:
 * 1. `wallet.prepareSend` builds the complete transaction in the background (nonce, gas, fees, on
 *    Core storage limit and epoch height, `transfer(address,uint256)` data for a token) and keeps
 *    it under an opaque id for a short time; it returns every field, the fee maximums and the
 *    signing hash.
 *    With `nonce: 'fill'` a transfer takes the nonce of a gap in the account's queue (`nonceGap`)
 *    instead of waiting behind it.
 * 2. `wallet.send` takes only that id: nothing the page sends can change a field between review
 *    and signature. The background signs exactly the kept transaction, checks the signed bytes
 *    decode to the same signing hash and sender, broadcasts them, and the tracker reports progress
 *    (`chain.transactionChanged`).
 *
 * Amounts are decimal strings of the smallest unit (drip for CFX, the token's base unit).
 * @module
 */
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import type { Trust } from '../../../core/trust/types.js';
import type { JsonEffect } from '../../../core/effects/json.js';
import { SPACES, type Space } from '../../../core/space.js';
import { number, object, oneOf, optional, string } from '../schema.js';
import type { TxView } from './chain.js';
import type { TransactionReview } from './review.js';
import { uiMethod } from './define.js';

export type SendAssetView =
  | { kind: 'native'; symbol: string; decimals: 18 }
  | {
      kind: 'token';
      contract: string;
      symbol: string;
      decimals: number;
      /** How the token's own `decimals()` answer that the amount was checked against is trusted; null when the contract does not answer it. */
      decimalsTrust: Trust | null;
    };

export interface PreparedSendView {
  id: string;
  /** After this (ms since epoch) `wallet.send` refuses the id; prepare again. */
  expiresAt: number;
  network: NetworkKey;
  space: Space;
  accountId: string;
  /** Sender in the space's form. */
  from: string;
  /** Who receives the asset, in the space's form (for a token, the address in the transfer data). */
  recipient: string;
  asset: SendAssetView;
  /** What the recipient gets, in the asset's smallest unit. */
  amount: string;
  /** Every field as it will be signed (for a token, `to` is the contract). */
  transaction: TransactionReview;
  /** What the prepared transaction does, decoded from its fields (core/effects). */
  effects: JsonEffect[];
  /** The transaction this one takes the place of (same nonce, higher price), and why. */
  replaces: { hash: string; kind: 'speed_up' | 'cancel' | 'fill_gap' } | null;
  /** What blocks the account's queue in front of this transfer, if anything (see nonce-gap.ts). */
  nonceGap: NonceGapView | null;
}

/** The account's nonce on chain is below the one a new transfer would take, and the transaction at it is missing or stuck. */
export interface NonceGapView {
  /** The nonce the account must use next (the gap). */
  accountNonce: string;
  /** The nonce the transfer takes when it waits behind the gap. */
  queuedNonce: string;
  /** The wallet's transaction at the gap, when it has one: accepted by how many nodes, sent when (ms). */
  blocking: { hash: string; acceptedBy: number; sentAt: number } | null;
  /** The wallet's transactions already waiting behind the gap. */
  waiting: number;
}

export interface MaxSendableView {
  /** Largest amount of the asset that can be sent now (smallest unit); 0 when nothing can be. */
  amount: string;
  /** The balance it was computed from, with its trust and epoch. */
  balance: string;
  trust: Trust;
  epoch: number;
  /** CFX only: the transfer's max fee and (Core) collateral subtracted from the balance (drip); null for a token, whose fee is paid in CFX. */
  maxFee: string | null;
  maxCollateral: string | null;
  /** Reserved for the account's transactions still in flight (drip). */
  reservedInFlight: string;
}

const space = oneOf(SPACES);
const address = string({ min: 1, max: 128 });
const accountId = string({ pattern: /^[0-9a-f]{32}$/ });
const amount = string({ min: 1, max: 80, pattern: /^(0|[1-9][0-9]{0,77})$/ });
const token = object({ contract: address, symbol: string({ min: 1, max: 64 }), decimals: number({ integer: true, min: 0, max: 255 }) });

export const sendMethods = {
  /**
   * Prepares a transfer of `amount` (smallest unit) of CFX, or of `token`, from `accountId` to
   * `to` (space form: base32 of the active Core network, or 0x on eSpace). Refused when locked, for
   * a recipient on another network or space, and for a token whose `decimals()` differs from `token.decimals`.
   */
  'wallet.prepareSend': uiMethod<PreparedSendView>()(object({ space, accountId, to: address, amount, token: optional(token), nonce: optional(oneOf(['queue', 'fill'])) })),
  /**
   * Prepares the speed-up (same transaction, higher price) or cancel (nothing to yourself) of a
   * tracked transaction not yet seen in a block; signed and sent with `wallet.send` like any transfer.
   */
  'wallet.prepareReplacement': uiMethod<PreparedSendView>()(object({ hash: string({ pattern: /^0x[0-9a-fA-F]{64}$/ }), kind: oneOf(['speed_up', 'cancel']), accountId })),
  /** "Max": the largest amount that can be sent after the fee (and, for CFX, collateral and transactions in flight). */
  'wallet.maxSendable': uiMethod<MaxSendableView>()(object({ space, accountId, token: optional(token) })),
  /** Signs and broadcasts the prepared transaction `id` — and only it. */
  'wallet.send': uiMethod<{ hash: string; tx: TxView }>()(object({ id: string({ pattern: /^[0-9a-f]{32}$/ }) })),
} as const;
