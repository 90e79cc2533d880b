/**
 * Test and benchmark helper (not part of the public API): builds PoS committees with known BLS
 * secret keys and signs ledger infos with them, producing RPC-shaped JSON. Lets tests drive the
 * light client through many epochs, rotations and forged inputs without a network.
 *
 * The keys are derived from a label, so they are reproducible and worthless.
 * @module
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha3_256, sha3_512 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, toQuantity } from '../../encoding/hex.js';
import { epochStateToJson, type EpochStateJson } from '../pos/committee.js';
import { ledgerInfoSigningMessage } from '../pos/encode.js';
import { parseEpochState, parseLedgerInfoWithSignatures } from '../pos/parse.js';

const { longSignatures } = bls12_381;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface SyntheticValidator {
  readonly address: string;
  readonly secretKey: Uint8Array;
  readonly publicKey: string;
  readonly power: number;
}

export interface SyntheticCommittee {
  readonly epoch: number;
  readonly validators: readonly SyntheticValidator[];
  readonly json: EpochStateJson;
}

/** A validator with reproducible keys. */
export function syntheticValidator(label: string, power: number): SyntheticValidator {
  const seed = sha3_512(text(`wayfarer synthetic validator ${label}`)).slice(0, longSignatures.lengths.seed ?? 48);
  const { secretKey, publicKey } = longSignatures.keygen(seed);
  return { address: bytesToHex(sha3_256(text(`account ${label}`))), secretKey, publicKey: bytesToHex(publicKey.toBytes(true)), power };
}

/** A committee for `epoch`; quorum = total·2/3 + 1 as Conflux computes it. */
export function syntheticCommittee(epoch: number, validators: readonly SyntheticValidator[]): SyntheticCommittee {
  const total = validators.reduce((s, v) => s + v.power, 0);
  const addressToValidatorInfo: EpochStateJson['verifier']['addressToValidatorInfo'] = {};
  for (const v of validators) {
    addressToValidatorInfo[v.address] = { publicKey: v.publicKey, vrfPublicKey: bytesToHex(concatBytes(Uint8Array.of(2), sha3_256(text(v.address)))), votingPower: toQuantity(v.power) };
  }
  const raw: EpochStateJson = {
    epoch: toQuantity(epoch),
    verifier: { addressToValidatorInfo, quorumVotingPower: toQuantity(Math.floor((total * 2) / 3) + 1), totalVotingPower: toQuantity(total) },
    vrfSeed: bytesToHex(sha3_256(text(`seed ${epoch}`))),
  };
  // Normalize through the parser so the JSON is exactly what the verifier re-encodes.
  return { epoch, validators, json: epochStateToJson(parseEpochState(raw).state) };
}

export interface LedgerInfoSpec {
  readonly epoch: number;
  readonly round: number;
  readonly pivot: { height: number; blockHash: string } | null;
  readonly nextEpochState?: EpochStateJson | null;
  readonly timestampUsecs?: bigint;
  readonly version?: number;
}

/** The unsigned RPC JSON of a ledger info. */
function ledgerInfoJson(spec: LedgerInfoSpec): Record<string, unknown> {
  const id = bytesToHex(sha3_256(text(`block ${spec.epoch}/${spec.round}`)));
  return {
    ledgerInfo: {
      commitInfo: {
        epoch: toQuantity(spec.epoch),
        round: toQuantity(spec.round),
        id,
        executedStateId: bytesToHex(new Uint8Array(32)),
        version: toQuantity(spec.version ?? spec.epoch * 1000 + spec.round),
        timestampUsecs: toQuantity(spec.timestampUsecs ?? 1_700_000_000_000_000n + BigInt(spec.epoch * 3_000_000_000 + spec.round * 1_000_000)),
        nextEpochState: spec.nextEpochState ?? null,
        pivot: spec.pivot === null ? null : { height: toQuantity(spec.pivot.height), blockHash: spec.pivot.blockHash },
      },
      consensusDataHash: bytesToHex(sha3_256(text(`consensus ${spec.epoch}/${spec.round}`))),
    },
    signatures: {},
    nextEpochValidators: null,
    aggregatedSignature: null,
  };
}

/**
 * Signs a ledger info with the given committee members (all by default), in the current RPC format:
 * 192-byte uncompressed G2 signatures plus their aggregate.
 */
export function signLedgerInfo(spec: LedgerInfoSpec, committee: SyntheticCommittee, signers: readonly SyntheticValidator[] = committee.validators): Record<string, unknown> {
  const json = ledgerInfoJson(spec);
  const message = ledgerInfoSigningMessage(parseLedgerInfoWithSignatures(json).value.ledgerInfo);
  const hashed = longSignatures.hash(message);
  const signatures: Record<string, string> = {};
  const points = signers.map((v) => {
    const sig = longSignatures.sign(hashed, v.secretKey);
    signatures[v.address] = bytesToHex(sig.toBytes(false));
    return sig;
  });
  const aggregate = points.reduce((sum, p) => sum.add(p), bls12_381.G2.Point.ZERO);
  return { ...json, signatures, aggregatedSignature: bytesToHex(aggregate.toBytes(false)) };
}

export interface SyntheticPosChain {
  /** Committee of the first epoch (what a checkpoint would hold). */
  readonly first: SyntheticCommittee;
  /** Committees by epoch, first … last. */
  readonly committees: readonly SyntheticCommittee[];
  /** Epoch-ending ledger infos of epochs first … last−1 (each carries the next committee). */
  readonly endings: readonly Record<string, unknown>[];
  /** A ledger info in the last epoch with a pivot decision. */
  readonly latest: Record<string, unknown>;
}

/**
 * A PoS chain of `epochs` + 1 committees with `size` validators each; one validator is replaced
 * every epoch so that keys really rotate. Pivot heights grow by 60 per epoch.
 */
export function syntheticPosChain(startEpoch: number, epochs: number, size = 4, pivotHash: (height: number) => string = (h) => bytesToHex(sha3_256(text(`pivot ${h}`)))): SyntheticPosChain {
  const committees: SyntheticCommittee[] = [];
  let members = Array.from({ length: size }, (_, i) => syntheticValidator(`v${i}`, 10 + i));
  committees.push(syntheticCommittee(startEpoch, members));
  const endings: Record<string, unknown>[] = [];
  for (let i = 0; i < epochs; i++) {
    const epoch = startEpoch + i;
    members = [...members.slice(1), syntheticValidator(`v${size + i}`, 10 + ((size + i) % 7))];
    const next = syntheticCommittee(epoch + 1, members);
    const height = (epoch - startEpoch + 1) * 60;
    endings.push(signLedgerInfo({ epoch, round: 60, pivot: { height, blockHash: pivotHash(height) }, nextEpochState: next.json }, committees[i]!));
    committees.push(next);
  }
  const lastEpoch = startEpoch + epochs;
  const height = (epochs + 1) * 60;
  const latest = signLedgerInfo({ epoch: lastEpoch, round: 7, pivot: { height, blockHash: pivotHash(height) } }, committees[epochs]!);
  return { first: committees[0]!, committees, endings, latest };
}
