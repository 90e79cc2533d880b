/**
 * The proof gateway across a node restart (its own dev node, restarted with the same node key and
 * P2P port): while the node is down calls fail with a typed JSON-RPC error, and once it is back
 * the gateway has reopened its session by itself and wallets prove balances through it again.
 */
import { afterAll, expect, test } from 'vitest';
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../../core/address/cip37.js';
import { hexToBytes } from '../../core/encoding/hex.js';
import { coreAddressFromPrivateKey } from '../../core/keys/address.js';
import { PrivateKey } from '../../core/keys/private-key.js';
import { MemoryCheckpointStore } from '../../core/lightclient/checkpoint/store.js';
import { fetchTofuCheckpoint, LightClient } from '../../core/lightclient/client/light-client.js';
import { transportFromRequest } from '../../core/lightclient/transport.js';
import { proveAccountsViaGateway } from '../../core/proofgateway/client.js';
import { DEFAULT_BLAME_LOOKAHEAD, DEFERRED_STATE_EPOCH_COUNT } from '../../core/state/state-root.js';
import { lightClientHeaderSource } from '../../core/verified-headers.js';
import { ProofGateway } from '../../gateway/service.js';
import { freePort, GENESIS_PRIVATE_KEY, rpcCall, startDevNode, waitForFinality, type DevNode } from '../support/devnode.js';
import { httpGateway } from '../support/gateway-clients.js';

const NODE_SECRET = '44'.repeat(32);
let node: DevNode | undefined;
let gateway: ProofGateway | undefined;

afterAll(async () => {
  await gateway?.stop();
  await node?.stop();
});

async function provedGenesisBalance(current: DevNode, g: ProofGateway): Promise<{ proved: bigint; rpc: bigint }> {
  await waitForFinality(current, 30);
  const transport = transportFromRequest((method, params) => rpcCall(method.startsWith('eth_') ? current.espaceRpc : current.coreRpc, method, params));
  const client = await LightClient.create({ chainId: current.chainId, checkpoint: await fetchTofuCheckpoint(transport, current.chainId), transport, store: new MemoryCheckpointStore() }, Date.now());
  const sync = await client.sync({ now: Date.now() });
  const epoch = sync.finalized!.height - DEFERRED_STATE_EPOCH_COUNT - DEFAULT_BLAME_LOOKAHEAD;
  const user = encodeCfxAddress(coreAddressFromPrivateKey(PrivateKey.fromHex(GENESIS_PRIVATE_KEY)), current.chainId);
  const [account] = await proveAccountsViaGateway({ request: httpGateway(g.url), headers: lightClientHeaderSource(client) }, epoch, [{ address: decodeCfxAddressToBytes(user).bytes, space: 'core' }]);
  return { proved: account!.balance, rpc: BigInt(await rpcCall<string>(current.coreRpc, 'cfx_getBalance', [user, `0x${epoch.toString(16)}`])) };
}

test('the gateway reopens its session after the node restarts', async () => {
  const p2pPort = await freePort();
  node = await startDevNode({ nodeSecret: NODE_SECRET, p2pPort });
  const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
  gateway = await ProofGateway.start({ nodes: [{ nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: p2pPort }], chainId: node.chainId, genesisHash: hexToBytes(genesis.hash), reconnect: { minMs: 200, maxMs: 2000 }, localAddress: '127.0.40.1' });
  await gateway.ready();
  const before = await provedGenesisBalance(node, gateway);
  expect(before.proved).toBe(before.rpc);

  await node.stop();
  node = undefined;
  await expect.poll(() => gateway!.links[0]!.state, { timeout: 30_000 }).toBe('waiting');
  const down = httpGateway(gateway.url);
  await expect(down('clp_getStateRoots', [['0x1']])).rejects.toThrow(/\(-32000\)/);

  node = await startDevNode({ nodeSecret: NODE_SECRET, p2pPort });
  await expect.poll(() => gateway!.links[0]!.state, { timeout: 60_000 }).toBe('ready');
  expect(gateway.stats().nodes[0]!.sessions).toBe(2);
  const after = await provedGenesisBalance(node, gateway);
  expect(after.proved).toBe(after.rpc);
});
