/**
 * Test and benchmark helper (not part of the public API): long synthetic PoS chains with rotating
 * committees and real BLS signatures, cheap enough to build thousands of epochs.
 *
 * Validators are numbered; validator j has the secret key s + j for one fixed s, so its public key
 * is pk(0) + j·G1 and its signature on a message hashed to H is σ(0) + j·H: a committee's
 * signatures on one message cost one scalar multiplication and one point addition per member
 * instead of one multiplication each. The keys are reproducible and worthless; the verifier treats
 * them as arbitrary points, so verification costs exactly what it costs for real keys.
 *
 * Rotation: the committee of epoch e is validators r … r + size − 1 with r = ⌊(e − start) /
 * replaceEvery⌋ (one member replaced every `replaceEvery` epochs, as mainnet committees change
 * slowly: 12 of the 24 members of epoch 10000 still signed in epoch 46113, three years later).
 * @module
 */
import { normalizeZ } from '@noble/curves/abstract/curve.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, toQuantity } from '../../encoding/hex.js';
import { epochStateToJson, type EpochStateJson } from '../pos/committee.js';
import { ledgerInfoSigningMessage } from '../pos/encode.js';
import { parseEpochState, parseLedgerInfoWithSignatures } from '../pos/parse.js';
import type { LedgerInfoSpec } from './synthetic-pos.js';

const { longSignatures } = bls12_381;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
/** The fixed secret key offset s (any scalar works). */
const BASE_SECRET = 0x5eed_0f_1011_2131_4151_6171_8191_a1b1_c1d1_e1f1n;
const BASE_KEY = bls12_381.G1.Point.BASE.multiply(BASE_SECRET);

/** PoS account of validator j (a 32-byte hash, as on chain). */
export const accountOf = (j: number): string => bytesToHex(sha3_256(text(`long chain validator ${j}`)));
const publicKeyOf = (j: number) => (j === 0 ? BASE_KEY : BASE_KEY.add(bls12_381.G1.Point.BASE.multiply(BigInt(j))));

const { Fp } = bls12_381.fields;

/**
 * 192-byte uncompressed encoding of a G2 point already in affine form (x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0,
 * the RPC's form), from noble's field encoding. `toBytes` would re-check subgroup membership of
 * every point, which dominates building long chains; these points are multiples of a hashed point.
 */
function uncompressedG2(point: ReturnType<typeof bls12_381.G2.Point.fromBytes>): Uint8Array {
  const { x, y } = point.toAffine();
  return concatBytes(Fp.toBytes(x.c1), Fp.toBytes(x.c0), Fp.toBytes(y.c1), Fp.toBytes(y.c0));
}

export interface LongChainOptions {
  readonly startEpoch: number;
  /** Epoch endings to build: epochs start … start + epochs − 1 (committees up to start + epochs). */
  readonly epochs: number;
  /** Committee size (default 24, as on mainnet). */
  readonly size?: number;
  /** One member replaced every this many epochs (default 100). */
  readonly replaceEvery?: number;
  /** Voting power of validator j (default 5 + j·7 mod 31). */
  readonly power?: (j: number) => number;
  /** Pivot block hash at a height (default: a hash of the height). */
  readonly pivotHash?: (height: number) => string;
  /** Pivot heights grow by this much per epoch (default 60). */
  readonly heightPerEpoch?: number;
}

export interface LongChain {
  readonly options: Required<Omit<LongChainOptions, 'pivotHash' | 'power'>> & Pick<LongChainOptions, 'pivotHash' | 'power'>;
  /** Committee JSON of an epoch (start … start + epochs). */
  committee(epoch: number): EpochStateJson;
  /** Validator numbers of an epoch's committee. */
  members(epoch: number): number[];
  /** RPC JSON of the ending ledger info of an epoch (start … start + epochs − 1). */
  ending(epoch: number): Record<string, unknown>;
  /** A ledger info of `spec.epoch`, signed by `signers` (validator numbers; default the whole committee). */
  sign(spec: LedgerInfoSpec, signers?: readonly number[]): Record<string, unknown>;
}

