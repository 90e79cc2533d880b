/**
 * Hostile pages against the real extension: forged origins, malformed and oversized messages,
 * floods, frames, pollution payloads, messages from other windows, tampering with the provider.
 * Each is refused with the right error, and no approval is shown for anything forged. The wallet
 * needs no node for any of this (requests are refused before they would reach one).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { answer, openApprovalPages, providerRequest, setUpWallet, showing, startDappServer, startRoutesServer, type DappServer } from '../dapp/harness.js';

const MARKER = 'wayfarer-hostile-marker-7d1c';
const INPAGE = 'wayfarer-inpage';
const CONTENT = 'wayfarer-contentscript';

let browser: ExtensionBrowser;
let serverA: DappServer;
let serverB: { url: string; close: () => Promise<void> };
let page: Page;
let connectedAddress: string;
const logs: string[] = [];
const routesA: Record<string, string> = {};
const plain = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><p>${title}</p></body></html>`;

beforeAll(async () => {
  serverB = await startRoutesServer({ '/frame-child.html': plain('frame child'), '/plain.html': plain('other origin') });
  serverA = await startDappServer(routesA);
  routesA['/plain.html'] = plain('plain');
  routesA['/frame-parent.html'] = `<!doctype html><html><body><iframe id="child" src="${serverB.url}/frame-child.html"></iframe></body></html>`;
  routesA['/sandboxed.html'] = `<!doctype html><html><body><iframe id="sbx" sandbox="allow-scripts" src="${serverA.url}/plain.html"></iframe></body></html>`;
  browser = await launchWithExtension();
  browser.context.on('page', (p) => p.on('console', (m) => logs.push(m.text())));
  (await browser.serviceWorker()).on('console', (m) => logs.push(m.text()));
  await setUpWallet(browser);
  page = await browser.context.newPage();
  page.on('console', (m) => logs.push(m.text()));
  await page.goto(`${serverA.url}/plain.html`);
  const connecting = providerRequest(page, 'core', 'cfx_requestAccounts');
  await answer(browser, 'approve', /Connect to this site/);
  const accounts = await connecting;
  connectedAddress = (accounts.value as string[])[0]!;
});

afterAll(async () => {
  await browser?.close();
  await serverA?.close();
  await serverB?.close();
});

/** Posts a raw message to the page's own window and waits for the content script's answer to its id. */
function rawRequest(target: Page | Frame, message: Record<string, unknown>, waitMs = 2500): Promise<unknown> {
  return target.evaluate(
    ({ message, waitMs, INPAGE }) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve('no answer'), waitMs);
        window.addEventListener('message', (e) => {
          const d = e.data as { target?: string; type?: string; id?: unknown };
          if (d && d.target === INPAGE && d.type === 'response' && d.id === message['id']) {
            clearTimeout(timer);
            resolve(d);
          }
        });
        window.postMessage(message, '*');
      }),
    { message, waitMs, INPAGE },
  );
}

const request = (id: string, method: string, params?: unknown, extra: Record<string, unknown> = {}) => ({ target: CONTENT, type: 'request', id, space: 'core', method, ...(params === undefined ? {} : { params }), ...extra });

async function noApproval(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  expect(openApprovalPages(browser)).toEqual([]);
}

test('1. a message naming another origin is refused (-32600) and opens nothing', async () => {
  const answer1 = await rawRequest(page, request('forged-1', 'cfx_requestAccounts', undefined, { origin: 'https://victim.example' }));
  expect(answer1).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/unexpected key "origin"/) } });
  const answer2 = await rawRequest(page, request('forged-2', 'cfx_requestAccounts', undefined, { sender: { origin: 'https://victim.example', tab: { id: 1 } } }));
  expect(answer2).toMatchObject({ error: { code: -32600 } });
  await noApproval();
});

test('2. an origin smuggled into params is refused (-32602)', async () => {
  expect(await providerRequest(page, 'core', 'cfx_requestAccounts', [{ origin: 'https://victim.example' }])).toMatchObject({ ok: false, error: { code: -32602 } });
  expect(await providerRequest(page, 'core', 'wallet_requestPermissions', [{ cfx_accounts: {}, invoker: 'https://victim.example' }])).toMatchObject({ ok: false, error: { code: -32602 } });
  await noApproval();
});

