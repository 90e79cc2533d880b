/**
 * The skipping rule: accepting an epoch-ending ledger info many PoS epochs ahead of the trusted
 * committee, without the committees in between (the light-client "skipping" verification known
 * from Tendermint, adapted to Conflux, whose ledger infos carry one signature per signer).
 *
 * Rule: the ledger info must end its epoch and carry the next committee; the signatures of its
 * signers that are members of the TRUSTED committee are checked (each key as the trusted committee
 * has it, summed, one pairing check against the sum of their individual signatures), and those
 * signers must hold strictly more than one third of the trusted committee's total voting power.
 * At most a third is refused (`insufficient_trust`); none at all is an unknown committee (the same
 * refusal). Signers outside the trusted committee are ignored: they may be honest newcomers, but
 * nothing vouches for their keys.
 *
 * Trust assumption (written down in core/lightclient/README.md): sequential verification trusts
 * that more than two thirds of EVERY committee on the way were honest; a skip instead trusts that
 * validators holding at least a third of the trusted committee's power never signed a ledger info
 * outside the real chain — including validators that have since left the committee, whose old keys
 * must not have been sold or stolen. More than a third of the trusted power signing means at least
 * one such honest validator signed, and honest validators sign only the real chain. Values reached
 * this way are labelled `skipped` until the committees in between are verified sequentially.
 *
 * Why a bad signature from a trusted member proves the node wrong: a PoS account is the keccak-256
 * of its BLS and VRF public keys (checked against every member of the mainnet vectors in
 * skip.test.ts), so an account cannot sign with any key but the one the trusted committee lists.
 * @module
 */
import { LightClientError } from '../errors.js';
import { aggregatePublicKeys, aggregateSignatures, decodeSignature, hashMessage, verifyWithAggregateKey, type G1Point, type G2Point } from './bls.js';
import { committeeFromParsed, type Committee } from './committee.js';
import { ledgerInfoSigningMessage } from './encode.js';
import type { ParsedLedgerInfo } from './parse.js';

/** What a successful skip proves, under the assumption above. */
export interface SkippedLedgerInfo {
  /** Epoch of the trusted committee the skip started from. */
  readonly trustedEpoch: number;
  /** Voting power (in the trusted committee) of the trusted members who signed. */
  readonly trustedPower: bigint;
  readonly trustedTotal: bigint;
  /** Trusted members whose signatures were checked. */
  readonly signers: readonly string[];
  /** The committee carried by the ledger info (of its epoch + 1). */
  readonly nextCommittee: Committee;
}

/** Whether `power` is strictly more than a third of `total` (3·power > total). */
export function exceedsOneThird(power: bigint, total: bigint): boolean {
  return 3n * power > total;
}

/**
 * Voting power of the trusted members among a ledger info's signers, without any cryptography: a
 * refusal costs nothing.
 */
export function trustedSignerPower(parsed: ParsedLedgerInfo, trusted: Committee): { power: bigint; signers: string[] } {
  let power = 0n;
  const signers: string[] = [];
  for (const { addressHex } of parsed.value.signatures) {
    const votes = trusted.power.get(addressHex);
    if (votes === undefined || votes === 0n) continue;
    power += votes;
    signers.push(addressHex);
  }
  return { power, signers };
}

/**
 * Applies the skipping rule to an epoch-ending ledger info of an epoch after the trusted one.
 * @throws {LightClientError} `insufficient_trust` (refused, not a fault), `not_epoch_ending`,
 *   `bad_next_epoch_state`, `wrong_epoch` (not ahead of the trusted committee), `bad_signature`,
 *   `invalid_point`, `malformed`
 * @example const { nextCommittee } = checkSkip(parseLedgerInfoWithSignatures(answer), trusted)
 */
export function checkSkip(parsed: ParsedLedgerInfo, trusted: Committee): SkippedLedgerInfo {
  const li = parsed.value;
  const info = li.ledgerInfo.commitInfo;
  if (info.epoch <= trusted.epoch) throw new LightClientError('wrong_epoch', `ledger info of PoS epoch ${info.epoch} is not ahead of the trusted committee (epoch ${trusted.epoch})`);
  if (info.nextEpochState === null || parsed.nextKeys === null) throw new LightClientError('not_epoch_ending', `ledger info (epoch ${info.epoch}, round ${info.round}) does not end its epoch`);
  if (info.nextEpochState.epoch !== info.epoch + 1) throw new LightClientError('bad_next_epoch_state', `epoch ${info.epoch} ends with a committee for epoch ${info.nextEpochState.epoch}`);
  const total = trusted.state.totalVotingPower;
  const { power, signers } = trustedSignerPower(parsed, trusted);
  if (signers.length === 0) {
    throw new LightClientError('insufficient_trust', `ledger info of PoS epoch ${info.epoch} is signed by an unknown committee: none of its signers is in the trusted committee of epoch ${trusted.epoch}`);
  }
  if (!exceedsOneThird(power, total)) {
    throw new LightClientError('insufficient_trust', `signers from the trusted committee of epoch ${trusted.epoch} hold ${power} of its ${total} votes, not more than a third`);
  }
  const keys: G1Point[] = [];
  const signatures: G2Point[] = [];
  const trustedSet = new Set(signers);
  for (const vote of li.signatures) {
    if (!trustedSet.has(vote.addressHex)) continue;
    keys.push(trusted.keys.get(vote.addressHex)!);
    signatures.push(decodeSignature(vote.signature, `signature of ${vote.addressHex}`));
  }
  const key = aggregatePublicKeys(keys);
  const signature = aggregateSignatures(signatures);
  const hashed = hashMessage(ledgerInfoSigningMessage(li.ledgerInfo));
  if (key === null || signature.is0() || !verifyWithAggregateKey(key, hashed, signature)) {
    throw new LightClientError('bad_signature', `the signatures of the trusted committee's members on the ledger info of PoS epoch ${info.epoch} do not verify`);
  }
  return { trustedEpoch: trusted.epoch, trustedPower: power, trustedTotal: total, signers, nextCommittee: committeeFromParsed({ state: info.nextEpochState, keys: parsed.nextKeys }) };
}
