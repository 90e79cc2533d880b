/**
 * Finality anchors: PoS-verified pivot decisions (height → hash) kept as starting points for
 * header walks, so that reaching an old block costs a few requests instead of one per block
 * between it and the latest finalized pivot.
 *
 * Every ledger info the client verifies (epoch endings during sync, the latest committed one)
 * yields an anchor. When the nearest anchor is still far above the wanted height and the
 * committee of its PoS epoch is known, a binary search over that epoch's rounds
 * (`pos_getLedgerInfoByEpochAndRound`, each answer verified against the committee) finds a
 * pivot decision just above the height. Pivot decisions never decrease within a PoS chain, which
 * is what makes the search valid; a node that answers out of order can only make it slower.
 * @module
 */
import type { FinalizedPivot } from '../checkpoint/types.js';
import { LightClientError } from '../errors.js';
import type { Committee } from '../pos/committee.js';
import { parseLedgerInfoWithSignatures } from '../pos/parse.js';
import { checkLedgerInfo, type SignatureCheckMode } from '../pos/verify-ledger-info.js';
import { bytesToHex } from '../../encoding/hex.js';
import type { LightClientTransport } from '../transport.js';
import { request } from './requests.js';

/** Anchors kept in memory (sorted by height). */
export const MAX_ANCHORS = 2048;

/** Inserts a pivot into a height-sorted anchor list (no duplicates, bounded, drops the oldest). */
export function insertAnchor(anchors: FinalizedPivot[], pivot: FinalizedPivot): void {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]!.height < pivot.height) lo = mid + 1;
    else hi = mid;
  }
  if (anchors[lo]?.height === pivot.height) return;
  anchors.splice(lo, 0, pivot);
  if (anchors.length > MAX_ANCHORS) anchors.shift();
}

/** The lowest anchor at or above `height`, if any. */
export function nearestAnchorAbove(anchors: readonly FinalizedPivot[], height: number): FinalizedPivot | undefined {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]!.height < height) lo = mid + 1;
    else hi = mid;
  }
  return anchors[lo];
}

/** Rounds probed past an empty one (rounds without a committed block answer null). */
const EMPTY_ROUND_PROBES = 3;

async function verifiedPivotAtRound(transport: LightClientTransport, committee: Committee, round: number, mode: SignatureCheckMode): Promise<FinalizedPivot | null> {
  for (let r = round; r < round + EMPTY_ROUND_PROBES; r++) {
    const pivot = await request(transport, 'pos_getLedgerInfoByEpochAndRound', [committee.epoch, r], (t) => t.pos_getLedgerInfoByEpochAndRound(committee.epoch, r), (answer) => {
      if (answer === null) return null;
      const parsed = parseLedgerInfoWithSignatures(answer);
      const info = parsed.value.ledgerInfo.commitInfo;
      if (info.round !== r) throw new LightClientError('malformed', `asked for round ${r}, got round ${info.round}`);
      checkLedgerInfo(parsed, committee, { mode });
      if (info.pivot === null) return null;
      return { posEpoch: info.epoch, round: info.round, ledgerInfoId: bytesToHex(info.id), timestampUsecs: info.timestampUsecs, height: info.pivot.height, blockHash: info.pivot.blockHash };
    });
    if (pivot !== null) return pivot;
  }
  return null;
}

/**
 * Searches the rounds of `anchor`'s PoS epoch (committee known) for the lowest verified pivot
 * decision at or above `height`. Every verified decision found is reported to `found`.
 * @returns the best anchor (never worse than `anchor`)
 */
export async function refineAnchor(
  transport: LightClientTransport,
  committee: Committee,
  anchor: FinalizedPivot,
  height: number,
  mode: SignatureCheckMode,
  found: (pivot: FinalizedPivot) => void,
): Promise<FinalizedPivot> {
  if (committee.epoch !== anchor.posEpoch) throw new RangeError('committee and anchor epochs differ');
  let best = anchor;
  let lo = 0;
  let hi = anchor.round; // best.round is known to decide a pivot ≥ height
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const pivot = await verifiedPivotAtRound(transport, committee, mid, mode);
    if (pivot === null || pivot.round >= hi) {
      // Nothing decided around `mid`: keep the anchor found so far rather than guess.
      lo = mid + 1;
      continue;
    }
    found(pivot);
    if (pivot.height >= height) {
      if (pivot.height <= best.height) best = pivot;
      hi = pivot.round;
    } else {
      lo = pivot.round + 1;
    }
  }
  return best;
}
