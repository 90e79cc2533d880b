import { describe, expect, test } from 'vitest';
import { committeeFromJson } from '../pos/committee.js';
import { signerSetDigest } from '../pos/encode.js';
import { syntheticCommittee, syntheticValidator } from '../testing/synthetic-pos.js';
import { checkpointCommittee, resolveStartingState, shippedCheckpoint, tofuCheckpoint } from './checkpoint.js';
import { decodeCheckpointRecord, encodeCheckpointRecord, type RestoredState } from './record.js';
import { MAINNET_CHECKPOINT } from './shipped.js';
import { MemoryCheckpointStore, type CheckpointStore } from './store.js';
import type { Checkpoint } from './types.js';

const mainnetState: RestoredState = {
  chainId: 1029,
  trust: 'shipped',
  anchor: { epoch: 46114, digest: MAINNET_CHECKPOINT.digest, signers: signerSetDigest(committeeFromJson(MAINNET_CHECKPOINT.epochState).state) },
  committee: committeeFromJson(MAINNET_CHECKPOINT.epochState),
  finalized: { posEpoch: 46114, round: 3, ledgerInfoId: `0x${'ab'.repeat(32)}`, timestampUsecs: 1_790_000_000_000_000n, height: 158_033_000, blockHash: `0x${'cd'.repeat(32)}` },
  previousEnding: { posEpoch: 46113, round: 120, ledgerInfoId: `0x${'ef'.repeat(32)}`, pivot: { height: 158_032_800, blockHash: `0x${'12'.repeat(32)}` } },
  savedAt: 1_790_000_000_000,
  tail: null,
};

describe('shipped checkpoints', () => {
  test('mainnet ships EpochState(46114), pinned by digest', () => {
    const cp = shippedCheckpoint(1029);
    expect(cp).toBe(MAINNET_CHECKPOINT);
    expect(cp.trust).toBe('shipped');
    const committee = checkpointCommittee(cp);
    expect(committee.epoch).toBe(46114);
    expect(committee.state.validators).toHaveLength(25);
    expect(committee.state.quorumVotingPower).toBe(201n);
  });

  test('testnet has no shipped checkpoint, and says so', () => {
    expect(() => shippedCheckpoint(1)).toThrow(expect.objectContaining({ code: 'checkpoint.none_shipped', message: expect.stringContaining('testnet') }));
    expect(() => shippedCheckpoint(8888)).toThrow(expect.objectContaining({ code: 'checkpoint.none_shipped' }));
  });

  test('a checkpoint whose committee does not match its digest is refused', () => {
    const edited = structuredClone(MAINNET_CHECKPOINT.epochState);
    const first = Object.keys(edited.verifier.addressToValidatorInfo)[0]!;
    edited.verifier.addressToValidatorInfo[first]!.votingPower = '0x6';
    expect(() => checkpointCommittee({ ...MAINNET_CHECKPOINT, epochState: edited })).toThrow(expect.objectContaining({ code: 'checkpoint.corrupt' }));
    expect(() => checkpointCommittee({ ...MAINNET_CHECKPOINT, epoch: 46113 })).toThrow(expect.objectContaining({ code: 'checkpoint.corrupt' }));
  });

  test('trust-on-first-use checkpoints are labelled as such', () => {
    const committee = syntheticCommittee(1, [syntheticValidator('dev', 300)]);
    const cp = tofuCheckpoint(1024, 'dev', committee.json, 'test');
    expect(cp.trust).toBe('tofu');
    expect(cp.epoch).toBe(1);
    expect(checkpointCommittee(cp).digest).toBe(cp.digest);
  });
});

describe('stored records', () => {
  test('round trip', () => {
    const record = encodeCheckpointRecord(mainnetState);
    const back = decodeCheckpointRecord(structuredClone(record), 1029);
    expect(back.committee.digest).toBe(MAINNET_CHECKPOINT.digest);
    expect(back.finalized).toEqual(mainnetState.finalized);
    expect(back.previousEnding).toEqual(mainnetState.previousEnding);
    expect(back.trust).toBe('shipped');
  });

  test('the previous epoch ending is optional (committee from the checkpoint, or records written before it was kept)', () => {
    const record = encodeCheckpointRecord({ ...mainnetState, previousEnding: null });
    expect(record).not.toHaveProperty('previousEnding');
    expect(decodeCheckpointRecord(structuredClone(record), 1029).previousEnding).toBeNull();
    const noPivot = { ...mainnetState.previousEnding!, pivot: null };
    expect(decodeCheckpointRecord(encodeCheckpointRecord({ ...mainnetState, previousEnding: noPivot }), 1029).previousEnding).toEqual(noPivot);
  });

  test('a previous epoch ending that does not precede the committee is corrupt, even with a matching digest', () => {
    const wrong = encodeCheckpointRecord({ ...mainnetState, previousEnding: { ...mainnetState.previousEnding!, posEpoch: 46112 } });
    expect(() => decodeCheckpointRecord(wrong, 1029)).toThrow(expect.objectContaining({ code: 'checkpoint.corrupt', message: expect.stringContaining('previous epoch ending') }));
  });

  const corruptions: [string, (r: Record<string, unknown>) => void][] = [
    ['not an object', () => undefined],
    ['unknown version', (r) => (r.version = 2)],
    ['integrity digest', (r) => (r.integrity = `0x${'00'.repeat(32)}`)],
    ['savedAt edited', (r) => (r.savedAt = 5)],
    ['finalized height edited', (r) => ((r.finalized as Record<string, unknown>).height = 1)],
    ['committee power edited', (r) => {
      const infos = (r.epochState as { verifier: { addressToValidatorInfo: Record<string, { votingPower: string }> } }).verifier.addressToValidatorInfo;
      infos[Object.keys(infos)[0]!]!.votingPower = '0x6';
    }],
    ['trust edited', (r) => (r.trust = 'tofu')],
    ['trust invalid', (r) => (r.trust = 'verified')],
    ['committee missing', (r) => delete r.epochState],
    ['anchor missing', (r) => delete r.anchor],
    ['previous ending id edited', (r) => ((r.previousEnding as Record<string, unknown>).ledgerInfoId = `0x${'00'.repeat(32)}`)],
    ['previous ending removed', (r) => delete r.previousEnding],
  ];
  test.each(corruptions)('corruption (%s) is a typed error', (name, corrupt) => {
    const record = JSON.parse(JSON.stringify(encodeCheckpointRecord(mainnetState))) as Record<string, unknown>;
    corrupt(record);
    const raw = name === 'not an object' ? 'garbage' : record;
    expect(() => decodeCheckpointRecord(raw, 1029)).toThrow(expect.objectContaining({ code: 'checkpoint.corrupt' }));
  });

  test('a record of another chain is refused', () => {
    expect(() => decodeCheckpointRecord(encodeCheckpointRecord(mainnetState), 1)).toThrow(expect.objectContaining({ code: 'checkpoint.wrong_chain' }));
  });
});

