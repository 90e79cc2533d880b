/**
 * The dApp provider end to end: real Chromium with the built extension, a real Conflux dev node,
 * and the demo dApp page using js-conflux-sdk over `window.conflux` (Core) and viem over the
 * EIP-6963-discovered provider (eSpace). Every approval is clicked on the wallet's real approval
 * page; every signature is verified by the page with its library; transactions are mined.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeCfxAddress, encodeCfxAddress } from '../../core/address/cip37.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { PrivateKey } from '../../core/keys/private-key.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { answer, openApprovalPages, providerRequest, setUpWallet, showing, startAction, startDappServer, WALLET_PASSWORD, type ActionResult, type DappServer } from '../dapp/harness.js';
import { callBackground } from '../support/ui-port.js';
import { REVERTING_INIT_CODE } from '../dapp/reverting.js';

const node = sharedDevNode();
const key = PrivateKey.fromHex(GENESIS_PRIVATE_KEY);
const coreAddress = encodeCfxAddress(coreAddressFromPrivateKey(key), node.chainId);
const espaceAddress = espaceAddressFromPrivateKey(key);

let browser: ExtensionBrowser;
let server: DappServer;
let dapp: Page;
let popup: Page;

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`action failed: ${String(result.error?.code)} ${result.error?.message}`);
  return result.value as T;
}

beforeAll(async () => {
  // Wayfarer reads nonces at a PoS-finalized epoch: a brand-new dev node has none for ~20 s.
  await waitForFinality(node);
  browser = await launchWithExtension();
  popup = await setUpWallet(browser);
  server = await startDappServer();
  dapp = await browser.context.newPage();
  await dapp.goto(`${server.url}/?${new URLSearchParams({ coreRpc: node.coreRpc, espaceRpc: node.espaceRpc, coreChainId: String(node.chainId), espaceChainId: String(node.evmChainId) })}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Core space: js-conflux-sdk through window.conflux', () => {
  test('the provider looks like Fluent to Conflux dApps and is frozen', async () => {
    expect(await dapp.evaluate(() => (window as unknown as { dapp: { core: { isFluent: () => boolean } } }).dapp.core.isFluent())).toBe(true);
    expect(await dapp.evaluate(() => Object.isFrozen((window as unknown as { conflux: object }).conflux))).toBe(true);
  });

  test('the user configures the dev node in Settings (a site may not add a node on this computer); the dApp\'s addChain then only switches', async () => {
    // Verifying Core headers needs the eSpace base price, so the wallet needs an eSpace node too.
    await callBackground(popup, 'chain.setNetwork', { network: 'local' });
    await callBackground(popup, 'chain.addNode', { space: 'core', url: node.coreRpc });
    await callBackground(popup, 'chain.addNode', { space: 'espace', url: node.espaceRpc });
    expect(ok(await startAction(dapp, 'core', 'addChain'))).toBeNull();
    expect(openApprovalPages(browser)).toEqual([]);
    expect(ok(await startAction(dapp, 'core', 'chain'))).toMatchObject({ chainId: '0x400', netVersion: '1024', sdkStatusChainId: 1024 });
  });

  test('connect: a rejection reaches the dApp as 4001; approval exposes the chosen account', async () => {
    const rejected = startAction(dapp, 'core', 'connect');
    await answer(browser, 'reject', /Connect to this site\?/);
    expect(await rejected).toMatchObject({ ok: false, error: { code: 4001 } });
    expect(ok(await startAction(dapp, 'core', 'accounts'))).toEqual([]);

    const connected = startAction(dapp, 'core', 'connect');
    const page = await showing(browser, new RegExp(coreAddress));
    expect(await page.getByTestId('origin').innerText()).toBe(server.url); // as the browser reports it
    await answer(browser, 'approve', new RegExp(coreAddress));
    expect(ok(await connected)).toEqual([coreAddress]);
    expect(ok(await startAction(dapp, 'core', 'accounts'))).toEqual([coreAddress]);
  });

  test('reads go through the wallet: balance via js-conflux-sdk', async () => {
    expect(BigInt(ok(await startAction<string>(dapp, 'core', 'balance')))).toBeGreaterThan(0n);
  });

  test('personal_sign: the page recovers the signer with js-conflux-sdk', async () => {
    const signed = startAction(dapp, 'core', 'sign', 'Hello from the e2e test ✓');
    const page = await showing(browser, /Sign this message\?/);
    expect(await page.getByTestId('message-text').innerText()).toBe('Hello from the e2e test ✓');
    await answer(browser, 'approve', /Sign this message\?/);
    expect(ok(await signed)).toMatchObject({ recovered: coreAddress, verified: true });
  });

  test('typed data (CIP-23): verified by the page; a domain for another chain is refused without asking', async () => {
    const signed = startAction(dapp, 'core', 'signTyped');
    await answer(browser, 'approve', /Sign typed data\?[\s\S]*For chain 1024/);
    expect(ok(await signed)).toMatchObject({ recovered: coreAddress, verified: true });
    const wrong = await startAction(dapp, 'core', 'signTyped', 1029);
    expect(wrong).toMatchObject({ ok: false, error: { code: -32602 } });
    expect(wrong.error?.message).toMatch(/chain 1029 but the active chain is 1024/);
    expect(openApprovalPages(browser)).toEqual([]);
  });

  test('send: js-conflux-sdk sends 1 CFX through the wallet; the approval shows the decoded transaction; it is mined', async () => {
    const sent = startAction<{ hash: string; receipt: { outcomeStatus: number } }>(dapp, 'core', 'send');
    const page = await Promise.race([showing(browser, /Send/), sent.then((r) => Promise.reject(new Error(`send ended early: ${JSON.stringify(r)}`)))]);
    expect(await page.getByTestId('tx-value').innerText()).toBe('1 CFX');
    expect(await page.getByTestId('tx-to').innerText()).toBe(coreAddress);
    expect(await page.getByTestId('tx-chain').innerText()).toBe('1024');
    await page.getByTestId('approve').click();
    const { hash, receipt } = ok(await sent);
    expect(receipt.outcomeStatus).toBe(0);
    const onNode = await rpcCall<{ from: string; value: string }>(node.coreRpc, 'cfx_getTransactionByHash', [hash]);
    expect(decodeCfxAddress(onNode.from).hex).toBe(decodeCfxAddress(coreAddress).hex);
    expect(onNode.value).toBe('0xde0b6b3a7640000');
  });
});

describe('eSpace: viem through the EIP-6963-discovered provider', () => {
  test('Wayfarer announces itself with EIP-6963', async () => {
    const info = (await dapp.evaluate(() => (window as unknown as { dapp: { espace: { info: () => unknown } } }).dapp.espace.info())) as { name: string; rdns: string; uuid: string; icon: string };
    expect(info).toMatchObject({ name: 'Wayfarer', rdns: 'app.wayfarer' });
    expect(info.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(info.icon.startsWith('data:image/svg+xml;base64,')).toBe(true);
  });

  test('adding a network the wallet already uses with these nodes needs no approval; connect; read the chain', async () => {
    expect(await startAction(dapp, 'espace', 'addChain')).toMatchObject({ ok: true });
    expect(openApprovalPages(browser)).toEqual([]);
    const connected = startAction(dapp, 'espace', 'connect');
    await answer(browser, 'approve', new RegExp(espaceAddress));
    expect(ok(await connected)).toEqual([espaceAddress]);
    expect(ok(await startAction(dapp, 'espace', 'chain'))).toMatchObject({ chainId: node.evmChainId });
  });

  test('a call that reverts reaches viem as the node answered it: reason and revert data, for eth_call and eth_estimateGas', async () => {
    const call = ok(await startAction<{ reverted: boolean; shortMessage: string; data: string | null }>(dapp, 'espace', 'callReverting'));
    expect(call.reverted).toBe(true);
    expect(call.shortMessage).toContain('nope');
    expect(call.data).toMatch(/^0x08c379a0/);
    const estimate = await providerRequest(dapp, 'espace', 'eth_estimateGas', [{ data: REVERTING_INIT_CODE }]);
    expect(estimate).toMatchObject({ ok: false, error: { message: expect.stringContaining('nope') } });
    expect(estimate.ok ? undefined : estimate.error?.code).not.toBe(4901);
  });

  test('personal_sign and EIP-712 typed data, verified by viem; a domain for another chain is refused', async () => {
    const signed = startAction(dapp, 'espace', 'sign');
    await answer(browser, 'approve', /Sign this message\?[\s\S]*Hello from the demo dApp on eSpace/);
    expect(ok(await signed)).toMatchObject({ verified: true });
    const typed = startAction(dapp, 'espace', 'signTyped');
    await answer(browser, 'approve', /Sign typed data\?[\s\S]*EIP712Domain[\s\S]*For chain 1025/);
    expect(ok(await typed)).toMatchObject({ verified: true });
    const wrong = await startAction(dapp, 'espace', 'signTyped', 1030);
    expect(wrong).toMatchObject({ ok: false, error: { code: -32602 } });
    expect(openApprovalPages(browser)).toEqual([]);
  });

  test('fund eSpace through a Core contract call (CrossSpaceCall), then send on eSpace with viem: both mined', async () => {
    const funded = startAction<{ receipt: { outcomeStatus: number } }>(dapp, 'core', 'fundEspace', espaceAddress);
    const page = await showing(browser, /Call a contract \(function 0x[0-9a-f]{8}\)/);
    expect(await page.getByTestId('tx-value').innerText()).toBe('10 CFX');
    expect(await page.getByTestId('tx-to').innerText()).toMatch(/^net1024:/);
    await answer(browser, 'approve', /Call a contract/);
    expect(ok(await funded).receipt.outcomeStatus).toBe(0);
    // The eSpace state the nodes execute against catches up with the Core receipt a moment later.
    await expect.poll(async () => BigInt(ok(await startAction<string>(dapp, 'espace', 'balance'))), { timeout: 30_000, interval: 500 }).toBeGreaterThan(0n);

    const sent = startAction<{ hash: string; status: string }>(dapp, 'espace', 'send');
    const txPage = await Promise.race([showing(browser, /Send/), sent.then((r) => Promise.reject(new Error(`send ended early: ${JSON.stringify(r)}`)))]);
    expect(await txPage.getByTestId('tx-value').innerText()).toBe('0.5 CFX');
    expect(await txPage.getByTestId('tx-chain').innerText()).toBe('1025');
    await answer(browser, 'approve', /Send/);
    const { hash, status } = ok(await sent);
    expect(status).toBe('success');
    const onNode = await rpcCall<{ from: string; value: string }>(node.espaceRpc, 'eth_getTransactionByHash', [hash]);
    expect(onNode.from.toLowerCase()).toBe(espaceAddress.toLowerCase());
    expect(BigInt(onNode.value)).toBe(5n * 10n ** 17n);
  });
});

describe('networks, permissions, restarts', () => {
  test('switching chains: approval, chainChanged events, unknown chain 4902', async () => {
    await dapp.evaluate(() => {
      const w = window as unknown as { seen: string[]; conflux: { on: (e: string, f: (c: string) => void) => void } };
      w.seen = [];
      w.conflux.on('chainChanged', (c) => w.seen.push(c));
    });
    const away = startAction(dapp, 'core', 'switchChain', 1);
    await answer(browser, 'approve', /Switch network\?[\s\S]*chain 1\)/);
    expect(await away).toMatchObject({ ok: true, value: null });
    await expect.poll(() => dapp.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['0x1']);
    expect(await dapp.evaluate(() => (window as unknown as { conflux: { chainId: string } }).conflux.chainId)).toBe('0x1');
    const back = startAction(dapp, 'core', 'switchChain', node.chainId);
    await answer(browser, 'approve', /Switch network\?[\s\S]*chain 1024\)/);
    expect(await back).toMatchObject({ ok: true, value: null });
    await expect.poll(() => dapp.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['0x1', '0x400']);
    expect(await startAction(dapp, 'espace', 'switchChain', 99_999)).toMatchObject({ ok: false, error: { code: 4902 } });
  });

  test('a network switch in the wallet UI reaches the page as chainChanged', async () => {
    const seen = () => dapp.evaluate(() => (window as unknown as { seen: string[] }).seen);
    await callBackground(popup, 'chain.setNetwork', { network: 'testnet' });
    await expect.poll(seen).toEqual(['0x1', '0x400', '0x1']);
    await callBackground(popup, 'chain.setNetwork', { network: 'local' });
    await expect.poll(seen).toEqual(['0x1', '0x400', '0x1', '0x400']);
  });

  test('locked wallet: the site sees no accounts; a request asks for the password first, then shows the request', async () => {
    // Settle the account events of the network switches above (Core addresses name their network).
    await expect.poll(() => startAction(dapp, 'core', 'accounts')).toMatchObject({ ok: true, value: [coreAddress] });
    await new Promise((r) => setTimeout(r, 500));
    await dapp.evaluate(() => {
      const w = window as unknown as { accountEvents: unknown[]; conflux: { on: (e: string, f: (a: unknown) => void) => void } };
      w.accountEvents = [];
      w.conflux.on('accountsChanged', (a) => w.accountEvents.push(a));
    });
    await callBackground(popup, 'vault.lock');
    const events = () => dapp.evaluate(() => (window as unknown as { accountEvents: unknown[] }).accountEvents);
    await expect.poll(events).toEqual([[]]);
    expect(ok(await startAction(dapp, 'core', 'accounts'))).toEqual([]);
    const signed = startAction(dapp, 'core', 'sign', 'Signed after unlocking');
    const page = await (async () => {
      for (let i = 0; i < 150; i++) {
        const found = openApprovalPages(browser)[0];
        if (found && (await found.getByLabel('Password').count()) > 0) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no unlock form');
    })();
    expect(await page.locator('main').innerText()).not.toMatch(/Signed after unlocking/); // nothing shown before unlocking
    // Wrong passwords: after the free ones the wait is shown and the button waits with it
    // (the sixth failure in a row waits 4 s).
    const backoff = page.getByTestId('unlock-backoff');
    const password = page.getByLabel('Password');
    const unlock = page.getByRole('button', { name: 'Unlock' });
    for (let i = 0; i < 6; i++) {
      await password.fill(`wrong password ${i}`);
      await expect.poll(() => unlock.isEnabled(), { timeout: 15_000 }).toBe(true);
      await unlock.click();
      await expect.poll(() => password.inputValue()).toBe('');
    }
    await backoff.waitFor();
    expect(await backoff.textContent()).toMatch(/^Too many wrong passwords \(6\)\. Try again in \d s\.$/);
    await password.fill(WALLET_PASSWORD);
    expect(await unlock.isDisabled()).toBe(true);
    await backoff.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByLabel('Password').fill(WALLET_PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await answer(browser, 'approve', /Signed after unlocking/);
    expect(ok(await signed)).toMatchObject({ recovered: coreAddress, verified: true });
    await expect.poll(events).toEqual([[], [coreAddress]]);
  });

  test('the approval page works at 360 px and by keyboard alone', async () => {
    const asked = startAction(dapp, 'core', 'fundEspace', espaceAddress);
    await showing(browser, /Call a contract/);
    const narrow = await browser.context.newPage();
    await narrow.setViewportSize({ width: 360, height: 740 });
    await narrow.goto(`chrome-extension://${browser.extensionId}/approval/index.html`);
    await narrow.getByTestId('reject').waitFor();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    let focused = '';
    for (let i = 0; i < 30 && focused !== 'reject'; i++) {
      await narrow.keyboard.press('Tab');
      focused = await narrow.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
    }
    expect(focused).toBe('reject');
    // Answering the last waiting request closes the page, possibly while the key is still down.
    await narrow.keyboard.press('Enter').catch(() => undefined);
    expect(await asked).toMatchObject({ ok: false, error: { code: 4001 } });
    await narrow.close().catch(() => undefined);
  });

  test('the service worker stops while an approval is open: the dApp still gets its answer', async () => {
    const devtools = await browser.context.newCDPSession(await browser.context.newPage());
    await devtools.send('ServiceWorker.enable');
    const signed = startAction(dapp, 'core', 'sign', 'Signed across a worker restart');
    const page = await showing(browser, /Signed across a worker restart/);
    await devtools.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 500));
    await page.getByTestId('approve').click().catch(() => undefined);
    expect(ok(await signed)).toMatchObject({ recovered: coreAddress, verified: true });

    // And when the user closes the approval window after a restart, the dApp gets a clean 4001.
    const refused = startAction(dapp, 'core', 'sign', 'Closed after a worker restart');
    const page2 = await showing(browser, /Closed after a worker restart/);
    await devtools.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 500));
    await page2.close();
    expect(await refused).toMatchObject({ ok: false, error: { code: 4001 } });
  });

  test('revoking: afterwards the site sees no accounts and signing is 4100', async () => {
    expect(await startAction(dapp, 'core', 'revoke')).toMatchObject({ ok: true, value: null });
    expect(ok(await startAction(dapp, 'core', 'accounts'))).toEqual([]);
    expect(await startAction(dapp, 'core', 'sign')).toMatchObject({ ok: false, error: { code: 4100 } });
    expect(await startAction(dapp, 'espace', 'revoke')).toMatchObject({ ok: true });
    expect(await startAction(dapp, 'espace', 'sign')).toMatchObject({ ok: false, error: { code: 4100 } });
    expect(openApprovalPages(browser)).toEqual([]);
  });
});

test('before any wallet exists, a request explains what to do and can only be rejected', async () => {
  const fresh = await launchWithExtension();
  try {
    const page = await fresh.context.newPage();
    await page.goto(`${server.url}/?${new URLSearchParams({ coreRpc: node.coreRpc, espaceRpc: node.espaceRpc })}`);
    const asked = startAction(page, 'core', 'connect');
    await answer(fresh, 'reject', /Set up Wayfarer first/);
    expect(await asked).toMatchObject({ ok: false, error: { code: 4001 } });
  } finally {
    await fresh.close();
  }
});
