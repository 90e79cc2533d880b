import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { callBackground, UiCallError } from '../support/ui-port.js';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

test('the built extension loads: the service worker starts', async () => {
  const worker = await browser.serviceWorker();
  expect(worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
  const manifestVersion = await worker.evaluate(() => chrome.runtime.getManifest().manifest_version);
  expect(manifestVersion).toBe(3);
});

test('the popup page renders and reaches the background over the UI port', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(browser.popupUrl);
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('Wayfarer');
  const info = await callBackground<{ version: string; startedAt: number }>(page, 'app.info');
  expect(info.version).toBe('0.1.0');
  await expect(callBackground(page, 'no.such.method')).rejects.toThrow(UiCallError);
  expect(errors).toEqual([]);
  await page.close();
});
