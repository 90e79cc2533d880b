/**
 * Token approvals end to end: real Chromium with the built extension and a real Conflux dev node.
 * The wallet's account (the genesis key, imported by the harness) deploys a TestToken on eSpace and
 * grants two allowances from the test — unlimited to one spender, 5 TST to a spender saved as a
 * contact. Settings → Token approvals lists both (the unlimited one flagged, the contact named,
 * each with its trust badge); Revoke on the unlimited one goes through the send review and the
 * checked signing, and once the revoke is verified the row is gone and the chain says 0.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeAbiParameters, encodeFunctionData, type Abi } from 'viem';
import artifacts from '../fixtures/contracts/artifacts.json' with { type: 'json' };
import { toChecksumAddress } from '../../core/address/eip55.js';
import { espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { deployEspace, sendEspace } from '../support/chain-tx.js';
import { transferToEspace } from '../support/cross-space.js';
import { rpcCall, waitForReceiptEpoch } from '../support/devnode.js';
import { fromGenesis, genesisKey, syncWalletPast } from '../support/genesis.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { callBackground } from '../support/ui-port.js';
import { setUpWallet } from '../dapp/harness.js';
import { chooseLanguage, expectScreenFits, msg, shot, volatile, zh } from './ui-helpers.js';
import { useDevNodeOnly } from '../adversary/extension-setup.js';

const node = sharedDevNode();
const espaceAddress = espaceAddressFromPrivateKey(genesisKey);
const CFX = 10n ** 18n;
const TST = 10n ** 18n;
const MAX = (1n << 256n) - 1n;
/** Fixed spenders: the screen is the same on every run. */
const SPENDER = toChecksumAddress('0x5bad00000000000000000000000000000000beef');
const ROUTER = toChecksumAddress('0x6bad00000000000000000000000000000000cafe');
const ROUTER_NAME = 'Test router';
const abi = artifacts.contracts.TestToken.abi as Abi;
const tokenDeployData = `${artifacts.contracts.TestToken.bytecode}${encodeAbiParameters([{ type: 'string' }, { type: 'string' }, { type: 'uint256' }], ['Test', 'TST', 10n ** 24n]).slice(2)}` as `0x${string}`;

let browser: ExtensionBrowser;
let page: Page;
let token = '';
const errors: string[] = [];

async function onChainAllowance(spender: string): Promise<bigint> {
  const data = encodeFunctionData({ abi, functionName: 'allowance', args: [espaceAddress, spender] });
  return BigInt(await rpcCall<string>(node.espaceRpc, 'eth_call', [{ to: token, data }, 'latest']));
}

async function approve(spender: string, amount: bigint): Promise<number> {
  const { receipt } = await sendEspace(node, genesisKey, { type: 0, gasPrice: 2_000_000_000n, gas: 200_000n, to: token, value: 0n, data: encodeFunctionData({ abi, functionName: 'approve', args: [spender, amount] }) });
  expect(receipt.status).toBe('0x1');
  return Number(BigInt(receipt.blockNumber));
}

/** The row of the list whose spender line contains `text`. */
const row = (text: string) => page.getByTestId('allowance').filter({ has: page.getByTestId('allowance-spender').filter({ hasText: text }) });

beforeAll(async () => {
  const fund = await fromGenesis(node, { ...transferToEspace(espaceAddress, node.chainId), value: 10n * CFX, gas: 300_000n });
  await waitForReceiptEpoch(node, fund);
  token = await deployEspace(node, genesisKey, tokenDeployData);
  await approve(SPENDER, MAX);
  const last = await approve(ROUTER, 5n * TST);

  browser = await launchWithExtension();
  page = await setUpWallet(browser);
  page.on('pageerror', (e) => errors.push(e.message));
  await useDevNodeOnly(page, node);
  await callBackground(page, 'contacts.add', { label: ROUTER_NAME, space: 'espace', network: 'local', address: ROUTER });
  await syncWalletPast(page, node, last);
  await page.setViewportSize({ width: 360, height: 740 });
}, 300_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  expect(errors).toEqual([]);
});

