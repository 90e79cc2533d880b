/**
 * A PoS committee ready for verification: a trusted EpochState plus its decoded public keys.
 *
 * Threat model: a committee is only ever built from (a) a shipped checkpoint, (b) a trust-on-first
 * use dev committee, or (c) the `nextEpochState` of a ledger info that the previous committee
 * signed. Decoding keys is the expensive part (decompression and subgroup checks), so it is done
 * once per committee, not once per ledger info.
 * @module
 */
import { bytesToHex, toQuantity } from '../../encoding/hex.js';
import type { G1Point } from './bls.js';
import { epochStateDigest } from './encode.js';
import { parseEpochState, type ParsedEpochState } from './parse.js';
import type { EpochState } from './types.js';

/** JSON shape of an EpochState as the RPC prints it (`nextEpochState`, `pos_getEpochState`). */
export interface EpochStateJson {
  epoch: string;
  verifier: {
    addressToValidatorInfo: Record<string, { publicKey: string; vrfPublicKey: string | null; votingPower: string }>;
    quorumVotingPower: string;
    totalVotingPower: string;
  };
  vrfSeed: string;
}

export interface Committee {
  readonly epoch: number;
  readonly state: EpochState;
  /** Decoded public key of each member, keyed by lower-case `0x` account hex. */
  readonly keys: ReadonlyMap<string, G1Point>;
  /** Voting power of each member, keyed the same way. */
  readonly power: ReadonlyMap<string, bigint>;
  /** SHA3-256(BCS(EpochState)), lower-case `0x` hex. */
  readonly digest: string;
}

export function committeeFromParsed(parsed: ParsedEpochState): Committee {
  const { state, keys } = parsed;
  let digest: string | undefined;
  return {
    epoch: state.epoch,
    state,
    keys,
    power: new Map(state.validators.map((v) => [v.addressHex, v.votingPower])),
    // Computed when first asked (persisting, checkpoint checks): a catch-up over many epochs
    // rotates through committees whose digest is never needed.
    get digest(): string {
      digest ??= bytesToHex(epochStateDigest(state));
      return digest;
    },
  };
}

/** Recently built committees by their exact JSON text (content-keyed, so mutation is harmless). */
const parsedCommittees = new Map<string, Committee>();
const COMMITTEE_CACHE_SIZE = 16;

/**
 * Builds a committee from EpochState JSON. Results are cached by content, so verifying many
 * ledger infos against the same committee decodes its keys once.
 * @throws {LightClientError} `malformed`, `invalid_point`
 */
export function committeeFromJson(json: unknown): Committee {
  const key = JSON.stringify(json) ?? '';
  const cached = parsedCommittees.get(key);
  if (cached !== undefined) return cached;
  const committee = committeeFromParsed(parseEpochState(json));
  if (parsedCommittees.size >= COMMITTEE_CACHE_SIZE) parsedCommittees.delete(parsedCommittees.keys().next().value!);
  parsedCommittees.set(key, committee);
  return committee;
}


/** Canonical JSON of an EpochState (`0x` hex, compressed keys): what checkpoints store. */
export function epochStateToJson(state: EpochState): EpochStateJson {
  const addressToValidatorInfo: EpochStateJson['verifier']['addressToValidatorInfo'] = {};
  for (const v of state.validators) {
    addressToValidatorInfo[v.addressHex] = {
      publicKey: bytesToHex(v.publicKey),
      vrfPublicKey: v.vrfPublicKey === null ? null : bytesToHex(v.vrfPublicKey),
      votingPower: toQuantity(v.votingPower),
    };
  }
  return {
    epoch: toQuantity(state.epoch),
    verifier: { addressToValidatorInfo, quorumVotingPower: toQuantity(state.quorumVotingPower), totalVotingPower: toQuantity(state.totalVotingPower) },
    vrfSeed: bytesToHex(state.vrfSeed),
  };
}