test('3. another origin gets nothing from this one\'s connection, and its request shows its real origin', async () => {
  const other = await browser.context.newPage();
  await other.goto(`${serverB.url}/plain.html`);
  expect(await providerRequest(other, 'core', 'cfx_accounts')).toEqual({ ok: true, value: [] });
  expect(await providerRequest(other, 'core', 'personal_sign', [`0x${Buffer.from(MARKER).toString('hex')}`, connectedAddress])).toMatchObject({ ok: false, error: { code: 4100 } });
  const asking = providerRequest(other, 'core', 'cfx_requestAccounts');
  const approval = await showing(browser, /Connect to this site/);
  expect(await approval.getByTestId('origin').innerText()).toBe(serverB.url);
  await answer(browser, 'reject', /Connect to this site/);
  expect(await asking).toMatchObject({ ok: false, error: { code: 4001 } });
  await other.close();
});

test('4. malformed messages: answered -32600 when they carry a usable id, dropped otherwise; nothing opens', async () => {
  expect(await rawRequest(page, { target: CONTENT, type: 'request', space: 'core', method: 'cfx_requestAccounts' }, 800)).toBe('no answer'); // no id
  expect(await rawRequest(page, request('bad id with spaces', 'cfx_requestAccounts'), 800)).toBe('no answer');
  expect(await rawRequest(page, request('m1', 42 as unknown as string))).toMatchObject({ error: { code: -32600 } });
  expect(await rawRequest(page, { ...request('m2', 'cfx_chainId'), space: 'bitcoin' })).toMatchObject({ error: { code: -32600 } });
  expect(await rawRequest(page, request('m3', 'cfx_chainId', 'not-an-array'))).toMatchObject({ error: { code: -32602 } });
  expect(await rawRequest(page, { ...request('m4', 'cfx_chainId'), type: 'response' })).toMatchObject({ error: { code: -32600 } });
  const shapes = await page.evaluate(async () => {
    const c = (window as unknown as { conflux: { request: (a: unknown) => Promise<unknown> } }).conflux;
    const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: number }) => e.code);
    return [await codeOf(c.request('cfx_chainId')), await codeOf(c.request({ method: '' })), await codeOf(c.request({ method: 'cfx_chainId', params: 'x' })), await codeOf(c.request({ method: 'cfx_chainId', params: [() => 1] }))];
  });
  expect(shapes).toEqual([-32600, -32600, -32600, -32600]);
  await noApproval();
});

test('5. an oversized message is refused before it reaches the wallet', async () => {
  const big = 'x'.repeat(2 * 1024 * 1024);
  expect(await rawRequest(page, request('big', 'personal_sign', [big, connectedAddress]))).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/larger than/) } });
  await noApproval();
});

test('6. unknown methods are 4200, and so are the other space\'s methods', async () => {
  expect(await providerRequest(page, 'core', 'wallet_exportPrivateKey', [MARKER])).toMatchObject({ ok: false, error: { code: 4200 } });
  expect(await providerRequest(page, 'core', 'eth_accounts')).toMatchObject({ ok: false, error: { code: 4200, message: expect.stringMatching(/eSpace provider/) } });
  expect(await providerRequest(page, 'espace', 'cfx_accounts')).toMatchObject({ ok: false, error: { code: 4200, message: expect.stringMatching(/window\.conflux/) } });
});

test('7. eth_sign (and its relatives) are refused with 4200', async () => {
  expect(await providerRequest(page, 'espace', 'eth_sign', ['0x' + '11'.repeat(20), '0x' + '22'.repeat(32)])).toMatchObject({ ok: false, error: { code: 4200, message: expect.stringMatching(/eth_sign/) } });
  expect(await providerRequest(page, 'core', 'cfx_sign', [connectedAddress, '0x' + '22'.repeat(32)])).toMatchObject({ ok: false, error: { code: 4200 } });
  expect(await providerRequest(page, 'espace', 'eth_signTypedData_v3', [])).toMatchObject({ ok: false, error: { code: 4200 } });
  expect(await providerRequest(page, 'espace', 'eth_signTransaction', [{}])).toMatchObject({ ok: false, error: { code: 4200 } });
  await noApproval();
});

