/**
 * Data model of trusted starting points.
 *
 * `trust` says where the first committee came from and is shown to the user:
 * - `shipped`: pinned in this release with provenance (public networks);
 * - `tofu`: trust on first use — the committee a dev node reported the first time it was asked,
 *   for local development chains only. It proves consistency afterwards, not authenticity.
 * @module
 */
import type { Committee, EpochStateJson } from '../pos/committee.js';

export type TrustLevel = 'shipped' | 'tofu';

/** A committee to start from. */
export interface Checkpoint {
  /** Human name of the network ('mainnet', 'dev', …). */
  readonly network: string;
  /** Core-space chain id the checkpoint belongs to (1029 mainnet, 1 testnet, …). */
  readonly chainId: number;
  readonly trust: TrustLevel;
  /** PoS epoch whose committee this is. */
  readonly epoch: number;
  readonly epochState: EpochStateJson;
  /** SHA3-256(BCS(EpochState)), lower-case `0x` hex; checked on load. */
  readonly digest: string;
  /** Where the committee came from (for shipped ones: the exact data and how it was verified). */
  readonly source: string;
  /** How a refreshed checkpoint was obtained (`npm run checkpoint:refresh`). */
  readonly provenance?: CheckpointProvenance;
}

/** The record `npm run checkpoint:refresh` keeps with a checkpoint it wrote. */
export interface CheckpointProvenance {
  /** ISO 8601 time the committee was verified. */
  readonly date: string;
  /** The epoch-ending ledger info that carried the committee (of the checkpoint's epoch − 1). */
  readonly ledgerInfo: { readonly epoch: number; readonly round: number; readonly id: string; readonly pivot: { readonly height: number; readonly blockHash: string } | null };
  /** The checkpoint it was verified from, with every committee rotation in between checked (no skipping). */
  readonly verifiedFrom: { readonly epoch: number; readonly digest: string };
  /** The nodes asked; every one served this same ledger info. */
  readonly nodes: readonly string[];
}

/** The trusted checkpoint a state was derived from by verification. */
export interface CheckpointAnchor {
  readonly epoch: number;
  /** SHA3-256(BCS(EpochState)) of the checkpoint committee. */
  readonly digest: string;
  /** Its signer-set digest (without the VRF seed), used to recognize trust-on-first-use committees. */
  readonly signers: string;
}

/** The latest PoS-finalized PoW pivot block the client verified. */
export interface FinalizedPivot {
  /** PoS epoch and round of the ledger info that decided it. */
  readonly posEpoch: number;
  readonly round: number;
  /** Lower-case `0x` hex id of that PoS block. */
  readonly ledgerInfoId: string;
  readonly timestampUsecs: bigint;
  /** Pivot block height (= epoch number). */
  readonly height: number;
  /** Lower-case `0x` hex hash of the pivot block. */
  readonly blockHash: string;
}

/**
 * The verified ledger info that ended the previous PoS epoch and carried the current committee.
 * Nodes keep serving it as their latest committed ledger info for a moment after every epoch
 * change, so the client must recognize it exactly (and anything else in its place as a conflict).
 */
export interface EpochEndingRef {
  readonly posEpoch: number;
  readonly round: number;
  /** Lower-case `0x` hex id of that PoS block. */
  readonly ledgerInfoId: string;
  /** Its pivot decision, or null when it decided none. */
  readonly pivot: { readonly height: number; readonly blockHash: string } | null;
}

/**
 * How the committee the client holds was reached: `sequential` — every committee rotation from
 * the trusted checkpoint verified with a quorum of the committee before it; `skipped` — at least
 * one step taken by the skipping rule (`pos/skip.ts`), which rests on a weaker assumption, until
 * the committees in between are verified sequentially.
 */
export type Finality = 'sequential' | 'skipped';

/** One step taken by the skipping rule, kept until sequential verification reaches it. */
export interface SkipHop {
  /** Epoch of the committee the skip was checked against. */
  readonly fromEpoch: number;
  /** The epoch-ending ledger info accepted by the rule. */
  readonly ending: EpochEndingRef;
  /** Signer-set digest (`signerSetDigest`) of the committee it carried. */
  readonly committeeSigners: string;
}

/**
 * While finality is `skipped`: the sequentially verified part of the chain, completed in the
 * background. When it reaches every hop with the same ledger infos, finality becomes
 * `sequential`; a different ledger info there proves the skipped one false.
 */
export interface SequentialTail {
  readonly committee: Committee;
  readonly previousEnding: EpochEndingRef | null;
  readonly finalized: FinalizedPivot | null;
  /** Hops not yet confirmed, oldest first (never empty). */
  readonly hops: readonly SkipHop[];
}
