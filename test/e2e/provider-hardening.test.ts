/**
 * Pages attacking the approval flow and the node list, against the real extension in Chromium and a
 * real dev node: two decisions racing on one transaction (one broadcast; a request the site was
 * told is rejected is never broadcast), a site flooding approvals from iframes on many origins of
 * itself (one cap per top-level site; other sites unaffected), and `wallet_addConfluxChain`
 * suggesting nodes (local and private ones refused outright; others shown with what they could
 * influence, under the site's name).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeCfxAddress } from '../../core/address/cip37.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { answer, approvalPage, openApprovalPages, providerRequest, setUpWallet, showing, startDappServer, startRoutesServer, type DappServer } from '../dapp/harness.js';
import { callBackground } from '../support/ui-port.js';

const node = sharedDevNode();
let browser: ExtensionBrowser;
let server: DappServer;
let popup: Page;
let dapp: Page;
let address: string;
let firstHash = '';
const extraServers: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  await waitForFinality(node);
  browser = await launchWithExtension();
  popup = await setUpWallet(browser);
  // What the user typed in Settings may be local; the dApp cannot add it.
  await callBackground(popup, 'chain.setNetwork', { network: 'local' });
  await callBackground(popup, 'chain.addNode', { space: 'core', url: node.coreRpc });
  await callBackground(popup, 'chain.addNode', { space: 'espace', url: node.espaceRpc });
  server = await startDappServer();
  dapp = await browser.context.newPage();
  await dapp.goto(`${server.url}/?${new URLSearchParams({ coreRpc: node.coreRpc, espaceRpc: node.espaceRpc, coreChainId: String(node.chainId), espaceChainId: String(node.evmChainId) })}`);
  const connecting = providerRequest(dapp, 'core', 'cfx_requestAccounts');
  await answer(browser, 'approve', /Connect to this site/);
  address = ((await connecting).value as string[])[0]!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all(extraServers.map((s) => s.close()));
});

/** The one approval waiting, once it is listed. */
async function waitingApproval(): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const list = await callBackground<{ id: string; kind: string }[]>(popup, 'provider.listApprovals');
    if (list.length > 0) return list[0]!.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no approval was listed');
}

/** Sends both decisions at once, each over its own UI port (two windows / a double click). */
function race(page: Page, id: string, decisions: boolean[]): Promise<{ ok: boolean; code?: string }[]> {
  return page.evaluate(
    ({ id, decisions }) =>
      Promise.all(
        decisions.map(
          (approve, n) =>
            new Promise<{ ok: boolean; code?: string }>((resolve) => {
              const port = chrome.runtime.connect({ name: 'wayfarer-ui' });
              port.onMessage.addListener((m: { type: string; id: number; ok: boolean; error?: { code: string } }) => {
                if (m.type !== 'response' || m.id !== n + 1) return;
                port.disconnect();
                resolve({ ok: m.ok, ...(m.error ? { code: m.error.code } : {}) });
              });
              port.postMessage({ type: 'request', id: n + 1, method: 'provider.resolveApproval', params: { id, approve } });
            }),
        ),
      ),
    { id, decisions },
  );
}

async function nodeNonce(): Promise<bigint> {
  return BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [address, 'latest_state']));
}

