/**
 * Parses PoS RPC JSON (`pos_getLedgerInfoByEpoch`, `pos_getLedgerInfoByEpochAndRound`,
 * `pos_getEpochState`, `nextEpochState`) into the typed objects of `types.ts`.
 *
 * Two RPC generations exist: current nodes print `0x` hex, compressed 48-byte keys in epoch
 * states and an `aggregatedSignature`; older nodes (about early 2023) print hex without `0x`, and
 * some samples carry 96-byte uncompressed keys. Both are accepted; keys are normalized to the
 * compressed form BCS signs over. Anything else (wrong lengths, bad points, duplicate accounts
 * under different spellings) is refused, because the parsed object is what gets re-encoded and
 * checked against signatures.
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import { LightClientError, malformed } from '../errors.js';
import { asArray, asLooseBytes, asObject, asSafeNumber, asU64, type JsonObject } from '../json.js';
import { compressPublicKey, decodePublicKey, type G1Point } from './bls.js';
import type { BlockInfo, EpochState, LedgerInfo, LedgerInfoSignature, LedgerInfoWithSignatures, PivotDecision, ValidatorInfo } from './types.js';

/** An epoch state together with its decoded (checked) public keys, keyed by address hex. */
export interface ParsedEpochState {
  readonly state: EpochState;
  readonly keys: ReadonlyMap<string, G1Point>;
}

function fixedBytes(value: unknown, title: string, length: number): Uint8Array {
  const bytes = asLooseBytes(value, title);
  if (bytes.length !== length) throw malformed(`${title}: expected ${length} bytes, got ${bytes.length}`);
  return bytes;
}

