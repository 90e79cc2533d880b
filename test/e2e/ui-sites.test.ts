/**
 * Requests from sites in the wallet popup: a page asks to connect, the home screen shows that
 * something waits and leads to the list, the list opens the approval page; once approved, the
 * site appears under Connected sites and can be disconnected there.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { callBackground } from '../support/ui-port.js';
import { serveConnectingDapp } from './ui-connect-site.js';
import { MOBILE, chooseLanguage, importWalletThroughUi, openWallet, shot, volatile, zh } from './ui-helpers.js';

let browser: ExtensionBrowser;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  browser = await launchWithExtension({ viewport: MOBILE });
  server = await serveConnectingDapp();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a waiting request shows on the home screen, leads to the approval page, and the connected site can be disconnected', async () => {
  const { page, errors } = await openWallet(browser);
  await importWalletThroughUi(page);
  const origin = new URL(server.url).origin;

  const dapp = await browser.context.newPage();
  await dapp.goto(server.url);
  await page.bringToFront();

  // The home screen says a request waits.
  await page.goto(`${browser.popupUrl}#/`);
  const banner = page.getByRole('link', { name: /1 request from sites waiting for you/ });
  await banner.waitFor({ timeout: 30_000 });
  await banner.click();
  const item = page.getByTestId('approvals').getByRole('button', { name: /Connect to this site/ });
  await item.waitFor();
  expect(await item.textContent()).toContain(origin);
  // The test site's port is random; the rest of the screen is the same every run.
  await shot(page, 'approvals-phone', { mask: [page.getByTestId('approval-origin'), ...volatile(page)] });

  // The list opens the approval page.
  const [approvalPage] = await Promise.all([browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/approval/index.html') }), item.click()]);
  expect(approvalPage.url()).toBe(`chrome-extension://${browser.extensionId}/approval/index.html`);
  // The approval page fits a phone and a desktop window too; the test site's port is random.
  await approvalPage.setViewportSize(MOBILE);
  await approvalPage.getByRole('heading', { name: 'Connect to this site?' }).waitFor();
  await shot(approvalPage, 'approval-connect-phone', { mask: [approvalPage.locator('.port')] });

  // The approval page follows a language chosen in the wallet at once, and back.
  await chooseLanguage(page, browser.popupUrl, 'zh-CN', zh.settings.title);
  await approvalPage.getByRole('heading', { name: zh.approval.connectTitle }).waitFor();
  expect(await approvalPage.title()).toBe(zh.approval.documentTitle);
  expect(await approvalPage.getByTestId('reject').textContent()).toBe(zh.common.reject);
  await shot(approvalPage, 'approval-connect-phone-zh', { mask: [approvalPage.locator('.port')] });
  await page.goto(`${browser.popupUrl}#/approvals`);
  await page.getByTestId('approvals').getByRole('button', { name: new RegExp(zh.approvals.kind.connect) }).waitFor();
  await shot(page, 'approvals-phone-zh', { mask: [page.getByTestId('approval-origin'), ...volatile(page)] });
  await chooseLanguage(page, browser.popupUrl, 'en', 'Settings');
  await approvalPage.getByRole('heading', { name: 'Connect to this site?' }).waitFor();

  const [pending] = await callBackground<{ id: string }[]>(page, 'provider.listApprovals');
  const keyring = await callBackground<{ accounts: { id: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  await callBackground(page, 'provider.resolveApproval', { id: pending!.id, approve: true, accountId: keyring.accounts[0]!.id });
  await expect.poll(() => dapp.title(), { timeout: 15_000 }).toMatch(/^connected:0x/);
  await expect.poll(() => page.getByRole('link', { name: /waiting for you/ }).count(), { timeout: 15_000 }).toBe(0);

  // Connected sites: listed with the space and account, then disconnected.
  await page.goto(`${browser.popupUrl}#/sites`);
  const site = page.getByTestId('sites').locator('li').filter({ hasText: origin });
  await site.waitFor();
  expect(await site.textContent()).toContain('eSpace');
  await shot(page, 'sites-phone', { mask: [page.getByTestId('site-origin'), ...volatile(page)] });
  await site.getByRole('button', { name: `Disconnect ${origin} (eSpace)` }).click();
  await page.getByTestId('empty-state').waitFor();
  expect(await callBackground<unknown[]>(page, 'provider.listSites')).toEqual([]);
  expect(errors).toEqual([]);
});
