/**
 * What the wallet records about each transaction it sent, persisted so tracking survives
 * service-worker restarts, and the statuses the user sees.
 * @module
 */
import type { VerifiedReceipt } from '../../lightclient/client/proofs.js';
import type { Space } from '../../space.js';

/**
 * - `pending`: broadcast; no node reports it in a block yet.
 * - `included`: a node reports it in a block, but the proof is not final yet (the epoch is above the
 *   latest PoS-finalized pivot, or the headers that commit its receipt do not exist yet).
 * - `included_verified`: the transaction is proved in a finalized block and its successful receipt
 *   against the committed receipts root. Nothing here rests on a node's word.
 * - `failed_verified`: proved included, and the proved receipt says execution failed.
 * - `possibly_censored`: no node knows the transaction after the censorship timeout. The nodes it
 *   was given to may be dropping it; resend through others.
 * - `replaced`: another transaction with the same nonce (a speed-up or cancel) was included.
 * - `rejected`: every node refused it when it was sent (see `rejections`).
 */
export type TxStatus = 'pending' | 'included' | 'included_verified' | 'failed_verified' | 'possibly_censored' | 'replaced' | 'rejected';

export const FINAL_STATUSES: ReadonlySet<TxStatus> = new Set<TxStatus>(['included_verified', 'failed_verified', 'replaced', 'rejected']);

export interface TrackedTransaction {
  hash: string;
  space: Space;
  /** Signed raw transaction (public data), kept for resending. */
  raw: string;
  /** Sender as shown (base32 / EIP-55) and its 20-byte key (privacy assignment, nonce tracking). */
  from: string;
  addressKey: string;
  /** Decimal string (bigint does not survive structured clone into every store). */
  nonce: string;
  status: TxStatus;
  submittedAt: number;
  lastBroadcastAt: number;
  /** Ids of nodes that acknowledged the transaction with its correct hash. */
  acceptedBy: string[];
  /** Ids of every node it was offered to (absent in records from before this was kept). */
  offeredTo?: string[];
  /** Node label → refusal message, from the last broadcast. */
  rejections: Record<string, string>;
  /** Where a node says it is (a claim until verified). */
  location?: { blockHash: string; epoch: number; reportedBy: string };
  /** Set once proved: epoch and block of inclusion, execution outcome. */
  proof?: {
    blockHash: string;
    epoch: number;
    outcome: 'success' | 'failure' | 'skipped';
    gasUsed: string;
    verifiedAt: number;
    /** From the proved receipt (decimal drip): the fee charged, and whether a sponsor paid it. */
    gasFee?: string;
    gasCoveredBySponsor?: boolean;
    /** Storage the transaction collateralized, in bytes as the receipt reports it (decimal; each byte locks 1/1024 CFX), and whether a sponsor paid it. */
    storageCollateralized?: string;
    storageCoveredBySponsor?: boolean;
    /** The PoS-finalized pivot block the proof was checked against. */
    finalizedPivot?: { height: number; blockHash: string };
  };
  /** Hash of the transaction this one replaces (speed-up/cancel), or that replaced it. */
  replaces?: string;
  replacedBy?: string;
  /** Short reason for the current status, for the UI. */
  note?: string;
}

/** What a proof of inclusion established (from the light client). */
export interface InclusionProof {
  blockHash: string;
  epoch: number;
  outcome: 'success' | 'failure' | 'skipped';
  gasUsed: bigint;
  /** Weakest finality among the headers the proof used. */
  finality: 'finalized' | 'unfinalized';
  /** The proved receipt itself (fee, collateral, sponsor flags, logs), when the prover gives it. */
  receipt?: VerifiedReceipt;
  /** The PoS-finalized pivot block the light client held when the proof was made. */
  finalizedPivot?: { height: number; blockHash: string };
}

/** Proves a transaction's inclusion and receipt; injected (the light client, through the pool). */
export type InclusionProver = (query: { space: Space; transactionHash: string; blockHash: string; epoch: number }) => Promise<InclusionProof>;