test('8. typed data for another chain is refused without an approval (-32602)', async () => {
  const typed = {
    types: { CIP23Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }], Permit: [{ name: 'amount', type: 'uint256' }] },
    primaryType: 'Permit',
    domain: { name: 'Drainer', chainId: 1 },
    message: { amount: '1000000' },
  };
  const result = await providerRequest(page, 'core', 'cfx_signTypedData_v4', [connectedAddress, JSON.stringify(typed)]);
  expect(result).toMatchObject({ ok: false, error: { code: -32602, message: expect.stringMatching(/chain 1 but the active chain is 1029/) } });
  await noApproval();
});

test('9. a flood of approval requests: at most 5 wait per site, the rest get -32005; closing the window rejects the 5', async () => {
  const results = page.evaluate(async () => {
    const c = (window as unknown as { conflux: { request: (a: unknown) => Promise<unknown> } }).conflux;
    return Promise.all(Array.from({ length: 12 }, () => c.request({ method: 'wallet_switchConfluxChain', params: [{ chainId: '0x1' }] }).then(() => 'ok', (e: { code?: number }) => e.code)));
  });
  const approval = await showing(browser, /Switch network\?/);
  await expect.poll(() => approval.locator('main').innerText()).toMatch(/5 requests are waiting/);
  await approval.close();
  const codes = await results;
  expect(codes.filter((c) => c === -32005)).toHaveLength(7);
  expect(codes.filter((c) => c === 4001)).toHaveLength(5);
});

test('10. a flood of messages in one burst: at most 64 in flight per page, every message answered once', async () => {
  const summary = await page.evaluate(
    ({ CONTENT, INPAGE }) =>
      new Promise<{ answered: number; limited: number; ok: number; duplicates: number }>((resolve) => {
        const seen = new Map<string, number>();
        window.addEventListener('message', (e) => {
          const d = e.data as { target?: string; type?: string; id?: string; error?: { code: number } };
          if (d?.target !== INPAGE || d.type !== 'response' || !d.id?.startsWith('flood-')) return;
          seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
          if (d.error?.code === -32005) (window as unknown as { limited: number }).limited = ((window as unknown as { limited?: number }).limited ?? 0) + 1;
        });
        for (let i = 0; i < 150; i++) window.postMessage({ target: CONTENT, type: 'request', id: `flood-${i}`, space: 'core', method: 'cfx_chainId' }, '*');
        setTimeout(() => {
          const limited = (window as unknown as { limited?: number }).limited ?? 0;
          resolve({ answered: seen.size, limited, ok: seen.size - limited, duplicates: [...seen.values()].filter((n) => n > 1).length });
        }, 4000);
      }),
    { CONTENT, INPAGE },
  );
  expect(summary.answered).toBe(150);
  expect(summary.duplicates).toBe(0);
  expect(summary.limited).toBeGreaterThanOrEqual(150 - 64);
  expect(summary.ok).toBeGreaterThanOrEqual(1);
});

test('11. a cross-origin iframe has its own origin: the parent\'s connection does not leak into it', async () => {
  const parent = await browser.context.newPage();
  await parent.goto(`${serverA.url}/frame-parent.html`);
  const child = parent.frames().find((f) => f.url().startsWith(`${serverB.url}/frame-child.html`));
  if (!child) throw new Error('no child frame');
  await child.waitForFunction(() => 'conflux' in window);
  expect(await providerRequest(parent, 'core', 'cfx_accounts')).toEqual({ ok: true, value: [connectedAddress] });
  expect(await providerRequest(child as unknown as Page, 'core', 'cfx_accounts')).toEqual({ ok: true, value: [] });
  expect(await providerRequest(child as unknown as Page, 'core', 'personal_sign', ['0x00', connectedAddress])).toMatchObject({ ok: false, error: { code: 4100 } });
  const asking = providerRequest(child as unknown as Page, 'core', 'cfx_requestAccounts');
  const approval = await showing(browser, /Connect to this site/);
  expect(await approval.getByTestId('origin').innerText()).toBe(serverB.url);
  expect(await approval.getByTestId('frame-note').innerText()).toContain(serverA.url);
  await answer(browser, 'reject', /Connect to this site/);
  expect(await asking).toMatchObject({ ok: false, error: { code: 4001 } });
  await parent.close();
});