test('Settings → Token approvals lists the allowances: unlimited flagged, the contact named, each with its trust', async () => {
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: 'eSpace' }).click();
  await page.goto(`${browser.popupUrl}#/settings`);
  await page.getByRole('link', { name: /Token approvals/ }).click();
  await page.getByTestId('allowances').waitFor({ timeout: 90_000 });
  await expect.poll(() => page.getByTestId('allowance').count()).toBe(2);

  const unlimited = row(SPENDER.slice(0, 6));
  await expect.poll(() => unlimited.getByTestId('allowance-unlimited').textContent()).toBe('Unlimited');
  expect(await unlimited.getByTestId('allowance-token').textContent()).toBe('TST');
  expect(await unlimited.locator('[data-trust]').getAttribute('data-trust')).toBe('single-source');

  const limited = row(ROUTER_NAME);
  expect(await limited.getByTestId('allowance-unlimited').count()).toBe(0);
  expect(await limited.getByTestId('amount').getAttribute('data-exact')).toBe('5');
  await expectScreenFits(page);
  await shot(page, 'allowances-phone', { mask: volatile(page) });

  await chooseLanguage(page, browser.popupUrl, 'zh-CN', zh.settings.title);
  await page.getByRole('link', { name: new RegExp(zh.settings.entries.allowances) }).click();
  await expect.poll(() => page.getByTestId('allowance-unlimited').first().textContent(), { timeout: 90_000 }).toBe(zh.allowances.unlimited);
  await expect.poll(() => page.getByRole('button', { name: msg(zh.allowances.revokeOf, { symbol: 'TST' }) }).count()).toBe(2);
  await shot(page, 'allowances-phone-zh', { mask: volatile(page) });
  await chooseLanguage(page, browser.popupUrl, 'en', 'Settings');
});

test('Revoke goes through the review and the checked signing; once verified the row is gone and the chain says 0', async () => {
  await page.goto(`${browser.popupUrl}#/allowances`);
  const unlimited = row(SPENDER.slice(0, 6));
  await unlimited.getByTestId('allowance-revoke').click({ timeout: 90_000 });
  const review = page.getByTestId('send-review');
  await review.waitFor({ timeout: 45_000 });
  expect(await page.getByTestId('revoke-summary').textContent()).toContain('TST');
  // What is signed: approve(spender, 0) to the token, decoded from the prepared transaction.
  expect(await review.getByTestId('effect-approval').textContent()).toContain('0');
  expect((await review.getByTestId('effect-spender').textContent())?.toLowerCase()).toContain(SPENDER.toLowerCase());
  expect((await page.getByTestId('review-to').textContent())?.toLowerCase()).toBe(token.toLowerCase());
  await shot(page, 'allowances-revoke-phone', { mask: volatile(page), fullPage: true });

  await page.getByRole('button', { name: 'Sign and send' }).click();
  const status = page.getByTestId('send-status');
  await status.waitFor({ timeout: 30_000 });
  const hash = (await status.locator('.mono').textContent())!;
  await expect.poll(async () => (await rpcCall<{ status: string } | null>(node.espaceRpc, 'eth_getTransactionReceipt', [hash]))?.status, { timeout: 60_000 }).toBe('0x1');
  expect(await onChainAllowance(SPENDER)).toBe(0n);
  expect(await onChainAllowance(ROUTER)).toBe(5n * TST);

  await page.getByTestId('allowances-back').click();
  // Until a read no longer lists it, the row says the revoke was sent instead of offering it again.
  await page.getByTestId('allowances').waitFor();
  const revoked = row(SPENDER.slice(0, 6));
  if ((await revoked.count()) > 0) expect(await revoked.getByTestId('allowance-revoke').count()).toBe(0);
  // The list is read again as the transaction progresses; the allowance is read at the verified epoch.
  await expect
    .poll(async () => {
      await callBackground(page, 'chain.sync').catch(() => undefined);
      await page.getByRole('button', { name: 'Check again' }).click().catch(() => undefined);
      return page.getByTestId('allowance').count();
    }, { timeout: 180_000, interval: 5000 })
    .toBe(1);
  expect(await row(ROUTER_NAME).count()).toBe(1);
  const listed = await callBackground<{ allowances: { spender: string; allowance: { value: string } }[] }>(page, 'chain.allowances', { space: 'espace', address: espaceAddress });
  expect(listed.allowances.map((a) => [a.spender, a.allowance.value])).toEqual([[ROUTER, (5n * TST).toString()]]);
});

test('an account without approvals in the searched range sees the empty state (Core space)', async () => {
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: 'Core' }).click();
  await page.goto(`${browser.popupUrl}#/allowances`);
  await page.getByText('No token approvals found').waitFor({ timeout: 90_000 });
  expect(await page.getByTestId('allowances-range').textContent()).toMatch(/^Searched epochs \d+–\d+/);
  await expectScreenFits(page);
});
