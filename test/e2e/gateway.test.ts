/**
 * The proof gateway against a real dev node: many wallets at once (HTTP and WebSocket) proving
 * balances, nonces and a token balance through one shared `clp` session, the balance slot of a
 * token located by proof, `npm run gateway` given nothing but the node's address, a client sending
 * garbage (refused; the others unaffected; the node alive), and a gateway that lies (caught, with
 * the false answer as evidence). Wallets verify with
 * their own light client (JSON-RPC, PoS from the dev chain's committee trusted on first use).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeCfxAddressToBytes } from '../../core/address/cip37.js';
import { bytesToHex, hexToBytes } from '../../core/encoding/hex.js';
import { MemoryCheckpointStore } from '../../core/lightclient/checkpoint/store.js';
import { fetchTofuCheckpoint, LightClient } from '../../core/lightclient/client/light-client.js';
import { transportFromRequest } from '../../core/lightclient/transport.js';
import { proveAccountsViaGateway, proveStorageViaGateway, type GatewayClient, type GatewayRequest } from '../../core/proofgateway/client.js';
import type { Space } from '../../core/space.js';
import { locateBalanceSlot } from '../../core/state/token-slot.js';
import { DEFAULT_BLAME_LOOKAHEAD, DEFERRED_STATE_EPOCH_COUNT } from '../../core/state/state-root.js';
import { lightClientHeaderSource } from '../../core/verified-headers.js';
import { ClpConnection } from '../../gateway/clp/connection.js';
import { ProofGateway } from '../../gateway/service.js';
import { freePort, REPO_ROOT, rpcCall, waitForFinality } from '../support/devnode.js';
import { httpGateway, wsGateway, type CountingRequest } from '../support/gateway-clients.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { prepareStateFixtures, type StateFixtures } from '../support/state-fixtures.js';
import { balanceOfData } from '../support/token-contract.js';

const node = sharedDevNode();
let gateway: ProofGateway;
let fixtures: StateFixtures;
let client: LightClient;
let epoch: number;
const q = (n: number) => `0x${n.toString(16)}`;

beforeAll(async () => {
  await waitForFinality(node);
  fixtures = await prepareStateFixtures(node);
  const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
  gateway = await ProofGateway.start({ nodes: [{ nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: node.p2pPort }], chainId: node.chainId, genesisHash: hexToBytes(genesis.hash), localAddress: '127.0.30.1', limits: { maxConnectionsPerAddress: 256, ratePerSecond: 200, burst: 400 } });
  await gateway.ready();
  const transport = transportFromRequest((method, params) => rpcCall(method.startsWith('eth_') ? node.espaceRpc : node.coreRpc, method, params));
  client = await LightClient.create({ chainId: node.chainId, checkpoint: await fetchTofuCheckpoint(transport, node.chainId), transport, store: new MemoryCheckpointStore() }, Date.now());
  await waitForFinality(node, fixtures.epoch + 30);
  const sync = await client.sync({ now: Date.now() });
  epoch = sync.finalized!.height - DEFERRED_STATE_EPOCH_COUNT - DEFAULT_BLAME_LOOKAHEAD;
  expect(epoch).toBeGreaterThan(fixtures.epoch);
});

afterAll(async () => {
  await gateway?.stop();
});

function wallet(request: GatewayRequest): GatewayClient {
  return { request, headers: lightClientHeaderSource(client) };
}

function accounts(): { label: string; address: Uint8Array; space: Space; text: string }[] {
  return [
    { label: 'core user', address: decodeCfxAddressToBytes(fixtures.coreUser).bytes, space: 'core', text: fixtures.coreUser },
    { label: 'token contract', address: fixtures.token.bytes, space: 'core', text: fixtures.token.address },
    { label: 'espace', address: hexToBytes(fixtures.espace.toLowerCase()), space: 'espace', text: fixtures.espace },
    { label: 'absent', address: decodeCfxAddressToBytes(fixtures.absent).bytes, space: 'core', text: fixtures.absent },
  ];
}

async function truth(): Promise<{ balance: bigint; nonce: bigint }[]> {
  return Promise.all(
    accounts().map(async (a) =>
      a.space === 'espace'
        ? { balance: BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [a.text, q(epoch)])), nonce: BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getTransactionCount', [a.text, q(epoch)])) }
        : { balance: BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [a.text, q(epoch)])), nonce: BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [a.text, q(epoch)])) },
    ),
  );
}

/** One wallet's refresh: its accounts and its token balance, proved. */
async function refresh(request: GatewayRequest): Promise<{ accounts: { balance: bigint; nonce: bigint }[]; token: bigint }> {
  const proved = await proveAccountsViaGateway(wallet(request), epoch, accounts());
  const [slot] = await proveStorageViaGateway(wallet(request), epoch, { address: fixtures.token.bytes, space: 'core' }, [fixtures.token.slot]);
  return { accounts: proved.map((p) => ({ balance: p.balance, nonce: p.nonce })), token: slot!.value };
}