describe('one decision per approval', () => {
  test('Approve twice at once: one broadcast, the second decision is refused', async () => {
    const sending = providerRequest(dapp, 'core', 'cfx_sendTransaction', [{ from: address, to: address, value: '0x1' }]);
    const id = await waitingApproval();
    const outcomes = await race(popup, id, [true, true]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)?.code).toBe('provider.approval_state');
    const sent = await sending;
    expect(sent).toMatchObject({ ok: true, value: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    firstHash = sent.value as string;
    const onNode = await rpcCall<{ from: string; nonce: string }>(node.coreRpc, 'cfx_getTransactionByHash', [firstHash]);
    expect(decodeCfxAddress(onNode.from).hex).toBe(decodeCfxAddress(address).hex);
  });

  test('Reject racing Approve: the site hears "rejected" and nothing is broadcast (the next transaction takes the same nonce)', async () => {
    // Wait until the previous transaction is executed, so the node's nonce is settled.
    for (let i = 0; i < 300 && (await rpcCall<unknown>(node.coreRpc, 'cfx_getTransactionReceipt', [firstHash])) === null; i++) await new Promise((r) => setTimeout(r, 200));
    const before = await nodeNonce();
    const sending = providerRequest(dapp, 'core', 'cfx_sendTransaction', [{ from: address, to: address, value: '0x2' }]);
    const id = await waitingApproval();
    const outcomes = await race(popup, id, [false, true]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await sending).toMatchObject({ ok: false, error: { code: 4001 } });
    // The next transaction, approved normally, gets the nonce the rejected one would have used.
    const next = providerRequest(dapp, 'core', 'cfx_sendTransaction', [{ from: address, to: address, value: '0x3' }]);
    await answer(browser, 'approve', /Send/);
    const hash = (await next).value as string;
    const tx = await rpcCall<{ nonce: string; value: string }>(node.coreRpc, 'cfx_getTransactionByHash', [hash]);
    expect(BigInt(tx.nonce)).toBe(before);
    expect(tx.value).toBe('0x3');
  });
});

describe('nodes a site suggests', () => {
  test('a node on this computer or the local network is refused without asking the user', async () => {
    for (const url of ['http://192.168.1.20:12537', 'http://127.0.0.1:1', 'https://10.0.0.8/', 'http://localhost:12537']) {
      const result = await providerRequest(dapp, 'core', 'wallet_addConfluxChain', [{ chainId: '0x400', chainName: 'Local', nativeCurrency: { name: 'Conflux', symbol: 'CFX', decimals: 18 }, rpcUrls: [url] }]);
      expect(result, url).toMatchObject({ ok: false, error: { code: -32602, message: expect.stringMatching(/computer or your local network/) } });
    }
    expect(openApprovalPages(browser)).toEqual([]);
  });

  test('a public node for a network the wallet already has is shown with a strong warning naming the site and what the nodes could influence; Approve is disarmed when the window regains focus', async () => {
    const asking = providerRequest(dapp, 'core', 'wallet_addConfluxChain', [{ chainId: '0x400', chainName: 'Conflux', nativeCurrency: { name: 'Conflux', symbol: 'CFX', decimals: 18 }, rpcUrls: ['https://rpc1.sybil.example/', 'https://rpc2.other-sybil.example:8443/'] }]);
    const page = await showing(browser, /Add a network\?/);
    const warning = await page.getByTestId('site-nodes-warning').innerText();
    expect(warning).toContain('127.0.0.1'); // the site's name: all its nodes are one source
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/already has its own nodes/);
    expect(text).toMatch(/see which of your addresses/);
    expect(text).toMatch(/cannot: change a verified value/);
    // Click-jacking guard: when the window (re)gains focus, Approve is disarmed for a moment.
    await expect.poll(() => page.getByTestId('approve').getAttribute('data-armed')).toBe('true');
    const disarmed = await page.evaluate(async () => {
      window.dispatchEvent(new Event('focus'));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const button = document.querySelector<HTMLButtonElement>('[data-testid="approve"]')!;
      return { armed: button.dataset['armed'], disabled: button.disabled };
    });
    expect(disarmed).toEqual({ armed: 'false', disabled: true });
    await expect.poll(() => page.getByTestId('approve').getAttribute('data-armed')).toBe('true');
    await answer(browser, 'reject', /Add a network\?/);
    expect(await asking).toMatchObject({ ok: false, error: { code: 4001 } });
  });
});

describe('approvals are capped per top-level site', () => {
  test('iframes on 10 origins of one site share one cap of 5; another site still gets through', async () => {
    const frames = await Promise.all(Array.from({ length: 10 }, () => startRoutesServer({ '/frame.html': '<!doctype html><html><body>frame</body></html>' })));
    const flood = await startRoutesServer({
      '/flood.html': `<!doctype html><html><body>${frames.map((f, i) => `<iframe id="f${i}" src="${f.url}/frame.html"></iframe>`).join('')}</body></html>`,
      '/other.html': '<!doctype html><html><body>another site</body></html>',
    });
    // Another site: the same server under the name `localhost` (registrable domain localhost).
    const other = { url: flood.url.replace('127.0.0.1', 'localhost') };
    try {
      const top = await browser.context.newPage();
      await top.goto(`${flood.url}/flood.html`);
      const children = frames.map((f) => top.frames().find((fr) => fr.url().startsWith(f.url))!);
      await Promise.all(children.map((c) => c.waitForFunction(() => 'conflux' in window)));
      const asks = children.map((c) => providerRequest(c as unknown as Page, 'core', 'cfx_requestAccounts'));
      // Refused requests are answered at once; the others wait for the user.
      const answered: unknown[] = [];
      for (const a of asks) void a.then((r) => answered.push(r));
      for (let i = 0; i < 100 && answered.length < 5; i++) await new Promise((r) => setTimeout(r, 100));
      expect(answered.filter((r) => (r as { error?: { code?: number } }).error?.code === -32005)).toHaveLength(5);
      expect((await callBackground<unknown[]>(popup, 'provider.listApprovals')).length).toBe(5); // the five that fit are waiting
      expect(answered).toHaveLength(5); // and were not answered
      const otherPage = await browser.context.newPage();
      await otherPage.goto(`${other.url}/other.html`);
      const otherAsk = providerRequest(otherPage, 'core', 'cfx_requestAccounts');
      for (let i = 0; i < 100; i++) {
        const list = await callBackground<{ origin: string }[]>(popup, 'provider.listApprovals');
        if (list.some((a) => a.origin === other.url)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await callBackground<{ origin: string }[]>(popup, 'provider.listApprovals')).map((a) => a.origin)).toContain(other.url);
      // Closing the approval window rejects everything waiting.
      await (await approvalPage(browser)).close();
      expect(await otherAsk).toMatchObject({ ok: false, error: { code: 4001 } });
      for (const a of asks) expect(await a).toMatchObject({ ok: false });
      await top.close();
      await otherPage.close();
    } finally {
      // Closed after the browser (its kept-alive connections would hold the servers open).
      extraServers.push(...frames, flood);
    }
  });
});
