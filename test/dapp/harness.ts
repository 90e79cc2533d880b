/**
 * End-to-end harness for the provider: the built extension in real Chromium, a wallet set up with
 * the dev node's funded genesis key, the demo dApp (built with vite, served on 127.0.0.1), and
 * helpers that find and click the wallet's real approval page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { GENESIS_PRIVATE_KEY } from '../support/devnode.js';
import type { ExtensionBrowser } from '../support/browser.js';
import { callBackground } from '../support/ui-port.js';
import { buildDapp, serveDir } from './serve.mjs';

export const WALLET_PASSWORD = 'provider e2e password';

export interface DappServer {
  url: string;
  dir: string;
  close: () => Promise<void>;
}

/** Builds the dApp once and serves it; `routes` adds extra HTML pages (hostile pages). */
export async function startDappServer(routes: Record<string, string> = {}, options: { host?: string } = {}): Promise<DappServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wayfarer-dapp-'));
  await buildDapp(dir);
  const server = await serveDir(dir, { routes, ...(options.host ? { host: options.host } : {}) });
  return {
    url: server.url,
    dir,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Serves only the given routes (a second origin, e.g. for cross-origin frames). */
export async function startRoutesServer(routes: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wayfarer-routes-'));
  const server = await serveDir(dir, { routes });
  return { url: server.url, close: async () => (await server.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** Creates the wallet from the dev node's funded genesis key (through the real UI API) and returns the popup page. */
export async function setUpWallet(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl);
  await callBackground(popup, 'vault.create', { password: WALLET_PASSWORD, wallet: { kind: 'private-key', privateKey: GENESIS_PRIVATE_KEY, name: 'Genesis' } });
  return popup;
}

export function isApprovalPage(page: Page, browser: ExtensionBrowser): boolean {
  return page.url().startsWith(`chrome-extension://${browser.extensionId}/approval/`);
}

/** The open approval page (waits for it to open). */
export async function approvalPage(browser: ExtensionBrowser, timeout = 15_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const page = browser.context.pages().find((p) => isApprovalPage(p, browser) && !p.isClosed());
    if (page) return page;
    if (Date.now() > deadline) throw new Error('no approval page opened');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function openApprovalPages(browser: ExtensionBrowser): Page[] {
  return browser.context.pages().filter((p) => isApprovalPage(p, browser) && !p.isClosed());
}

/** Waits until an approval page shows a request whose text matches; returns that page. */
export async function showing(browser: ExtensionBrowser, expectText: RegExp, timeout = 30_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  let lastText = '';
  while (Date.now() < deadline) {
    for (const page of openApprovalPages(browser)) {
      try {
        const approve = page.getByTestId('approve');
        if ((await approve.count()) === 0 || !(await approve.isEnabled())) continue;
        lastText = await page.locator('main').innerText();
        if (expectText.test(lastText)) return page;
      } catch (error) {
        if (!page.isClosed()) throw error;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no approval page showed ${String(expectText)}; last seen: ${lastText.slice(0, 500)}`);
}

/**
 * Waits until an approval page shows a request whose text matches, then clicks approve/reject.
 * A page that is closing (the previous request was its last) is skipped.
 */
export async function answer(browser: ExtensionBrowser, decision: 'approve' | 'reject', expectText: RegExp | string = /./, timeout = 30_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  const wanted = typeof expectText === 'string' ? new RegExp(expectText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : expectText;
  let lastText = '';
  while (Date.now() < deadline) {
    for (const page of openApprovalPages(browser)) {
      try {
        const button = page.getByTestId(decision);
        if ((await button.count()) === 0 || !(await button.isEnabled())) continue;
        lastText = await page.locator('main').innerText();
        if (!wanted.test(lastText)) continue;
        try {
          await button.click({ timeout: 5_000 });
        } catch (error) {
          // Answering the last request closes the window, sometimes before the click returns.
          if (!page.isClosed()) throw error;
        }
        return page;
      } catch (error) {
        if (!page.isClosed()) throw error;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no approval page showed ${String(wanted)} with a ${decision} button; last seen: ${lastText.slice(0, 500)}`);
}

export interface ActionResult<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { code: number | string | undefined; message: string };
}

/** Starts a dApp action (`window.dapp.<space>.<name>(...args)`) without waiting for it. */
export function startAction<T = unknown>(page: Page, space: 'core' | 'espace', name: string, ...args: unknown[]): Promise<ActionResult<T>> {
  return page.evaluate(
    ({ space, name, args }) => (window as unknown as { dapp: Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>> }).dapp[space]![name]!(...args),
    { space, name, args },
  ) as Promise<ActionResult<T>>;
}

/** Calls the page's provider directly: `window.conflux` / `window.ethereum` `.request(...)`, returning result or error. */
export function providerRequest(page: Page, space: 'core' | 'espace', method: string, params?: unknown): Promise<ActionResult> {
  return page.evaluate(
    async ({ space, method, params }) => {
      const provider = (window as unknown as Record<string, { request: (a: unknown) => Promise<unknown> }>)[space === 'core' ? 'conflux' : 'ethereum']!;
      try {
        return { ok: true, value: await provider.request(params === undefined ? { method } : { method, params }) };
      } catch (error) {
        const e = error as { code?: number; message?: string };
        return { ok: false, error: { code: e.code, message: String(e.message) } };
      }
    },
    { space, method, params },
  );
}
