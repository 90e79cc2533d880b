/**
 * Verification of a PoS `LedgerInfoWithSignatures` against a trusted committee.
 *
 * Threat model: the node serving the ledger info may be malicious. It can invent any field, drop
 * or add signatures, claim unknown signers, repeat a signer under another spelling, or serve a
 * ledger info from another epoch. The checks, in order: the epoch matches the committee; every
 * signer is a committee member (each counted once); the signers' voting power reaches the
 * committee's own `quorumVotingPower` (never recomputed); and one BLS pairing check over the
 * aggregated signer keys holds for SEED ‖ BCS(LedgerInfo). A `nextEpochState` is accepted only as
 * part of that signed message and must be for the next epoch. Nothing is mutated; the caller
 * applies the result only when the whole check passed.
 * @module
 */
import { LightClientError } from '../errors.js';
import { aggregatePublicKeys, aggregateSignatures, decodeSignature, hashMessage, verifySingle, verifyWithAggregateKey, type G1Point, type G2Point } from './bls.js';
import { committeeFromJson, committeeFromParsed, epochStateToJson, type Committee, type EpochStateJson } from './committee.js';
import { ledgerInfoSigningMessage } from './encode.js';
import { parseLedgerInfoWithSignatures, type ParsedLedgerInfo } from './parse.js';
import type { LedgerInfoWithSignatures } from './types.js';
import type { SignatureEquation } from './batch.js';

export type SignatureCheckMode =
  /** One pairing check over the aggregated signature (the RPC's, or one built from the votes). */
  | 'aggregate'
  /** One pairing check per signer (slower; finds which vote is bad). */
  | 'each';

export interface LedgerInfoCheckOptions {
  mode?: SignatureCheckMode;
}

/** What a successful check proves. */
export interface VerifiedLedgerInfo {
  readonly ledgerInfo: LedgerInfoWithSignatures;
  readonly committeeEpoch: number;
  /** Accounts whose votes were checked. */
  readonly signers: readonly string[];
  readonly signedVotingPower: bigint;
  /** The committee of the next epoch, when this is the last ledger info of its epoch. */
  readonly nextCommittee: Committee | null;
}

function collectSigners(li: LedgerInfoWithSignatures, committee: Committee): { keys: G1Point[]; power: bigint; accounts: string[] } {
  const keys: G1Point[] = [];
  const accounts: string[] = [];
  let power = 0n;
  for (const { addressHex } of li.signatures) {
    const key = committee.keys.get(addressHex);
    const votes = committee.power.get(addressHex);
    if (key === undefined || votes === undefined) {
      throw new LightClientError('unknown_signer', `signer ${addressHex} is not in the committee of epoch ${committee.epoch}`);
    }
    keys.push(key);
    accounts.push(addressHex);
    power += votes;
  }
  return { keys, power, accounts };
}

/**
 * Summed keys of recent signer sets per committee. Most ledger infos of an epoch are signed by the
 * same validators, so the sum (and noble's validity check of that point) is reused; a committee
 * object never changes, and the entries go with it.
 */
const aggregateKeys = new WeakMap<Committee, Map<string, G1Point | null>>();
const AGGREGATES_PER_COMMITTEE = 8;

function aggregateKeyOf(committee: Committee, accounts: readonly string[], keys: readonly G1Point[]): G1Point | null {
  let cache = aggregateKeys.get(committee);
  if (cache === undefined) aggregateKeys.set(committee, (cache = new Map()));
  const signerSet = [...accounts].sort().join(',');
  if (cache.has(signerSet)) return cache.get(signerSet)!;
  const aggregate = aggregatePublicKeys(keys);
  if (cache.size >= AGGREGATES_PER_COMMITTEE) cache.delete(cache.keys().next().value!);
  cache.set(signerSet, aggregate);
  return aggregate;
}

/** The aggregate signature of a ledger info: the RPC's, or one built from the votes. */
function aggregateSignatureOf(li: LedgerInfoWithSignatures): G2Point {
  if (li.aggregatedSignature !== null) return decodeSignature(li.aggregatedSignature, 'aggregatedSignature');
  const aggregate = aggregateSignatures(li.signatures.map((vote) => decodeSignature(vote.signature, `signature of ${vote.addressHex}`)));
  if (aggregate.is0()) throw new LightClientError('bad_signature', 'votes aggregate to the identity');
  return aggregate;
}

function checkEachSignature(li: LedgerInfoWithSignatures, hashed: G2Point, keys: readonly G1Point[]): void {
  li.signatures.forEach((vote, i) => {
    const sig = decodeSignature(vote.signature, `signature of ${vote.addressHex}`);
    if (!verifySingle(keys[i]!, hashed, sig)) throw new LightClientError('bad_signature', `signature of ${vote.addressHex} does not verify`);
  });
}

function nextCommitteeOf(parsed: ParsedLedgerInfo): Committee | null {
  const info = parsed.value.ledgerInfo.commitInfo;
  if (info.nextEpochState === null) return null;
  if (info.nextEpochState.epoch !== info.epoch + 1 || parsed.nextKeys === null) {
    throw new LightClientError('bad_next_epoch_state', `epoch ${info.epoch} ends with a committee for epoch ${info.nextEpochState.epoch}`);
  }
  return committeeFromParsed({ state: info.nextEpochState, keys: parsed.nextKeys });
}

