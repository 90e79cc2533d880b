/**
 * The synthetic world of the light-client cold-start benchmarks: a long PoS chain (rotating
 * committees of 24 validators, real BLS signatures; `core/lightclient/testing/long-chain.ts`),
 * cached on disk because building it costs about one hash-to-curve per epoch, and in-process fake
 * nodes serving it as JSON-RPC to the real pool, runner, light client and verified chain, over a
 * simulated link that counts the bytes downloaded.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveStartingState } from '../core/lightclient/checkpoint/checkpoint.js';
import { encodeCheckpointRecord } from '../core/lightclient/checkpoint/record.js';
import { MemoryCheckpointStore } from '../core/lightclient/checkpoint/store.js';
import type { Checkpoint } from '../core/lightclient/checkpoint/types.js';
import { LightClient, type LightClientOptions } from '../core/lightclient/client/light-client.js';
import { committeeFromJson, type EpochStateJson } from '../core/lightclient/pos/committee.js';
import { parseLedgerInfoWithSignatures } from '../core/lightclient/pos/parse.js';
import { endingRefOf, pivotOf } from '../core/lightclient/sync/pos-state.js';
import { longPosChain } from '../core/lightclient/testing/long-chain.js';
import { MemoryTransport, syntheticPivotChain, type SyntheticBlock } from '../core/lightclient/testing/synthetic-chain.js';
import { rpcHandler } from '../core/lightclient/testing/synthetic-node.js';
import { systemClock } from '../core/rpc/clock.js';
import { makeEndpoint, type NodeEndpoint } from '../core/rpc/pool/endpoint.js';
import { NodePool } from '../core/rpc/pool/node-pool.js';
import { fakeNetwork, type FakeMethodHandler } from '../core/rpc/testing/fake-fetch.js';
import { VerifiedChain } from '../core/chain/verified/chain.js';
import { simulatedLink, type Link, type LinkOptions } from './link.js';

export const CHAIN_ID = 9999;
export const START = 100_000;
const CACHE = join(import.meta.dirname, '../node_modules/.cache/wayfarer-bench');

export interface BenchChain {
  readonly start: number;
  readonly head: number;
  readonly committees: { readonly first: EpochStateJson; at(epoch: number): EpochStateJson };
  readonly endings: readonly unknown[];
  readonly latest: unknown;
  readonly blocks: readonly SyntheticBlock[];
  /** Whether it was built in this run (and how long that took) or read from the cache. */
  readonly built: { ms: number } | 'cached';
}

/** The chain of `epochs` epoch endings (one replaced member every `replaceEvery` epochs), from the cache when possible. */
export function benchChain(epochs: number, size = 24, replaceEvery = 100): BenchChain {
  const head = START + epochs;
  const blocks = syntheticPivotChain(epochs + 10, CHAIN_ID);
  const long = longPosChain({ startEpoch: START, epochs, size, replaceEvery, heightPerEpoch: 1, pivotHash: (h) => blocks[h]!.hash });
  const key = createHash('sha256').update(JSON.stringify({ v: 1, epochs, size, replaceEvery, first: blocks[1]!.hash })).digest('hex').slice(0, 16);
  const file = join(CACHE, `long-chain-${key}.json`);
  let built: BenchChain['built'] = 'cached';
  let cached: { endings: unknown[]; latest: unknown } | undefined;
  if (existsSync(file)) cached = JSON.parse(readFileSync(file, 'utf8')) as { endings: unknown[]; latest: unknown };
  else {
    const began = performance.now();
    const endings = Array.from({ length: epochs }, (_, i) => long.ending(START + i));
    const latest = long.sign({ epoch: head, round: 9, pivot: { height: epochs + 5, blockHash: blocks[epochs + 5]!.hash } });
    cached = { endings, latest };
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(file, JSON.stringify(cached));
    built = { ms: performance.now() - began };
  }
  return { start: START, head, committees: { first: long.committee(START), at: (e) => long.committee(e) }, endings: cached.endings, latest: cached.latest, blocks, built };
}

export interface BenchWorld {
  readonly chain: VerifiedChain;
  readonly link: Link;
  readonly nodes: readonly NodeEndpoint[];
}

export interface WorldOptions {
  /** Core nodes (distinct operators), each with an eSpace endpoint. */
  nodes: number;
  link: LinkOptions;
  client?: Partial<LightClientOptions>;
  /** Resume from progress stored at this committee epoch (verified sequentially before). */
  resumeAt?: number;
}

/** Fake nodes serving `bench`, a pool over the link, and a verified chain starting at the checkpoint (or stored progress). */
export async function benchWorld(bench: BenchChain, options: WorldOptions): Promise<BenchWorld> {
  const data = { posEpoch: bench.head, endings: new Map(bench.endings.map((li, i) => [bench.start + i, li] as const)), latestCommitted: bench.latest, blocks: bench.blocks };
  const handlers: Record<string, FakeMethodHandler> = {};
  const nodes: NodeEndpoint[] = [];
  for (let i = 0; i < options.nodes; i++) {
    for (const space of ['core', 'espace'] as const) {
      const endpoint = makeEndpoint({ network: 'mainnet', space, url: `https://node${i}-${space}.example`, operator: `operator ${i}` });
      handlers[endpoint.url] = rpcHandler(new MemoryTransport(data));
      nodes.push(endpoint);
    }
  }
  const link = simulatedLink(fakeNetwork(handlers).fetch, options.link);
  const pool = new NodePool({ network: 'mainnet', endpoints: nodes, fetch: link.fetch, timeoutMs: 120_000, maxResponseBytes: 16 * 1024 * 1024 });
  const checkpoint: Checkpoint = { network: 'bench', chainId: CHAIN_ID, trust: 'shipped', epoch: bench.start, epochState: bench.committees.first, digest: committeeFromJson(bench.committees.first).digest, source: 'synthetic long chain' };
  const store = new MemoryCheckpointStore();
  if (options.resumeAt !== undefined) {
    const ending = parseLedgerInfoWithSignatures(bench.endings[options.resumeAt - 1 - bench.start]);
    const base = resolveStartingState(checkpoint, undefined, 0);
    await store.save(CHAIN_ID, encodeCheckpointRecord({ ...base, committee: committeeFromJson(bench.committees.at(options.resumeAt)), previousEnding: endingRefOf(ending.value.ledgerInfo.commitInfo), finalized: pivotOf(ending), savedAt: 1 }));
  }
  const lightClient = await LightClient.create({ chainId: CHAIN_ID, checkpoint, transport: new MemoryTransport(data), store, ...options.client }, 2);
  const chain = new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: CHAIN_ID, espace: CHAIN_ID + 1 }, background: false, maxSources: options.nodes });
  return { chain, link, nodes: nodes.filter((n) => n.space === 'core') };
}
