/**
 * Cost of trust: time to a cross-checked balance against a plain single-node `cfx_getBalance`,
 * measured in the same run, plus requests and bytes per balance refresh.
 *
 * Setup: a private dev node started in this process, behind three local HTTP proxies that add
 * fixed latencies (30, 45 and 60 ms — independent nodes at different distances) and are configured
 * as three operators. The light client is synced once before measuring (its cost is reported
 * separately); a refresh then asks the verified epoch (cached finalized header) and the balance
 * from two independent nodes in parallel (privacy mode), or from all three (privacy off).
 * Baselines: one `cfx_getBalance` at `latest_state` to the median-latency node (what a wallet with
 * one configured node does) and to the fastest node.
 */
import { createServer, type Server } from 'node:http';
import { measure, printTable } from './harness.js';
import { LightClient, MemoryCheckpointStore, fetchTofuCheckpoint } from '../core/lightclient/index.js';
import { coreAddressFromPrivateKey, encodeCfxAddress, privateKeyFromHex } from '../core/index.js';
import { makeEndpoint } from '../core/rpc/pool/endpoint.js';
import { NodePool } from '../core/rpc/pool/node-pool.js';
import { VerifiedChain } from '../core/chain/verified/chain.js';
import { VerifiedRunner } from '../core/chain/verified/runner.js';
import { AccountReader } from '../core/trust/account-reader.js';
import { systemClock } from '../core/rpc/clock.js';
import { GENESIS_PRIVATE_KEY, startDevNode, waitForFinality } from '../test/support/devnode.js';

const LATENCIES_MS = [30, 45, 60];

/**
 * A node `delayMs` away. With `cacheBalances`, repeated `cfx_getBalance` queries are answered from
 * the node's first real answer (same id rewritten), so three such proxies behave like three
 * independent nodes instead of three views of one busy dev-node process.
 */
async function latencyProxy(upstream: string, delayMs: number, cacheBalances: boolean): Promise<{ url: string; server: Server }> {
  const cache = new Map<string, unknown>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      setTimeout(() => {
        const request = JSON.parse(body) as { id: unknown; method?: string; params?: unknown };
        const key = cacheBalances && request.method === 'cfx_getBalance' ? JSON.stringify(request.params) : undefined;
        const cached = key === undefined ? undefined : cache.get(key);
        const answer = cached !== undefined ? Promise.resolve(cached) : fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => (await r.json()) as { result?: unknown });
        answer
          .then((json) => {
            if (key !== undefined) cache.set(key, json);
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ ...(json as object), id: request.id }));
          })
          .catch(() => {
            res.statusCode = 502;
            res.end();
          });
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, server };
}

async function plainBalance(url: string, address: string): Promise<bigint> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cfx_getBalance', params: [address, 'latest_state'] }) });
  const json = (await response.json()) as { result: string };
  return BigInt(json.result);
}

