/**
 * Proof-gateway capacity: how many wallets refreshing every 10 s one gateway process serves, on
 * this machine, with bounded memory (target ≥ 500). The gateway runs in its own process against a
 * private dev node; each simulated wallet keeps one WebSocket and, every 10 s (staggered), asks
 * the state entries of two accounts (a Core and an eSpace address) at the newest finalized epoch —
 * what a wallet needs per balance refresh. Every answer's items are counted, one in ten is decoded
 * and one in fifty verified in full against headers the bench verified itself (the wallets share
 * this process; their verification work is not the gateway's). A load level counts as served when fewer than
 * 1 % of refreshes fail and the 95th-percentile answer time stays under 1 s.
 *
 * Two series: wallets with their own accounts (every key is a proof the node must generate: this
 * measures the node behind the gateway as much as the gateway), and wallets asking the same
 * accounts (merged and cached: the node's work stays constant, so the gateway's own cost shows).
 * The dev node, the gateway and the wallets share the machine's two cores (and other work on the
 * machine), so the figures are a floor; the load average is printed with them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes, toQuantity } from '../core/encoding/hex.js';
import { decodeItemBytes, decodeStateEntryItem } from '../core/lightproto/responses.js';
import { accountKey, stateKeyBytes, type StateKey } from '../core/state/keys.js';
import { proveStateEntries } from '../core/state/prove.js';
import { gatewayProofSource } from '../core/proofgateway/client.js';
import { DEFAULT_BLAME_LOOKAHEAD, DEFERRED_STATE_EPOCH_COUNT } from '../core/state/state-root.js';
import { openVerifier } from '../gateway/clp/verify-accounts.js';
import { rpcCall, startDevNode, waitForFinality } from '../test/support/devnode.js';
import { wsGateway, type CountingRequest } from '../test/support/gateway-clients.js';
import { printTable } from './harness.js';

/** Distinct accounts per wallet: the node proves every key (bound by the node's proof rate). */
const OWN_LEVELS = [250, 500, 750, 1000];
/** Every wallet asks the same accounts: node work stays constant, the gateway's own cost shows. */
const SHARED_LEVELS = [1000, 2000];
const REFRESH_MS = 10_000;
const STEP_MS = 30_000;

interface ChildStats {
  stats: { batcher: { nodeRequests: number; itemsAsked: number; itemsFromCache: number; itemsShared: number }; queued: number };
  memory: NodeJS.MemoryUsage;
  cpuMs: number;
}