test('12. requests posted into a window by another window (parent → frame, frame → parent) are ignored', async () => {
  const parent = await browser.context.newPage();
  await parent.goto(`${serverA.url}/frame-parent.html`);
  const child = parent.frames().find((f) => f.url().startsWith(`${serverB.url}/frame-child.html`))!;
  await child.waitForFunction(() => 'conflux' in window);
  const fromParent = await parent.evaluate(
    ({ CONTENT, INPAGE }) =>
      new Promise((resolve) => {
        const frame = (document.getElementById('child') as HTMLIFrameElement).contentWindow!;
        window.addEventListener('message', (e) => {
          if ((e.data as { target?: string })?.target === INPAGE) resolve('answered');
        });
        frame.postMessage({ target: CONTENT, type: 'request', id: 'x-1', space: 'core', method: 'cfx_requestAccounts' }, '*');
        setTimeout(() => resolve('ignored'), 1500);
      }),
    { CONTENT, INPAGE },
  );
  expect(fromParent).toBe('ignored');
  const fromChild = await child.evaluate(
    ({ CONTENT }) =>
      new Promise((resolve) => {
        window.parent.postMessage({ target: CONTENT, type: 'request', id: 'x-2', space: 'core', method: 'personal_sign', params: ['0x00', 'x'] }, '*');
        setTimeout(() => resolve('sent'), 1500);
      }),
    { CONTENT },
  );
  expect(fromChild).toBe('sent');
  await noApproval();
  await parent.close();
});

test('13. prototype-pollution payloads are refused and pollute nothing in the wallet', async () => {
  const polluted = await page.evaluate(async () => {
    const c = (window as unknown as { conflux: { request: (a: unknown) => Promise<unknown> } }).conflux;
    const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: number }) => e.code);
    return [
      await codeOf(c.request({ method: 'wallet_requestPermissions', params: [JSON.parse('{"__proto__": {"polluted": true}, "cfx_accounts": {}}')] })),
      await codeOf(c.request({ method: 'cfx_sendTransaction', params: [JSON.parse('{"from": "x", "__proto__": {"polluted": true}}')] })),
      await codeOf(c.request({ method: 'wallet_watchAsset', params: JSON.parse('{"type": "CRC20", "options": {"constructor": {"prototype": {"polluted": true}}}}') })),
    ];
  });
  expect(polluted).toEqual([-32602, -32602, -32602]);
  const worker = await browser.serviceWorker();
  expect(await worker.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
  expect(await worker.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'])).toBeUndefined();
  await noApproval();
});

test('14. a page cannot tamper with the provider: frozen object, read-only global, internals unreachable', async () => {
  const outcome = await page.evaluate(async () => {
    'use strict';
    const w = window as unknown as { conflux: Record<string, unknown> & { request: (a: unknown) => Promise<unknown> }; ethereum: Record<string, unknown> };
    const original = w.conflux;
    const attempts: string[] = [];
    const attempt = (name: string, f: () => void) => {
      try {
        f();
        attempts.push(`${name}: allowed`);
      } catch {
        attempts.push(`${name}: refused`);
      }
    };
    attempt('replace request', () => (w.conflux['request'] = () => Promise.resolve('hijacked')));
    attempt('delete request', () => Reflect.deleteProperty(w.conflux, 'request') || (() => { throw new TypeError('not deleted'); })());
    attempt('define property', () => Object.defineProperty(w.conflux, 'isFluent', { value: false }));
    attempt('add property', () => (w.conflux['transport'] = {}));
    attempt('replace global', () => (w.conflux = {} as never));
    attempt('set prototype', () => Object.setPrototypeOf(w.ethereum, {}));
    return {
      attempts,
      same: w.conflux === original,
      frozen: Object.isFrozen(w.conflux) && Object.isFrozen(w.ethereum),
      keys: Object.keys(w.conflux).sort(),
      chainId: await w.conflux.request({ method: 'cfx_chainId' }),
    };
  });
  expect(outcome.attempts).toEqual(['replace request: refused', 'delete request: refused', 'define property: refused', 'add property: refused', 'replace global: refused', 'set prototype: refused']);
  expect(outcome.same).toBe(true);
  expect(outcome.frozen).toBe(true);
  expect(outcome.keys).not.toContain('transport');
  expect(outcome.chainId).toBe('0x405');
});

