/**
 * Helpers for the UI end-to-end tests: open the wallet page at a viewport, collect page errors,
 * check a screen's layout at every size, and save screenshots.
 *
 * Screenshots go to test/screenshots/. A normal run writes `<name>.tmp.png` (ignored by git) so
 * the suite never rewrites the committed images; `UPDATE_SCREENSHOTS=1` writes the curated ones
 * (CURATED below) as `<name>.png`, the set that is committed and that the README shows.
 *
 * Only values that really change between runs are masked (times, epochs, hashes, the dev node's
 * random ports), each with a box the size of the value: addresses derived from the fixed test
 * phrase, fixed amounts and every label stay readable. Screens are photographed as the viewport
 * shows them; a long screen (`fullPage`) is taken in a window as tall as its content, so the
 * bottom tab bar sits under the content where a tall phone would show it, not across it.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser.js';
import { expectLayoutFits, layoutProblems } from './ui-layout.js';
import zhCatalog from '../../extension/ui/i18n/locales/zh-CN.json';

/** The Chinese catalog: Chinese tests find controls by the names it gives them. */
export const zh = zhCatalog;

/** Fills a catalog message's `{{parameters}}`. */
export function msg(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Chooses the language in Settings (`auto`: the browser's), and waits until the screen speaks it. */
export async function chooseLanguage(page: Page, popupUrl: string, locale: 'en' | 'zh-CN' | 'auto', settingsTitle: string): Promise<void> {
  await page.goto(`${popupUrl}#/settings`);
  await page.getByTestId('language').selectOption(locale);
  await page.getByRole('heading', { level: 1, name: settingsTitle, exact: true }).waitFor();
}

export const SCREENSHOTS = resolve(import.meta.dirname, '../screenshots');
export const MOBILE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
/** A desktop window about the size of the toolbar popup. */
export const POPUP_SIZED = { width: 360, height: 600 } as const;
/** The toolbar popup: the page asks for 380 px, Chrome caps the height at 600 px. */
const TOOLBAR_POPUP = { width: 380, height: 600 } as const;
const LAYOUT_SIZES = [MOBILE, POPUP_SIZED, DESKTOP];

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
  'trust-verified-phone',
  'trust-verified-phone-zh',
  'onboarding-welcome-phone',
  'onboarding-phrase-desktop',
  'home-phone',
  'home-desktop',
  'home-dark-phone',
  'trust-explained-phone',
  'receive-phone',
  'send-form-phone',
  'verification-phone',
  'tx-verified-phone',
  'settings-phone',
  'approval-connect-phone',
  'send-review-phone',
  'activity-received-phone',
  'onboarding-welcome-phone-zh',
  'onboarding-phrase-phone-zh',
  'home-phone-zh',
  'trust-explained-phone-zh',
  'receive-phone-zh',
  'send-form-phone-zh',
  'tx-verified-phone-zh',
  'verification-phone-zh',
  'settings-phone-zh',
  'approval-connect-phone-zh',
  'crossspace-review-phone',
  'crossspace-done-phone',
  'crossspace-back-done-phone',
  'crossspace-review-phone-zh',
  'contacts-phone',
  'contacts-phone-zh',
  'send-contact-phone',
  'activity-crossspace-phone',
  'send-name-phone',
  'allowances-phone',
  'allowances-phone-zh',
]);

/** Sizes the popup-sized window as Chrome sizes the popup: 380 px plus the scrollbar it draws. */
async function followScrollbar(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const scrollbar = await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth);
    const width = TOOLBAR_POPUP.width + scrollbar;
    if (width === page.viewportSize()?.width) return;
    await page.setViewportSize({ ...TOOLBAR_POPUP, width });
  }
}

/**
 * Checks the current screen's layout (ui-layout.ts) at phone size, in a popup-sized window, on a
 * desktop tab and with the toolbar popup's styles, then puts the viewport back.
 */
export async function expectScreenFits(page: Page): Promise<void> {
  const original = page.viewportSize();
  for (const size of LAYOUT_SIZES) {
    await page.setViewportSize(size);
    await expectLayoutFits(page);
  }
  // The toolbar popup's own styles, in a window of the popup's size (a test cannot open the
  // real popup; its page is this one with `mode-popup` instead of `mode-tab`).
  const mode = await page.evaluate(() => document.documentElement.classList.contains('mode-tab'));
  if (mode) {
    await page.setViewportSize(TOOLBAR_POPUP);
    await page.evaluate(() => document.documentElement.classList.replace('mode-tab', 'mode-popup'));
    try {
      // Chrome widens the popup by the width of a vertical scrollbar while the content scrolls,
      // and follows when the content grows past the window or shrinks back (a section that
      // finishes loading): so does this window, before the check and once more if it failed.
      await followScrollbar(page);
      if ((await layoutProblems(page)).length > 0) await followScrollbar(page);
      await expectLayoutFits(page);
    } finally {
      await page.evaluate(() => document.documentElement.classList.replace('mode-popup', 'mode-tab'));
    }
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Saves a screenshot of the current screen, after checking its layout at every size (a screen
 * worth a picture must fit). Phone-width shots leave out the classic scrollbar desktop Chromium
 * draws: phones overlay theirs.
 */
export async function shot(page: Page, name: string, options: { mask?: Locator[]; fullPage?: boolean } = {}): Promise<void> {
  await expectScreenFits(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const keep = process.env.UPDATE_SCREENSHOTS && CURATED.has(name);
  const file = resolve(SCREENSHOTS, `${name}${keep ? '' : '.tmp'}.png`);
  const size = page.viewportSize() ?? MOBILE;
  if (options.fullPage) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  }
  // No hover highlight left by the last click; let transitions and spinners settle (Playwright
  // hides the caret).
  await page.mouse.move(0, 0);
  await page.waitForTimeout(150);
  // Through the CSSOM: the pages' CSP (style-src 'self') refuses an injected style sheet.
  const hideScrollbar = size.width < 600;
  if (hideScrollbar) await page.evaluate(() => document.documentElement.style.setProperty('scrollbar-width', 'none'));
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', mask: options.mask ?? [], maskColor: '#9aa3ad' });
  if (hideScrollbar) await page.evaluate(() => document.documentElement.style.removeProperty('scrollbar-width'));
  if (options.fullPage) await page.setViewportSize(size);
}

/** Everything a screenshot should not capture literally: values marked as changing between runs. */
export function volatile(page: Page): Locator[] {
  // Only what is on screen: a mask for a value inside a closed <details> lands on other text.
  return [page.locator('[data-volatile]').filter({ visible: true })];
}

/** The value a definition list shows for `label`: the `<dd>` after the `<dt>` with exactly that text. */
export function valueOf(page: Page, label: string): Locator {
  return page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
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