function ask(child: ChildProcess): Promise<ChildStats> {
  return new Promise((resolve) => {
    child.once('message', (m: ChildStats & { type: string }) => resolve(m));
    child.send({ type: 'stats' });
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!);

export default async function run(): Promise<void> {
  console.log('starting a private dev node and waiting for PoS finality (~30 s)…');
  const node = await startDevNode();
  let child: ChildProcess | undefined;
  const wallets: { request: CountingRequest; keys: StateKey[] }[] = [];
  try {
    await waitForFinality(node, 60);
    const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
    child = fork(join(import.meta.dirname, 'gateway-child.ts'), [JSON.stringify({ nodeId: node.nodeId, port: node.p2pPort, chainId: node.chainId, genesisHash: genesis.hash })], { execArgv: ['--import', 'tsx'] });
    const url = await new Promise<string>((resolve) => child!.once('message', (m: { url: string }) => resolve(m.url)));
    // The bench's own verified headers (PoS from the dev committee), for the sampled full checks.
    const verifier = await openVerifier({ rpc: node.coreRpc, node: { nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: node.p2pPort }, localAddress: '127.0.71.1' });
    let epoch = verifier.newestEpoch;
    const rows: Record<string, string | number>[] = [];
    let wallet = 0;
    const connect = async () => {
      const n = wallet++;
      // At most 64 connections per source address (the gateway's default): spread the wallets.
      const request = await wsGateway(url.replace('http', 'ws'), { localAddress: `127.1.${Math.floor(n / 50)}.${(n % 50) + 1}` });
      const seed = keccak_256(new TextEncoder().encode(`wallet ${n}`));
      wallets.push({ request, keys: [accountKey(Uint8Array.from([0x10 | (seed[0]! & 0x0f), ...seed.subarray(1, 20)]), 'core'), accountKey(seed.subarray(12, 32), 'espace')] });
    };
    const series: [string, number, boolean][] = [...OWN_LEVELS.map((l) => ['own accounts', l, false] as [string, number, boolean]), ...SHARED_LEVELS.map((l) => ['same accounts', l, true] as [string, number, boolean])];
    const sharedKeys = [accountKey(hexToBytes(`0x1${'3'.repeat(39)}`), 'core'), accountKey(hexToBytes(`0x${'4'.repeat(40)}`), 'espace')];
    for (const [name, level, shared] of series) {
      while (wallets.length < level) await connect();
      const latencies: number[] = [];
      let failures = 0;
      let verified = 0;
      const before = await ask(child);
      let peakRss = 0;
      const stop = Date.now() + STEP_MS;
      const timers = wallets.slice(0, level).map((w, i) => {
        const keys = shared ? sharedKeys : w.keys;
        const refresh = async () => {
          const started = performance.now();
          try {
            const result = await w.request('clp_getStateEntries', [toQuantity(epoch), keys.map((k) => bytesToHex(stateKeyBytes(k)))]);
            latencies.push(performance.now() - started);
            if (!Array.isArray(result) || result.length !== 2) throw new Error('missing items');
            // The simulated wallets share this process: decode a sample, verify a smaller one.
            if (i % 10 === 0) for (const item of result) decodeItemBytes(hexToBytes(String(item)), decodeStateEntryItem);
            if (i % 50 === 0) {
              await proveStateEntries(epoch, keys, { headers: verifier.sources.headers, proofs: gatewayProofSource(w.request) });
              verified++;
            }
          } catch {
            failures++;
          }
        };
        const first = setTimeout(() => void refresh(), (i / level) * REFRESH_MS);
        const every = setInterval(() => void refresh(), REFRESH_MS);
        return [first, every];
      });
      const sampler = setInterval(() => void ask(child!).then((s) => (peakRss = Math.max(peakRss, s.memory.rss))), 2000);
      const epochs = setInterval(async () => {
        const sync = await verifier.client.sync({ now: Date.now() }).catch(() => null);
        if (sync?.finalized) epoch = sync.finalized.height - DEFERRED_STATE_EPOCH_COUNT - DEFAULT_BLAME_LOOKAHEAD;
      }, REFRESH_MS);
      await new Promise((r) => setTimeout(r, stop - Date.now()));
      for (const [a, b] of timers) {
        clearTimeout(a);
        clearInterval(b);
      }
      clearInterval(sampler);
      clearInterval(epochs);
      await new Promise((r) => setTimeout(r, 2000)); // let the last answers arrive
      const after = await ask(child);
      latencies.sort((a, b) => a - b);
      const total = latencies.length + failures;
      const served = failures / Math.max(1, total) < 0.01 && percentile(latencies, 0.95) < 1000;
      rows.push({
        series: name,
        wallets: level,
        refreshes: total,
        'failed %': ((100 * failures) / Math.max(1, total)).toFixed(2),
        'p50 ms': percentile(latencies, 0.5),
        'p95 ms': percentile(latencies, 0.95),
        'p99 ms': percentile(latencies, 0.99),
        'node requests': after.stats.batcher.nodeRequests - before.stats.batcher.nodeRequests,
        'gateway CPU %': ((100 * (after.cpuMs - before.cpuMs)) / (STEP_MS + 2000)).toFixed(1),
        'gateway RSS MiB': (Math.max(peakRss, after.memory.rss) / 2 ** 20).toFixed(1),
        'heap MiB': (after.memory.heapUsed / 2 ** 20).toFixed(1),
        'fully verified': verified,
        'load avg': loadavg()[0]!.toFixed(1),
        served: served ? 'yes' : 'no',
      });
      console.log(`  ${level} wallets: ${JSON.stringify(rows.at(-1))}`);
    }
    verifier.close();
    printTable(`Gateway capacity: wallets refreshing every ${REFRESH_MS / 1000} s (two accounts each), ${STEP_MS / 1000} s per level; target ≥ 500 served`, rows);
    for (const name of ['own accounts', 'same accounts']) {
      const capacity = Math.max(0, ...rows.filter((r) => r.series === name && r.served === 'yes').map((r) => Number(r.wallets)));
      console.log(`${name}: served up to ${capacity} wallets (${capacity >= 500 ? 'meets' : 'below'} the target of 500)`);
    }
  } finally {
    for (const w of wallets) w.request.close();
    child?.send({ type: 'stop' });
    await node.stop();
  }
}
