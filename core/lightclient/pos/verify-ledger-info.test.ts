import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../../encoding/hex.js';
import { MAINNET_CHECKPOINT } from '../checkpoint/shipped.js';
import { verifyBlockHeaderHash } from '../header/hash.js';
import { decodePublicKey, decodeSignature, hashMessage, verifyAggregated } from './bls.js';
import { committeeFromJson } from './committee.js';
import { ledgerInfoSigningMessage } from './encode.js';
import { parseLedgerInfoWithSignatures } from './parse.js';
import { verifyLedgerInfo } from './verify-ledger-info.js';

const VECTORS = join(import.meta.dirname, '../../../test/vectors/pos');
function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(VECTORS, name), 'utf8')) as T;
}
type Json = Record<string, unknown>;
/** Narrows a JSON value to an object (fixtures are mutated in place by the tampering cases). */
const o = (v: unknown): Json => {
  if (typeof v !== 'object' || v === null) throw new Error('expected an object');
  return v as Json;
};
const s = (v: unknown): string => {
  if (typeof v !== 'string') throw new Error('expected a string');
  return v;
};
const clone = <T>(v: T): T => structuredClone(v);

interface Vector {
  rpcResult: Json;
  committee: { epochState: Json };
}
const rotation = load<Vector>('mainnet-epoch46113-round120-epochchange.json');
const committee46113 = (): Json => rotation.committee.epochState;
const old2023 = load<Vector>('mainnet-epoch10000-round60-epochchange.json');
const oldFormat = load<Vector>('nonmainnet-epoch4660-round10-oldformat.json');

describe('real ledger infos verify', () => {
  test.each([
    ['mainnet 46113 → 46114 (24 signers)', rotation],
    ['mainnet 10000 (uncompressed committee keys)', old2023],
    ['old RPC format without 0x and without aggregatedSignature', oldFormat],
  ])('%s, aggregated and per signer', (_name, v) => {
    for (const mode of ['aggregate', 'each'] as const) {
      const r = verifyLedgerInfo(v.rpcResult, v.committee.epochState, { mode });
      expect(r).toMatchObject({ ok: true, signedVotingPower: 300n });
    }
  });

  test('96-byte compressed signatures are accepted as well as 192-byte ones', () => {
    const li = clone(rotation.rpcResult);
    const compress = (h: unknown): string => bytesToHex(decodeSignature(hexToBytes(s(h))).toBytes(true));
    li.aggregatedSignature = compress(li.aggregatedSignature);
    const votes = o(li.signatures);
    for (const account of Object.keys(votes)) votes[account] = compress(votes[account]);
    expect(s(li.aggregatedSignature)).toHaveLength(2 + 192);
    for (const mode of ['aggregate', 'each'] as const) expect(verifyLedgerInfo(li, committee46113(), { mode })).toMatchObject({ ok: true });
  });

  test('keys come only from the signed nextEpochState, never from nextEpochValidators', () => {
    const li = clone(rotation.rpcResult);
    const unsigned = o(li.nextEpochValidators);
    const first = Object.keys(unsigned)[0]!;
    unsigned[first] = unsigned[Object.keys(unsigned)[1]!];
    unsigned[`0x${'66'.repeat(32)}`] = unsigned[first];
    const r = verifyLedgerInfo(li, committee46113());
    if (!r.ok || r.nextCommittee === undefined) throw new Error('must verify');
    expect(r.nextCommittee).toEqual(MAINNET_CHECKPOINT.epochState);
  });

  test('rotation 46113 → 46114 yields exactly the shipped mainnet checkpoint', () => {
    const r = verifyLedgerInfo(rotation.rpcResult, rotation.committee.epochState);
    if (!r.ok || r.nextCommittee === undefined) throw new Error('rotation must verify');
    expect(r.nextCommittee).toEqual(MAINNET_CHECKPOINT.epochState);
    expect(committeeFromJson(r.nextCommittee).digest).toBe(MAINNET_CHECKPOINT.digest);
    expect(Object.keys(r.nextCommittee.verifier.addressToValidatorInfo)).toHaveLength(25);
  });

  test('the next committee can verify nothing of the previous epoch', () => {
    const r = verifyLedgerInfo(rotation.rpcResult, MAINNET_CHECKPOINT.epochState);
    expect(r).toMatchObject({ ok: false, reason: 'wrong_epoch' });
  });

  test('partial 46112 vector: its aggregated signature verifies for its 25 signers (keys persist across epochs)', () => {
    const v = load<{ rpcResultPartial: { ledgerInfo: Json; signerAccounts: string[]; aggregatedSignature: string } }>('mainnet-epoch46112-round120-checkpoint.json');
    const committee46114 = committeeFromJson(MAINNET_CHECKPOINT.epochState);
    const keys = v.rpcResultPartial.signerAccounts.map((a) => committee46114.keys.get(a)!);
    expect(keys.every((k) => k !== undefined)).toBe(true);
    const li = parseLedgerInfoWithSignatures({ ledgerInfo: v.rpcResultPartial.ledgerInfo, signatures: {} }).value.ledgerInfo;
    const hashed = hashMessage(ledgerInfoSigningMessage(li));
    expect(verifyAggregated(keys, hashed, decodeSignature(hexToBytes(v.rpcResultPartial.aggregatedSignature)))).toBe(true);
    expect(verifyAggregated(keys.slice(1), hashed, decodeSignature(hexToBytes(v.rpcResultPartial.aggregatedSignature)))).toBe(false);
  });
});

