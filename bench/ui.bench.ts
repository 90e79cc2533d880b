/**
 * How fast the popup page becomes usable, in real Chromium with the built extension (dist/; run
 * `npx vite build` first). Target: interactive ≤ 100 ms after the page starts loading (issue 17).
 *
 * "Interactive" is the app's own `wayfarer:interactive` mark, set once the first screen's controls
 * are rendered and wired (React has committed and effects ran). The baseline, measured in the same
 * run and browser, is a static extension page with one button and no script (dist/icons/… is not
 * HTML, so it is a data: page of the same size as popup.html): what any page costs to show.
 * Each scenario opens the page several times and reports the median.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../test/support/browser.js';
import { callBackground } from '../test/support/ui-port.js';
import { TEST_MNEMONIC, TEST_PASSWORD } from '../test/e2e/ui-helpers.js';
import { printTable } from './harness.js';

const RUNS = 15;
const TARGET_MS = 100;

interface Timing {
  domContentLoaded: number;
  firstContentfulPaint: number;
  interactive: number;
}

async function timePage(context: BrowserContext, url: string, waitForMark: boolean): Promise<Timing> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (waitForMark) await page.waitForFunction(() => performance.getEntriesByName('wayfarer:interactive').length > 0, undefined, { timeout: 10_000 });
    else await page.waitForSelector('button');
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const mark = performance.getEntriesByName('wayfarer:interactive')[0];
      return { domContentLoaded: nav.domContentLoadedEventEnd, firstContentfulPaint: fcp?.startTime ?? NaN, interactive: mark?.startTime ?? nav.domContentLoadedEventEnd };
    });
  } finally {
    await page.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function scenario(context: BrowserContext, url: string, waitForMark: boolean): Promise<Timing> {
  await timePage(context, url, waitForMark); // warm-up: first load compiles and caches
  const runs: Timing[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timePage(context, url, waitForMark));
  return {
    domContentLoaded: median(runs.map((r) => r.domContentLoaded)),
    firstContentfulPaint: median(runs.map((r) => r.firstContentfulPaint)),
    interactive: median(runs.map((r) => r.interactive)),
  };
}

export default async function run(): Promise<void> {
  const browser = await launchWithExtension({ viewport: { width: 360, height: 740 } });
  try {
    const baseline = await scenario(browser.context, 'data:text/html,<!doctype html><meta charset=utf-8><title>b</title><div id=root><button>ok</button></div>', false);
    const rows: Record<string, string | number>[] = [{ page: 'baseline: static page, one button', 'DOMContentLoaded ms': baseline.domContentLoaded, 'first paint ms': baseline.firstContentfulPaint, 'interactive ms': baseline.interactive, 'vs baseline': 1, target: '' }];
    const row = (page: string, t: Timing) => ({ page, 'DOMContentLoaded ms': t.domContentLoaded, 'first paint ms': t.firstContentfulPaint, 'interactive ms': t.interactive, 'vs baseline': t.interactive / baseline.interactive, target: t.interactive <= TARGET_MS ? `≤ ${TARGET_MS} ms: met` : `≤ ${TARGET_MS} ms: MISSED` });
    rows.push(row('popup: welcome (new install)', await scenario(browser.context, `${browser.popupUrl}#/`, true)));

    // A wallet exists and is locked: the lock screen.
    const setup = await browser.context.newPage();
    await setup.goto(browser.popupUrl);
    await callBackground(setup, 'vault.create', { password: TEST_PASSWORD, wallet: { kind: 'mnemonic', mnemonic: TEST_MNEMONIC } });
    await callBackground(setup, 'vault.lock');
    rows.push(row('popup: lock screen', await scenario(browser.context, `${browser.popupUrl}#/`, true)));

    // Unlocked, reopened: the home screen from remembered values while fresh ones load.
    await callBackground(setup, 'vault.unlock', { password: TEST_PASSWORD });
    rows.push(row('popup: home (unlocked, reopened)', await scenario(browser.context, `${browser.popupUrl}#/`, true)));
    await setup.close();
    printTable(`Popup time to interactive (median of ${RUNS} loads, 360×740)`, rows);
  } finally {
    await browser.close();
  }
}
