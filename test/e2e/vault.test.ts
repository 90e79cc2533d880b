/**
 * The vault in the real extension: the session survives service-worker restarts until the
 * auto-lock deadline and not after it (also when nobody asks: the alarm locks), lock really wipes
 * the session, and two popups writing at once lose nothing.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { callBackground } from '../support/ui-port.js';

const PASSWORD = 'e2e vault password';
let browser: ExtensionBrowser;
let popup: Page;
/** DevTools session on a plain about:blank page: stops workers and watches them start. */
let devtools: CDPSession;
const workerStarts: number[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  const blank = await browser.context.newPage();
  devtools = await browser.context.newCDPSession(blank);
  devtools.on('ServiceWorker.workerVersionUpdated', (event) => {
    if (event.versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'running')) workerStarts.push(Date.now());
  });
  await devtools.send('ServiceWorker.enable');
  popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl);
});
afterAll(async () => {
  await browser?.close();
});

interface Status {
  state: string;
  lockAt: number | null;
  autoLockMs: number;
  failedAttempts: number;
}
interface Accounts {
  wallets: { id: string }[];
  accounts: { id: string; name: string; coreAddress: string; evmAddress: string }[];
}

const call = <T>(method: string, params?: unknown, page: Page = popup) => callBackground<T>(page, method, params);

/** Stops every service worker through the DevTools protocol, as the browser does to idle workers. */
async function stopServiceWorker(): Promise<void> {
  await devtools.send('ServiceWorker.stopAllWorkers');
}

async function workerStartedAt(): Promise<number> {
  return (await call<{ startedAt: number }>('app.info')).startedAt;
}

/** What the extension keeps in chrome.storage.session, read from the popup (a trusted context). */
async function sessionStorageContents(): Promise<Record<string, unknown>> {
  return popup.evaluate(async () => chrome.storage.session.get(null));
}

test('create, lock, restart: locked; unlock, restart: still unlocked; past the deadline: locked, even with nobody asking', async () => {
  expect((await call<Status>('vault.status')).state).toBe('empty');
  await expect(call('vault.create', { password: 'short', wallet: { kind: 'generate', words: 12 } })).rejects.toMatchObject({ code: 'vault.password_too_short' });
  const { walletId } = await call<{ walletId: string }>('vault.create', { password: PASSWORD, wallet: { kind: 'generate', words: 12 } });
  expect((await call<Status>('vault.status')).state).toBe('unlocked');
  const phrase = await call<{ mnemonic: string }>('vault.revealMnemonic', { walletId, password: PASSWORD });
  const stored = JSON.stringify(await sessionStorageContents());
  expect(stored).toContain('masterKey');
  expect(stored).not.toContain(PASSWORD);
  expect(stored).not.toContain(phrase.mnemonic.split(' ').slice(0, 3).join(' '));

  // Locked, then the worker is stopped: it comes back locked, and the session record is gone.
  await call('vault.lock');
  expect(await sessionStorageContents()).toEqual({});
  const before = await workerStartedAt();
  await stopServiceWorker();
  expect(await workerStartedAt()).not.toBe(before);
  expect((await call<Status>('vault.status')).state).toBe('locked');
  await expect(call('vault.accounts', { networkId: 1029 })).rejects.toMatchObject({ code: 'vault.locked' });

  // Unlocked with a one-minute auto-lock, then the worker is stopped: it resumes without the password.
  await expect(call('vault.unlock', { password: 'not the password' })).rejects.toMatchObject({ code: 'vault.wrong_password' });
  await call('vault.unlock', { password: PASSWORD });
  await call('vault.setAutoLock', { autoLockMs: 60_000 });
  const { lockAt } = await call<Status>('vault.status');
  expect(lockAt).not.toBeNull();
  const restartedFrom = await workerStartedAt();
  await stopServiceWorker();
  const status = await call<Status>('vault.status');
  expect(await workerStartedAt()).not.toBe(restartedFrom);
  expect(status).toMatchObject({ state: 'unlocked', lockAt, autoLockMs: 60_000, failedAttempts: 0 });
  expect((await call<Accounts>('vault.accounts', { networkId: 1029 })).accounts).toHaveLength(1);

  // Stop the worker, close every extension page and let the deadline pass with nobody asking: the
  // alarm wakes the worker, which locks and wipes the session on its own.
  await popup.close();
  await stopServiceWorker();
  const stoppedAt = Date.now();
  await expect.poll(() => workerStarts.filter((t) => t > stoppedAt).length, { timeout: lockAt! - Date.now() + 60_000, interval: 1_000 }).toBeGreaterThan(0);
  expect(workerStarts.find((t) => t > stoppedAt)).toBeGreaterThanOrEqual(lockAt! - 1_000);
  await expect.poll(async () => (await browser.serviceWorker()).evaluate(async () => chrome.storage.session.get(null)), { timeout: 20_000, interval: 500 }).toEqual({});
  popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl);
  expect((await call<Status>('vault.status')).state).toBe('locked');
  await expect(call('vault.revealMnemonic', { walletId, password: PASSWORD })).rejects.toMatchObject({ code: 'vault.locked' });

  // And it opens again with the password, same wallet.
  await call('vault.unlock', { password: PASSWORD });
  expect((await call<{ mnemonic: string }>('vault.revealMnemonic', { walletId, password: PASSWORD })).mnemonic).toBe(phrase.mnemonic);
  await call('vault.setAutoLock', { autoLockMs: 15 * 60_000 });
});

