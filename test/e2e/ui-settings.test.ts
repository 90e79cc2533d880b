/**
 * Settings screens that guard the wallet itself, through the real UI: auto-lock, the
 * password-gated recovery phrase (and the clipboard being taken back), encrypted backup export and
 * restore, starting over (the old vault is archived), and hiding amounts forgetting remembered values.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { callBackground } from '../support/ui-port.js';
import { DESKTOP, MOBILE, TEST_MNEMONIC, TEST_PASSWORD, expectScreenFits, importWalletThroughUi, openWallet, shot } from './ui-helpers.js';

let browser: ExtensionBrowser;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launchWithExtension({ viewport: MOBILE });
  // Stands in for the user allowing clipboard access (extension origins cannot be named here).
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  ({ page, errors } = await openWallet(browser));
  await importWalletThroughUi(page);
});
afterAll(async () => {
  await browser?.close();
});

const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

test('settings lists every setting, at phone and desktop size', async () => {
  await page.goto(`${browser.popupUrl}#/settings`);
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  for (const entry of ['Networks and nodes', 'Verification status', 'Connected sites', 'Auto-lock', 'Privacy', 'Show recovery phrase', 'Backup and restore', 'Archived wallets', 'Start over']) {
    expect(await page.getByRole('link', { name: new RegExp(entry) }).count()).toBe(1);
  }
  await shot(page, 'settings-phone');
  await page.setViewportSize(DESKTOP);
  await shot(page, 'settings-desktop');
  await page.setViewportSize(MOBILE);
});

test('auto-lock choice is saved in the vault', async () => {
  await page.goto(`${browser.popupUrl}#/settings/security`);
  await page.getByRole('radio', { name: '5 minutes', exact: true }).check();
  await expect.poll(async () => (await callBackground<{ autoLockMs: number }>(page, 'vault.getAutoLock')).autoLockMs).toBe(5 * 60_000);
  expect(await page.getByRole('radio', { name: '5 minutes', exact: true }).isChecked()).toBe(true);
});

test('the network switcher moves the wallet to another network and shows its addresses', async () => {
  await page.goto(`${browser.popupUrl}#/`);
  const switcher = page.getByTestId('network-switcher');
  await expect.poll(() => switcher.textContent()).toContain('Conflux mainnet');
  await switcher.click();
  await page.getByRole('dialog').getByRole('button', { name: /Conflux testnet/ }).click();
  await expect.poll(async () => (await callBackground<{ network: string }>(page, 'chain.status')).network).toBe('testnet');
  await expect.poll(() => switcher.textContent()).toContain('Conflux testnet');
  // The Core address is shown for the network now in use (CIP-37 prefix of testnet).
  await expect.poll(() => page.getByRole('button', { name: /^cfxtest:/ }).count()).toBe(1);
  expect(await page.getByText('Network not switched').count()).toBe(0);

  await switcher.click();
  await page.getByRole('dialog').getByRole('button', { name: /Conflux mainnet/ }).click();
  await expect.poll(async () => (await callBackground<{ network: string }>(page, 'chain.status')).network).toBe('mainnet');
});

test('the recovery phrase needs the password, and leaves the clipboard when the screen closes', async () => {
  await page.goto(`${browser.popupUrl}#/settings/reveal`);
  const password = page.getByLabel('Password', { exact: true });
  expect(await password.getAttribute('type')).toBe('password');
  await password.fill('not my password');
  await page.getByRole('button', { name: 'Show recovery phrase' }).click();
  await expect.poll(() => page.getByText('The password is not correct.').count()).toBe(1);
  expect(await page.getByTestId('mnemonic').count()).toBe(0);

  await password.fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Show recovery phrase' }).click();
  await page.getByTestId('mnemonic').waitFor();
  const words = await page.getByTestId('mnemonic').locator('li').allTextContents();
  expect(words.join(' ')).toBe(TEST_MNEMONIC);
  await shot(page, 'reveal-phrase-phone', { mask: [page.getByTestId('mnemonic')] });

  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect.poll(clipboard).toBe(TEST_MNEMONIC);
  expect(await page.getByTestId('secret-copy-status').textContent()).toContain('clear the clipboard in 30 seconds');

  // Hiding removes the words from the page; leaving the screen takes the phrase off the clipboard.
  await page.getByRole('button', { name: 'Hide' }).click();
  expect(await page.getByTestId('mnemonic').count()).toBe(0);
  expect(await page.content()).not.toContain('sausage');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect.poll(clipboard).toBe('');
});

test('a phrase copied and then replaced by the user is left alone', async () => {
  await page.goto(`${browser.popupUrl}#/settings/reveal`);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Show recovery phrase' }).click();
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect.poll(clipboard).toBe(TEST_MNEMONIC);
  await page.evaluate(() => navigator.clipboard.writeText('something the user copied'));
  await page.getByRole('link', { name: 'Back' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.waitForTimeout(300);
  expect(await clipboard()).toBe('something the user copied');
});

test('export an encrypted backup, start over, restore the backup', async () => {
  await page.goto(`${browser.popupUrl}#/settings/backup`);
  await page.getByLabel('Wallet password', { exact: true }).fill(TEST_PASSWORD);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup file' }).click()]);
  const backupPath = await download.path();
  const backupText = readFileSync(backupPath, 'utf8');
  expect(backupText).not.toContain('sausage'); // encrypted
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await expect.poll(() => page.getByText(/Keep it with your recovery phrase/).count()).toBe(1);
  await shot(page, 'backup-phone', { mask: [page.getByRole('status')] });
  const before = await callBackground<{ accounts: { coreHexAddress: string }[] }>(page, 'vault.accounts', { networkId: 1029 });

  // Start over with a private key: the phrase wallet goes to the archive.
  await page.goto(`${browser.popupUrl}#/start-over`);
  await page.getByLabel('Type RESET to confirm').fill('reset');
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Import a private key' }).click();
  await page.getByLabel('Private key', { exact: true }).fill('46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('New password', { exact: true }).fill('another long password');
  await page.getByLabel('Repeat password', { exact: true }).fill('another long password');
  await page.getByRole('button', { name: 'Import wallet' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  const replaced = await callBackground<{ wallets: { kind: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  expect(replaced.wallets.map((w) => w.kind)).toEqual(['private-key']);
  expect((await callBackground<unknown[]>(page, 'vault.listArchive')).length).toBeGreaterThanOrEqual(1);

  // Restore the backup file through the UI.
  await page.goto(`${browser.popupUrl}#/settings/backup`);
  await page.getByLabel('Backup file').setInputFiles(backupPath);
  await page.getByLabel('Backup password', { exact: true }).fill('wrong password');
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => page.getByText('Not restored').count(), { timeout: 15_000 }).toBe(1);
  await page.getByLabel('Backup password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => page.getByText('The wallet was restored from the backup.').count(), { timeout: 15_000 }).toBe(1);
  const after = await callBackground<{ accounts: { coreHexAddress: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  expect(after.accounts.map((a) => a.coreHexAddress)).toEqual(before.accounts.map((a) => a.coreHexAddress));
});

test('hiding amounts forgets remembered values', async () => {
  await page.goto(`${browser.popupUrl}#/settings/privacy`);
  await page.evaluate(() => localStorage.setItem('wayfarer.lastKnown.test', JSON.stringify({ value: 1, at: 1 })));
  await page.getByLabel(/Hide amounts/).check();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wayfarer.lastKnown.')))).toEqual([]);
  await shot(page, 'privacy-phone');
  await page.getByLabel(/Hide amounts/).uncheck();
  expect(errors).toEqual([]);
});

test('import a private key and another phrase into the existing wallet from the Accounts sheet', async () => {
  await page.goto(`${browser.popupUrl}#/`);
  const before = await callBackground<{ wallets: { kind: string }[]; accounts: { coreHexAddress: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  await page.getByTestId('account-switcher').click();
  await page.getByTestId('accounts-import').click();
  await page.getByRole('heading', { name: 'Import into this wallet' }).waitFor();
  await expectScreenFits(page);
  await page.getByRole('button', { name: 'A private key' }).click();
  await page.getByLabel('Private key', { exact: true }).fill('0x1123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('balance').waitFor({ timeout: 30_000 });
  const withKey = await callBackground<{ wallets: { kind: string }[]; accounts: { id: string; coreHexAddress: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  expect(withKey.wallets.map((w) => w.kind)).toEqual([...before.wallets.map((w) => w.kind), 'private-key']);
  expect(withKey.accounts.slice(0, before.accounts.length).map((a) => a.coreHexAddress)).toEqual(before.accounts.map((a) => a.coreHexAddress));
  // The imported account is the current one.
  const imported = withKey.accounts.at(-1)!;
  await page.getByTestId('account-switcher').click();
  expect(await page.locator('[aria-current="true"]').textContent()).toContain('imported');
  await page.getByTestId('accounts-import').click();
  await page.getByRole('button', { name: 'A recovery phrase' }).click();
  await page.getByLabel('Recovery phrase', { exact: true }).fill('abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('balance').waitFor({ timeout: 30_000 });
  const withPhrase = await callBackground<{ wallets: { kind: string }[]; accounts: { id: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  expect(withPhrase.wallets.map((w) => w.kind)).toEqual([...before.wallets.map((w) => w.kind), 'private-key', 'hd']);
  expect(withPhrase.accounts.map((a) => a.id)).toContain(imported.id);
  // The same key again is refused with a reason, nothing added.
  await page.goto(`${browser.popupUrl}#/accounts/import`);
  await page.getByRole('button', { name: 'A private key' }).click();
  await page.getByLabel('Private key', { exact: true }).fill('0x1123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => page.getByText('Nothing was imported').count(), { timeout: 15_000 }).toBe(1);
  expect((await callBackground<{ wallets: unknown[] }>(page, 'vault.accounts', { networkId: 1029 })).wallets).toHaveLength(withPhrase.wallets.length);
});

test('start over, then restore the wallet it set aside from Settings → Archived wallets', async () => {
  const before = await callBackground<{ accounts: { coreHexAddress: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  await page.goto(`${browser.popupUrl}#/start-over`);
  expect(await page.getByText(/Settings → Archived wallets/).count()).toBe(1);
  await page.getByLabel('Type RESET to confirm').fill('reset');
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Import a private key' }).click();
  await page.getByLabel('Private key', { exact: true }).fill('46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('New password', { exact: true }).fill('yet another long password');
  await page.getByLabel('Repeat password', { exact: true }).fill('yet another long password');
  await page.getByRole('button', { name: 'Import wallet' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });

  await page.goto(`${browser.popupUrl}#/settings`);
  await page.getByRole('link', { name: /Archived wallets/ }).click();
  const newest = page.getByTestId('archived-wallet').first();
  await newest.waitFor();
  expect(await newest.locator('strong').textContent()).toBe('Wallet set aside');
  await expectScreenFits(page);
  await newest.getByLabel('That wallet’s password', { exact: true }).fill('wrong password');
  await newest.getByRole('button', { name: 'Restore this wallet' }).click();
  await expect.poll(() => newest.getByText('Not restored').count(), { timeout: 15_000 }).toBe(1);
  await newest.getByLabel('That wallet’s password', { exact: true }).fill(TEST_PASSWORD);
  await newest.getByRole('button', { name: 'Restore this wallet' }).click();
  await page.getByTestId('balance').waitFor({ timeout: 30_000 });
  const after = await callBackground<{ accounts: { coreHexAddress: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  expect(after.accounts.map((a) => a.coreHexAddress)).toEqual(before.accounts.map((a) => a.coreHexAddress));
  expect(errors).toEqual([]);
});