describe('many wallets, one node session', () => {
  test('40 wallets (half HTTP, half WebSocket) refresh at once; every value is proved and equals the node’s JSON-RPC', async () => {
    const expected = await truth();
    await refresh(httpGateway(gateway.url)); // warms the wallets' shared light client
    const before = gateway.stats();
    const transports: CountingRequest[] = [];
    for (let i = 0; i < 20; i++) transports.push(httpGateway(gateway.url), await wsGateway(gateway.wsUrl));
    const results = await Promise.all(transports.map((t) => refresh(t)));
    for (const r of results) {
      expect(r.accounts).toEqual(expected);
      expect(r.token).toBe(123_456_789n);
    }
    const after = gateway.stats();
    const calls = transports.reduce((n, t) => n + t.stats.calls, 0);
    expect(after.nodes[0]!.sessions).toBe(1);
    // Identical items are fetched once and merged: far fewer node requests than wallet calls.
    expect(after.batcher.nodeRequests - before.batcher.nodeRequests).toBeLessThan(calls / 4);
    for (const t of transports) t.close();
  });

  test('the token balance slot is found by proving candidates against balanceOf', async () => {
    const balanceOf = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_call', [{ to: fixtures.token.address, data: balanceOfData(fixtures.token.holder) }, q(epoch)]));
    const prove = async (slots: readonly Uint8Array[]) => (await proveStorageViaGateway(wallet(httpGateway(gateway.url)), epoch, { address: fixtures.token.bytes, space: 'core' }, slots)).map((s) => s.value);
    const location = await locateBalanceSlot(fixtures.token.holder, balanceOf, prove);
    expect(location).toMatchObject({ found: true, index: fixtures.token.mappingIndex, layout: 'solidity' });
    expect(location.found && bytesToHex(location.slot)).toBe(bytesToHex(fixtures.token.slot));
  });
});

describe('npm run gateway', () => {
  test('with nothing but the node address, it learns the chain from the node and serves', async () => {
    const port = await freePort();
    const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'gateway/main.ts'), '--node', `${node.nodeId}@127.0.0.1:${node.p2pPort}`, '--listen', `127.0.0.1:${port}`, '--local-address', '127.0.32.1'], { cwd: REPO_ROOT });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    try {
      await expect.poll(() => (child.exitCode === null ? log : `exited ${child.exitCode}: ${log}`), { timeout: 60_000 }).toMatch(/node .*: ready/);
      const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
      const status = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { result: { chainId: string; genesisHash: string } };
      expect(status.result).toMatchObject({ chainId: `0x${node.chainId.toString(16)}`, genesisHash: genesis.hash });
      const roots = await httpGateway(`http://127.0.0.1:${port}`)('clp_getStateRoots', [[q(epoch)]]);
      expect(Array.isArray(roots) && roots.length).toBe(1);
    } finally {
      // A gateway that already exited (e.g. it could not start) is not waited for: its log is the error.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
    }
  });
});