/** A ledger info checked in everything but the pairing, which is left as an equation. */
export interface PreparedLedgerInfo extends VerifiedLedgerInfo {
  /** Holds exactly when the signature is valid; check it alone or in a batch (`batch.ts`). */
  readonly equation: SignatureEquation;
}

function checkSigners(parsed: ParsedLedgerInfo, committee: Committee): { keys: G1Point[]; power: bigint; accounts: string[] } {
  const li = parsed.value;
  const info = li.ledgerInfo.commitInfo;
  if (info.epoch !== committee.epoch) {
    throw new LightClientError('wrong_epoch', `ledger info is for PoS epoch ${info.epoch}, the committee is for epoch ${committee.epoch}`);
  }
  if (li.signatures.length === 0) throw new LightClientError('insufficient_quorum', 'ledger info carries no signatures');
  const signers = collectSigners(li, committee);
  if (signers.power < committee.state.quorumVotingPower) {
    throw new LightClientError('insufficient_quorum', `signers hold ${signers.power} votes, quorum is ${committee.state.quorumVotingPower}`);
  }
  return signers;
}

/**
 * Runs every check of {@link checkLedgerInfo} except the pairing, and returns the signature
 * equation to check, so that many ledger infos can share one batch check.
 * @throws {LightClientError} as {@link checkLedgerInfo}, except `bad_signature` from the pairing
 */
export function prepareLedgerInfo(parsed: ParsedLedgerInfo, committee: Committee): PreparedLedgerInfo {
  const { signers, equation } = signatureEquation(parsed, committee);
  return { ledgerInfo: parsed.value, committeeEpoch: committee.epoch, signers: signers.accounts, signedVotingPower: signers.power, nextCommittee: nextCommitteeOf(parsed), equation };
}

function signatureEquation(parsed: ParsedLedgerInfo, committee: Committee): { signers: { keys: G1Point[]; power: bigint; accounts: string[] }; equation: SignatureEquation } {
  const li = parsed.value;
  const signers = checkSigners(parsed, committee);
  const hashed = hashMessage(ledgerInfoSigningMessage(li.ledgerInfo));
  const signature = aggregateSignatureOf(li);
  const key = aggregateKeyOf(committee, signers.accounts, signers.keys);
  if (key === null) throw new LightClientError('bad_signature', 'the signers\' keys aggregate to the identity');
  return { signers, equation: { key, hashed, signature } };
}

/**
 * Verifies a parsed ledger info against a committee and returns what it proves.
 * @throws {LightClientError} `wrong_epoch`, `unknown_signer`, `insufficient_quorum`, `invalid_point`,
 *   `bad_signature`, `bad_next_epoch_state`, `malformed`
 */
export function checkLedgerInfo(parsed: ParsedLedgerInfo, committee: Committee, options: LedgerInfoCheckOptions = {}): VerifiedLedgerInfo {
  const li = parsed.value;
  if ((options.mode ?? 'aggregate') === 'each') {
    const signers = checkSigners(parsed, committee);
    checkEachSignature(li, hashMessage(ledgerInfoSigningMessage(li.ledgerInfo)), signers.keys);
    return { ledgerInfo: li, committeeEpoch: committee.epoch, signers: signers.accounts, signedVotingPower: signers.power, nextCommittee: nextCommitteeOf(parsed) };
  }
  const { signers, equation } = signatureEquation(parsed, committee);
  if (!verifyWithAggregateKey(equation.key, equation.hashed, equation.signature)) throw new LightClientError('bad_signature', 'aggregated signature does not verify for the signer set');
  return { ledgerInfo: li, committeeEpoch: committee.epoch, signers: signers.accounts, signedVotingPower: signers.power, nextCommittee: nextCommitteeOf(parsed) };
}

/** Result of {@link verifyLedgerInfo}. `reason` is a {@link LightClientFailureKind}. */
export type VerifyLedgerInfoResult =
  | { ok: true; nextCommittee?: EpochStateJson; signedVotingPower: bigint; signers: readonly string[] }
  | { ok: false; reason: string; message: string };

/**
 * Checks a `pos_getLedgerInfoByEpochAndRound` / `pos_getLedgerInfoByEpoch` answer against a committee
 * given as EpochState JSON (the RPC's `nextEpochState` shape) or as a prepared {@link Committee}.
 * Never throws for bad input: failures come back as `{ ok: false, reason }`.
 * @example
 * const r = verifyLedgerInfo(answer, committeeJson);
 * if (r.ok && r.nextCommittee) committeeJson = r.nextCommittee; // rotation
 */
export function verifyLedgerInfo(ledgerInfoWithSignatures: unknown, committee: unknown, options: LedgerInfoCheckOptions = {}): VerifyLedgerInfoResult {
  try {
    const prepared = isCommittee(committee) ? committee : committeeFromJson(committee);
    const verified = checkLedgerInfo(parseLedgerInfoWithSignatures(ledgerInfoWithSignatures), prepared, options);
    const result: VerifyLedgerInfoResult = { ok: true, signedVotingPower: verified.signedVotingPower, signers: verified.signers };
    if (verified.nextCommittee !== null) result.nextCommittee = epochStateToJson(verified.nextCommittee.state);
    return result;
  } catch (error) {
    if (error instanceof LightClientError) return { ok: false, reason: error.kind, message: error.message };
    throw error;
  }
}

function isCommittee(value: unknown): value is Committee {
  return typeof value === 'object' && value !== null && 'keys' in value && (value as { keys: unknown }).keys instanceof Map && 'state' in value;
}
