/**
 * Records the `clp` vectors in this folder from a fresh dev node:
 *
 *   npx tsx test/vectors/lightproto/record.ts
 *
 * Starts a dev node (@xcfx/node 0.3.2, chain 1024, node key 0x33…33), prepares the state fixtures
 * (test/support/state-fixtures.ts), and writes
 * - `dev-session-transcript.json`: every byte the node sent in one session driven by
 *   `LightSession` with the seeded randomness named in the file, step by step (handshake to ready,
 *   then one step per request), so the unit tests replay it exactly;
 * - `dev-state-epoch<E>.json`, at one epoch in each of the first three snapshot periods (so values
 *   come from the delta, the intermediate and the snapshot trie): the raw `StateEntries` items for
 *   five keys (a Core user, a token contract, an eSpace account, an absent address, a token
 *   balance slot), the raw headers of the heights that commit the epoch's state (and, above 2000,
 *   the previous snapshot's), and what the node's JSON-RPC answers for the same values.
 * Takes about six minutes (the chain must pass epoch 4000).
 */
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { bytesToHex, concatBytes, hexToBytes } from '../../../core/encoding/hex.js';
import { decodeCfxAddressToBytes } from '../../../core/address/cip37.js';
import type { LightRequest } from '../../../core/lightproto/requests.js';
import type { LightAnswer } from '../../../core/lightproto/responses.js';
import { LightSession } from '../../../core/lightproto/session.js';
import { seededRandom } from '../../../core/lightproto/testing/seeded-random.js';
import { accountKey, stateKeyBytes, storageKey, type StateKey } from '../../../core/state/keys.js';
import { SNAPSHOT_EPOCH_COUNT, witnessHeights } from '../../../core/state/state-root.js';
import { rpcCall, startDevNode, waitForFinality, type DevNode } from '../../support/devnode.js';
import { prepareStateFixtures, type StateFixtures } from '../../support/state-fixtures.js';

const OUT = import.meta.dirname;
const SEED = 'wayfarer clp transcript v1';
const NODE_SECRET = '33'.repeat(32);
const SOURCE = 'recorded by test/vectors/lightproto/record.ts from a local dev node (@xcfx/node 0.3.2 = conflux-rust v2.4.0 fork, chain id 1024, public dev PoS genesis)';

/** Drives one session over TCP, recording received bytes per step. */
class Recorder {
  readonly steps: { request: unknown; received: string }[] = [];
  private readonly socket;
  private received: Uint8Array[] = [];
  private waiter: ((answer: LightAnswer | null) => void) | null = null;
  readonly session: LightSession;

  constructor(node: DevNode, genesisHash: Uint8Array, random = seededRandom(SEED)) {
    this.session = new LightSession({ nodeId: hexToBytes(node.nodeId), chainId: node.chainId, genesisHash, random });
    this.socket = connect({ host: '127.0.0.1', port: node.p2pPort });
    this.socket.on('data', (chunk: Buffer) => {
      this.received.push(new Uint8Array(chunk));
      const out = this.session.receive(new Uint8Array(chunk));
      for (const bytes of out.send) this.socket.write(bytes);
      for (const event of out.events) {
        if (event.type === 'closed') throw event.error;
        if (event.type === 'ready') this.waiter?.(null);
        if (event.type === 'answer') this.waiter?.(event.answer);
      }
    });
  }

  private next(request: unknown): Promise<LightAnswer | null> {
    return new Promise((resolve) => {
      this.waiter = (answer) => {
        this.steps.push({ request, received: bytesToHex(concatBytes(...this.received)) });
        this.received = [];
        this.waiter = null;
        resolve(answer);
      };
    });
  }

  async open(): Promise<void> {
    const ready = this.next(null);
    this.socket.on('connect', () => this.socket.write(this.session.start()));
    await ready;
  }

  async request(request: LightRequest, asJson: unknown): Promise<LightAnswer> {
    const answer = this.next(asJson);
    this.socket.write(this.session.request(request).send);
    return (await answer)!;
  }

  close(): void {
    const bye = this.session.close();
    if (bye !== null) this.socket.end(bye);
  }
}

interface Labelled {
  label: string;
  key: StateKey;
}

function keysOf(f: StateFixtures): Labelled[] {
  return [
    { label: 'core user', key: accountKey(decodeCfxAddressToBytes(f.coreUser).bytes, 'core') },
    { label: 'token contract', key: accountKey(f.token.bytes, 'core') },
    { label: 'espace account', key: accountKey(hexToBytes(f.espace.toLowerCase()), 'espace') },
    { label: 'absent', key: accountKey(decodeCfxAddressToBytes(f.absent).bytes, 'core') },
    { label: 'token balance slot', key: storageKey(f.token.bytes, 'core', f.token.slot) },
  ];
}

const q = (n: number) => `0x${n.toString(16)}`;

