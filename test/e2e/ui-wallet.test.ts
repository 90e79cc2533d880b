/**
 * The wallet screens against the shared dev node, through the real UI: nodes added in Settings
 * (with the host-permission step), the balance with its trust badge and its explanation, the
 * Core/eSpace switch, Receive (the QR code decodes to the address), Send's recipient and amount
 * checks, Activity with a transaction the wallet tracks until it is verified, tokens, and the
 * light-client status. Phone size throughout, desktop where the layout differs.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import decodeQR from '@paulmillr/qr/decode.js';
import { encodeCfxAddress } from '../../core/address/cip37.js';
import { mnemonicToSeedSync } from '../../core/keys/mnemonic.js';
import { deriveAccountKey } from '../../core/keys/hd.js';
import { coreAddressFromPrivateKey } from '../../core/keys/address.js';
import { PrivateKey } from '../../core/keys/private-key.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { callBackground } from '../support/ui-port.js';
import { layoutProblems } from './ui-layout.js';
import { DESKTOP, MOBILE, TEST_MNEMONIC, chooseLanguage, importWalletThroughUi, msg, openWallet, shot, valueOf, volatile, zh } from './ui-helpers.js';

const node = sharedDevNode();
const seed = mnemonicToSeedSync(TEST_MNEMONIC);
const accountKey = deriveAccountKey(seed, 'core', 0);
const accountHex = coreAddressFromPrivateKey(accountKey);
const accountAddress = encodeCfxAddress(accountHex, node.chainId);
const FUNDING = 12_345_000_000_000_000_000n; // 12.345 CFX

let browser: ExtensionBrowser;
let page: Page;
let errors: string[];
afterAll(() => expect(errors).toEqual([]));

async function sendCoreFrom(key: PrivateKey, to: string, value: bigint): Promise<string> {
  const from = encodeCfxAddress(coreAddressFromPrivateKey(key), node.chainId);
  const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [from]));
  const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
  const signed = signCoreTransaction({ type: 2, chainId: node.chainId, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10_000_000_000n, gas: 21_000n, to, value, storageLimit: 0n, epochHeight, data: '0x', accessList: [] }, key, node.chainId);
  await rpcCall(node.coreRpc, 'cfx_sendRawTransaction', [signed.raw]);
  return signed.raw;
}

/** Waits until the balance is there, and returns the epoch it was read at. */
async function waitForBalance(address: string, atLeast: bigint): Promise<number> {
  for (let i = 0; i < 300; i++) {
    const epoch = await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']);
    if (BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [address, epoch])) >= atLeast) return Number(BigInt(epoch));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('funding did not arrive');
}

let fundedAtEpoch = 0;

beforeAll(async () => {
  await sendCoreFrom(PrivateKey.fromHex(GENESIS_PRIVATE_KEY), accountAddress, FUNDING);
  browser = await launchWithExtension({ viewport: MOBILE });
  ({ page, errors } = await openWallet(browser));
  await importWalletThroughUi(page);
  await callBackground(page, 'chain.setNetwork', { network: 'local' });
  fundedAtEpoch = await waitForBalance(accountAddress, FUNDING);
});
afterAll(async () => {
  await browser?.close();
});