test('15. a web page cannot reach the wallet directly: no runtime messaging, no extension pages', async () => {
  const reach = await page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { connect?: unknown; sendMessage?: unknown } } }).chrome?.runtime;
    let fetched = 'blocked';
    try {
      await fetch(`chrome-extension://${id}/approval/index.html`);
      fetched = 'fetched';
    } catch {
      // not web-accessible
    }
    return { connect: typeof runtime?.connect, sendMessage: typeof runtime?.sendMessage, fetched };
  }, browser.extensionId);
  expect(reach).toEqual({ connect: 'undefined', sendMessage: 'undefined', fetched: 'blocked' });
});

test('16. a sandboxed frame (opaque origin) is answered 4100 and never shown to the user', async () => {
  const host = await browser.context.newPage();
  await host.goto(`${serverA.url}/sandboxed.html`);
  const frame = host.frames().find((f) => f !== host.mainFrame())!;
  await frame.waitForFunction(() => 'conflux' in window);
  expect(await frame.evaluate(() => self.origin)).toBe('null');
  expect(await providerRequest(frame as unknown as Page, 'core', 'cfx_requestAccounts')).toMatchObject({ ok: false, error: { code: 4100, message: expect.stringMatching(/cannot identify/) } });
  await noApproval();
  await host.close();
});

test('17. malformed answers forged into the page by a page script do not break the provider', async () => {
  const result = await page.evaluate(async (INPAGE) => {
    for (const junk of [{ target: INPAGE, type: 'event', space: 'core', name: 'chainChanged', data: 'not hex' }, { target: INPAGE, type: 'response' }, { target: INPAGE }]) window.postMessage(junk, '*');
    const c = (window as unknown as { conflux: { request: (a: unknown) => Promise<unknown>; chainId: string } }).conflux;
    await new Promise((r) => setTimeout(r, 200));
    return { chainId: await c.request({ method: 'cfx_chainId' }), legacy: c.chainId };
  }, INPAGE);
  expect(result).toEqual({ chainId: '0x405', legacy: '0x405' });
});

test('18. a provider another wallet installed first is never replaced; Wayfarer still announces itself (EIP-6963)', async () => {
  const other = await browser.context.newPage();
  // Runs before the extension's inpage script, like a wallet injected earlier.
  await other.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w['seenBefore'] = 'conflux' in window;
    w['ethereum'] = { isOtherWallet: true };
    w['conflux'] = { isOtherConfluxWallet: true };
  });
  await other.goto(`${serverA.url}/plain.html`);
  const state = await other.evaluate(() => {
    const w = window as unknown as Record<string, { isOtherWallet?: boolean; isOtherConfluxWallet?: boolean } & Record<string, unknown>> & { seenBefore: boolean; wayfarer: { ethereum: unknown; conflux: unknown } };
    const announced: { name: string; rdns: string }[] = [];
    window.addEventListener('eip6963:announceProvider', (e) => announced.push((e as CustomEvent<{ info: { name: string; rdns: string } }>).detail.info));
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    return { seenBefore: w.seenBefore, ethereum: w['ethereum']?.isOtherWallet, conflux: w['conflux']?.isOtherConfluxWallet, ours: typeof w.wayfarer.ethereum, announced };
  });
  expect(state).toEqual({ seenBefore: false, ethereum: true, conflux: true, ours: 'object', announced: [{ name: 'Wayfarer', rdns: 'app.wayfarer', uuid: expect.any(String), icon: expect.any(String) }] });
  await other.close();
});

test('19. nothing the pages sent was logged by the wallet', () => {
  expect(logs.filter((line) => line.includes(MARKER) || line.includes('__proto__'))).toEqual([]);
});