describe('dev node ledger infos (one validator) chain from the genesis committee', () => {
  const result = <T>(name: string): T => load<{ response: { result: T } }>(`devnode/${name}.json`).response.result;
  test('epochs 1 → 2 → 3, then the latest committed ledger info finalizes the sampled pivot block', () => {
    let committee: unknown = result('pos_getEpochState_1');
    for (const li of result<Json[]>('pos_getLedgerInfosByEpoch_1_3')) {
      const r = verifyLedgerInfo(li, committee);
      if (!r.ok || r.nextCommittee === undefined) throw new Error(`epoch ending must verify: ${JSON.stringify(r)}`);
      committee = r.nextCommittee;
    }
    const latest = result<Json>('pos_getLedgerInfoByEpochAndRound_3_3_latest_committed');
    expect(verifyLedgerInfo(latest, committee)).toMatchObject({ ok: true });
    const block = result<Json>('cfx_getBlockByEpochNumber_latest_finalized');
    const pivotHash = s(o(o(o(latest.ledgerInfo).commitInfo).pivot).blockHash);
    expect(pivotHash).toBe(block.hash);
    expect(verifyBlockHeaderHash(block, pivotHash, { espaceBaseFeePerGas: '0x1' })).toBe(true);
  });

  test('an ordinary ledger info of epoch 1 verifies with the genesis committee', () => {
    expect(verifyLedgerInfo(result('pos_getLedgerInfoByBlockNumber_5'), result('pos_getEpochState_1'))).toMatchObject({ ok: true });
  });
});

