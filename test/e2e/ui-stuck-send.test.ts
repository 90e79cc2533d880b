/**
 * Sends that a node swallows, recovered from the transaction screen in real Chromium against the
 * shared dev node. The wallet's only Core node is a proxy that answers `cfx_sendRawTransaction`
 * with the right hash and never relays it (then denies knowing it). The user:
 * 1. adds an honest node and presses "Send again to every node" — the transaction is included;
 * 2. speeds a swallowed transaction up (reviewed replacement, same nonce, higher fee) — the
 *    replacement is included and the original can never run;
 * 3. adds a node while a swallowed transaction waits — it is offered to the new node by itself;
 * and every one of them ends proved against PoS-finalized history, the swallowed original marked
 * replaced: the account is no longer blocked.
 *
 * The background's periodic sync is switched off for the test (the test syncs when it means to), so
 * that what moves a transaction is the user's action and not a timer.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeCfxAddress } from '../../core/address/cip37.js';
import { bytesToHex } from '../../core/encoding/hex.js';
import { mnemonicToSeedSync } from '../../core/keys/mnemonic.js';
import { deriveAccountKey } from '../../core/keys/hd.js';
import { coreAddressFromPrivateKey } from '../../core/keys/address.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { rpcCall, waitForReceiptEpoch } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { callBackground } from '../support/ui-port.js';
import { configureNodes, type NodeInfo } from '../adversary/extension-setup.js';
import { startLyingProxy, type LyingProxy } from '../adversary/lying-proxy.js';
import { MOBILE, expectScreenFits, importWalletThroughUi, openWallet } from './ui-helpers.js';
import { fromGenesis, syncWalletPast } from '../support/genesis.js';

const node = sharedDevNode();
/** BIP39 test vector phrase used by no other test, so no other file shares its nonces. */
const MNEMONIC = 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above';
const coreAddress = encodeCfxAddress(coreAddressFromPrivateKey(deriveAccountKey(mnemonicToSeedSync(MNEMONIC), 'core', 0)), node.chainId);
const CFX = 10n ** 18n;
const recipient = encodeCfxAddress(`0x1${bytesToHex(crypto.getRandomValues(new Uint8Array(20))).slice(3)}`, node.chainId);

let browser: ExtensionBrowser;
let page: Page;
let errors: string[];
let liar: LyingProxy;
let honest: LyingProxy;
/** Transactions that must end proved, and ones that must end replaced. */
const included: string[] = [];
const replaced: string[] = [];

const withholdingOnly = () => configureNodes(page, [{ space: 'core', url: liar.url, operator: 'Withholding Inc.' }, { space: 'espace', url: node.espaceRpc, operator: 'Dev node' }]);
const addHonest = () => callBackground<NodeInfo>(page, 'chain.addNode', { space: 'core', url: honest.url, operator: 'Honest' });

/** Sends `amount` CFX to the recipient through form → review → sign; returns the hash shown. */
async function sendThroughUi(amount: string): Promise<string> {
  await page.goto(`${browser.popupUrl}#/`);
  await page.goto(`${browser.popupUrl}#/send`);
  await page.getByLabel('Recipient', { exact: true }).fill(recipient);
  await page.getByLabel('Amount (CFX)', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByTestId('send-review').waitFor({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Sign and send' }).click();
  const status = page.getByTestId('send-status');
  await status.waitFor({ timeout: 30_000 });
  return (await status.locator('.mono').textContent())!;
}

/** Sends through the UI while only the withholding node is set up; checks it was swallowed. */
async function swallowedSend(amount: string): Promise<{ hash: string; nonce: bigint }> {
  const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [coreAddress]));
  const hash = await sendThroughUi(amount);
  expect(liar.withheld.has(hash)).toBe(true);
  expect(await rpcCall(node.coreRpc, 'cfx_getTransactionByHash', [hash])).toBeNull();
  return { hash, nonce };
}

async function openDetails(hash: string): Promise<void> {
  await page.goto(`${browser.popupUrl}#/activity/${hash}`);
  await page.getByTestId('tx-recovery').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  liar = await startLyingProxy({ upstream: node.coreRpc, attack: 'withhold_transaction' });
  honest = await startLyingProxy({ upstream: node.coreRpc });
  const funded = await waitForReceiptEpoch(node, await fromGenesis(node, { to: coreAddress, value: 20n * CFX }));
  browser = await launchWithExtension({ viewport: MOBILE });
  ({ page, errors } = await openWallet(browser));
  await importWalletThroughUi(page, MNEMONIC);
  await (await browser.serviceWorker()).evaluate(() => chrome.alarms.clear('chain.sync'));
  await withholdingOnly();
  await syncWalletPast(page, node, funded);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([liar?.close(), honest?.close()]);
  expect(errors).toEqual([]);
});

