/**
 * The verifier against real answers recorded from a dev node (test/vectors/lightproto), at an
 * epoch below 2000 (delta and snapshot tries) and one above (all three tries and the previous
 * snapshot root): every entry proves what the node's JSON-RPC answered, and each part of an answer
 * altered is refused with the typed error naming it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { decodeItemBytes, decodeStateEntryItem } from '../lightproto/responses.js';
import { decodeAccount, decodeStorageValue } from './account.js';
import { StateProofError } from './errors.js';
import { proveStateEntries, type WitnessAnswer } from './prove.js';
import { blameVectorCommitment } from './state-root.js';
import type { StateEntryAnswer } from './state-proof.js';
import type { TrieProofNode } from './trie-proof.js';
import { trieNodeHash } from './trie-proof.js';
import { headerSourceOf, recordedEntries, recordedHeaders, recordedProofSource, type RecordedStateVector } from './testing/recorded-state.js';

const DIR = join(import.meta.dirname, '../../test/vectors/lightproto');
const vectors = readdirSync(DIR)
  .filter((f) => /^dev-state-epoch\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RecordedStateVector);
const SEED = 20_001;

function setup(vector: RecordedStateVector) {
  const headers = recordedHeaders(vector);
  const entries = recordedEntries(vector);
  return { headers, entries, keys: entries.map((e) => e.item.key), label: (i: number) => entries[i]!.label };
}

async function prove(vector: RecordedStateVector, alterEntry?: (e: StateEntryAnswer) => StateEntryAnswer | null) {
  const { headers, entries, keys } = setup(vector);
  return proveStateEntries(vector.epoch, keys, { headers: headerSourceOf(headers), proofs: recordedProofSource(entries.map((e) => e.item), alterEntry === undefined ? {} : { alterEntry }) });
}

async function refusal(vector: RecordedStateVector, alterEntry: (e: StateEntryAnswer) => StateEntryAnswer | null): Promise<StateProofError> {
  const error = await prove(vector, alterEntry).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StateProofError);
  return error as StateProofError;
}

/** A copy of the entry with one proof node replaced (trie, index) — optionally re-hashed so its stated hash matches. */
function withNode(entry: StateEntryAnswer, trie: 'delta' | 'intermediate' | 'snapshot', index: number, change: (n: TrieProofNode) => TrieProofNode, rehash = false): StateEntryAnswer {
  const nodes = [...entry.stateProof[trie]!];
  let node = change(nodes[index]!);
  if (rehash) node = { ...node, merkle: trieNodeHash(node) };
  nodes[index] = node;
  return { ...entry, stateProof: { ...entry.stateProof, [trie]: nodes } };
}

/** The trie whose proof holds the entry's value (its leaf), for targeted tampering. */
function firstProvingTrie(entry: StateEntryAnswer): 'delta' | 'intermediate' | 'snapshot' {
  const holds = (t: 'delta' | 'intermediate' | 'snapshot') => entry.stateProof[t]?.some((n) => n.value !== null && entry.entry !== null && bytesToHex(n.value) === bytesToHex(entry.entry)) ?? false;
  return (['delta', 'intermediate', 'snapshot'] as const).find(holds)!;
}

