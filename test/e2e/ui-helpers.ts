/**
 * Helpers for the UI end-to-end tests: open the wallet page at a viewport, collect page errors,
 * and save screenshots.
 *
 * Screenshots go to test/screenshots/. A normal run writes `<name>.tmp.png` (ignored by git) so
 * the suite never rewrites the committed images; `UPDATE_SCREENSHOTS=1` writes the curated ones
 * (CURATED below) as `<name>.png`, the set that is committed and that the README shows. Values that
 * change between runs (times, epochs, hashes) are masked.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser.js';

export const SCREENSHOTS = resolve(import.meta.dirname, '../screenshots');
export const MOBILE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export interface WalletPage {
  page: Page;
  errors: string[];
}

/** Opens popup.html (as a tab, the way mobile Chromium shows it) at `hash`. */
export async function openWallet(browser: ExtensionBrowser, hash = '/', viewport: { width: number; height: number } = MOBILE): Promise<WalletPage> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${browser.popupUrl}#${hash}`);
  return { page, errors };
}

/** The screenshots kept in the repository. */
export const CURATED = new Set([
  'onboarding-welcome-phone',
  'onboarding-phrase-desktop',
  'home-phone',
  'home-desktop',
  'trust-explained-phone',
  'receive-phone',
  'send-form-phone',
  'verification-phone',
  'tx-verified-phone',
  'settings-phone',
  'approvals-phone',
]);

export async function shot(page: Page, name: string, options: { mask?: Locator[]; fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const keep = process.env.UPDATE_SCREENSHOTS && CURATED.has(name);
  const file = resolve(SCREENSHOTS, `${name}${keep ? '' : '.tmp'}.png`);
  // Let transitions and spinners settle; caret blinking is hidden by Playwright.
  await page.waitForTimeout(150);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide', mask: options.mask ?? [], maskColor: '#9aa3ad' });
}

/** Everything a screenshot should not capture literally: times, epochs, hashes. */
export function volatile(page: Page): Locator[] {
  return [page.locator('[data-testid="last-known"]'), page.locator('[data-volatile]')];
}

/** A fixed phrase for tests that need known addresses (BIP39 test vector; never hold funds on it). */
export const TEST_MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
export const TEST_PASSWORD = 'correct horse battery staple';

/** Goes through "Import a recovery phrase" → password, ending in the unlocked wallet. */
export async function importWalletThroughUi(page: Page, mnemonic = TEST_MNEMONIC, password = TEST_PASSWORD): Promise<void> {
  await page.getByRole('button', { name: 'Import a recovery phrase' }).click();
  await page.getByLabel('Recovery phrase', { exact: true }).fill(mnemonic);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Repeat password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Import wallet' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
}

/** Unlocks from the lock screen. */
export async function unlockThroughUi(page: Page, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
}
