/**
 * UI methods of cross-space transfers (CFX between Core space and eSpace), planned by
 * core/crossspace and carried out by the background (extension/background/crossspace/).
 *
 * Like a plain send, a transfer is prepared first (every transaction of it completed, with fees,
 * kept under an id) and then sent by id alone. `crossspace.transfer` reports the transfer as one:
 * each step's transaction and receipt, the combined state, and what arrived where, from receipts
 * proved by the light client. eSpace → Core's second step (the Core account's `withdrawFromMapped`)
 * is signed and sent by the background once the first step's receipt is proved, while the wallet
 * is unlocked.
 * @module
 */
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import type { Trust } from '../../../core/trust/types.js';
import type { Space } from '../../../core/space.js';
import { none, object, oneOf, optional, string } from '../schema.js';
import { uiMethod } from './define.js';
import type { TransactionReview } from './review.js';

export type CrossSpaceKind = 'core_to_espace' | 'espace_to_core';

export interface CrossSpaceStepView {
  step: 'transfer_evm' | 'fund_mapped' | 'withdraw_from_mapped';
  space: Space;
  from: string;
  /** The CrossSpaceCall contract (Core steps) or the mapped address (eSpace step). */
  to: string;
  /** The transaction as it will be signed; for a step sent later, as it would be signed now (nonce and epoch height are set again then). */
  transaction: TransactionReview;
  /** Whether the wallet signs it at once (first step) or after the first is proved. */
  later: boolean;
}

export interface PreparedCrossSpaceView {
  id: string;
  expiresAt: number;
  network: NetworkKey;
  kind: CrossSpaceKind;
  accountId: string;
  from: string;
  to: string;
  amount: string;
  /** The Core account's mapped eSpace address, when the transfer goes through it. */
  mapped: { coreAccount: string; address: string } | null;
  steps: CrossSpaceStepView[];
  /** Explanation codes with parameters (core/crossspace PlanNote). */
  notes: { code: string; params: Record<string, string> }[];
  /** Most CFX each side can lose: amount plus max fees on the sending side, max fee on the other. */
  maxTotal: { core: string; espace: string };
}

export interface CrossSpaceTransferStepView {
  step: CrossSpaceStepView['step'];
  space: Space;
  hash: string | null;
  /** not_sent, pending, succeeded, failed, rejected, replaced, possibly_censored */
  state: string;
  fee: string | null;
  epoch: number | null;
  trust: Trust | null;
  problems: string[];
}

export interface CrossSpaceTransferView {
  id: string;
  kind: CrossSpaceKind;
  from: string | null;
  to: string;
  amount: string;
  createdAt: number;
  mapped: { coreAccount: string; address: string } | null;
  /** not_started, in_progress, awaiting_withdraw, completed, failed, needs_attention */
  state: string;
  steps: CrossSpaceTransferStepView[];
  /** What the receiving side's receipt shows arriving, and where. */
  credited: { space: Space; address: string; amount: string } | null;
  fees: { core: string; espace: string };
  /** Weakest trust of the receipts used; null while none is in. */
  trust: Trust | null;
  /** Why the second step is not sent yet (e.g. `locked`), or null. */
  waiting: string | null;
}

const address = string({ min: 1, max: 128 });
const accountId = string({ pattern: /^[0-9a-f]{32}$/ });
const amount = string({ min: 1, max: 80, pattern: /^[1-9][0-9]{0,77}$/ });
const id = string({ pattern: /^[0-9a-f]{32}$/ });

export const crossSpaceMethods = {
  /** Plans and completes a transfer of `amount` drip: Core → eSpace to `to` (default: the account's own eSpace address), or eSpace → Core to the account's own Core address. */
  'crossspace.prepare': uiMethod<PreparedCrossSpaceView>()(object({ kind: oneOf(['core_to_espace', 'espace_to_core']), accountId, to: optional(address), amount })),
  /** Signs and sends the first step of the prepared transfer `id`; returns the transfer. */
  'crossspace.send': uiMethod<CrossSpaceTransferView>()(object({ id })),
  /** One transfer's combined status (proves receipts that are due; sends the withdrawal when its time has come). */
  'crossspace.transfer': uiMethod<CrossSpaceTransferView>()(object({ id: string({ min: 1, max: 100 }) })),
  /** The transfers of the active network, newest first (no proving; status as last known). */
  'crossspace.transfers': uiMethod<CrossSpaceTransferView[]>()(none()),
} as const;