describe('tampering with a ledger info fails with the right reason', () => {
  const committee = rotation.committee.epochState;
  const mutateInfo = (f: (ci: Json, li: Json) => void): Json => {
    const li = clone(rotation.rpcResult);
    f(o(o(li.ledgerInfo).commitInfo), o(li.ledgerInfo));
    return li;
  };
  const next = (ci: Json): Json => o(ci.nextEpochState);
  const nextVerifier = (ci: Json): Json => o(next(ci).verifier);
  const nextInfos = (ci: Json): Json => o(nextVerifier(ci).addressToValidatorInfo);
  const firstValidator = (ci: Json): Json => o(Object.values(nextInfos(ci))[0]);
  const bump = (q: unknown): string => `0x${(BigInt(s(q)) + 1n).toString(16)}`;
  const flipHex = (h: unknown, at = 5): string => `${s(h).slice(0, at)}${s(h)[at] === 'a' ? 'b' : 'a'}${s(h).slice(at + 1)}`;
  const cases: [string, (ci: Json, li: Json) => void, string][] = [
    ['epoch', (ci) => (ci.epoch = bump(ci.epoch)), 'wrong_epoch'],
    ['round', (ci) => (ci.round = bump(ci.round)), 'bad_signature'],
    ['id', (ci) => (ci.id = flipHex(ci.id)), 'bad_signature'],
    ['executedStateId', (ci) => (ci.executedStateId = flipHex(ci.executedStateId)), 'bad_signature'],
    ['version', (ci) => (ci.version = bump(ci.version)), 'bad_signature'],
    ['timestampUsecs', (ci) => (ci.timestampUsecs = bump(ci.timestampUsecs)), 'bad_signature'],
    ['pivot.height', (ci) => (o(ci.pivot).height = bump(o(ci.pivot).height)), 'bad_signature'],
    ['pivot.blockHash', (ci) => (o(ci.pivot).blockHash = flipHex(o(ci.pivot).blockHash)), 'bad_signature'],
    ['pivot removed', (ci) => (ci.pivot = null), 'bad_signature'],
    ['consensusDataHash', (_ci, li) => (li.consensusDataHash = flipHex(li.consensusDataHash)), 'bad_signature'],
    ['nextEpochState removed', (ci) => (ci.nextEpochState = null), 'bad_signature'],
    ['nextEpochState.epoch', (ci) => (next(ci).epoch = bump(next(ci).epoch)), 'bad_signature'],
    ['nextEpochState.vrfSeed', (ci) => (next(ci).vrfSeed = flipHex(next(ci).vrfSeed)), 'bad_signature'],
    ['nextEpochState.quorumVotingPower', (ci) => (nextVerifier(ci).quorumVotingPower = bump(nextVerifier(ci).quorumVotingPower)), 'bad_signature'],
    ['nextEpochState.totalVotingPower', (ci) => (nextVerifier(ci).totalVotingPower = bump(nextVerifier(ci).totalVotingPower)), 'bad_signature'],
    ['next validator votingPower', (ci) => (firstValidator(ci).votingPower = bump(firstValidator(ci).votingPower)), 'bad_signature'],
    ['next validator vrfPublicKey', (ci) => (firstValidator(ci).vrfPublicKey = flipHex(firstValidator(ci).vrfPublicKey, 20)), 'bad_signature'],
    [
      'next validator publicKey swapped for another valid key',
      (ci) => {
        const infos = Object.values(nextInfos(ci)).map(o);
        infos[0]!.publicKey = infos[1]!.publicKey;
      },
      'bad_signature',
    ],
    [
      'next validator removed',
      (ci) => {
        delete nextInfos(ci)[Object.keys(nextInfos(ci))[0]!];
      },
      'bad_signature',
    ],
    ['next validator publicKey not a curve point', (ci) => (firstValidator(ci).publicKey = `0x${'ab'.repeat(48)}`), 'invalid_point'],
    ['id of wrong length', (ci) => (ci.id = s(ci.id).slice(0, -2)), 'malformed'],
    ['epoch not a quantity', (ci) => (ci.epoch = 46113), 'malformed'],
    ['consensusDataHash missing', (_ci, li) => delete li.consensusDataHash, 'malformed'],
  ];
  test.each(cases)('%s', (_name, mutate, reason) => {
    for (const mode of ['aggregate', 'each'] as const) {
      expect(verifyLedgerInfo(mutateInfo(mutate), committee, { mode })).toMatchObject({ ok: false, reason });
    }
  });

  test('every byte of the aggregated signature matters', () => {
    const sig = s(rotation.rpcResult.aggregatedSignature);
    for (let byte = 0; byte < 192; byte++) {
      const li = clone(rotation.rpcResult);
      const at = 2 + byte * 2;
      li.aggregatedSignature = `${sig.slice(0, at)}${((parseInt(sig.slice(at, at + 2), 16) ^ 0x01) & 0xff).toString(16).padStart(2, '0')}${sig.slice(at + 2)}`;
      const r = verifyLedgerInfo(li, committee);
      expect(r.ok, `byte ${byte}`).toBe(false);
      if (!r.ok) expect(['invalid_point', 'bad_signature']).toContain(r.reason);
    }
  });

  test('a valid signature over another message is a bad signature', () => {
    const li = clone(rotation.rpcResult);
    li.aggregatedSignature = old2023.rpcResult.aggregatedSignature;
    expect(verifyLedgerInfo(li, committee)).toMatchObject({ ok: false, reason: 'bad_signature' });
    const each = clone(rotation.rpcResult);
    const votes = o(each.signatures);
    const [a, b] = Object.keys(votes);
    [votes[a!], votes[b!]] = [votes[b!], votes[a!]];
    expect(verifyLedgerInfo(each, committee, { mode: 'each' })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  test('a flipped byte in one vote is caught when checking each vote', () => {
    const li = clone(rotation.rpcResult);
    const votes = o(li.signatures);
    const account = Object.keys(votes)[3]!;
    votes[account] = flipHex(votes[account], 100);
    const r = verifyLedgerInfo(li, committee, { mode: 'each' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['invalid_point', 'bad_signature']).toContain(r.reason);
  });

  test('removing signers below the quorum is insufficient_quorum; above it the aggregate no longer matches', () => {
    const power = (a: string): bigint => BigInt(s(o(o(o(committee.verifier).addressToValidatorInfo)[a]).votingPower));
    const li = clone(rotation.rpcResult);
    const votes = o(li.signatures);
    const accounts = Object.keys(votes).sort((x, y) => Number(power(y) - power(x)));
    let remaining = 300n;
    for (const a of accounts) {
      if (remaining - power(a) < 201n) break;
      delete votes[a];
      remaining -= power(a);
    }
    expect(verifyLedgerInfo(li, committee, { mode: 'each' })).toMatchObject({ ok: true, signedVotingPower: remaining });
    expect(verifyLedgerInfo(li, committee, { mode: 'aggregate' })).toMatchObject({ ok: false, reason: 'bad_signature' });
    while (remaining >= 201n) {
      const account = Object.keys(votes)[0]!;
      remaining -= power(account);
      delete votes[account];
    }
    for (const mode of ['aggregate', 'each'] as const) expect(verifyLedgerInfo(li, committee, { mode })).toMatchObject({ ok: false, reason: 'insufficient_quorum' });
    li.signatures = {};
    expect(verifyLedgerInfo(li, committee)).toMatchObject({ ok: false, reason: 'insufficient_quorum' });
  });

  test('a signer outside the committee is unknown_signer; the same signer twice is duplicate_signer', () => {
    const extra = clone(rotation.rpcResult);
    o(extra.signatures)[`0x${'77'.repeat(32)}`] = Object.values(o(extra.signatures))[0];
    expect(verifyLedgerInfo(extra, committee)).toMatchObject({ ok: false, reason: 'unknown_signer' });
    const dup = clone(rotation.rpcResult);
    const dupVotes = o(dup.signatures);
    const account = Object.keys(dupVotes)[0]!;
    dupVotes[account.slice(2).toUpperCase()] = dupVotes[account];
    expect(verifyLedgerInfo(dup, committee)).toMatchObject({ ok: false, reason: 'duplicate_signer' });
  });

  test('swapping a committee key makes the signature check fail', () => {
    const c = clone(committee);
    const infos = Object.values(o(o(c.verifier).addressToValidatorInfo)).map(o);
    [infos[0]!.publicKey, infos[2]!.publicKey] = [infos[2]!.publicKey, infos[0]!.publicKey];
    for (const mode of ['aggregate', 'each'] as const) {
      const r = verifyLedgerInfo(rotation.rpcResult, c, { mode });
      // Aggregation is symmetric in keys of equal signers; per-vote checks are not. A swap between two
      // signers keeps the aggregate, so also replace one key by a non-member's key.
      if (mode === 'each') expect(r).toMatchObject({ ok: false, reason: 'bad_signature' });
    }
    infos[1]!.publicKey = MAINNET_CHECKPOINT.epochState.verifier.addressToValidatorInfo['0xbec7e19d019851f49580b6748d00adfb589d42bc0758a5fecaa1bfdc7da46c45']!.publicKey;
    for (const mode of ['aggregate', 'each'] as const) expect(verifyLedgerInfo(rotation.rpcResult, c, { mode })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  test('the identity point and non-subgroup points are refused as keys and signatures', () => {
    const identityG1 = new Uint8Array(48);
    identityG1[0] = 0xc0;
    expect(() => decodePublicKey(identityG1)).toThrow(expect.objectContaining({ kind: 'invalid_point' }));
    const identityG2 = new Uint8Array(96);
    identityG2[0] = 0xc0;
    expect(() => decodeSignature(identityG2)).toThrow(expect.objectContaining({ kind: 'invalid_point' }));
    // x = 4 with the compression flag: a point on E(Fp) (y² = 68 has a root) outside the r-torsion subgroup.
    const offSubgroup = new Uint8Array(48);
    offSubgroup[0] = 0x80;
    offSubgroup[47] = 4;
    expect(() => decodePublicKey(offSubgroup)).toThrow(expect.objectContaining({ kind: 'invalid_point' }));
    const li = clone(rotation.rpcResult);
    li.aggregatedSignature = `0x${'00'.repeat(191)}01`;
    expect(verifyLedgerInfo(li, committee)).toMatchObject({ ok: false, reason: 'invalid_point' });
  });

  test('committee JSON that cannot be a committee is malformed', () => {
    const c = clone(committee);
    o(c.verifier).quorumVotingPower = '0x0';
    expect(verifyLedgerInfo(rotation.rpcResult, c)).toMatchObject({ ok: false, reason: 'malformed' });
    const unreachable = clone(committee);
    o(unreachable.verifier).quorumVotingPower = '0x12d';
    expect(verifyLedgerInfo(rotation.rpcResult, unreachable)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyLedgerInfo(rotation.rpcResult, { epoch: '0xb421' })).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