test('two popups writing at once lose nothing', async () => {
  const other = await browser.context.newPage();
  await other.goto(browser.popupUrl);
  const { wallets } = await call<Accounts>('vault.accounts', { networkId: 1029 });
  const walletId = wallets[0]!.id;
  // Both popups add accounts at the same time.
  await Promise.all([
    ...Array.from({ length: 3 }, async () => call('vault.addAccount', { walletId }, popup)),
    ...Array.from({ length: 3 }, async () => call('vault.addAccount', { walletId }, other)),
  ]);
  const { accounts } = await call<Accounts>('vault.accounts', { networkId: 1029 });
  expect(accounts).toHaveLength(7);
  expect(new Set(accounts.map((a) => a.evmAddress)).size).toBe(7);
  // Each popup renames a different half of the accounts, concurrently.
  await Promise.all(
    accounts.map(async (account, i) => call('vault.renameAccount', { accountId: account.id, name: `${i % 2 === 0 ? 'Left' : 'Right'} ${i}` }, i % 2 === 0 ? popup : other)),
  );
  const renamed = await call<Accounts>('vault.accounts', { networkId: 1029 }, other);
  expect(renamed.accounts.map((a) => a.name)).toEqual(accounts.map((_, i) => `${i % 2 === 0 ? 'Left' : 'Right'} ${i}`));
  // The writes are durable: they survive a worker restart.
  await stopServiceWorker();
  expect((await call<Accounts>('vault.accounts', { networkId: 1029 })).accounts.map((a) => a.name)).toEqual(renamed.accounts.map((a) => a.name));
  await other.close();
});

test('backup export and restore through the UI API; the replaced vault is archived', async () => {
  const { text, fileName } = await call<{ text: string; fileName: string }>('vault.exportBackup', { password: PASSWORD });
  expect(fileName).toMatch(/^wayfarer-vault-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const { accounts } = await call<Accounts>('vault.accounts', { networkId: 1029 });
  await call('vault.renameAccount', { accountId: accounts[0]!.id, name: 'After the backup' });
  await expect(call('vault.restoreBackup', { text, password: 'wrong password' })).rejects.toMatchObject({ code: 'vault.wrong_password' });
  const { archivedIds } = await call<{ archivedIds: number[] }>('vault.restoreBackup', { text, password: PASSWORD });
  expect(archivedIds.length).toBeGreaterThan(0);
  expect((await call<Status>('vault.status')).state).toBe('unlocked');
  expect((await call<Accounts>('vault.accounts', { networkId: 1029 })).accounts[0]!.name).toBe('Left 0');
  expect((await call<{ archiveId: number }[]>('vault.listArchive')).map((e) => e.archiveId)).toEqual(expect.arrayContaining(archivedIds));
});
