/**
 * How fast the popup page becomes usable, in real Chromium with the built extension (dist/; run
 * `npx vite build` first). Target: interactive ≤ 100 ms after the page starts loading (issue 17).
 *
 * "Interactive" is the app's own `wayfarer:interactive` mark: the frame after the first screen's
 * controls are rendered and wired (React has committed and effects ran). Its parts are shown too:
 * "modules" (the page's scripts are loaded and evaluated, the first render starts) and "committed"
 * (the first screen is in the DOM with its effects run); see extension/ui/app/perf.ts. The
 * baseline, measured in the same run and browser, is a static page with one button and no script
 * (dist/icons/… is not HTML, so it is a data: page of the same size as popup.html): what any page
 * costs to show.
 * Each scenario opens the page several times, each time after a baseline load, and reports medians.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../test/support/browser.js';
import { callBackground } from '../test/support/ui-port.js';
import { TEST_MNEMONIC, TEST_PASSWORD } from '../test/e2e/ui-helpers.js';
import { printTable } from './harness.js';

const RUNS = 15;
const TARGET_MS = 100;

interface Timing {
  modules: number;
  committed: number;
  domContentLoaded: number;
  firstContentfulPaint: number;
  interactive: number;
}

/**
 * Opens `url` and reads its timings. Nothing is injected into the page while it loads (Playwright's
 * own helpers cost the page's main thread ~10–20 ms): the marks are polled with a bare expression
 * over the DevTools protocol, and read once the page is done.
 */
async function timePage(context: BrowserContext, url: string, waitForMark: boolean): Promise<Timing> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    const done = waitForMark ? `performance.getEntriesByName('wayfarer:interactive').length > 0` : `document.querySelector('button') !== null`;
    for (const deadline = Date.now() + 10_000; ; ) {
      const { result } = (await cdp.send('Runtime.evaluate', { expression: done, returnByValue: true })) as { result: { value?: unknown } };
      if (result.value === true) break;
      if (Date.now() > deadline) throw new Error(`${url}: not interactive within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await cdp.detach();
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      // (no named functions in here: the bundler would wrap them in a helper the page lacks)
      const [modules, committed, interactive] = ['modules', 'committed', 'interactive'].map((name) => performance.getEntriesByName(`wayfarer:${name}`)[0]?.startTime ?? NaN) as [number, number, number];
      return { modules, committed, domContentLoaded: nav.domContentLoadedEventEnd, firstContentfulPaint: fcp?.startTime ?? NaN, interactive: Number.isNaN(interactive) ? nav.domContentLoadedEventEnd : interactive };
    });
  } finally {
    await page.close();
  }
}

/** The median of the values measured (a mark a page does not set is left out; none: NaN). */
function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const BASELINE_URL = 'data:text/html,<!doctype html><meta charset=utf-8><title>b</title><div id=root><button>ok</button></div>';

function medians(runs: Timing[]): Timing {
  return {
    modules: median(runs.map((r) => r.modules)),
    committed: median(runs.map((r) => r.committed)),
    domContentLoaded: median(runs.map((r) => r.domContentLoaded)),
    firstContentfulPaint: median(runs.map((r) => r.firstContentfulPaint)),
    interactive: median(runs.map((r) => r.interactive)),
  };
}

/**
 * Loads of `url` alternate with loads of the baseline, so each scenario is compared with a baseline
 * measured under the same load of the machine (it is shared: other work comes and goes).
 */
async function scenario(context: BrowserContext, url: string): Promise<{ page: Timing; baseline: Timing }> {
  await timePage(context, url, true); // warm-up: first load compiles and caches
  const pages: Timing[] = [];
  const baselines: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    baselines.push(await timePage(context, BASELINE_URL, false));
    pages.push(await timePage(context, url, true));
  }
  return { page: medians(pages), baseline: medians(baselines) };
}

export default async function run(): Promise<void> {
  const browser = await launchWithExtension({ viewport: { width: 360, height: 740 } });
  try {
    await timePage(browser.context, BASELINE_URL, false); // warm-up
    const rows: Record<string, string | number>[] = [];
    const row = (page: string, { page: t, baseline }: { page: Timing; baseline: Timing }) => ({
      page,
      'modules ms': t.modules,
      'DOMContentLoaded ms': t.domContentLoaded,
      'committed ms': t.committed,
      'first paint ms': t.firstContentfulPaint,
      'interactive ms': t.interactive,
      'baseline ms': baseline.interactive,
      'vs baseline': t.interactive / baseline.interactive,
      target: t.interactive <= TARGET_MS ? `≤ ${TARGET_MS} ms: met` : `≤ ${TARGET_MS} ms: MISSED`,
    });
    rows.push(row('popup: welcome (new install)', await scenario(browser.context, `${browser.popupUrl}#/`)));

    // A wallet exists and is locked: the lock screen.
    const setup = await browser.context.newPage();
    await setup.goto(browser.popupUrl);
    await callBackground(setup, 'vault.create', { password: TEST_PASSWORD, wallet: { kind: 'mnemonic', mnemonic: TEST_MNEMONIC } });
    await callBackground(setup, 'vault.lock');
    rows.push(row('popup: lock screen', await scenario(browser.context, `${browser.popupUrl}#/`)));

    // Unlocked, reopened: the home screen from remembered values while fresh ones load.
    await callBackground(setup, 'vault.unlock', { password: TEST_PASSWORD });
    rows.push(row('popup: home (unlocked, reopened)', await scenario(browser.context, `${browser.popupUrl}#/`)));
    await setup.close();
    printTable(`Popup time to interactive (median of ${RUNS} loads, 360×740; baseline: a static page with one button, loaded between them)`, rows);
  } finally {
    await browser.close();
  }
}