export default async function run(): Promise<void> {
  console.log('starting a private dev node and waiting for PoS finality (~30 s)…');
  const node = await startDevNode();
  const sets = { independent: await Promise.all(LATENCIES_MS.map((ms) => latencyProxy(node.coreRpc, ms, true))), shared: await Promise.all(LATENCIES_MS.map((ms) => latencyProxy(node.coreRpc, ms, false))) };
  try {
    await waitForFinality(node, 1);
    const address = encodeCfxAddress(coreAddressFromPrivateKey(privateKeyFromHex(GENESIS_PRIVATE_KEY)), node.chainId);
    const makeWallet = async (privacy: boolean, proxies: typeof sets.shared) => {
      const endpoints = [
        ...proxies.map((p, i) => makeEndpoint({ network: 'local', space: 'core', url: p.url, operator: `node ${i + 1} (${LATENCIES_MS[i]} ms)` })),
        makeEndpoint({ network: 'local', space: 'espace', url: node.espaceRpc, operator: 'dev' }),
      ];
      const pool = new NodePool({ network: 'local', endpoints, fetch: (i, init) => fetch(i, init), privacy: { enabled: privacy, secret: new Uint8Array(32).fill(3) } });
      const runner = new VerifiedRunner(pool);
      const checkpoint = (await runner.run((t) => fetchTofuCheckpoint(t, node.chainId))).value;
      const [first] = pool.candidates('core');
      const lightClient = await LightClient.create({ chainId: node.chainId, checkpoint, transport: runner.transportFor(first!, pool.candidates('espace')[0]), store: new MemoryCheckpointStore() }, Date.now());
      const chain = new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: node.chainId, espace: node.evmChainId } });
      const started = performance.now();
      await chain.sync();
      const syncMs = performance.now() - started;
      const reader = new AccountReader({ pool, verifiedEpoch: (space) => chain.verifiedEpoch(space) });
      return { pool, reader, syncMs, epochs: lightClient.committeeEpoch };
    };
    const results: Record<string, string | number>[] = [];
    let privateWallet: Awaited<ReturnType<typeof makeWallet>> | undefined;
    let openWallet: Awaited<ReturnType<typeof makeWallet>> | undefined;
    for (const [setName, proxies] of Object.entries(sets)) {
      const priv = await makeWallet(true, proxies);
      const open = await makeWallet(false, proxies);
      privateWallet ??= priv;
      openWallet ??= open;
      const budget = { budgetMs: 3000, minIterations: 20 };
      const baseMedian = await measure('plain cfx_getBalance, one node (45 ms)', () => plainBalance(proxies[1]!.url, address), budget);
      const baseFastest = await measure('plain cfx_getBalance, fastest node (30 ms)', () => plainBalance(proxies[0]!.url, address), budget);
      const crossPrivate = await measure('cross-checked, privacy mode (2 nodes)', async () => {
        const v = await priv.reader.getBalance('core', address);
        if (v.trust !== 'cross-checked') throw new Error(`trust ${v.trust}`);
      }, budget);
      const crossOpen = await measure('cross-checked, privacy off (3 nodes)', async () => {
        const v = await open.reader.getBalance('core', address);
        if (v.trust !== 'cross-checked') throw new Error(`trust ${v.trust}`);
      }, budget);
      for (const m of [baseMedian, baseFastest, crossPrivate, crossOpen]) {
        results.push({
          nodes: setName === 'independent' ? 'independent (answers cached per node)' : 'one shared dev node',
          operation: m.name,
          'mean ms': m.meanMs,
          'ratio vs one node': m.meanMs / baseMedian.meanMs,
          'ratio vs fastest': m.meanMs / baseFastest.meanMs,
          target: m === crossPrivate || m === crossOpen ? '≤ 1.5× vs one node' : '',
        });
      }
    }
    printTable('Time to a balance (same run; ratios against plain single-node calls)', results);

    const perRefresh = async (wallet: NonNullable<typeof privateWallet>) => {
      const totals = () => wallet.pool.list().reduce((sum, v) => {
        const stats = wallet.pool.client(v.endpoint.id).transport.stats;
        return { requests: sum.requests + stats.requests, sent: sum.sent + stats.bytesSent, received: sum.received + stats.bytesReceived };
      }, { requests: 0, sent: 0, received: 0 });
      const before = totals();
      await wallet.reader.getBalance('core', address);
      const after = totals();
      return { requests: after.requests - before.requests, sent: after.sent - before.sent, received: after.received - before.received };
    };
    const p = await perRefresh(privateWallet!);
    const o = await perRefresh(openWallet!);
    printTable('Network cost of one balance refresh (one address, steady state)', [
      { mode: 'plain single node', requests: 1, 'bytes sent': JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cfx_getBalance', params: [address, 'latest_state'] }).length, 'bytes received': '~60' },
      { mode: 'privacy mode (2 independent nodes)', requests: p.requests, 'bytes sent': p.sent, 'bytes received': p.received },
      { mode: 'privacy off (every operator, 3)', requests: o.requests, 'bytes sent': o.sent, 'bytes received': o.received },
    ]);
    printTable('One-time cost before the first verified balance', [
      { step: `light-client sync from the dev checkpoint (${privateWallet!.epochs} PoS epochs) + finalized header`, ms: privateWallet!.syncMs },
    ]);
  } finally {
    for (const p of [...sets.independent, ...sets.shared]) {
      p.server.closeAllConnections();
      p.server.close();
    }
    await node.stop();
  }
}
