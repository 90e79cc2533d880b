/**
 * Launches Debian Chromium with the built extension (dist/) in a fresh persistent profile, the way
 * a user would load it unpacked, and finds the extension's service worker and id.
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST = resolve(import.meta.dirname, '../../dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  popupUrl: string;
  close: () => Promise<void>;
}

/**
 * `locale` is the browser's language (its UI language and the pages' `navigator.language`): English
 * unless a test asks for another, so tests that read English labels pass on any machine.
 */
export async function launchWithExtension(options: { viewport?: { width: number; height: number }; locale?: string; /** Extra Chromium switches (e.g. --host-resolver-rules). */ args?: string[] } = {}): Promise<ExtensionBrowser> {
  const locale = options.locale ?? 'en-US';
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`no built extension at ${DIST}: run npm run build`);
  const profile = mkdtempSync(join(tmpdir(), 'wayfarer-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new below; Playwright's own headless mode cannot load extensions
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale,
    env: { ...process.env, LANG: `${locale.replace('-', '_')}.UTF-8`, LANGUAGE: locale.replace('-', '_') },
    args: [
      `--lang=${locale}`,
      '--headless=new',
      '--no-sandbox',
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });
  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
    if (existing) return existing;
    return context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js'), timeout: 30_000 });
  };
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    popupUrl: `chrome-extension://${extensionId}/popup.html`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
