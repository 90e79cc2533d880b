/**
 * The persisted form of the light client's progress: the latest verified committee and finalized
 * pivot, bound to a chain id and to the trusted checkpoint it was derived from.
 *
 * Threat model: storage can be damaged (partial writes, manual edits, format changes). A record is
 * accepted only if it is structurally complete, its integrity digest (SHA3-256 over the canonical
 * JSON of its content) matches, its committee parses and has the recorded digest. Anything else is
 * a typed `checkpoint.corrupt` error: the client never silently restarts from something weaker,
 * and the caller decides (e.g. asks the user) whether to discard the record.
 * @module
 */
import { sha3_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '../../encoding/hex.js';
import { CheckpointError, LightClientError } from '../errors.js';
import { committeeFromJson, epochStateToJson, type Committee, type EpochStateJson } from '../pos/committee.js';
import type { CheckpointAnchor, EpochEndingRef, FinalizedPivot, SequentialTail, SkipHop, TrustLevel } from './types.js';

export const CHECKPOINT_RECORD_VERSION = 1;

export interface FinalizedPivotJson {
  posEpoch: number;
  round: number;
  ledgerInfoId: string;
  timestampUsecs: string;
  height: number;
  blockHash: string;
}

export interface EpochEndingRefJson {
  posEpoch: number;
  round: number;
  ledgerInfoId: string;
  pivot: { height: number; blockHash: string } | null;
}

export interface SkipHopJson {
  fromEpoch: number;
  ending: EpochEndingRefJson;
  committeeSigners: string;
}

/** The sequentially verified part of the chain while finality is `skipped`. */
export interface SequentialTailJson {
  committeeEpoch: number;
  committeeDigest: string;
  epochState: EpochStateJson;
  previousEnding?: EpochEndingRefJson;
  finalized: FinalizedPivotJson | null;
  hops: SkipHopJson[];
}

/** Plain JSON (structured-clone safe) record as stored. */
export interface CheckpointRecord {
  version: number;
  chainId: number;
  trust: TrustLevel;
  /** The trusted checkpoint this state was derived from by verification. */
  anchor: { epoch: number; digest: string; signers: string };
  committeeEpoch: number;
  committeeDigest: string;
  epochState: EpochStateJson;
  finalized: FinalizedPivotJson | null;
  /**
   * The ledger info that ended the previous epoch and carried the committee. Absent when the
   * committee is the checkpoint's, and in records written before it was kept.
   */
  previousEnding?: EpochEndingRefJson;
  /**
   * Present while the committee was reached by the skipping rule (finality `skipped`): what is
   * verified sequentially so far, and the hops still to confirm. Absent means `sequential`.
   */
  tail?: SequentialTailJson;
  /** Caller-supplied time of saving (ms since epoch). */
  savedAt: number;
  /** SHA3-256 of the canonical JSON of every other field. */
  integrity: string;
}

/** The state a record describes. */
export interface RestoredState {
  readonly chainId: number;
  readonly trust: TrustLevel;
  readonly anchor: CheckpointAnchor;
  readonly committee: Committee;
  readonly finalized: FinalizedPivot | null;
  /** The verified ledger info that carried `committee`; null when it came from the checkpoint. */
  readonly previousEnding: EpochEndingRef | null;
  readonly savedAt: number;
  /** Null for finality `sequential`. */
  readonly tail: SequentialTail | null;
}

/** JSON with object keys sorted, so equal content always gives equal bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function integrityOf(record: object): string {
  return bytesToHex(sha3_256(new TextEncoder().encode(canonicalJson(record))));
}

function pivotToJson(p: FinalizedPivot): FinalizedPivotJson {
  return { posEpoch: p.posEpoch, round: p.round, ledgerInfoId: p.ledgerInfoId, timestampUsecs: p.timestampUsecs.toString(), height: p.height, blockHash: p.blockHash };
}

function endingToJson(e: EpochEndingRef): EpochEndingRefJson {
  return { posEpoch: e.posEpoch, round: e.round, ledgerInfoId: e.ledgerInfoId, pivot: e.pivot === null ? null : { height: e.pivot.height, blockHash: e.pivot.blockHash } };
}

function tailToJson(tail: SequentialTail): SequentialTailJson {
  const json: SequentialTailJson = {
    committeeEpoch: tail.committee.epoch,
    committeeDigest: tail.committee.digest,
    epochState: epochStateToJson(tail.committee.state),
    finalized: tail.finalized === null ? null : pivotToJson(tail.finalized),
    hops: tail.hops.map((h) => ({ fromEpoch: h.fromEpoch, ending: endingToJson(h.ending), committeeSigners: h.committeeSigners })),
  };
  if (tail.previousEnding !== null) json.previousEnding = endingToJson(tail.previousEnding);
  return json;
}

/** Builds the record to store for a state. */
export function encodeCheckpointRecord(state: RestoredState): CheckpointRecord {
  const body: Omit<CheckpointRecord, 'integrity'> = {
    version: CHECKPOINT_RECORD_VERSION,
    chainId: state.chainId,
    trust: state.trust,
    anchor: { epoch: state.anchor.epoch, digest: state.anchor.digest, signers: state.anchor.signers },
    committeeEpoch: state.committee.epoch,
    committeeDigest: state.committee.digest,
    epochState: epochStateToJson(state.committee.state),
    finalized: state.finalized === null ? null : pivotToJson(state.finalized),
    savedAt: state.savedAt,
  };
  if (state.previousEnding !== null) body.previousEnding = endingToJson(state.previousEnding);
  if (state.tail !== null) body.tail = tailToJson(state.tail);
  return { ...body, integrity: integrityOf(body) };
}

const corrupt = (message: string, cause?: unknown): CheckpointError => new CheckpointError('checkpoint.corrupt', `stored checkpoint is damaged: ${message}`, cause === undefined ? {} : { cause });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isSafeCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isHash = (v: unknown): v is string => typeof v === 'string' && /^0x[0-9a-f]{64}$/.test(v);

function decodePivot(value: unknown): FinalizedPivot | null {
  if (value === null) return null;
  if (!isObject(value)) throw corrupt('finalized pivot is not an object');
  const { posEpoch, round, ledgerInfoId, timestampUsecs, height, blockHash } = value;
  if (!isSafeCount(posEpoch) || !isSafeCount(round) || !isSafeCount(height)) throw corrupt('finalized pivot numbers are invalid');
  if (!isHash(ledgerInfoId) || !isHash(blockHash)) throw corrupt('finalized pivot hashes are invalid');
  if (typeof timestampUsecs !== 'string' || !/^(0|[1-9][0-9]{0,19})$/.test(timestampUsecs)) throw corrupt('finalized pivot timestamp is invalid');
  return { posEpoch, round, ledgerInfoId, timestampUsecs: BigInt(timestampUsecs), height, blockHash };
}

function decodeEnding(value: unknown, committeeEpoch: number): EpochEndingRef | null {
  if (value === undefined) return null;
  if (!isObject(value)) throw corrupt('previous epoch ending is not an object');
  const { posEpoch, round, ledgerInfoId, pivot } = value;
  if (!isSafeCount(posEpoch) || !isSafeCount(round) || !isHash(ledgerInfoId)) throw corrupt('previous epoch ending is invalid');
  if (posEpoch + 1 !== committeeEpoch) throw corrupt(`previous epoch ending is for epoch ${posEpoch}, the committee for ${committeeEpoch}`);
  if (pivot === null) return { posEpoch, round, ledgerInfoId, pivot: null };
  if (!isObject(pivot) || !isSafeCount(pivot.height) || !isHash(pivot.blockHash)) throw corrupt('previous epoch ending pivot is invalid');
  return { posEpoch, round, ledgerInfoId, pivot: { height: pivot.height, blockHash: pivot.blockHash } };
}

function parseCommittee(epochState: unknown, what: string): Committee {
  try {
    return committeeFromJson(epochState);
  } catch (cause) {
    if (cause instanceof LightClientError) throw corrupt(`${what} does not parse (${cause.kind})`, cause);
    throw cause;
  }
}

function decodeHop(value: unknown): SkipHop {
  if (!isObject(value) || !isSafeCount(value.fromEpoch) || !isHash(value.committeeSigners) || !isObject(value.ending)) throw corrupt('skip hop is invalid');
  const ending = decodeEnding(value.ending, Number(value.ending.posEpoch) + 1);
  if (ending === null || ending.posEpoch < value.fromEpoch) throw corrupt('skip hop is invalid');
  return { fromEpoch: value.fromEpoch, ending, committeeSigners: value.committeeSigners };
}

function decodeTail(value: unknown, anchorEpoch: number, headEpoch: number): SequentialTail {
  if (!isObject(value)) throw corrupt('sequential tail is not an object');
  const { committeeEpoch, committeeDigest, epochState, previousEnding, finalized, hops } = value;
  if (!isSafeCount(committeeEpoch) || !isHash(committeeDigest) || !Array.isArray(hops) || hops.length === 0) throw corrupt('sequential tail is invalid');
  const committee = parseCommittee(epochState, 'sequential tail committee');
  if (committee.epoch !== committeeEpoch || committee.digest !== committeeDigest) throw corrupt('sequential tail committee does not match its recorded epoch and digest');
  if (committee.epoch < anchorEpoch || committee.epoch >= headEpoch) throw corrupt('sequential tail is outside the verified range');
  const decodedHops = hops.map(decodeHop);
  // The tail has not passed its next hop; hops follow each other; the last one is below the head.
  if (decodedHops[0]!.ending.posEpoch < committee.epoch) throw corrupt('sequential tail is past its next skip hop');
  let from = 0;
  for (const hop of decodedHops) {
    if (hop.fromEpoch < from || hop.ending.posEpoch + 1 > headEpoch) throw corrupt('skip hops are out of order');
    from = hop.ending.posEpoch + 1;
  }
  return { committee, previousEnding: decodeEnding(previousEnding, committee.epoch), finalized: decodePivot(finalized), hops: decodedHops };
}

/**
 * Validates a stored record for `chainId` and returns the state it describes.
 * @throws {CheckpointError} `checkpoint.corrupt`, `checkpoint.wrong_chain`
 */
export function decodeCheckpointRecord(raw: unknown, chainId: number): RestoredState {
  if (!isObject(raw)) throw corrupt('not an object');
  const { version, chainId: storedChain, trust, anchor, committeeEpoch, committeeDigest, epochState, finalized, previousEnding, tail, savedAt, integrity } = raw;
  if (version !== CHECKPOINT_RECORD_VERSION) throw corrupt(`unknown record version ${String(version)}`);
  if (!isSafeCount(storedChain)) throw corrupt('chain id is invalid');
  if (storedChain !== chainId) throw new CheckpointError('checkpoint.wrong_chain', `stored checkpoint is for chain ${storedChain}, not ${chainId}`);
  if (trust !== 'shipped' && trust !== 'tofu') throw corrupt('trust level is invalid');
  if (!isObject(anchor) || !isSafeCount(anchor.epoch) || !isHash(anchor.digest) || !isHash(anchor.signers)) throw corrupt('anchor is invalid');
  if (!isSafeCount(committeeEpoch) || !isHash(committeeDigest) || !isSafeCount(savedAt) || !isHash(integrity)) throw corrupt('header fields are invalid');
  if (!isObject(epochState)) throw corrupt('committee is missing');
  const { integrity: _ignored, ...body } = raw;
  if (integrityOf(body) !== integrity) throw corrupt('integrity digest does not match its content');
  const committee = parseCommittee(epochState, 'committee');
  if (committee.epoch !== committeeEpoch || committee.digest !== committeeDigest) throw corrupt('committee does not match its recorded epoch and digest');
  if (committee.epoch < anchor.epoch) throw corrupt('committee is older than its anchor');
  const decodedTail = tail === undefined ? null : decodeTail(tail, anchor.epoch, committee.epoch);
  return { chainId, trust, anchor: { epoch: anchor.epoch, digest: anchor.digest, signers: anchor.signers }, committee, finalized: decodePivot(finalized), previousEnding: decodeEnding(previousEnding, committee.epoch), savedAt, tail: decodedTail };
}
