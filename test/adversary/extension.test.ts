/**
 * The lying-node suite through the real extension in Chromium: the background's node list holds a
 * lying proxy (asked first) and honest nodes; the test drives the chain service through its UI API
 * and checks what it reports — trust levels, and the ban list with reasons and evidence.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { coreAddressFromPrivateKey, encodeCfxAddress, privateKeyFromHex, toQuantity } from '../../core/index.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality, waitForReceiptEpoch } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { callBackground } from '../support/ui-port.js';
import { configureNodes } from './extension-setup.js';
import { startLyingProxy, type LyingProxy } from './lying-proxy.js';
import { providerRequest, startDappServer } from '../dapp/harness.js';
import { REVERTING_INIT_CODE } from '../dapp/reverting.js';

const node = sharedDevNode();
const GENESIS = encodeCfxAddress(coreAddressFromPrivateKey(privateKeyFromHex(GENESIS_PRIVATE_KEY)), node.chainId);
let browser: ExtensionBrowser;
let page: Page;
let liar: LyingProxy;
let honest: LyingProxy;
let honestEspace: LyingProxy;

interface Status {
  lightClient: { checkpoint: string; finalized: { height: number } | null; lastError: { code: string; message: string } | null };
}
interface Balance {
  value: string | null;
  epoch: number;
  trust: string;
  sources: { node: string; operator: string; answer?: string; problem?: string }[];
  conflict?: { resolution: string };
}
interface Ban {
  node: string;
  reason: string;
  reasonText: string;
  severity: string;
  evidence: string;
}
interface Tx {
  hash: string;
  status: string;
  acceptedBy: string[];
  proof: { epoch: number; outcome: string } | null;
}

const call = <T>(method: string, params?: unknown) => callBackground<T>(page, method, params);
const liarLabel = () => new URL(liar.url).origin;

beforeAll(async () => {
  await waitForFinality(node, 1);
  liar = await startLyingProxy({ upstream: node.coreRpc });
  honest = await startLyingProxy({ upstream: node.coreRpc });
  honestEspace = await startLyingProxy({ upstream: node.espaceRpc });
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(browser.popupUrl);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([liar?.close(), honest?.close(), honestEspace?.close()]);
});

async function useNodes(): Promise<void> {
  await configureNodes(page, [
    { space: 'core', url: liar.url, operator: 'Liar Inc.' },
    { space: 'core', url: honest.url, operator: 'Honest proxy' },
    { space: 'core', url: node.coreRpc, operator: 'Dev node' },
    { space: 'espace', url: honestEspace.url, operator: 'Honest proxy' },
    { space: 'espace', url: node.espaceRpc, operator: 'Dev node' },
  ]);
}

test('forged header: the background bans the liar (forged_header), finality still verifies, balances are cross-checked', async () => {
  liar.setAttack('forge_header_field');
  await useNodes();
  const status = await call<Status>('chain.sync');
  expect(status.lightClient.lastError).toBeNull();
  expect(status.lightClient.checkpoint).toBe('tofu');
  expect(status.lightClient.finalized?.height).toBeGreaterThan(0);
  const { active } = await call<{ active: Ban[] }>('chain.bans');
  expect(active).toEqual([expect.objectContaining({ node: liarLabel(), reason: 'forged_header', severity: 'proven_lie' })]);
  expect(active[0]!.reasonText).toMatch(/header/);
  const [balance] = await call<Balance[]>('chain.balances', { space: 'core', addresses: [GENESIS] });
  expect(balance!.trust).toBe('cross-checked');
  expect(balance!.value).toBe(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [GENESIS, toQuantity(balance!.epoch)])).toString());
  expect(balance!.sources.map((s) => s.operator).sort()).toEqual(['Dev node', 'Honest proxy']);
});

test('tampered transactionsRoot from the only Core node: banned with its evidence at every lie, and the sync says no node gave an acceptable answer', async () => {
  liar.setAttack('tamper_transactions_root');
  const [liarNode] = await configureNodes(page, [
    { space: 'core', url: liar.url, operator: 'Liar Inc.' },
    { space: 'espace', url: honestEspace.url, operator: 'Honest proxy' },
  ]);
  for (let round = 1; round <= 2; round++) {
    // The chain moves on between rounds, so each sync needs headers the liar has not served yet.
    const before = Number(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_mined'])));
    await waitForFinality(node, before + 1);
    const status = await call<Status>('chain.sync');
    expect(status.lightClient.lastError, `round ${round}`).not.toBeNull();
    const { active } = await call<{ active: Ban[] }>('chain.bans');
    expect(active, `round ${round}`).toEqual([expect.objectContaining({ node: liarLabel(), reason: 'forged_header', severity: 'proven_lie' })]);
    expect(active[0]!.evidence).toMatch(/block fields do not hash to 0x[0-9a-f]{64}/);
    await call('chain.liftBan', { id: liarNode!.id });
  }
  liar.setAttack('honest');
});

test('wrong balance: shown as a conflict with the majority value, liar banned (wrong_balance), then cross-checked', async () => {
  liar.setAttack('wrong_balance');
  await useNodes();
  // Privacy mode asks only an address's two assigned nodes, which may not include the liar;
  // without it every operator is asked, so the liar is caught on the first read.
  await call('chain.setPrivacy', { enabled: false });
  await call<Status>('chain.sync');
  const [first] = await call<Balance[]>('chain.balances', { space: 'core', addresses: [GENESIS] });
  expect(first!.trust).toBe('conflict');
  expect(first!.conflict?.resolution).toBe('majority');
  const truth = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [GENESIS, toQuantity(first!.epoch)]));
  expect(first!.value).toBe(truth.toString());
  expect(first!.sources.find((s) => s.operator === 'Liar Inc.')?.answer).toBe((truth + 10n ** 18n).toString());
  const { active } = await call<{ active: Ban[] }>('chain.bans');
  expect(active).toEqual([expect.objectContaining({ node: liarLabel(), reason: 'wrong_balance', severity: 'outvoted' })]);
  const [second] = await call<Balance[]>('chain.balances', { space: 'core', addresses: [GENESIS] });
  expect(second!.trust).toBe('cross-checked');
  // The UI can show the last known value (labelled cached) before the network answers.
  const [cached] = await call<(Balance & { cached: boolean })[]>('chain.lastKnownBalances', { space: 'core', addresses: [GENESIS] });
  expect(cached).toMatchObject({ cached: true, trust: 'cross-checked', value: second!.value });
});

test('withheld transaction: tracked to included — verified through the honest nodes, liar banned (withheld_transaction)', async () => {
  liar.setAttack('withhold_transaction');
  await useNodes();
  await call<Status>('chain.sync');
  const key = privateKeyFromHex(GENESIS_PRIVATE_KEY);
  const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [GENESIS]));
  const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
  const signed = signCoreTransaction({ type: 2, chainId: node.chainId, nonce, gas: 21000n, to: GENESIS, value: 1n, storageLimit: 0n, epochHeight, data: '0x', maxFeePerGas: 10n ** 9n, maxPriorityFeePerGas: 1n, accessList: [] }, key, node.chainId);
  const sent = await call<Tx>('chain.sendTransaction', { space: 'core', raw: signed.raw });
  expect(sent.hash).toBe(signed.hash);
  expect(sent.acceptedBy).toContain(`local/core/${liar.url}`);
  expect(liar.withheld.has(signed.hash)).toBe(true);
  const epoch = await waitForReceiptEpoch(node, signed.hash);
  await waitForFinality(node, epoch + 11);
  const tracked = await call<Tx>('chain.refreshTransaction', { hash: signed.hash });
  expect(tracked).toMatchObject({ status: 'included_verified', proof: { epoch, outcome: 'success' } });
  const { active } = await call<{ active: Ban[] }>('chain.bans');
  expect(active).toEqual([expect.objectContaining({ node: liarLabel(), reason: 'withheld_transaction', severity: 'proven_lie' })]);
  expect(active[0]!.evidence).toContain(signed.hash.slice(0, 12));
});

test('a node answering in the user\'s name (4001) is never believed by the dApp: the honest node\'s revert reaches it', async () => {
  const liarEspace = await startLyingProxy({ upstream: node.espaceRpc, attack: 'fake_user_rejection' });
  const server = await startDappServer();
  const site = await browser.context.newPage();
  try {
    await configureNodes(page, [
      { space: 'core', url: honest.url, operator: 'Honest proxy' },
      { space: 'core', url: node.coreRpc, operator: 'Dev node' },
      { space: 'espace', url: liarEspace.url, operator: 'Liar Inc.' },
      { space: 'espace', url: honestEspace.url, operator: 'Honest proxy' },
    ]);
    await site.goto(server.url);
    const reverted = await providerRequest(site, 'espace', 'eth_call', [{ data: REVERTING_INIT_CODE }, 'latest']);
    expect(liarEspace.received).toContain('eth_call');
    expect(reverted).toMatchObject({ ok: false, error: { code: -32015, message: 'execution reverted: nope' } });
    // With only the liar left, its 4001 still does not pass as the user's answer.
    await configureNodes(page, [
      { space: 'core', url: honest.url, operator: 'Honest proxy' },
      { space: 'espace', url: liarEspace.url, operator: 'Liar Inc.' },
    ]);
    const alone = await providerRequest(site, 'espace', 'eth_call', [{ data: REVERTING_INIT_CODE }, 'latest']);
    expect(alone).toMatchObject({ ok: false, error: { code: -32603, message: 'node error 4001: User rejected the request.' } });
  } finally {
    await site.close();
    await server.close();
    await liarEspace.close();
  }
});