test('nodes: the dev node is added in Settings, the unreachable defaults removed', async () => {
  await page.goto(`${browser.popupUrl}#/settings/networks`);
  await page.getByTestId('networks').getByRole('button', { name: /Local node/ }).waitFor();
  for (const [space, url] of [
    ['Core space', node.coreRpc],
    ['eSpace', node.espaceRpc],
  ] as const) {
    await page.getByLabel(space === 'Core space' ? 'Add a Core space node' : 'Add an eSpace node').fill(url);
    await page.getByRole('button', { name: 'Add node' }).nth(space === 'Core space' ? 0 : 1).click();
    await expect.poll(() => page.getByText(url, { exact: true }).count(), { timeout: 15_000 }).toBe(1);
  }
  // The defaults of the local network point at ports nobody listens on here.
  for (const list of ['nodes-core', 'nodes-espace'] as const) {
    const items = page.getByTestId(list).locator('li');
    // Each node is found by its address, not its place: the list is ordered by health, which
    // changes while the wallet probes the nodes.
    const urls = (await page.getByTestId(list).getByTestId('node-url').allTextContents()).map((u) => u.trim());
    for (const url of urls) {
      if (url === node.coreRpc || url === node.espaceRpc) continue;
      const item = items.filter({ has: page.getByTestId('node-url').getByText(url, { exact: true }) });
      // Removing asks once more; "Keep" leaves the node where it is.
      const before = await items.count();
      await item.getByRole('button', { name: /^Remove / }).click();
      await item.getByRole('button', { name: 'Keep' }).click();
      expect(await items.count()).toBe(before);
      await item.getByRole('button', { name: /^Remove / }).click();
      await item.getByRole('button', { name: 'Yes, remove' }).click();
      await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(0);
    }
    await expect.poll(() => page.getByTestId(list).locator('li').count()).toBe(1);
  }
  // The local network's built-in proof gateway is not running here either (test/e2e/ui-verified.test.ts adds one).
  const gateways = page.getByTestId('nodes-gateway').locator('li');
  for (let i = (await gateways.count()) - 1; i >= 0; i--) {
    await gateways.nth(i).getByRole('button', { name: /^Remove / }).click();
    await gateways.nth(i).getByRole('button', { name: 'Yes, remove' }).click();
  }
  await expect.poll(() => gateways.count()).toBe(0);
  const nodes = await callBackground<{ space: string; label: string; operator: string }[]>(page, 'chain.nodes');
  expect(nodes.map((n) => n.space).sort()).toEqual(['core', 'espace']);
  // Who runs a node is shown as such, not among its problems.
  for (const list of ['nodes-core', 'nodes-espace'] as const) {
    const item = page.getByTestId(list).locator('li');
    const operator = nodes.find((n) => `nodes-${n.space}` === list)!.operator;
    expect(await item.getByTestId('node-operator').textContent()).toBe(operator);
    for (const problem of await item.getByTestId('node-problem').allTextContents()) expect(problem).not.toContain(operator);
  }
  // The dev node's address (and so its operator) has a random port.
  await shot(page, 'nodes-phone', { mask: [page.getByTestId('node-url'), page.getByTestId('node-operator'), ...volatile(page)], fullPage: true });
});

test('verification: the light client checks the dev node’s finality on request', async () => {
  await page.goto(`${browser.popupUrl}#/status`);
  await expect.poll(() => page.getByTestId('lc-checkpoint').textContent()).toContain('Taken from the nodes on first use');
  // Balances are read at the latest verified epoch: wait until PoS has finalized the funding.
  await waitForFinality(node, fundedAtEpoch);
  const verifiedEpoch = async () => Number(((await page.getByTestId('lc-verified-epoch').locator('[data-volatile]').first().textContent()) ?? '').replace(/[^\d]/g, '') || -1);
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect.poll(verifiedEpoch, { timeout: 60_000, interval: 1000 }).toBeGreaterThanOrEqual(fundedAtEpoch);
  await expect.poll(() => page.getByTestId('lightclient-status').getAttribute('data-state')).toBe('synced');
  await shot(page, 'verification-phone', { mask: volatile(page), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await shot(page, 'verification-desktop', { mask: volatile(page) });
  await page.setViewportSize(MOBILE);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'verification-dark-phone', { mask: volatile(page), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
});

test('the layout check sees content that sticks out sideways or ends under the tab bar', async () => {
  await page.goto(`${browser.popupUrl}#/status`);
  await page.getByTestId('lightclient-status').waitFor();
  expect(await layoutProblems(page)).toEqual([]);
  // One long unbreakable line pushes past the right edge.
  await page.evaluate(() => {
    const line = document.createElement('p');
    line.id = 'too-wide';
    line.textContent = 'x'.repeat(200);
    document.querySelector('main')?.append(line);
  });
  expect((await layoutProblems(page)).join('\n')).toMatch(/too-wide.* past the \d+ px edge/);
  await page.evaluate(() => document.getElementById('too-wide')?.remove());
  // Without the room kept free for the bar, the end of the screen scrolls no higher than under it.
  await page.evaluate(() => document.querySelector('main')?.style.setProperty('padding-bottom', '0'));
  expect((await layoutProblems(page)).join('\n')).toContain('under the tab bar');
  await page.evaluate(() => document.querySelector('main')?.style.removeProperty('padding-bottom'));
  // A bar that stays in the page's flow instead of at the bottom of the window.
  await page.evaluate(() => document.querySelector<HTMLElement>('nav.tabbar')?.style.setProperty('position', 'sticky'));
  expect((await layoutProblems(page)).join('\n')).toContain('the tab bar ends at');
  await page.evaluate(() => document.querySelector<HTMLElement>('nav.tabbar')?.style.removeProperty('position'));
  expect(await layoutProblems(page)).toEqual([]);
});

test('home: the balance comes with its trust badge and a plain explanation', async () => {
  await page.goto(`${browser.popupUrl}#/`);
  const amount = page.getByTestId('balance').getByTestId('amount');
  await expect.poll(() => amount.getAttribute('data-exact'), { timeout: 60_000 }).toBe('12.345');
  const badge = page.getByTestId('balance').locator('[data-trust]');
  const level = await badge.getAttribute('data-trust');
  // One node operator: Wayfarer can only say it is that node's word.
  expect(level).toBe('single-source');
  await shot(page, 'home-phone', { mask: volatile(page) });
  await badge.click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.textContent()).toContain('Only one node answered');
  expect(await dialog.textContent()).toContain('Add another node');
  await shot(page, 'trust-explained-phone', { mask: volatile(page) });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'home-dark-phone', { mask: volatile(page) });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.setViewportSize(DESKTOP);
  await shot(page, 'home-desktop', { mask: volatile(page) });
  await page.setViewportSize(MOBILE);
});

test('home: Core/eSpace switch changes the address and the balance shown', async () => {
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: 'eSpace' }).click();
  await expect.poll(() => page.getByTestId('balance').textContent()).toContain('eSpace balance');
  await expect.poll(() => page.getByTestId('balance').getByTestId('amount').getAttribute('data-exact'), { timeout: 60_000 }).toBe('0');
  await page.getByRole('radio', { name: 'Core' }).click();
  await expect.poll(() => page.getByTestId('balance').getByTestId('amount').getAttribute('data-exact'), { timeout: 60_000 }).toBe('12.345');
});

