/**
 * State proofs over the light protocol, each against a baseline measured in the same run:
 * - proved balance through `npm run verify`'s code path against a plain `cfx_getBalance` for the
 *   same account and epoch, on a private dev node: once end to end (connect, handshake, PoS sync
 *   from the dev committee, headers, proof) and as a refresh with the session open and headers
 *   cached; and the wallet's own code path — `VerifiedAccountReader.getBalance` (the extension's
 *   background reader) through a proof gateway over HTTP, headers cached — which is what a running
 *   wallet pays per balance; latency ratio, requests and bytes;
 * - proofs verified per second (recorded answers, test/vectors/lightproto: delta, intermediate and
 *   snapshot tries), decoding included, against keccak-256 of the same bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../core/address/cip37.js';
import { hexToBytes } from '../core/encoding/hex.js';
import { coreAddressFromPrivateKey } from '../core/keys/address.js';
import { PrivateKey } from '../core/keys/private-key.js';
import { decodeItemBytes, decodeStateEntryItem } from '../core/lightproto/responses.js';
import { proveAccounts } from '../core/state/prove-account.js';
import { committedStateRoot, stateRootWitness, witnessHeights } from '../core/state/state-root.js';
import { verifyStateEntry } from '../core/state/state-proof.js';
import { recordedHeaders, type RecordedStateVector } from '../core/state/testing/recorded-state.js';
import { openVerifier, verifyAccounts } from '../gateway/clp/verify-accounts.js';
import { ProofGateway } from '../gateway/service.js';
import { httpGatewayRequest } from '../core/proofgateway/http-request.js';
import { makeEndpoint } from '../core/rpc/pool/endpoint.js';
import { NodePool } from '../core/rpc/pool/node-pool.js';
import { PROOF_EPOCH_LAG, VerifiedAccountReader } from '../extension/background/chain/verified-reads.js';
import { rpcCall } from '../test/support/devnode.js';
import { GENESIS_PRIVATE_KEY, startDevNode, waitForFinality } from '../test/support/devnode.js';
import { measure, printTable } from './harness.js';

const VECTORS = join(import.meta.dirname, '../test/vectors/lightproto');

async function verificationRate(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const file of readdirSync(VECTORS).filter((f) => /^dev-state-epoch\d+\.json$/.test(f))) {
    const vector = JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as RecordedStateVector;
    const headers = recordedHeaders(vector);
    const rootOf = (epoch: number) => committedStateRoot(stateRootWitness(epoch, witnessHeights(epoch).map((h) => headers.get(h)!)), null);
    const roots = { stateRoot: rootOf(vector.epoch), prevSnapshotRoot: vector.epoch > vector.snapshotEpochCount ? rootOf(vector.epoch - vector.snapshotEpochCount) : null };
    const raws = vector.entries.map((e) => hexToBytes(e.raw));
    const bytes = raws.reduce((n, r) => n + r.length, 0);
    const verify = await measure(`decode + verify ${raws.length} entries`, () => {
      for (const raw of raws) {
        const item = decodeItemBytes(raw, decodeStateEntryItem);
        verifyStateEntry(item, { epoch: item.epoch, key: item.key }, roots);
      }
    }, { budgetMs: 1500 });
    const hashOnly = await measure('keccak-256 of the same bytes', () => {
      for (const raw of raws) keccak_256(raw);
    }, { budgetMs: 1000 });
    rows.push({
      answers: `epoch ${vector.epoch} (${vector.epoch > 2 * vector.snapshotEpochCount ? 'snapshot' : vector.epoch > vector.snapshotEpochCount ? 'intermediate' : 'delta'} trie)`,
      'bytes per entry': Math.round(bytes / raws.length),
      'proofs / s': (verify.opsPerSecond * raws.length).toFixed(0),
      'µs per proof': (verify.meanMs * 1000) / raws.length,
      'ratio vs keccak of the bytes': verify.meanMs / hashOnly.meanMs,
    });
  }
  printTable('State proofs verified per second (one core; decoding included)', rows);
}

async function rpcBalance(url: string, address: string, epoch: number): Promise<{ value: bigint; sent: number; received: number }> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cfx_getBalance', params: [address, `0x${epoch.toString(16)}`] });
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  return { value: BigInt((JSON.parse(text) as { result: string }).result), sent: body.length, received: text.length };
}

async function provedVsPlain(): Promise<void> {
  console.log('starting a private dev node and waiting for PoS finality (~30 s)…');
  const node = await startDevNode();
  try {
    await waitForFinality(node, 60);
    const address = encodeCfxAddress(coreAddressFromPrivateKey(PrivateKey.fromHex(GENESIS_PRIVATE_KEY)), node.chainId);
    const nodeAddress = { nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: node.p2pPort };
    let source = 0;
    // A node keeps one light session per source address: each fresh run dials from another one.
    const nextSource = () => `127.0.${60 + (source++ % 16)}.1`;

    const verifier = await openVerifier({ rpc: node.coreRpc, node: nodeAddress, localAddress: nextSource() });
    const epoch = verifier.newestEpoch;
    const account = [{ address: decodeCfxAddressToBytes(address).bytes, space: 'core' as const }];
    const [check] = await proveAccounts(epoch, account, verifier.sources);
    const plain = await rpcBalance(node.coreRpc, address, epoch);
    if (check!.balance !== plain.value) throw new Error('proved and plain balances differ');

    const baseline = await measure('plain cfx_getBalance (same account, same epoch)', () => rpcBalance(node.coreRpc, address, epoch), { budgetMs: 2000, minIterations: 20 });
    const refresh = await measure('proved refresh: GetStateEntries over the open session + verify (headers cached)', () => proveAccounts(epoch, account, verifier.sources), { budgetMs: 3000, minIterations: 20 });
    const before = { rpc: { ...verifier.rpc.stats }, clp: { ...verifier.connection.traffic } };
    await proveAccounts(epoch, account, verifier.sources);
    const refreshCost = { requests: verifier.connection.traffic.requests - before.clp.requests + verifier.rpc.stats.requests - before.rpc.requests, sent: verifier.connection.traffic.bytesSent - before.clp.bytesSent + verifier.rpc.stats.bytesSent - before.rpc.bytesSent, received: verifier.connection.traffic.bytesReceived - before.clp.bytesReceived + verifier.rpc.stats.bytesReceived - before.rpc.bytesReceived };

    // The wallet's code path: the background's verified reader, a proof gateway beside the node.
    const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
    const gateway = await ProofGateway.start({ nodes: [nodeAddress], chainId: node.chainId, genesisHash: hexToBytes(genesis.hash), localAddress: nextSource(), log: () => undefined, limits: { ratePerSecond: 100_000, burst: 100_000 } }); // latency, not the per-client limit, is measured here
    let walletRow: Record<string, string | number>;
    try {
      await gateway.ready();
      const http = httpGatewayRequest({ url: gateway.url, fetch });
      const finalized = await verifier.sources.headers.header(epoch + PROOF_EPOCH_LAG);
      const reader = new VerifiedAccountReader({
        pool: new NodePool({ network: 'local', endpoints: [makeEndpoint({ network: 'local', space: 'gateway', url: gateway.url })], fetch }),
        fallback: { getBalance: () => Promise.reject(new Error('no fallback in the bench')), getNonce: () => Promise.reject(new Error('unused')), getTokenBalance: () => Promise.reject(new Error('unused')), call: () => Promise.reject(new Error('unused')) },
        anchor: async () => ({ finalized: { height: finalized.height, hash: finalized.hash }, headers: verifier.sources.headers }),
        request: () => http.request,
        slots: { get: async () => undefined, put: async () => undefined },
        now: () => Date.now(),
      });
      const read = async () => {
        const value = await reader.getBalance('core', address);
        if (value.trust !== 'verified' || value.value !== plain.value) throw new Error('the wallet did not prove the balance');
      };
      await read();
      const before = { ...http.stats };
      await read();
      const cost = { requests: http.stats.requests - before.requests, sent: http.stats.bytesSent - before.bytesSent, received: http.stats.bytesReceived - before.bytesReceived };
      const wallet = await measure('wallet code path: VerifiedAccountReader.getBalance via a proof gateway (HTTP; headers cached)', read, { budgetMs: 3000, minIterations: 20 });
      walletRow = { operation: wallet.name, 'mean ms': wallet.meanMs, ratio: wallet.meanMs / baseline.meanMs, requests: cost.requests, 'bytes sent': cost.sent, 'bytes received': cost.received };
    } finally {
      await gateway.stop();
    }
    verifier.close();

    let lastReport: Awaited<ReturnType<typeof verifyAccounts>> | undefined;
    const oneShot = await measure('npm run verify code path, end to end (connect, PoS sync, headers, proof)', async () => {
      lastReport = await verifyAccounts({ rpc: node.coreRpc, node: nodeAddress, addresses: [address], epoch, localAddress: nextSource() });
    }, { budgetMs: 8000, minIterations: 4 });
    const r = lastReport!;
    printTable('Proved balance vs plain cfx_getBalance (private dev node, loopback; same run)', [
      { operation: baseline.name, 'mean ms': baseline.meanMs, ratio: 1, requests: 1, 'bytes sent': plain.sent, 'bytes received': plain.received },
      { operation: refresh.name, 'mean ms': refresh.meanMs, ratio: refresh.meanMs / baseline.meanMs, requests: refreshCost.requests, 'bytes sent': refreshCost.sent, 'bytes received': refreshCost.received },
      walletRow,
      {
        operation: oneShot.name,
        'mean ms': oneShot.meanMs,
        ratio: oneShot.meanMs / baseline.meanMs,
        requests: `${r.rpc.requests} RPC + ${r.clp.requests} clp`,
        'bytes sent': r.rpc.bytesSent + r.clp.bytesSent,
        'bytes received': r.rpc.bytesReceived + r.clp.bytesReceived,
      },
    ]);
  } finally {
    await node.stop();
  }
}

export default async function run(): Promise<void> {
  await verificationRate();
  await provedVsPlain();
}
