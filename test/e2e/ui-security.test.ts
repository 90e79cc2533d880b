/**
 * The screens that guard the wallet's secrets and connections, through the real UI: changing the
 * password (the old one stops working, the wallet stays unlocked), showing one account's private
 * key per space (compared with a key derived here independently, on the paths of core/keys/hd.ts),
 * and disconnecting every connected site at once. Each new screen passes the layout checks at
 * every size, in English and in Chinese.
 */
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { callBackground } from '../support/ui-port.js';
import { serveConnectingDapp } from './ui-connect-site.js';
import { MOBILE, TEST_MNEMONIC, TEST_PASSWORD, chooseLanguage, importWalletThroughUi, msg, openWallet, shot, unlockThroughUi, volatile, zh } from './ui-helpers.js';

const NEW_PASSWORD = 'a different long passphrase 2';

let browser: ExtensionBrowser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launchWithExtension({ viewport: MOBILE });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  server = await serveConnectingDapp();
  ({ page, errors } = await openWallet(browser));
  await importWalletThroughUi(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;

/** The keys of the first account, derived here without the wallet's code. */
function expectedKeys(): { core: string; espace: string } {
  const espace = mnemonicToAccount(TEST_MNEMONIC, { path: "m/44'/60'/0'/0/0" }).getHdKey().privateKey;
  const core = HDKey.fromMasterSeed(mnemonicToSeedSync(TEST_MNEMONIC)).derive("m/44'/503'/0'/0/0").privateKey;
  if (!espace || !core) throw new Error('derivation gave no key');
  return { core: hex(core), espace: hex(espace) };
}

test('change the password: a wrong current one is refused, the new one unlocks, the old one no longer does', async () => {
  await page.goto(`${browser.popupUrl}#/settings`);
  await page.getByRole('link', { name: /Change password/ }).click();
  await page.getByRole('heading', { name: 'Change password' }).waitFor();
  await shot(page, 'change-password-phone');

  // The same rules as onboarding: long enough, typed twice the same.
  await page.getByLabel('Current password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect.poll(() => page.getByText('Use at least 8 characters.').count()).toBeGreaterThan(0);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await expect.poll(() => page.getByTestId('password-strength').count()).toBe(1);
  await page.getByLabel('Repeat password', { exact: true }).fill(`${NEW_PASSWORD}x`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect.poll(() => page.getByText('The passwords do not match.').count()).toBe(1);

  // A wrong current password: the vault's typed error, in the catalog's words.
  await page.getByLabel('Repeat password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Current password', { exact: true }).fill('not my password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect.poll(() => page.getByText('The password is not correct.').count()).toBe(1);
  expect(await page.getByText('Password not changed').count()).toBe(1);

  await page.getByLabel('Current password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByText('Password changed.', { exact: false }).count()).toBe(1);
  expect(page.url()).not.toContain(NEW_PASSWORD);
  // Still unlocked.
  expect((await callBackground<{ state: string }>(page, 'vault.status')).state).toBe('unlocked');

  await page.getByRole('button', { name: 'Lock the wallet' }).click();
  await page.getByRole('heading', { name: 'Unlock Wayfarer' }).waitFor();
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect.poll(() => page.getByText('The password is not correct.').count()).toBe(1);
  await unlockThroughUi(page, NEW_PASSWORD);
  expect((await callBackground<{ state: string }>(page, 'vault.status')).state).toBe('unlocked');
});

test('the private key of the first account, per space: password first, masked until asked, copied and taken back', async () => {
  const expected = expectedKeys();
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByTestId('account-switcher').click();
  await page.getByTestId('accounts-private-key').click();
  await page.getByRole('heading', { name: 'Private key' }).waitFor();
  expect(await page.getByText('Wayfarer will never ask you for this key', { exact: false }).count()).toBe(1);
  await shot(page, 'private-key-phone');

  const password = page.getByLabel('Password', { exact: true });
  expect(await password.getAttribute('type')).toBe('password');
  await page.getByRole('radio', { name: 'eSpace' }).click();
  await password.fill(TEST_PASSWORD); // the old password: refused
  await page.getByRole('button', { name: 'Show private key' }).click();
  await expect.poll(() => page.getByText('The password is not correct.').count()).toBe(1);
  expect(await page.getByTestId('private-key').count()).toBe(0);

  await password.fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Show private key' }).click();
  const key = page.getByTestId('private-key');
  await key.waitFor();
  expect(await key.getAttribute('data-masked')).toBe('true');
  expect(await page.content()).not.toContain(expected.espace.slice(2));
  await shot(page, 'private-key-masked-phone');
  await page.getByRole('button', { name: 'Show the key' }).click();
  await expect.poll(() => key.textContent()).toBe(expected.espace);
  await shot(page, 'private-key-shown-phone', { mask: [key] });

  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect.poll(clipboard).toBe(expected.espace);
  await page.getByRole('button', { name: 'Done' }).click();
  expect(await page.getByTestId('private-key').count()).toBe(0);
  expect(await page.content()).not.toContain(expected.espace.slice(2));

  // Core space has its own key (m/44'/503'/…).
  await page.getByRole('radio', { name: 'Core space' }).click();
  await password.fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Show private key' }).click();
  await key.waitFor();
  await page.getByRole('button', { name: 'Show the key' }).click();
  await expect.poll(() => key.textContent()).toBe(expected.core);

  // Leaving the screen forgets the key and takes it back off the clipboard.
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect.poll(clipboard).toBe(expected.core);
  await page.getByRole('link', { name: 'Back' }).click();
  await page.getByTestId('account-switcher').waitFor();
  await expect.poll(clipboard).toBe('');
  expect(await page.content()).not.toContain(expected.core.slice(2));
});

test('disconnect all sites: a connected site is forgotten after the confirmation', async () => {
  const origin = new URL(server.url).origin;
  const dapp = await browser.context.newPage();
  await dapp.goto(server.url);
  await page.bringToFront();
  await expect.poll(async () => (await callBackground<unknown[]>(page, 'provider.listApprovals')).length, { timeout: 30_000 }).toBe(1);
  const [pending] = await callBackground<{ id: string }[]>(page, 'provider.listApprovals');
  const keyring = await callBackground<{ accounts: { id: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  await callBackground(page, 'provider.resolveApproval', { id: pending!.id, approve: true, accountId: keyring.accounts[0]!.id });
  await expect.poll(() => dapp.title(), { timeout: 15_000 }).toMatch(/^connected:0x/);

  await page.goto(`${browser.popupUrl}#/sites`);
  await page.getByTestId('sites').locator('li').filter({ hasText: origin }).waitFor();
  await page.getByTestId('sites-disconnect-all').click();
  const sheet = page.getByRole('dialog', { name: 'Disconnect all sites?' });
  await sheet.waitFor();
  await shot(page, 'sites-disconnect-all-phone', { mask: [page.getByTestId('site-origin'), ...volatile(page)] });
  // Cancel keeps the site.
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.getByTestId('sites').locator('li').count()).toBe(1);

  await page.getByTestId('sites-disconnect-all').click();
  await sheet.getByRole('button', { name: 'Disconnect all', exact: true }).click();
  await page.getByTestId('empty-state').waitFor();
  expect(await page.getByTestId('sites-disconnect-all').count()).toBe(0);
  expect(await callBackground<unknown[]>(page, 'provider.listSites')).toEqual([]);
  await dapp.close();
});

test('Chinese: the new screens speak it and fit every size', async () => {
  await chooseLanguage(page, browser.popupUrl, 'zh-CN', zh.settings.title);
  expect(await page.getByRole('link', { name: new RegExp(zh.settings.entries.password) }).count()).toBe(1);
  await page.goto(`${browser.popupUrl}#/settings/password`);
  await page.getByRole('heading', { name: zh.settings.password.title, exact: true }).waitFor();
  await page.getByLabel(zh.onboarding.newPassword, { exact: true }).fill(NEW_PASSWORD);
  await shot(page, 'change-password-phone-zh');

  await page.goto(`${browser.popupUrl}#/accounts/private-key`);
  await page.getByRole('heading', { name: zh.privateKey.title, exact: true }).waitFor();
  await page.getByLabel(zh.unlock.password, { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: zh.privateKey.reveal }).click();
  await page.getByTestId('private-key').waitFor();
  expect(await page.getByText(msg(zh.privateKey.warning, { space: zh.common.coreSpace })).count()).toBe(1);
  await shot(page, 'private-key-masked-phone-zh');
  await page.getByRole('button', { name: zh.privateKey.done }).click();

  await page.goto(`${browser.popupUrl}#/sites`);
  await page.getByTestId('empty-state').waitFor();
  await shot(page, 'sites-empty-phone-zh');

  await chooseLanguage(page, browser.popupUrl, 'auto', 'Settings');
  expect(errors).toEqual([]);
});
