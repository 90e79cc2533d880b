/**
 * Accessibility basics of the wallet pages in real Chromium: WCAG AA contrast of every colour pair
 * the design uses (light and dark), labelled controls on the welcome page and on every main screen
 * of an unlocked wallet, keyboard focus that is visible and starts with a skip link, reduced
 * motion when the system asks for it, and no inline styles (the CSP forbids them; they would
 * silently not apply).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { DESKTOP, MOBILE, expectScreenFits, importWalletThroughUi, openWallet } from './ui-helpers.js';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ viewport: MOBILE });
});
afterAll(async () => {
  await browser?.close();
});

/** [foreground, background, minimum ratio]: text needs 4.5, borders and icons 3. */
const PAIRS: [string, string, number][] = [
  ['--text', '--bg', 4.5],
  ['--text', '--surface', 4.5],
  ['--text', '--surface-2', 4.5],
  ['--text-muted', '--bg', 4.5],
  ['--text-muted', '--surface', 4.5],
  ['--text-muted', '--surface-2', 4.5],
  ['--accent', '--surface', 4.5],
  ['--accent', '--bg', 4.5],
  ['--on-accent', '--accent', 4.5],
  ['--danger', '--surface', 4.5],
  ['--danger', '--danger-bg', 4.5],
  ['--warn', '--warn-bg', 4.5],
  ['--info', '--info-bg', 4.5],
  ['--text', '--danger-bg', 4.5],
  ['--text', '--warn-bg', 4.5],
  ['--text', '--info-bg', 4.5],
  ['--trust-verified', '--trust-verified-bg', 4.5],
  ['--trust-crosschecked', '--trust-crosschecked-bg', 4.5],
  ['--trust-single', '--trust-single-bg', 4.5],
  ['--trust-conflict', '--trust-conflict-bg', 4.5],
  ['--trust-unknown', '--trust-unknown-bg', 4.5],
  ['--trust-verified', '--surface', 3],
  ['--trust-single', '--surface', 3],
  ['--trust-conflict', '--surface', 3],
  ['--border-strong', '--surface', 3],
  ['--focus', '--bg', 3],
  ['--focus', '--surface', 3],
];

async function contrastReport(page: Page): Promise<{ pair: string; ratio: number; min: number }[]> {
  return page.evaluate((pairs) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const rgb = (variable: string): [number, number, number] => {
      probe.style.setProperty('color', `var(${variable})`);
      const match = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(probe).color);
      if (!match) throw new Error(`cannot resolve ${variable}`);
      return [Number(match[1]), Number(match[2]), Number(match[3])];
    };
    const luminance = ([r, g, b]: [number, number, number]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const out = pairs.map(([fg, bg, min]) => {
      const a = luminance(rgb(fg));
      const b = luminance(rgb(bg));
      return { pair: `${fg} on ${bg}`, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), min };
    });
    probe.remove();
    return out;
  }, PAIRS);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`colour pairs meet WCAG AA contrast (${scheme})`, async () => {
    const { page } = await openWallet(browser);
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator('h1').first().waitFor();
    const failing = (await contrastReport(page)).filter((r) => r.ratio < r.min).map((r) => `${r.pair}: ${r.ratio.toFixed(2)} < ${r.min}`);
    expect(failing).toEqual([]);
    await page.close();
  });
}

/** Buttons, links and fields without an accessible name (their start, for the failure message). */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select, textarea')]
      .filter((el) => {
        const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.length;
        return !labelled && !(el.textContent ?? '').trim();
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

test('every control has an accessible name, the page has a language, and nothing uses inline styles', async () => {
  for (const viewport of [MOBILE, DESKTOP]) {
    const { page, errors } = await openWallet(browser, '/', viewport);
    await page.getByRole('button', { name: 'Create a new wallet' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await unnamedControls(page)).toEqual([]);
    expect(await page.locator('[style]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('keyboard: Tab reaches the first action and focus is visible', async () => {
  const { page } = await openWallet(browser);
  await page.getByRole('button', { name: 'Create a new wallet' }).waitFor();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { text: el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(focused.text).toBe('Create a new wallet');
  expect(focused.outline).not.toBe('none');
  expect(focused.width).toBeGreaterThanOrEqual(2);
  // Enter activates it, like a click.
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').first().textContent()).toBe('Your recovery phrase');
  await page.close();
});

test('unlocked wallet: every main screen has named controls and one h1 and fits every size; Tab starts with a skip link to the content', async () => {
  const { page, errors } = await openWallet(browser);
  await importWalletThroughUi(page);
  for (const hash of ['/', '/receive', '/activity', '/status', '/settings', '/settings/networks', '/settings/password', '/sites', '/contacts', '/crossspace', '/accounts/private-key']) {
    await page.goto(`${browser.popupUrl}#${hash}`);
    await page.locator('main h1').first().waitFor();
    expect(await unnamedControls(page), hash).toEqual([]);
    expect(await page.locator('h1').count(), hash).toBe(1);
    expect(await page.locator('[style]').count(), hash).toBe(0);
    // With no reachable node these screens show their loading and error states: those fit too.
    await expectScreenFits(page);
  }

  await page.goto(`${browser.popupUrl}#/status`);
  await page.locator('main h1').first().waitFor();
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const rect = el.getBoundingClientRect();
    return { text: el.textContent, inView: rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth, outline: getComputedStyle(el).outlineStyle };
  });
  expect(skip).toEqual({ text: 'Skip to content', inView: true, outline: 'solid' });
  // It moves focus to the content and stays on this screen (the router owns the URL's #).
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  expect(new URL(page.url()).hash).toBe('#/status');
  // The next Tab lands inside the content, not back in the top bar.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  expect(errors.filter((e) => !/Failed to fetch|net::|ERR_/.test(e))).toEqual([]);
  await page.close();
});

test('reduced motion: spinners and transitions stop when the system asks for less motion', async () => {
  const { page } = await openWallet(browser);
  await page.locator('h1').first().waitFor();
  const spinnerSeconds = () =>
    page.evaluate(() => {
      const spinner = document.createElement('span');
      spinner.className = 'spinner';
      document.body.append(spinner);
      const seconds = parseFloat(getComputedStyle(spinner).animationDuration);
      spinner.remove();
      return seconds;
    });
  expect(await spinnerSeconds()).toBeGreaterThan(0.1);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await spinnerSeconds()).toBeLessThan(0.001);
  await page.close();
});