async function decodeQrOnPage(p: Page): Promise<string> {
  const png = await p.getByTestId('qr').screenshot();
  const scratch = await browser.context.newPage();
  try {
    const pixels = await scratch.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height);
      return { width: data.width, height: data.height, data: Array.from(data.data) };
    }, png.toString('base64'));
    return decodeQR({ width: pixels.width, height: pixels.height, data: new Uint8Array(pixels.data) });
  } finally {
    await scratch.close();
  }
}

test('receive: address, network, and a QR code that decodes to the address', async () => {
  await page.goto(`${browser.popupUrl}#/receive`);
  await expect.poll(() => page.getByTestId('receive-address').textContent()).toBe(accountAddress);
  expect(await page.getByTestId('receive-network').textContent()).toContain('Core space');
  expect(await decodeQrOnPage(page)).toBe(accountAddress);
  await shot(page, 'receive-phone');
  await page.setViewportSize(DESKTOP);
  await shot(page, 'receive-desktop');
  await page.setViewportSize(MOBILE);
});

test('send: the recipient and the amount are checked before anything is prepared', async () => {
  await page.goto(`${browser.popupUrl}#/send`);
  const recipient = page.getByLabel('Recipient', { exact: true });
  const amount = page.getByLabel('Amount (CFX)', { exact: true });
  await recipient.fill(encodeCfxAddress('0x1000000000000000000000000000000000000001', 1029));
  await expect.poll(() => page.getByText(/This address is for Conflux mainnet, but you are on network 1024/).count()).toBe(1);
  await recipient.fill(accountAddress);
  await expect.poll(() => page.getByText('This is the account you are sending from. You will only pay the fee.').count()).toBe(1);
  await recipient.fill(encodeCfxAddress('0x8000000000000000000000000000000000000002', node.chainId));
  await expect.poll(() => page.getByText(/This is a contract, not a personal account/).count()).toBe(1);
  await amount.fill('100');
  await expect.poll(() => page.getByText(/More than your balance/).count(), { timeout: 30_000 }).toBe(1);
  await amount.fill('1.0000000000000000001');
  await expect.poll(() => page.getByText('At most 18 digits after the decimal point.').count()).toBe(1);
  await amount.fill('1.5');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect.poll(() => page.getByText('Confirm the recipient warning above to continue.').count()).toBe(1);
  await shot(page, 'send-form-phone', { mask: volatile(page) });
});

