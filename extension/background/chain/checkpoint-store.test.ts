import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { resolveStartingState } from '../../../core/lightclient/checkpoint/checkpoint.js';
import { decodeCheckpointRecord, encodeCheckpointRecord, type CheckpointRecord, type RestoredState } from '../../../core/lightclient/checkpoint/record.js';
import { MAINNET_CHECKPOINT } from '../../../core/lightclient/checkpoint/shipped.js';
import { committeeFromJson } from '../../../core/lightclient/pos/committee.js';
import { signerSetDigest } from '../../../core/lightclient/pos/encode.js';
import { IndexedDbCheckpointStore } from './checkpoint-store.js';

const committee = committeeFromJson(MAINNET_CHECKPOINT.epochState);
const mainnetState: RestoredState = {
  chainId: 1029,
  trust: 'shipped',
  anchor: { epoch: 46114, digest: MAINNET_CHECKPOINT.digest, signers: signerSetDigest(committee.state) },
  committee,
  finalized: { posEpoch: 46114, round: 3, ledgerInfoId: `0x${'ab'.repeat(32)}`, timestampUsecs: 1_790_000_000_000_000n, height: 158_033_000, blockHash: `0x${'cd'.repeat(32)}` },
  previousEnding: null,
  savedAt: 1_790_000_000_000,
  tail: null,
};

describe('IndexedDB checkpoint store (fake-indexeddb)', () => {
  test('saves, loads per chain id, and clears', async () => {
    const store = new IndexedDbCheckpointStore(new IDBFactory());
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

  test('survives reopening the database, and damaged data is reported on load', async () => {
    const factory = new IDBFactory();
    const first = new IndexedDbCheckpointStore(factory);
    await first.save(1029, encodeCheckpointRecord(mainnetState));
    await first.close();
    const second = new IndexedDbCheckpointStore(factory);
    expect(resolveStartingState(MAINNET_CHECKPOINT, await second.load(1029), 0).finalized).toEqual(mainnetState.finalized);
    const damaged: CheckpointRecord = { ...encodeCheckpointRecord(mainnetState), committeeEpoch: 46120 };
    await second.save(1029, damaged);
    await expect(second.load(1029).then((raw) => resolveStartingState(MAINNET_CHECKPOINT, raw, 0))).rejects.toMatchObject({ code: 'checkpoint.corrupt' });
    await second.close();
  });
});