describe('choosing the starting state', () => {
  const now = 1_800_000_000_000;
  test('nothing stored: start from the checkpoint', () => {
    const s = resolveStartingState(MAINNET_CHECKPOINT, undefined, now);
    expect(s.committee.epoch).toBe(46114);
    expect(s.finalized).toBeNull();
  });

  test('a newer intact record resumes', () => {
    const later: RestoredState = { ...mainnetState, committee: committeeFromJson({ ...MAINNET_CHECKPOINT.epochState, epoch: '0xb423' }), previousEnding: { ...mainnetState.previousEnding!, posEpoch: 46114 } };
    const s = resolveStartingState(MAINNET_CHECKPOINT, encodeCheckpointRecord(later), now);
    expect(s.committee.epoch).toBe(46115);
    expect(s.finalized).toEqual(mainnetState.finalized);
  });

  test('a record older than a newer shipped checkpoint is superseded by the checkpoint', () => {
    const older: RestoredState = { ...mainnetState, committee: committeeFromJson({ ...MAINNET_CHECKPOINT.epochState, epoch: '0xb420' }), anchor: { ...mainnetState.anchor, epoch: 46112 }, previousEnding: null };
    expect(resolveStartingState(MAINNET_CHECKPOINT, encodeCheckpointRecord(older), now).committee.epoch).toBe(46114);
  });

  test('a damaged record is an error, never a silent restart', () => {
    const record = encodeCheckpointRecord(mainnetState);
    expect(() => resolveStartingState(MAINNET_CHECKPOINT, { ...record, savedAt: 1 }, now)).toThrow(expect.objectContaining({ code: 'checkpoint.corrupt' }));
  });

  test('a tofu record never replaces a shipped checkpoint', () => {
    const tofu = encodeCheckpointRecord({ ...mainnetState, trust: 'tofu' });
    expect(() => resolveStartingState(MAINNET_CHECKPOINT, tofu, now)).toThrow(expect.objectContaining({ code: 'checkpoint.trust_downgrade' }));
  });

  test('a tofu record from another dev committee is refused', () => {
    const a = syntheticCommittee(1, [syntheticValidator('a', 3)]);
    const b = syntheticCommittee(1, [syntheticValidator('b', 3)]);
    const cpA: Checkpoint = tofuCheckpoint(1024, 'dev', a.json, 'test');
    const cpB: Checkpoint = tofuCheckpoint(1024, 'dev', b.json, 'test');
    const stored = encodeCheckpointRecord(resolveStartingState(cpA, undefined, now));
    expect(resolveStartingState(cpA, stored, now).anchor.digest).toBe(cpA.digest);
    expect(() => resolveStartingState(cpB, stored, now)).toThrow(expect.objectContaining({ code: 'checkpoint.corrupt' }));
    // The same signers reported with another VRF seed (dev nodes do this for epoch 1) are the same committee.
    const reseeded = tofuCheckpoint(1024, 'dev', { ...a.json, vrfSeed: '0x' }, 'test');
    expect(reseeded.digest).not.toBe(cpA.digest);
    expect(resolveStartingState(reseeded, stored, now).anchor.digest).toBe(cpA.digest);
  });
});

describe('memory checkpoint store', () => {
  test('saves, loads per chain id, and clears', async () => {
    const store: CheckpointStore = new MemoryCheckpointStore();
    expect(await store.load(1029)).toBeUndefined();
    const record = encodeCheckpointRecord(mainnetState);
    await store.save(1029, record);
    expect(await store.load(1)).toBeUndefined();
    const loaded = await store.load(1029);
    expect(loaded).toEqual(record);
    expect(decodeCheckpointRecord(loaded, 1029).committee.epoch).toBe(46114);
    await store.clear(1029);
    expect(await store.load(1029)).toBeUndefined();
  });
});