describe('hostile clients and a lying gateway', () => {
  test('a client sending garbage gets errors and is closed; the others are unaffected; the node is alive', async () => {
    const expected = await truth();
    const honest = Promise.all(Array.from({ length: 10 }, async () => refresh(await wsGateway(gateway.wsUrl))));
    const garbage = new WebSocket(gateway.wsUrl);
    const answers: unknown[] = [];
    const closed = new Promise<number>((resolve) => garbage.on('close', (code) => resolve(code)));
    garbage.on('message', (data) => answers.push(JSON.parse(data.toString())));
    await new Promise((resolve) => garbage.once('open', resolve));
    const key = (hex: string) => JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'clp_getStateEntries', params: [q(epoch), [hex]] });
    garbage.send(key('0x')); // an empty key: the kind that crashes a 0.3.2 node
    garbage.send(key(`0x${'12'.repeat(19)}`));
    garbage.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'debug_setHead', params: [] }));
    await expect.poll(() => answers.length).toBe(3);
    garbage.send('{"jsonrpc":');
    garbage.send(Buffer.from([0, 1, 2]));
    garbage.send('[]');
    for (let i = 0; i < 3; i++) garbage.send('not json');
    expect(await closed).toBe(1008);
    expect(answers).toHaveLength(5); // nothing is answered after the fifth malformed call
    expect(answers).toEqual(
      expect.arrayContaining([expect.objectContaining({ error: expect.objectContaining({ code: -32602 }) }), expect.objectContaining({ error: expect.objectContaining({ code: -32601 }) }), expect.objectContaining({ error: expect.objectContaining({ code: -32700 }) })]),
    );
    for (const r of await honest) expect(r.accounts).toEqual(expected);

    // Oversized and mistyped HTTP requests.
    const big = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(200_000) }).catch(() => null);
    expect(big === null || big.status === 413).toBe(true);
    expect((await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);

    // The node is alive and the gateway still serves.
    expect(await rpcCall(node.coreRpc, 'cfx_getStatus')).toBeTruthy();
    expect((await refresh(httpGateway(gateway.url))).accounts).toEqual(expected);
  });

  test('a gateway whose answers are altered is caught, with the false answer as evidence', async () => {
    const honest = httpGateway(gateway.url);
    const lying: GatewayRequest = async (method, params) => {
      const result = await honest(method, params);
      if (method !== 'clp_getStateEntries' || !Array.isArray(result) || result.length === 0) return result;
      const first = String(result[0]);
      return [`${first.slice(0, -4)}${first.slice(-4) === 'ffff' ? '0000' : 'ffff'}`, ...result.slice(1)];
    };
    const error = await proveAccountsViaGateway(wallet(lying), epoch, accounts()).then(
      () => null,
      (e: unknown) => e as { code: string; sourceAtFault: boolean; evidence: { request: string; answer: string } | null },
    );
    expect(error).not.toBeNull();
    expect(error!.sourceAtFault).toBe(true);
    expect(error!.evidence?.request).toBe('clp_getStateEntries');
  });

  test('heartbeats: status pings keep a session alive and the node answers each', async () => {
    const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
    const connection = await ClpConnection.open({ node: { nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: node.p2pPort }, chainId: node.chainId, genesisHash: hexToBytes(genesis.hash), heartbeatMs: 300, localAddress: '127.0.31.1' });
    try {
      const pongs: number[] = [];
      connection.on('status', (status) => pongs.push(status.bestEpoch));
      await expect.poll(() => pongs.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect(pongs[2]).toBeGreaterThanOrEqual(pongs[0]!);
      expect(connection.closed).toBe(false);
    } finally {
      connection.close();
    }
  });

  test('CORS: any origin may call, without credentials', async () => {
    const preflight = await fetch(gateway.url, { method: 'OPTIONS', headers: { origin: 'chrome-extension://abcdef', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
