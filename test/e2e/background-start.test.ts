/**
 * A background service whose storage cannot be opened fails alone, with its typed error, and
 * recovers by itself once the storage is usable again — in the real extension. The vault database
 * is made unopenable the way a newer (or broken) copy would: it is upgraded past the version this
 * build knows while the worker is stopped.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { callBackground } from '../support/ui-port.js';

const VAULT_DB = 'wayfarer-vault';
let browser: ExtensionBrowser;
/** An extension-origin page with no wallet UI on it (nothing in it talks to the worker by itself). */
let page: Page;
let devtools: CDPSession;

beforeAll(async () => {
  browser = await launchWithExtension();
  const blank = await browser.context.newPage();
  devtools = await browser.context.newCDPSession(blank);
  await devtools.send('ServiceWorker.enable');
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/icons/icon-128.png`);
});
afterAll(async () => {
  await browser?.close();
});

const call = <T>(method: string, params?: unknown) => callBackground<T>(page, method, params);

test('an unopenable vault database: vault requests get vault.storage, the rest of the wallet works, and it recovers without a restart', async () => {
  expect(await call<{ state: string }>('vault.status')).toMatchObject({ state: 'empty' });

  await devtools.send('ServiceWorker.stopAllWorkers');
  const upgraded = await page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name, 1_000_000);
        request.onsuccess = () => {
          const version = request.result.version;
          request.result.close();
          resolve(version);
        };
        request.onerror = () => reject(new Error(String(request.error)));
        request.onblocked = () => reject(new Error('blocked: the worker still holds the database'));
      }),
    VAULT_DB,
  );
  expect(upgraded).toBe(1_000_000);

  await expect(call('vault.status')).rejects.toMatchObject({ code: 'vault.storage' });
  // Other services do not wait on the vault.
  expect(await call<{ version: string }>('app.info')).toHaveProperty('version');
  expect(await call<{ network: string }>('chain.status')).toHaveProperty('network');
  // Asking again fails the same way (retried, not a cached crash).
  await expect(call('vault.status')).rejects.toMatchObject({ code: 'vault.storage' });

  // The storage becomes usable again (here: the foreign copy is removed): the next request starts the vault.
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error(String(request.error)));
      }),
    VAULT_DB,
  );
  expect(await call<{ state: string }>('vault.status')).toMatchObject({ state: 'empty' });
});