describe.each(vectors.map((v) => [v.epoch, v] as const))('recorded answers at epoch %i', (epoch, vector) => {
  test('every entry proves what the node reports over JSON-RPC', async () => {
    const proved = await prove(vector);
    const { label } = setup(vector);
    expect(proved.map((p) => p.epoch)).toEqual(proved.map(() => epoch));
    for (const [i, p] of proved.entries()) {
      const truth = vector.rpc[label(i)]!;
      if (p.key.kind === 'storage') {
        expect(p.proved.kind).toBe('value');
        expect(p.proved.kind === 'value' && decodeStorageValue(p.proved.value).value).toBe(BigInt(truth.storage!));
        continue;
      }
      const account = p.proved.kind === 'value' ? decodeAccount(p.proved.value, p.key.space) : null;
      expect(account?.balance ?? 0n, label(i)).toBe(BigInt(truth.balance!));
      expect(account?.nonce ?? 0n, label(i)).toBe(BigInt(truth.nonce!));
      if (label(i) === 'absent') expect(p.proved.kind).toBe('absent');
      if (label(i) === 'token contract') expect(account?.kind).toBe('core_contract');
      if (label(i) === 'espace account') expect(account?.kind).toBe('espace');
      if (label(i) === 'core user') expect(account?.kind).toBe('core_user');
    }
    if (epoch > vector.snapshotEpochCount) expect(setup(vector).entries.every((e) => e.item.prevSnapshotRoot !== null)).toBe(true);
  });

  const user = (e: StateEntryAnswer) => e.key.kind === 'account' && e.key.space === 'core' && e.entry !== null;
  const only = (pick: (e: StateEntryAnswer) => boolean, change: (e: StateEntryAnswer) => StateEntryAnswer | null) => {
    let done = false;
    return (e: StateEntryAnswer) => {
      if (done || !pick(e)) return e;
      done = true;
      return change(e);
    };
  };

  test('a changed value (claimed entry) is entry_mismatch', async () => {
    const error = await refusal(vector, only(user, (e) => ({ ...e, entry: Uint8Array.from([...e.entry!.subarray(0, -1), e.entry!.at(-1)! ^ 1]) })));
    expect([error.code, error.part, error.sourceAtFault]).toEqual(['state.entry_mismatch', 'entry', true]);
    expect(error.evidence?.request).toBe('GetStateEntries');
  });

  test('a value changed in the proof leaf too is node_hash (stated hash) or proof_gap (re-hashed)', async () => {
    const leafChange = (n: TrieProofNode) => ({ ...n, value: Uint8Array.from([...n.value!.subarray(0, -1), n.value!.at(-1)! ^ 1]) });
    const forge = (rehash: boolean) => (e: StateEntryAnswer) => {
      const trie = firstProvingTrie(e);
      const index = e.stateProof[trie]!.findIndex((n) => n.value !== null && n.value.length > 0);
      const altered = withNode(e, trie, index, leafChange, rehash);
      return { ...altered, entry: altered.stateProof[trie]![index]!.value };
    };
    expect((await refusal(vector, only(user, forge(false)))).code).toBe('state.node_hash');
    expect((await refusal(vector, only(user, forge(true)))).code).toBe('state.proof_gap');
  });

  test('a changed sibling hash is node_hash, or proof_gap when the node is re-hashed', async () => {
    const sibling = (n: TrieProofNode): TrieProofNode => {
      const children = [...n.children!];
      const i = children.findIndex((c) => !bytesToHex(c).startsWith('0xc5d246'));
      children[i] = Uint8Array.from(children[i]!, (b, j) => (j === 0 ? b ^ 0xff : b));
      return { ...n, children };
    };
    const at = (rehash: boolean) => (e: StateEntryAnswer) => withNode(e, firstProvingTrie(e), 0, sibling, rehash);
    expect((await refusal(vector, only(user, at(false)))).code).toBe('state.node_hash');
    expect((await refusal(vector, only(user, at(true)))).code).toBe('state.proof_gap');
  });

  test('a changed compressed path is node_hash, or proof_gap when re-hashed', async () => {
    const path = (n: TrieProofNode): TrieProofNode => ({ ...n, path: { mask: n.path!.mask, bytes: Uint8Array.from(n.path!.bytes, (b, j) => (j === n.path!.bytes.length - 1 ? b ^ 0x01 : b)) } });
    const at = (rehash: boolean) => (e: StateEntryAnswer) => {
      const trie = firstProvingTrie(e);
      return withNode(e, trie, e.stateProof[trie]!.findIndex((n) => n.path !== null && n.path.bytes.length > 1), path, rehash);
    };
    expect((await refusal(vector, only(user, at(false)))).code).toBe('state.node_hash');
    expect((await refusal(vector, only(user, at(true)))).code).toBe('state.proof_gap');
  });

  test('a changed state-root triple is state_root_mismatch', async () => {
    const error = await refusal(vector, only(user, (e) => ({ ...e, stateRoot: { ...e.stateRoot, delta: Uint8Array.from(e.stateRoot.delta, (b, j) => (j === 5 ? b ^ 1 : b)) } })));
    expect([error.code, error.part]).toEqual(['state.state_root_mismatch', 'state_root']);
  });

  test('the previous snapshot root: changed, dropped or added', async () => {
    if (epoch > vector.snapshotEpochCount) {
      const changed = await refusal(vector, only(user, (e) => ({ ...e, prevSnapshotRoot: { ...e.prevSnapshotRoot!, intermediate: new Uint8Array(32).fill(7) } })));
      expect([changed.code, changed.part]).toEqual(['state.prev_snapshot_mismatch', 'prev_snapshot_root']);
      expect((await refusal(vector, only(user, (e) => ({ ...e, prevSnapshotRoot: null })))).code).toBe('state.prev_snapshot_presence');
    } else {
      expect((await refusal(vector, only(user, (e) => ({ ...e, prevSnapshotRoot: e.stateRoot })))).code).toBe('state.prev_snapshot_presence');
    }
  });

  test('an answer relabelled with another epoch is key_mismatch', async () => {
    const error = await refusal(vector, only(user, (e) => ({ ...e, epoch: e.epoch - 1 })));
    expect([error.code, error.sourceAtFault]).toEqual(['state.key_mismatch', true]);
  });

  test('a dropped item is unavailable — never absent — and not proof of a lie', async () => {
    const error = await refusal(vector, only(user, () => null));
    expect([error.code, error.sourceAtFault]).toEqual(['state.unavailable', false]);
  });

  test('an existing account claimed absent: entry_mismatch; with its proof cut: proof_gap', async () => {
    expect((await refusal(vector, only(user, (e) => ({ ...e, entry: null })))).code).toBe('state.entry_mismatch');
    const cut = await refusal(vector, only(user, (e) => {
      const trie = firstProvingTrie(e);
      return { ...e, entry: null, stateProof: { ...e.stateProof, [trie]: e.stateProof[trie]!.slice(0, -1) } };
    }));
    expect(cut.code).toBe('state.proof_gap');
  });

  test(`any single changed byte of an item: refused, or the true value (fast-check seed ${SEED})`, async () => {
    const { headers, entries } = setup(vector);
    const truth = await prove(vector);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: entries.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 255 }), async (which, at, xor) => {
        const raw = Uint8Array.from(hexToBytes(vector.entries[which]!.raw));
        raw[at % raw.length]! ^= xor;
        let item;
        try {
          item = decodeItemBytes(raw, decodeStateEntryItem, 'state entry');
        } catch (error) {
          expect((error as { code?: string }).code).toBe('lightproto.message');
          return;
        }
        const key = entries[which]!.item.key;
        const others = entries.filter((_, i) => i !== which).map((e) => e.item);
        try {
          const [result] = await proveStateEntries(vector.epoch, [key], { headers: headerSourceOf(headers), proofs: recordedProofSource([item, ...others]) });
          expect(bytesToHex(result!.proved.kind === 'value' ? result!.proved.value : new Uint8Array(0))).toBe(bytesToHex(truth[which]!.proved.kind === 'value' ? truth[which]!.proved.value : new Uint8Array(0)));
        } catch (error) {
          expect(error).toBeInstanceOf(StateProofError);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

test('there are recorded vectors below and above epoch 2000', () => {
  expect(vectors.some((v) => v.epoch < 2000)).toBe(true);
  expect(vectors.some((v) => v.epoch > 2000)).toBe(true);
});

describe('a blamed header (synthetic blame on top of a recorded answer)', () => {
  // Header e + 6 blames e + 5: its deferred root now commits [r(e+6), r(e+5)], and the epoch's root
  // must come from that vector (witness info), checked against the header.
  const vector = vectors.find((v) => v.epoch < v.snapshotEpochCount)!;
  const { headers, entries, keys } = setup(vector);
  const e = vector.epoch;
  const real = headers.get(e + 5)!.deferredStateRoot;
  const other = new Uint8Array(32).fill(0xab);
  const blamed = new Map(headers);
  blamed.set(e + 5, { ...headers.get(e + 5)!, deferredStateRoot: new Uint8Array(32).fill(0xcd) }); // the blamed, wrong root
  blamed.set(e + 6, { ...headers.get(e + 6)!, blame: 1, deferredStateRoot: blameVectorCommitment([other, real]) });
  const run = (witness: (height: number) => WitnessAnswer | null) =>
    proveStateEntries(e, keys, { headers: headerSourceOf(blamed), proofs: recordedProofSource(entries.map((x) => x.item), { witness }) });

  test('the root comes from the witness vector, not the blamed header', async () => {
    const proved = await run((height) => (height === e + 6 ? { height, stateRoots: [other, real] } : null));
    expect(proved[0]!.witness.height).toBe(e + 6);
  });

  test('a vector that does not fold to the header is witness_mismatch; none at all is unavailable', async () => {
    await expect(run((height) => ({ height, stateRoots: [real, other] }))).rejects.toMatchObject({ code: 'state.witness_mismatch', sourceAtFault: true });
    await expect(run(() => null)).rejects.toMatchObject({ code: 'state.unavailable', sourceAtFault: false });
  });

  test('without the blame, the wrong root of e + 5 fails the state-root check', async () => {
    const unblamed = new Map(blamed);
    unblamed.set(e + 6, headers.get(e + 6)!);
    await expect(proveStateEntries(e, keys, { headers: headerSourceOf(unblamed), proofs: recordedProofSource(entries.map((x) => x.item)) })).rejects.toMatchObject({ code: 'state.state_root_mismatch' });
  });
});
