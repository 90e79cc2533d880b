/**
 * The RPC layer against a real Conflux dev node: light client over the node pool, verified epoch,
 * eSpace anchoring, cross-checked reads at the verified epoch, and a Core
 * transaction tracked until its inclusion and receipt are proved.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { LightClient, fetchTofuCheckpoint, MemoryCheckpointStore } from '../../core/lightclient/index.js';
import { privateKeyFromHex, coreAddressFromPrivateKey, encodeCfxAddress, espaceAddressFromPrivateKey } from '../../core/index.js';
import { signEspaceTransaction } from '../../core/tx/espace-sign.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import { makeEndpoint } from '../../core/rpc/pool/endpoint.js';
import { NodePool } from '../../core/rpc/pool/node-pool.js';
import { VerifiedChain } from '../../core/chain/verified/chain.js';
import { VerifiedRunner } from '../../core/chain/verified/runner.js';
import { AccountReader } from '../../core/trust/account-reader.js';
import { TxTracker } from '../../core/chain/transactions/tracker.js';
import { systemClock } from '../../core/rpc/clock.js';
import type { WebSocketLike } from '../../core/rpc/transport/websocket.js';
import { toQuantity } from '../../core/encoding/hex.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality, waitForReceiptEpoch } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { transferToEspace } from '../support/cross-space.js';

const node = sharedDevNode();
const alt = (url: string) => url.replace('127.0.0.1', 'localhost');

function makePool() {
  const endpoints = [
    makeEndpoint({ network: 'local', space: 'core', url: node.coreRpc, wsUrl: node.coreWs, operator: 'dev node (direct)' }),
    makeEndpoint({ network: 'local', space: 'core', url: alt(node.coreRpc), operator: 'dev node (second name)' }),
    makeEndpoint({ network: 'local', space: 'espace', url: node.espaceRpc, wsUrl: node.espaceWs, operator: 'dev node (direct)' }),
    makeEndpoint({ network: 'local', space: 'espace', url: alt(node.espaceRpc), operator: 'dev node (second name)' }),
  ];
  return new NodePool({ network: 'local', endpoints, fetch: (input, init) => fetch(input, init), connectWebSocket: (url) => new WebSocket(url) as WebSocketLike, privacy: { enabled: true, secret: new Uint8Array(32).fill(1) } });
}

let pool: NodePool;
let chain: VerifiedChain;
let tracker: TxTracker;
let reader: AccountReader;

beforeAll(async () => {
  await waitForFinality(node, 1);
  pool = makePool();
  const runner = new VerifiedRunner(pool);
  const checkpoint = (await runner.run((transport) => fetchTofuCheckpoint(transport, node.chainId))).value;
  const [first] = pool.candidates('core');
  const lightClient = await LightClient.create({ chainId: node.chainId, checkpoint, transport: runner.transportFor(first!, pool.candidates('espace')[0]), store: new MemoryCheckpointStore() }, Date.now());
  chain = new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: node.chainId, espace: node.evmChainId } });
  tracker = new TxTracker({ pool, clock: systemClock, prove: chain.prove, chainIds: { core: node.chainId, espace: node.evmChainId } });
  reader = new AccountReader({ pool, verifiedEpoch: (space) => chain.verifiedEpoch(space), nonceFloor: (space, key, epoch) => tracker.nonceFloor(space, key, epoch) });
});

describe('verified chain over the pool', () => {
  test('syncs PoS finality and verifies the finalized pivot header; eSpace block N is the pivot of epoch N', async () => {
    const progress: string[] = [];
    const report = await chain.sync((p) => progress.push(p.phase));
    expect(report.finalized).not.toBeNull();
    // The pivot is finalized either by the latest ledger info ('finality') or, when the node's
    // latest is the ending of the last committee verified, already by that rotation ('committees').
    expect(progress.some((phase) => phase === 'finality' || phase === 'committees')).toBe(true);
    const epoch = await chain.verifiedEpoch('core');
    expect(epoch).toBe(report.finalized!.height);
    const status = await rpcCall<{ latestFinalized: string }>(node.coreRpc, 'cfx_getStatus');
    expect(epoch).toBeLessThanOrEqual(Number(BigInt(status.latestFinalized)));
    expect(await chain.verifiedEpoch('espace')).toBe(epoch);
    expect(pool.bans()).toEqual([]);
  });
});

describe('cross-checked reads', () => {
  test('balance and nonce at the verified epoch equal what the node holds at that epoch', async () => {
    const from = encodeCfxAddress(coreAddressFromPrivateKey(privateKeyFromHex(GENESIS_PRIVATE_KEY)), node.chainId);
    const balance = await reader.getBalance('core', from);
    expect(balance.trust).toBe('cross-checked');
    const direct = await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [from, toQuantity(balance.epoch)]);
    expect(balance.value).toBe(BigInt(direct));
    expect(balance.sources).toHaveLength(2);
    const nonce = await reader.getNonce('core', from);
    expect(nonce.value).toBe(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [from, toQuantity(nonce.epoch)])));
    const espace = await reader.getBalance('espace', '0x1234567890123456789012345678901234567890');
    expect(espace.trust).toBe('cross-checked');
  });
});

describe('sending', () => {
  test('a Core transaction is broadcast, located, and proved: included — verified; nonces follow it', async () => {
    const key = privateKeyFromHex(GENESIS_PRIVATE_KEY);
    const from = encodeCfxAddress(coreAddressFromPrivateKey(key), node.chainId);
    const stateNonce = (await reader.getNonce('core', from)).value!;
    const nonce = tracker.pendingNonce('core', from, BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [from])));
    expect(nonce).toBeGreaterThanOrEqual(stateNonce);
    const epoch = Number(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state'])));
    const signed = signCoreTransaction({ type: 2, chainId: node.chainId, nonce, gas: 21000n, to: from, value: 1n, storageLimit: 0n, epochHeight: BigInt(epoch), data: '0x', maxFeePerGas: 10n ** 9n, maxPriorityFeePerGas: 1n, accessList: [] }, key, node.chainId);
    const sent = await tracker.send('core', signed.raw as `0x${string}`);
    expect(sent.hash).toBe(signed.hash);
    expect(sent.acceptedBy.length).toBeGreaterThan(0);
    expect(tracker.pendingNonce('core', from, stateNonce)).toBe(nonce + 1n);

    const receiptEpoch = await waitForReceiptEpoch(node, signed.hash);
    await waitForFinality(node, receiptEpoch + 11);
    await chain.sync();
    const tracked = await tracker.refresh(signed.hash);
    expect(tracked.status).toBe('included_verified');
    expect(tracked.proof).toMatchObject({ epoch: receiptEpoch, outcome: 'success' });
    expect(tracker.nonceFloor('core', tracked.addressKey, receiptEpoch)).toBe(nonce + 1n);
    expect(pool.bans()).toEqual([]);
  });
});

describe('eSpace', () => {
  test('fund an eSpace account from Core, send on eSpace: both proved; eSpace nonce and balance cross-checked at a verified block', async () => {
    const coreKey = privateKeyFromHex(GENESIS_PRIVATE_KEY);
    const from = encodeCfxAddress(coreAddressFromPrivateKey(coreKey), node.chainId);
    const espaceKey = privateKeyFromHex(`0x${'57'.repeat(32)}`);
    const espaceAddress = espaceAddressFromPrivateKey(espaceKey);
    const nonce = tracker.pendingNonce('core', from, BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [from])));
    const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
    const fund = signCoreTransaction({ type: 2, chainId: node.chainId, nonce, gas: 300_000n, ...transferToEspace(espaceAddress, node.chainId), value: 10n ** 19n, storageLimit: 0n, epochHeight, maxFeePerGas: 10n ** 9n, maxPriorityFeePerGas: 1n, accessList: [] }, coreKey, node.chainId);
    await tracker.send('core', fund.raw as `0x${string}`);
    await expect.poll(async () => BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [espaceAddress, 'latest'])), { timeout: 30_000 }).toBeGreaterThan(0n);

    const transfer = signEspaceTransaction({ type: 2, chainId: node.evmChainId, nonce: 0n, gas: 21_000n, to: '0x1234567890123456789012345678901234567890', value: 7n, data: '0x', maxFeePerGas: 10n ** 9n, maxPriorityFeePerGas: 1n, accessList: [] }, espaceKey, node.evmChainId);
    const sent = await tracker.send('espace', transfer.raw as `0x${string}`);
    expect(sent.acceptedBy.length).toBeGreaterThan(0);
    // A contract whose every call returns the word 42 stands in for an ERC-20 `balanceOf`.
    const deploy = signEspaceTransaction({ type: 2, chainId: node.evmChainId, nonce: 1n, gas: 100_000n, to: null, value: 0n, data: '0x600a600c600039600a6000f3602a60005260206000f3', maxFeePerGas: 10n ** 9n, maxPriorityFeePerGas: 1n, accessList: [] }, espaceKey, node.evmChainId);
    await tracker.send('espace', deploy.raw as `0x${string}`);
    let block = 0;
    let transferBlock = 0;
    let token = '';
    await expect.poll(async () => {
      const [a, b] = await Promise.all([transfer.hash, deploy.hash].map((h) => rpcCall<{ blockNumber: string; contractAddress: string | null } | null>(node.espaceRpc, 'eth_getTransactionReceipt', [h])));
      // The two may land in different blocks: the transfer's own is what its proof names.
      transferBlock = a ? Number(BigInt(a.blockNumber)) : 0;
      block = a && b ? Math.max(transferBlock, Number(BigInt(b.blockNumber))) : 0;
      token = b?.contractAddress ?? '';
      return block;
    }, { timeout: 30_000 }).toBeGreaterThan(0);
    await waitForFinality(node, block + 11);
    await chain.sync();
    expect((await tracker.refresh(fund.hash)).status).toBe('included_verified');
    const proved = await tracker.refresh(transfer.hash);
    expect(proved).toMatchObject({ status: 'included_verified', proof: { epoch: transferBlock, outcome: 'success' } });

    const nonceRead = await reader.getNonce('espace', espaceAddress);
    expect(nonceRead).toMatchObject({ value: 2n, trust: 'cross-checked' });
    expect(nonceRead.epoch).toBeGreaterThanOrEqual(block);
    expect((await tracker.refresh(deploy.hash)).status).toBe('included_verified');
    expect(tracker.nonceFloor('espace', espaceAddress.toLowerCase(), nonceRead.epoch)).toBe(2n);
    expect(await reader.getTokenBalance('espace', token, espaceAddress)).toMatchObject({ value: 42n, trust: 'cross-checked' });
    const balance = await reader.getBalance('espace', espaceAddress);
    expect(balance.trust).toBe('cross-checked');
    expect(balance.value).toBe(BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [espaceAddress, toQuantity(balance.epoch)])));
    expect(pool.bans()).toEqual([]);
  });
});