async function rpcTruth(node: DevNode, f: StateFixtures, epoch: number): Promise<Record<string, unknown>> {
  return {
    'core user': { balance: await rpcCall(node.coreRpc, 'cfx_getBalance', [f.coreUser, q(epoch)]), nonce: await rpcCall(node.coreRpc, 'cfx_getNextNonce', [f.coreUser, q(epoch)]) },
    'token contract': { balance: await rpcCall(node.coreRpc, 'cfx_getBalance', [f.token.address, q(epoch)]), nonce: await rpcCall(node.coreRpc, 'cfx_getNextNonce', [f.token.address, q(epoch)]) },
    'espace account': { balance: await rpcCall(node.espaceRpc, 'eth_getBalance', [f.espace, q(epoch)]), nonce: await rpcCall(node.espaceRpc, 'eth_getTransactionCount', [f.espace, q(epoch)]) },
    absent: { balance: await rpcCall(node.coreRpc, 'cfx_getBalance', [f.absent, q(epoch)]), nonce: await rpcCall(node.coreRpc, 'cfx_getNextNonce', [f.absent, q(epoch)]) },
    'token balance slot': { storage: await rpcCall(node.coreRpc, 'cfx_getStorageAt', [f.token.address, bytesToHex(f.token.slot), q(epoch)]) },
  };
}

async function headersAt(node: DevNode, rec: Recorder, heights: number[]): Promise<{ height: number; hash: string; raw: string }[]> {
  const hashes = await Promise.all(heights.map(async (h) => (await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', [q(h), false])).hash));
  const answer = await rec.request({ kind: 'block_headers', hashes: hashes.map((h) => hexToBytes(h)) }, { kind: 'block_headers', hashes });
  if (answer.kind !== 'block_headers') throw new Error('wrong answer');
  return heights.map((height, i) => {
    const item = answer.items.find((x) => x.hash === hashes[i]);
    if (item === undefined) throw new Error(`no header ${height}`);
    return { height, hash: item.hash, raw: bytesToHex(item.raw) };
  });
}

async function recordEpoch(node: DevNode, rec: Recorder, f: StateFixtures, epoch: number): Promise<void> {
  const keys = keysOf(f);
  const rpc = await rpcTruth(node, f, epoch);
  const answer = await rec.request({ kind: 'state_entries', entries: keys.map((k) => ({ epoch, key: k.key })) }, { kind: 'state_entries', entries: keys.map((k) => ({ epoch, key: bytesToHex(stateKeyBytes(k.key)) })) });
  if (answer.kind !== 'state_entries' || answer.items.length !== keys.length) throw new Error('state entries missing');
  const heights = [...witnessHeights(epoch), ...(epoch > SNAPSHOT_EPOCH_COUNT ? witnessHeights(epoch - SNAPSHOT_EPOCH_COUNT) : [])];
  const headers = await headersAt(node, rec, heights);
  const file = {
    source: `${SOURCE}, ${new Date().toISOString().slice(0, 10)}`,
    chainId: node.chainId,
    epoch,
    snapshotEpochCount: SNAPSHOT_EPOCH_COUNT,
    headers,
    entries: keys.map((k, i) => ({ label: k.label, space: k.key.space, kind: k.key.kind, key: bytesToHex(stateKeyBytes(k.key)), raw: bytesToHex(answer.items[i]!.raw) })),
    rpc,
  };
  writeFileSync(join(OUT, `dev-state-epoch${epoch}.json`), `${JSON.stringify(file, null, 1)}\n`);
  console.log(`recorded epoch ${epoch}`);
}

async function finalized(node: DevNode): Promise<number> {
  return Number((await rpcCall<{ latestFinalized: string }>(node.coreRpc, 'cfx_getStatus')).latestFinalized);
}

const node = await startDevNode({ nodeSecret: NODE_SECRET });
try {
  await waitForFinality(node);
  const genesisHash = hexToBytes((await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false])).hash);
  const fixtures = await prepareStateFixtures(node);
  const e1 = fixtures.epoch + 5;
  await waitForFinality(node, e1 + 15);
  if (e1 >= SNAPSHOT_EPOCH_COUNT) throw new Error('the chain is too old for an epoch below 2000');

  const rec = new Recorder(node, genesisHash);
  await rec.open();
  const roots = await rec.request({ kind: 'state_roots', epochs: [e1] }, { kind: 'state_roots', epochs: [e1] });
  if (roots.kind !== 'state_roots' || roots.items.length !== 1) throw new Error('no state root');
  await rec.request({ kind: 'witness_info', heights: [e1 + 5] }, { kind: 'witness_info', heights: [e1 + 5] });
  await recordEpoch(node, rec, fixtures, e1);
  rec.close();
  writeFileSync(
    join(OUT, 'dev-session-transcript.json'),
    `${JSON.stringify({ source: `${SOURCE}, ${new Date().toISOString().slice(0, 10)}`, seed: SEED, nodeId: node.nodeId, chainId: node.chainId, genesisHash: bytesToHex(genesisHash), steps: rec.steps }, null, 1)}\n`,
  );
  console.log('recorded the session transcript');

  // Past 2000 the values move to the intermediate trie; past 4000, to the snapshot.
  for (const [i, after] of [SNAPSHOT_EPOCH_COUNT, 2 * SNAPSHOT_EPOCH_COUNT].entries()) {
    while ((await finalized(node)) < after + 120) await new Promise((r) => setTimeout(r, 2000));
    const rec2 = new Recorder(node, genesisHash, seededRandom(`${SEED} / ${i + 2}`));
    await rec2.open();
    await recordEpoch(node, rec2, fixtures, (await finalized(node)) - 20);
    rec2.close();
  }
} finally {
  await node.stop();
}
