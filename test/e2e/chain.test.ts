/**
 * The chain service in the real extension: configured through the UI API, syncing the light
 * client against the dev node, and keeping what matters across service-worker restarts — network,
 * node list, bans with evidence, last known balances (labelled cached), privacy setting, and a
 * transaction in flight that is then proved after the restart.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { coreAddressFromPrivateKey, encodeCfxAddress, privateKeyFromHex } from '../../core/index.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality, waitForReceiptEpoch } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { callBackground, UiCallError } from '../support/ui-port.js';
import { startLyingProxy, type LyingProxy } from '../adversary/lying-proxy.js';
import { configureNodes } from '../adversary/extension-setup.js';

const node = sharedDevNode();
const GENESIS = encodeCfxAddress(coreAddressFromPrivateKey(privateKeyFromHex(GENESIS_PRIVATE_KEY)), node.chainId);
let browser: ExtensionBrowser;
let page: Page;
let devtools: CDPSession;
let garbage: LyingProxy;

const call = <T>(method: string, params?: unknown) => callBackground<T>(page, method, params);

interface Status {
  network: string;
  chainIds: { core: number; espace: number };
  lightClient: { checkpoint: string; committeeEpoch: number | null; finalized: { height: number } | null; lastError: unknown; lastSyncAt: number | null };
  privacy: { enabled: boolean; explanation: string };
  nodes: { total: number; banned: number; independentOperators: { core: number; espace: number } };
}

async function restartWorker(): Promise<void> {
  const before = (await call<{ startedAt: number }>('app.info')).startedAt;
  await devtools.send('ServiceWorker.stopAllWorkers');
  await expect.poll(async () => (await call<{ startedAt: number }>('app.info')).startedAt, { timeout: 20_000 }).not.toBe(before);
}

beforeAll(async () => {
  await waitForFinality(node, 1);
  garbage = await startLyingProxy({ upstream: node.coreRpc, attack: 'garbage_json' });
  browser = await launchWithExtension();
  const blank = await browser.context.newPage();
  devtools = await browser.context.newCDPSession(blank);
  await devtools.send('ServiceWorker.enable');
  page = await browser.context.newPage();
  await page.goto(browser.popupUrl);
});
afterAll(async () => {
  await browser?.close();
  await garbage?.close();
});

test('starts on mainnet with the shipped nodes and checkpoint, privacy mode on', async () => {
  const status = await call<Status>('chain.status');
  expect(status).toMatchObject({ network: 'mainnet', chainIds: { core: 1029, espace: 1030 }, privacy: { enabled: true } });
  expect(status.lightClient.checkpoint).toBe('shipped');
  expect(status.privacy.explanation).toMatch(/two of your nodes/);
  // Confura (several hosts, one operator) and Unifra on Core; BlockPI too on eSpace.
  expect(status.nodes.independentOperators).toEqual({ core: 2, espace: 3 });
  const nodes = await call<{ label: string; operator: string; permissionPattern: string }[]>('chain.nodes');
  expect(nodes.find((n) => n.label === 'https://main.confluxrpc.com')).toMatchObject({ operator: 'Conflux Foundation (Confura)', permissionPattern: 'https://main.confluxrpc.com/*' });
});

test('node list edits are validated', async () => {
  await expect(call('chain.addNode', { space: 'core', url: 'http://rpc.example.org' })).rejects.toMatchObject({ code: 'input.invalid' });
  await expect(call('chain.addNode', { space: 'core', url: 'https://user:pw@rpc.example.org' })).rejects.toBeInstanceOf(UiCallError);
  await expect(call('chain.addNode', { space: 'core', url: 'ftp://rpc.example.org' })).rejects.toMatchObject({ code: 'input.invalid' });
});

test('local dev node: syncs (trust on first use), cross-checks, and keeps state across worker restarts', async () => {
  await configureNodes(page, [
    { space: 'core', url: garbage.url, operator: 'Broken' },
    { space: 'core', url: node.coreRpc, operator: 'Dev node' },
    { space: 'core', url: node.coreRpc.replace('127.0.0.1', 'localhost'), operator: 'Dev node, second name' },
    { space: 'espace', url: node.espaceRpc, operator: 'Dev node' },
    { space: 'espace', url: node.espaceRpc.replace('127.0.0.1', 'localhost'), operator: 'Dev node, second name' },
  ]);
  await call('chain.setPrivacy', { enabled: false });
  const synced = await call<Status>('chain.sync');
  expect(synced.lightClient).toMatchObject({ checkpoint: 'tofu', lastError: null });
  expect(synced.lightClient.finalized!.height).toBeGreaterThan(0);
  const bans = await call<{ active: { node: string; reason: string; evidence: string }[] }>('chain.bans');
  expect(bans.active).toEqual([expect.objectContaining({ node: new URL(garbage.url).origin, reason: 'malformed_response' })]);
  const [balance] = await call<{ value: string; trust: string; epoch: number }[]>('chain.balances', { space: 'core', addresses: [GENESIS] });
  expect(balance!.trust).toBe('cross-checked');

  const key = privateKeyFromHex(GENESIS_PRIVATE_KEY);
  const nonce = await call<{ value: string; pending: string; trust: string }>('chain.nonce', { space: 'core', address: GENESIS });
  expect(nonce.trust).toBe('cross-checked');
  const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
  const next = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [GENESIS]));
  const signed = signCoreTransaction({ type: 2, chainId: node.chainId, nonce: next, gas: 21000n, to: GENESIS, value: 5n, storageLimit: 0n, epochHeight, data: '0x', maxFeePerGas: 10n ** 9n, maxPriorityFeePerGas: 1n, accessList: [] }, key, node.chainId);
  const sent = await call<{ hash: string; status: string }>('chain.sendTransaction', { space: 'core', raw: signed.raw });
  expect(sent).toMatchObject({ hash: signed.hash, status: 'pending' });

  await restartWorker();

  const status = await call<Status>('chain.status');
  expect(status).toMatchObject({ network: 'local', privacy: { enabled: false } });
  const nodes = await call<{ label: string; origin: string }[]>('chain.nodes');
  expect(nodes).toHaveLength(5);
  expect(nodes.every((n) => n.origin === 'user')).toBe(true);
  const after = await call<{ active: { reason: string; evidence: string }[] }>('chain.bans');
  expect(after.active).toEqual(bans.active);
  const [cached] = await call<{ value: string; trust: string; cached: boolean; epoch: number }[]>('chain.lastKnownBalances', { space: 'core', addresses: [GENESIS] });
  expect(cached).toMatchObject({ value: balance!.value, trust: 'cross-checked', cached: true, epoch: balance!.epoch });
  const [tracked] = await call<{ hash: string; status: string }[]>('chain.transactions');
  expect(tracked).toMatchObject({ hash: signed.hash });

  const epoch = await waitForReceiptEpoch(node, signed.hash);
  await waitForFinality(node, epoch + 11);
  const proved = await call<{ status: string; proof: { epoch: number } }>('chain.refreshTransaction', { hash: signed.hash });
  expect(proved).toMatchObject({ status: 'included_verified', proof: { epoch } });
  const resumed = await call<Status>('chain.status');
  expect(resumed.lightClient.committeeEpoch).toBeGreaterThanOrEqual(1);
});
