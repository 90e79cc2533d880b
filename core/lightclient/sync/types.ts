/**
 * Vocabulary of the PoS sync state machine (`machine.ts`): the requests it wants, the findings it
 * returns about the nodes that answered, its progress events and its final report.
 * @module
 */
import type { FinalizedPivot, Finality } from '../checkpoint/types.js';
import type { LightClientError } from '../errors.js';
import type { RandomBytes } from '../pos/batch.js';
import type { SignatureCheckMode } from '../pos/verify-ledger-info.js';
import type { NoProgressReason, PosState } from './pos-state.js';

/** The light-client RPC calls the machine asks for. */
export type SyncMethod = 'pos_getStatus' | 'pos_getLedgerInfoByBlockNumber' | 'pos_getLedgerInfoByEpoch' | 'pos_getLedgerInfosByEpoch';

/** One request the machine wants sent to one node (`source`). */
export interface SyncRequest {
  readonly id: number;
  readonly source: string;
  readonly method: SyncMethod;
  readonly params: readonly unknown[];
}

/**
 * What an answer showed about the node that gave it. Blame is per request.
 * - `false`: provably false (bad signature, contradicts verified history, malformed, …): ban it;
 * - `withholding`: its PoS status is behind an epoch that was verified (from another node, or
 *   earlier): it hides progress or lags; deprioritise it;
 * - `behind`: its latest ledger info is older than the verified one (a lagging node; no blame);
 * - `missing`: no usable answer (transport failure, `null`, nothing to offer); ask elsewhere.
 */
export type Finding =
  | { readonly kind: 'false'; readonly source: string; readonly request: SyncRequest; readonly error: LightClientError }
  | { readonly kind: 'withholding'; readonly source: string; readonly request: SyncRequest; readonly error: LightClientError }
  | { readonly kind: 'behind'; readonly source: string; readonly request: SyncRequest; readonly error: LightClientError }
  | { readonly kind: 'missing'; readonly source: string; readonly request: SyncRequest; readonly error: unknown };

/** Result of feeding one answer (or failure) to the machine. */
export interface SyncStep {
  readonly findings: readonly Finding[];
  /** The PoS state changed: persist it (`machine.state`). */
  readonly changed: boolean;
}

export type SyncProgress =
  /** A committee rotation verified with a quorum of the previous committee. */
  | { readonly phase: 'committees'; readonly fromEpoch: number; readonly epoch: number; readonly targetEpoch: number }
  /** A committee reached by the skipping rule (finality `skipped`). */
  | { readonly phase: 'skip'; readonly fromEpoch: number; readonly epoch: number; readonly targetEpoch: number }
  /** A newer finalized pivot. */
  | { readonly phase: 'finality'; readonly epoch: number; readonly round: number; readonly pivotHeight: number }
  /** Background verification of the committees a skip passed over. */
  | { readonly phase: 'sequential'; readonly epoch: number; readonly targetEpoch: number };

export interface SyncMachineOptions {
  /** Caller time in ms (recorded with changed states). */
  readonly now: number;
  /** Ids of the nodes to use, preferred first (distinct operators first). */
  readonly sources: readonly string[];
  /** `head` (default): done at the first verified pivot; `sequential`: then also verify sequentially what a skip passed over. */
  readonly goal?: 'head' | 'sequential';
  /** Ask every source for its PoS status and latest committed ledger info (default true; false: only the sequential tail). */
  readonly probe?: boolean;
  /** Use the skipping rule for large gaps (default true). */
  readonly skip?: boolean;
  /** Gaps of more PoS epochs than this are skipped (default 64, about two days on mainnet). */
  readonly skipAbove?: number;
  /**
   * Epoch endings per `pos_getLedgerInfosByEpoch` request (default 32; nodes serve up to 100).
   * With about 15 KB per ending, 32 × 3 in flight stays well inside a 10 s request timeout at
   * 1.5 Mbit/s, which 100 × 4 would not.
   */
  readonly batchSize?: number;
  /** `pos_getLedgerInfosByEpoch` requests in flight at once (default 3). */
  readonly maxInFlight?: number;
  /** `batch` (default) or `single` signature checks for runs of epoch endings. */
  readonly verification?: 'batch' | 'single';
  readonly mode?: SignatureCheckMode;
  readonly random?: RandomBytes;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Every verified intermediate state (each rotation, skip or finality), e.g. to keep committees and pivot decisions. */
  readonly onVerified?: (state: PosState) => void;
}

export interface SyncReport {
  readonly fromEpoch: number;
  readonly committeeEpoch: number;
  /** Committee epochs gained (by rotations and skips). */
  readonly epochsVerified: number;
  readonly finalized: FinalizedPivot | null;
  /**
   * What the best latest committed ledger info did: `adopted` (a newer finalized pivot or a
   * rotation), or why it changed nothing — e.g. `ended_previous_epoch`, which every honest node
   * answers for a moment after a PoS epoch change; null when no node offered one.
   */
  readonly latest: 'adopted' | NoProgressReason | null;
  readonly finality: Finality;
  /** The highest PoS epoch a node claimed (its status), proved or not. */
  readonly claimedEpoch: number;
  /** Hops taken by the skipping rule in this run. */
  readonly skips: number;
  /** A skip proved false by sequential verification in this run (its nodes were blamed). */
  readonly contradicted: LightClientError | null;
}