test('activity: a sent transaction is tracked from pending to verified', async () => {
  // Signed here with the account's own key (derived from the test phrase) and handed to the
  // wallet's broadcaster, so the wallet tracks and verifies it as it would its own.
  const genesis = encodeCfxAddress(coreAddressFromPrivateKey(PrivateKey.fromHex(GENESIS_PRIVATE_KEY)), node.chainId);
  const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
  const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [accountAddress]));
  const signed = signCoreTransaction({ type: 2, chainId: node.chainId, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10_000_000_000n, gas: 21_000n, to: genesis, value: 10n ** 18n, storageLimit: 0n, epochHeight, data: '0x', accessList: [] }, accountKey, node.chainId);
  await callBackground(page, 'chain.sendTransaction', { space: 'core', raw: signed.raw });

  await page.goto(`${browser.popupUrl}#/activity`);
  const link = page.getByTestId('activity').locator(`a[href="#/activity/${signed.hash}"]`);
  await link.waitFor({ timeout: 30_000 });
  expect(await link.textContent()).toContain(`Sent to ${genesis.slice(0, 12)}`);
  await link.click();
  await expect.poll(() => valueOf(page, 'Nonce').textContent()).toBe(String(nonce));
  await expect.poll(() => page.getByTestId('tx-hash').textContent()).toBe(signed.hash);

  // Included, then proved once PoS finalizes its epoch.
  let receiptEpoch = 0;
  for (let i = 0; i < 150 && receiptEpoch === 0; i++) {
    const receipt = await rpcCall<{ epochNumber: string } | null>(node.coreRpc, 'cfx_getTransactionReceipt', [signed.hash]);
    if (receipt) receiptEpoch = Number(BigInt(receipt.epochNumber));
    else await new Promise((r) => setTimeout(r, 200));
  }
  expect(receiptEpoch).toBeGreaterThan(0);
  await waitForFinality(node, receiptEpoch);
  await expect
    .poll(
      async () => {
        await callBackground(page, 'chain.sync');
        return page.getByTestId('tx-progress').getAttribute('data-status');
      },
      { timeout: 90_000, interval: 3000 },
    )
    .toBe('verified');
  expect(await page.getByTestId('tx-details').locator('[data-trust]').first().getAttribute('data-trust')).toBe('verified');
  // Hashes, times and the node's address (random port) differ between runs; addresses and amounts
  // do not, and the epochs only a little.
  const changing = ['Time', 'Sent through'].map((label) => valueOf(page, label));
  const proof = page.getByTestId('tx-verification');
  await shot(page, 'tx-verified-phone', { mask: [page.getByTestId('tx-hash'), ...changing, proof.locator('.mono'), proof.locator('p.muted'), ...volatile(page)], fullPage: true });
  await page.goto(`${browser.popupUrl}#/activity`);
  await expect.poll(() => page.getByTestId('activity').locator('li').first().getAttribute('data-status')).toBe('verified');
  await shot(page, 'activity-phone', { mask: [page.locator('.secondary'), ...volatile(page)] });
});