/** Lower-case `0x` hex of a 32-byte PoS account written with or without `0x`, in any case. */
export function normalizeAccount(value: string, title = 'account'): string {
  return bytesToHex(fixedBytes(value, title, 32));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

function parseValidator(addressKey: string, value: unknown, title: string): { info: ValidatorInfo; key: G1Point } {
  const json = asObject(value, title);
  const address = fixedBytes(addressKey, `${title} address`, 32);
  const key = decodePublicKey(asLooseBytes(json.publicKey, `${title}.publicKey`), `${title}.publicKey`);
  let vrfPublicKey: Uint8Array | null = null;
  if (!('vrfPublicKey' in json)) throw malformed(`${title}.vrfPublicKey: missing`);
  if (json.vrfPublicKey !== null) vrfPublicKey = fixedBytes(json.vrfPublicKey, `${title}.vrfPublicKey`, 33);
  const info: ValidatorInfo = {
    address,
    addressHex: bytesToHex(address),
    publicKey: compressPublicKey(key),
    vrfPublicKey,
    votingPower: asU64(json.votingPower, `${title}.votingPower`),
  };
  return { info, key };
}

/**
 * Parses an EpochState JSON object (`{epoch, verifier: {addressToValidatorInfo, quorumVotingPower,
 * totalVotingPower}, vrfSeed}`).
 * @throws {LightClientError} `malformed`, `invalid_point`
 */
export function parseEpochState(value: unknown, title = 'epochState'): ParsedEpochState {
  const json = asObject(value, title);
  const verifier = asObject(json.verifier, `${title}.verifier`);
  const map = asObject(verifier.addressToValidatorInfo, `${title}.verifier.addressToValidatorInfo`);
  const entries: { info: ValidatorInfo; key: G1Point }[] = [];
  const seen = new Set<string>();
  for (const [addressKey, info] of Object.entries(map)) {
    const parsed = parseValidator(addressKey, info, `${title}.validator ${addressKey.slice(0, 10)}`);
    if (seen.has(parsed.info.addressHex)) throw malformed(`${title}: validator ${parsed.info.addressHex} listed twice`);
    seen.add(parsed.info.addressHex);
    entries.push(parsed);
  }
  if (entries.length === 0) throw malformed(`${title}: empty committee`);
  entries.sort((a, b) => compareBytes(a.info.address, b.info.address));
  const quorumVotingPower = asU64(verifier.quorumVotingPower, `${title}.quorumVotingPower`);
  const totalVotingPower = asU64(verifier.totalVotingPower, `${title}.totalVotingPower`);
  const summed = entries.reduce((sum, e) => sum + e.info.votingPower, 0n);
  // A committee whose quorum is zero or unreachable would accept anything or nothing.
  if (quorumVotingPower === 0n || quorumVotingPower > totalVotingPower || summed < quorumVotingPower) {
    throw malformed(`${title}: quorum ${quorumVotingPower} is not reachable (total ${totalVotingPower}, members hold ${summed})`);
  }
  const state: EpochState = {
    epoch: asSafeNumber(json.epoch, `${title}.epoch`),
    validators: entries.map((e) => e.info),
    quorumVotingPower,
    totalVotingPower,
    vrfSeed: asLooseBytes(json.vrfSeed, `${title}.vrfSeed`),
  };
  return { state, keys: new Map(entries.map((e) => [e.info.addressHex, e.key])) };
}

function parsePivot(value: unknown, title: string): PivotDecision | null {
  if (value === null) return null;
  const json = asObject(value, title);
  return {
    height: asSafeNumber(json.height, `${title}.height`),
    blockHash: bytesToHex(fixedBytes(json.blockHash, `${title}.blockHash`, 32)),
  };
}

function nullableField(json: JsonObject, key: string, title: string): unknown {
  if (!(key in json)) throw malformed(`${title}.${key}: missing`);
  return json[key];
}

function parseBlockInfo(value: unknown, title: string): { info: BlockInfo; nextKeys: ReadonlyMap<string, G1Point> | null } {
  const json = asObject(value, title);
  const next = nullableField(json, 'nextEpochState', title);
  const parsedNext = next === null ? null : parseEpochState(next, `${title}.nextEpochState`);
  const info: BlockInfo = {
    epoch: asSafeNumber(json.epoch, `${title}.epoch`),
    round: asSafeNumber(json.round, `${title}.round`),
    id: fixedBytes(json.id, `${title}.id`, 32),
    executedStateId: fixedBytes(json.executedStateId, `${title}.executedStateId`, 32),
    version: asU64(json.version, `${title}.version`),
    timestampUsecs: asU64(json.timestampUsecs, `${title}.timestampUsecs`),
    nextEpochState: parsedNext === null ? null : parsedNext.state,
    pivot: parsePivot(nullableField(json, 'pivot', title), `${title}.pivot`),
  };
  return { info, nextKeys: parsedNext === null ? null : parsedNext.keys };
}

/** A parsed ledger info with the checked keys of its `nextEpochState` (if any). */
export interface ParsedLedgerInfo {
  readonly value: LedgerInfoWithSignatures;
  readonly nextKeys: ReadonlyMap<string, G1Point> | null;
}

/**
 * Parses a `LedgerInfoWithSignatures` RPC answer. Signature points are decoded later, by the
 * verifier, only for signers it accepts.
 * @throws {LightClientError} `malformed`, `invalid_point` (next epoch keys), `duplicate_signer`
 */
export function parseLedgerInfoWithSignatures(value: unknown, title = 'ledgerInfoWithSignatures'): ParsedLedgerInfo {
  const json = asObject(value, title);
  const ledger = asObject(json.ledgerInfo, `${title}.ledgerInfo`);
  const { info, nextKeys } = parseBlockInfo(ledger.commitInfo, `${title}.ledgerInfo.commitInfo`);
  const ledgerInfo: LedgerInfo = {
    commitInfo: info,
    consensusDataHash: fixedBytes(ledger.consensusDataHash, `${title}.ledgerInfo.consensusDataHash`, 32),
  };
  const signatureMap = asObject(json.signatures, `${title}.signatures`);
  const signatures: LedgerInfoSignature[] = [];
  const seen = new Set<string>();
  for (const [account, sig] of Object.entries(signatureMap)) {
    const addressHex = normalizeAccount(account, `${title}.signatures key`);
    if (seen.has(addressHex)) throw new LightClientError('duplicate_signer', `${title}: signer ${addressHex} appears twice`);
    seen.add(addressHex);
    const signature = asLooseBytes(sig, `${title}.signatures[${addressHex.slice(0, 10)}]`);
    if (signature.length !== 96 && signature.length !== 192) throw malformed(`${title}.signatures[${addressHex.slice(0, 10)}]: expected 96 or 192 bytes`);
    signatures.push({ addressHex, signature });
  }
  let aggregatedSignature: Uint8Array | null = null;
  if (json.aggregatedSignature !== undefined && json.aggregatedSignature !== null) {
    aggregatedSignature = asLooseBytes(json.aggregatedSignature, `${title}.aggregatedSignature`);
    if (aggregatedSignature.length !== 96 && aggregatedSignature.length !== 192) throw malformed(`${title}.aggregatedSignature: expected 96 or 192 bytes`);
  }
  if (json.nextEpochValidators !== undefined && json.nextEpochValidators !== null) {
    // Unsigned convenience copy of the next keys; never used, only shape-checked.
    asObject(json.nextEpochValidators, `${title}.nextEpochValidators`);
  }
  return { value: { ledgerInfo, signatures, aggregatedSignature }, nextKeys };
}

/** Parses `cfx`-side arrays of ledger infos (`pos_getLedgerInfosByEpoch`). */
export function parseLedgerInfoList(value: unknown, title = 'ledgerInfos'): ParsedLedgerInfo[] {
  return asArray(value, title).map((item, i) => parseLedgerInfoWithSignatures(item, `${title}[${i}]`));
}