test('1. swallowed: the screen says what is known; after adding an honest node, "Send again to every node" gets it included', async () => {
  const { hash } = await swallowedSend('0.5');
  await openDetails(hash);
  expect(await page.getByTestId('tx-known').textContent()).toMatch(/^Accepted by 1 node, not seen in a block for \d+ seconds?\.$/);
  await expectScreenFits(page);
  await addHonest();
  expect(honest.received).not.toContain('cfx_sendRawTransaction');
  await page.getByTestId('tx-resend').click();
  await page.getByTestId('tx-resent').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('tx-resent').textContent()).toBe('Sent again: 2 nodes have it now.');
  expect(honest.received).toContain('cfx_sendRawTransaction');
  await waitForReceiptEpoch(node, hash);
  included.push(hash);
});

test('2. swallowed, then sped up from its screen: a reviewed replacement with the same nonce and a higher fee is included instead', async () => {
  await withholdingOnly();
  const original = await swallowedSend('0.25');
  await openDetails(original.hash);
  await addHonest();
  await page.getByTestId('tx-speed-up').click();
  await page.getByTestId('send-review').waitFor({ timeout: 45_000 });
  await page.getByText('Exactly what will be signed').click();
  const technical = page.getByTestId('review-technical');
  const labels = await technical.locator('dt').allTextContents();
  const values = await technical.locator('dd').allTextContents();
  const fields = Object.fromEntries(labels.map((l, i) => [l, values[i]!]));
  expect(fields.Nonce).toBe(original.nonce.toString());
  expect(fields['To (signed)']).toBe(recipient);
  await expectScreenFits(page);
  await page.getByRole('button', { name: 'Sign and send' }).click();
  const status = page.getByTestId('send-status');
  await status.waitFor({ timeout: 30_000 });
  const replacement = (await status.locator('.mono').textContent())!;
  expect(replacement).not.toBe(original.hash);
  await waitForReceiptEpoch(node, replacement);
  expect(await rpcCall(node.coreRpc, 'cfx_getTransactionByHash', [original.hash])).toBeNull();
  expect(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [coreAddress]))).toBe(original.nonce + 1n);
  included.push(replacement);
  replaced.push(original.hash);
});

test('3. a node added while a swallowed transaction waits gets it at the next sync, without the user asking', async () => {
  await withholdingOnly();
  const { hash } = await swallowedSend('0.125');
  await addHonest();
  await callBackground(page, 'chain.sync');
  await waitForReceiptEpoch(node, hash);
  included.push(hash);
});

test('4. unblocked: every recovered transaction is proved against finalized history, the swallowed original marked replaced', async () => {
  const epochs = await Promise.all(included.map((h) => waitForReceiptEpoch(node, h)));
  await syncWalletPast(page, node, Math.max(...epochs));
  await expect
    .poll(
      async () => {
        await callBackground(page, 'chain.sync');
        const txs = await callBackground<{ hash: string; status: string }[]>(page, 'chain.transactions');
        return Object.fromEntries(txs.filter((t) => included.includes(t.hash) || replaced.includes(t.hash)).map((t) => [t.hash, t.status]));
      },
      { timeout: 120_000, interval: 3000 },
    )
    .toEqual(Object.fromEntries([...included.map((h) => [h, 'included_verified']), ...replaced.map((h) => [h, 'replaced'])]));
  await page.goto(`${browser.popupUrl}#/activity/${included[0]}`);
  await page.getByTestId('tx-details').waitFor();
  expect(await page.getByTestId('tx-recovery').count()).toBe(0);
  expect(await page.getByTestId('tx-status').textContent()).toBe('Confirmed');
});