/** Deploys a contract whose every call returns 1000 (enough for `balanceOf`). */
async function deployConstantToken(): Promise<{ contract: string; epoch: number }> {
  const key = PrivateKey.fromHex(GENESIS_PRIVATE_KEY);
  const from = encodeCfxAddress(coreAddressFromPrivateKey(key), node.chainId);
  const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [from]));
  const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
  // init: CODECOPY the 11-byte runtime and RETURN it; runtime: MSTORE 1000 at 0, RETURN 32 bytes.
  const data = '0x600b600c600039600b6000f3' + '6103e860005260206000f3';
  const signed = signCoreTransaction({ type: 2, chainId: node.chainId, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10_000_000_000n, gas: 200_000n, to: null, value: 0n, storageLimit: 2048n, epochHeight, data, accessList: [] }, key, node.chainId);
  await rpcCall(node.coreRpc, 'cfx_sendRawTransaction', [signed.raw]);
  for (let i = 0; i < 150; i++) {
    const receipt = await rpcCall<{ contractCreated: string | null; outcomeStatus: string; epochNumber: string } | null>(node.coreRpc, 'cfx_getTransactionReceipt', [signed.hash]);
    if (receipt) {
      expect(receipt.outcomeStatus).toBe('0x0');
      return { contract: receipt.contractCreated!, epoch: Number(BigInt(receipt.epochNumber)) };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('token not deployed');
}

test('tokens: add a CRC-20 by address; its balance shows with a trust badge', async () => {
  const { contract, epoch } = await deployConstantToken();
  // Token balances are read at the latest verified epoch: let it reach the deployment.
  await waitForFinality(node, epoch);
  await callBackground(page, 'chain.sync');
  await page.goto(`${browser.popupUrl}#/tokens/add`);
  await page.getByLabel('Token contract address').fill(accountAddress);
  await expect.poll(() => page.getByText(/This is not a contract address/).count()).toBe(1);
  await page.getByLabel('Token contract address').fill(contract);
  await page.getByLabel('Symbol', { exact: true }).fill('TOK');
  await page.getByLabel('Decimals', { exact: true }).fill('0');
  await shot(page, 'add-token-phone', { mask: [page.getByLabel('Token contract address')] });
  await page.getByRole('button', { name: 'Add token' }).click();
  await page.getByTestId('balance').waitFor();
  const row = page.getByTestId('token-list').locator('li').filter({ hasText: 'TOK' });
  await expect.poll(() => row.getByTestId('amount').getAttribute('data-exact'), { timeout: 60_000 }).toBe('1000');
  expect(await row.locator('[data-trust]').getAttribute('data-trust')).toBe('single-source');
  await row.getByRole('link', { name: 'Send TOK' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Send TOK');
});

test('Chinese: chosen in Settings, it applies at once; the main screens fit every size', async () => {
  await chooseLanguage(page, browser.popupUrl, 'zh-CN', zh.settings.title);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  expect(await page.getByRole('navigation', { name: zh.shell.nav }).textContent()).toContain(zh.shell.tabSettings);
  await shot(page, 'settings-phone-zh');

  await page.goto(`${browser.popupUrl}#/`);
  const balance = page.getByTestId('balance');
  await expect.poll(() => balance.textContent(), { timeout: 60_000 }).toContain(zh.home.coreBalance);
  await balance.getByTestId('amount').waitFor({ timeout: 60_000 });
  await shot(page, 'home-phone-zh', { mask: volatile(page) });
  await balance.locator('[data-trust]').click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.textContent()).toContain(zh.trust.singleSource.meaning);
  await shot(page, 'trust-explained-phone-zh', { mask: volatile(page) });
  await dialog.getByRole('button', { name: zh.common.close }).click();

  await page.goto(`${browser.popupUrl}#/receive`);
  await expect.poll(() => page.getByTestId('receive-network').textContent()).toContain(zh.common.coreSpace);
  await shot(page, 'receive-phone-zh');

  await page.goto(`${browser.popupUrl}#/send`);
  await page.getByLabel(zh.send.recipient, { exact: true }).fill(accountAddress);
  await expect.poll(() => page.getByText(zh.recipient.sameAccount).count()).toBe(1);
  await page.getByLabel(msg(zh.send.amount, { symbol: 'CFX' }), { exact: true }).fill('1.0000000000000000001');
  await expect.poll(() => page.getByText(msg(zh.send.amountTooPrecise, { count: 18 })).count()).toBe(1);
  await page.getByLabel(msg(zh.send.amount, { symbol: 'CFX' }), { exact: true }).fill('1.5');
  await page.getByRole('button', { name: zh.send.review }).click();
  await expect.poll(() => page.getByText(zh.send.ackFirst).count()).toBe(1);
  await shot(page, 'send-form-phone-zh', { mask: volatile(page) });

  await page.goto(`${browser.popupUrl}#/activity`);
  const first = page.getByTestId('activity').locator('li').first();
  await expect.poll(() => first.getAttribute('data-status'), { timeout: 30_000 }).toBe('verified');
  expect(await first.textContent()).toContain(zh.tx.status.verified);
  await shot(page, 'activity-phone-zh', { mask: [page.locator('.secondary'), ...volatile(page)] });
  await first.getByRole('link').click();
  await page.getByTestId('tx-details').waitFor();
  const changing = [zh.tx.time, zh.tx.sentThrough].map((label) => valueOf(page, label));
  const proof = page.getByTestId('tx-verification');
  await expect.poll(() => proof.textContent()).toContain(zh.tx.outcomeSuccess);
  await shot(page, 'tx-verified-phone-zh', { mask: [page.getByTestId('tx-hash'), ...changing, proof.locator('.mono'), proof.locator('p.muted'), ...volatile(page)], fullPage: true });

  await page.goto(`${browser.popupUrl}#/status`);
  await expect.poll(() => page.getByTestId('lc-checkpoint').textContent()).toContain(zh.status.checkpointTofu);
  await shot(page, 'verification-phone-zh', { mask: volatile(page), fullPage: true });

  await page.goto(`${browser.popupUrl}#/settings/networks`);
  await page.getByTestId('nodes-core').waitFor();
  await expect.poll(() => page.getByTestId('nodes-core').textContent()).toContain(zh.settings.nodes.builtIn.trim() === '' ? '' : '·');
  await shot(page, 'nodes-phone-zh', { mask: [page.getByTestId('node-url'), page.getByTestId('node-operator'), ...volatile(page)], fullPage: true });

  await page.goto(`${browser.popupUrl}#/tokens/add`);
  await page.getByLabel(zh.tokens.address).fill(accountAddress);
  await expect.poll(() => page.getByText(zh.tokens.notContract).count()).toBe(1);
  await shot(page, 'add-token-phone-zh', { mask: [page.getByLabel(zh.tokens.address)] });

  // Back to the browser's language (English here), at once.
  await chooseLanguage(page, browser.popupUrl, 'auto', 'Settings');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
});