export function longPosChain(input: LongChainOptions): LongChain {
  const options = { size: 24, replaceEvery: 100, heightPerEpoch: 60, ...input };
  const power = input.power ?? ((j: number) => 5 + ((j * 7) % 31));
  const pivotHash = input.pivotHash ?? ((h: number) => bytesToHex(sha3_256(text(`pivot ${h}`))));
  const keyHex = new Map<number, string>();
  const keyOf = (j: number): string => {
    let hex = keyHex.get(j);
    if (hex === undefined) keyHex.set(j, (hex = bytesToHex(publicKeyOf(j).toBytes(true))));
    return hex;
  };
  const first = (epoch: number): number => Math.floor((epoch - options.startEpoch) / options.replaceEvery);
  const members = (epoch: number): number[] => Array.from({ length: options.size }, (_, i) => first(epoch) + i);
  const committees = new Map<number, EpochStateJson>();
  const committee = (epoch: number): EpochStateJson => {
    const cached = committees.get(epoch);
    if (cached !== undefined) return cached;
    const list = members(epoch);
    const total = list.reduce((s, j) => s + power(j), 0);
    const addressToValidatorInfo: EpochStateJson['verifier']['addressToValidatorInfo'] = {};
    for (const j of list) {
      addressToValidatorInfo[accountOf(j)] = { publicKey: keyOf(j), vrfPublicKey: bytesToHex(concatBytes(Uint8Array.of(2), sha3_256(text(`vrf ${j}`)))), votingPower: toQuantity(power(j)) };
    }
    const raw: EpochStateJson = {
      epoch: toQuantity(epoch),
      verifier: { addressToValidatorInfo, quorumVotingPower: toQuantity(Math.floor((total * 2) / 3) + 1), totalVotingPower: toQuantity(total) },
      vrfSeed: bytesToHex(sha3_256(text(`seed ${epoch}`))),
    };
    const json = epochStateToJson(parseEpochState(raw).state);
    committees.set(epoch, json);
    if (committees.size > 8) committees.delete(committees.keys().next().value!);
    return json;
  };

  const sign = (spec: LedgerInfoSpec, signers: readonly number[] = members(spec.epoch)): Record<string, unknown> => {
    const id = bytesToHex(sha3_256(text(`block ${spec.epoch}/${spec.round}`)));
    const json: Record<string, unknown> = {
      ledgerInfo: {
        commitInfo: {
          epoch: toQuantity(spec.epoch),
          round: toQuantity(spec.round),
          id,
          executedStateId: bytesToHex(new Uint8Array(32)),
          version: toQuantity(spec.version ?? spec.epoch * 1000 + spec.round),
          timestampUsecs: toQuantity(spec.timestampUsecs ?? 1_700_000_000_000_000n + BigInt(spec.epoch) * 3_000_000_000n + BigInt(spec.round) * 1_000_000n),
          nextEpochState: spec.nextEpochState ?? null,
          pivot: spec.pivot === null ? null : { height: toQuantity(spec.pivot.height), blockHash: spec.pivot.blockHash },
        },
        consensusDataHash: bytesToHex(sha3_256(text(`consensus ${spec.epoch}/${spec.round}`))),
      },
      signatures: {},
      nextEpochValidators: null,
      aggregatedSignature: null,
    };
    const hashed = longSignatures.hash(ledgerInfoSigningMessage(parseLedgerInfoWithSignatures(json).value.ledgerInfo));
    const sorted = [...signers].sort((a, b) => a - b);
    // σ(j) = (s + j)·H: one multiplication, then one addition of H per validator number.
    let point = hashed.multiply(BASE_SECRET + BigInt(sorted[0]!));
    let at = sorted[0]!;
    const points = sorted.map((j) => {
      while (at < j) {
        point = point.add(hashed);
        at++;
      }
      return point;
    });
    const affine = normalizeZ(bls12_381.G2.Point, points);
    const signatures: Record<string, string> = {};
    sorted.forEach((j, i) => (signatures[accountOf(j)] = bytesToHex(uncompressedG2(affine[i]!))));
    const aggregate = points.reduce((sum, p) => sum.add(p), bls12_381.G2.Point.ZERO);
    return { ...json, signatures, aggregatedSignature: bytesToHex(uncompressedG2(aggregate)) };
  };

  const ending = (epoch: number): Record<string, unknown> => {
    const height = (epoch - options.startEpoch + 1) * options.heightPerEpoch;
    return sign({ epoch, round: 60, pivot: { height, blockHash: pivotHash(height) }, nextEpochState: committee(epoch + 1) });
  };
  return { options: { ...options, pivotHash, power }, committee, members, ending, sign };
}
