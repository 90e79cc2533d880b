import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes } from '../../encoding/hex.js';
import { signLedgerInfo, syntheticCommittee, syntheticValidator, type SyntheticValidator } from '../testing/synthetic-pos.js';
import { compressPublicKey, decodePublicKey } from './bls.js';
import { committeeFromJson } from './committee.js';
import { parseLedgerInfoWithSignatures } from './parse.js';
import { checkSkip, exceedsOneThird } from './skip.js';

const VECTORS = join(import.meta.dirname, '../../../test/vectors/pos');
const vector = (name: string) => JSON.parse(readFileSync(join(VECTORS, name), 'utf8')) as { committee: { epochState: { verifier: { addressToValidatorInfo: Record<string, { publicKey: string; vrfPublicKey: string }> } } } };

describe('the premise: a PoS account is bound to its keys', () => {
  test.each(['mainnet-epoch10000-round60-epochchange.json', 'mainnet-epoch46113-round120-epochchange.json'])('%s: every account is keccak-256(compressed BLS key ‖ VRF key)', (name) => {
    const members = Object.entries(vector(name).committee.epochState.verifier.addressToValidatorInfo);
    expect(members.length).toBeGreaterThan(20);
    for (const [account, info] of members) {
      const bls = compressPublicKey(decodePublicKey(hexToBytes(info.publicKey.startsWith('0x') ? info.publicKey : `0x${info.publicKey}`)));
      const vrf = hexToBytes(info.vrfPublicKey.startsWith('0x') ? info.vrfPublicKey : `0x${info.vrfPublicKey}`);
      expect(bytesToHex(keccak_256(concatBytes(bls, vrf))), account).toBe((account.startsWith('0x') ? account : `0x${account}`).toLowerCase());
    }
  });

  test('mainnet committees change slowly: most of the voting power of epoch 10000 still sits in epoch 46113', () => {
    const old = vector('mainnet-epoch10000-round60-epochchange.json').committee.epochState.verifier.addressToValidatorInfo;
    const now = committeeFromJson(vector('mainnet-epoch46113-round120-epochchange.json').committee.epochState);
    const trusted = committeeFromJson(vector('mainnet-epoch10000-round60-epochchange.json').committee.epochState);
    const kept = Object.keys(old).map((a) => `0x${a.replace(/^0x/, '').toLowerCase()}`).filter((a) => now.power.has(a));
    const keptPower = kept.reduce((sum, a) => sum + trusted.power.get(a)!, 0n);
    expect(kept).toHaveLength(12);
    expect(exceedsOneThird(keptPower, trusted.state.totalVotingPower)).toBe(true);
  });
});

describe('the skipping rule', () => {
  // Trusted committee of epoch 10: powers 100 + 101 + 99 = 300.
  const a = syntheticValidator('skip a', 100);
  const b = syntheticValidator('skip b', 101);
  const c = syntheticValidator('skip c', 99);
  const trusted = committeeFromJson(syntheticCommittee(10, [a, b, c]).json);
  const newcomers = [syntheticValidator('skip n1', 150), syntheticValidator('skip n2', 150), syntheticValidator('skip n3', 150)];
  /** The ending of epoch 30 (far ahead), signed by `signers` of a committee of epoch 30 holding `members`. */
  const ahead = (members: SyntheticValidator[], signers: SyntheticValidator[] = members) => {
    const committee = syntheticCommittee(30, members);
    const next = syntheticCommittee(31, newcomers);
    return parseLedgerInfoWithSignatures(signLedgerInfo({ epoch: 30, round: 60, pivot: { height: 1800, blockHash: `0x${'ab'.repeat(32)}` }, nextEpochState: next.json }, committee, signers));
  };

  test('trusted signers holding exactly one third are refused, one vote more is accepted', () => {
    const atThird = ahead([a, ...newcomers]);
    expect(() => checkSkip(atThird, trusted)).toThrow(expect.objectContaining({ kind: 'insufficient_trust', nodeAtFault: false, message: expect.stringContaining('100 of its 300') }));
    const above = ahead([b, ...newcomers]);
    const result = checkSkip(above, trusted);
    expect(result).toMatchObject({ trustedEpoch: 10, trustedPower: 101n, trustedTotal: 300n, signers: [b.address] });
    expect(result.nextCommittee.epoch).toBe(31);
  });

  test('a committee with no trusted member is unknown and refused', () => {
    expect(() => checkSkip(ahead(newcomers), trusted)).toThrow(expect.objectContaining({ kind: 'insufficient_trust', message: expect.stringContaining('unknown committee') }));
  });

  test('trusted members who are in the committee but did not sign do not count', () => {
    expect(() => checkSkip(ahead([a, b, ...newcomers], [a, ...newcomers]), trusted)).toThrow(expect.objectContaining({ kind: 'insufficient_trust' }));
    expect(checkSkip(ahead([a, b, ...newcomers], [a, b]), trusted).trustedPower).toBe(201n);
  });

  test('a forged signature of a trusted member is a proven lie', () => {
    const forged = ahead([a, b, ...newcomers]);
    const other = parseLedgerInfoWithSignatures(signLedgerInfo({ epoch: 30, round: 61, pivot: null }, syntheticCommittee(30, [a, b, c])));
    // b's vote from another ledger info: a valid signature, but not on this message.
    const signatures = forged.value.signatures.map((s) => (s.addressHex === b.address ? other.value.signatures.find((o) => o.addressHex === b.address)! : s));
    const tampered = { ...forged, value: { ...forged.value, signatures } };
    expect(() => checkSkip(tampered, trusted)).toThrow(expect.objectContaining({ kind: 'bad_signature', nodeAtFault: true }));
  });

  test('only epoch-ending ledger infos ahead of the trusted committee can be skipped to', () => {
    const committee = syntheticCommittee(30, [a, b, c]);
    const ordinary = parseLedgerInfoWithSignatures(signLedgerInfo({ epoch: 30, round: 5, pivot: null }, committee));
    expect(() => checkSkip(ordinary, trusted)).toThrow(expect.objectContaining({ kind: 'not_epoch_ending', nodeAtFault: true }));
    const current = parseLedgerInfoWithSignatures(signLedgerInfo({ epoch: 10, round: 60, pivot: null, nextEpochState: syntheticCommittee(11, [a, b, c]).json }, syntheticCommittee(10, [a, b, c])));
    expect(() => checkSkip(current, trusted)).toThrow(expect.objectContaining({ kind: 'wrong_epoch' }));
  });
});
