/**
 * Attacks by pages on the provider, each reproduced against the real provider service (real keyring
 * signatures, in-memory storage with chrome.storage's semantics): two decisions on one request,
 * Reject racing Approve, a page flooding approvals from many sub-origins, oversized requests,
 * re-opening the window right after the user rejected, reading addresses while locked, and using
 * an account the user hid.
 */
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import type { Space } from '../../../core/space.js';
import { REJECT_COOLDOWN_MS } from './reject-cooldown.js';
import { requesterFromSender } from './requester.js';
import { ProviderService } from './service.js';
import { MemoryStorageArea } from '../storage-area.js';
import { RecordingPort, RecordingTabs, TestChain, TestKeyring, recordingWindows } from './test-support.js';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const KEY_A = '0x46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f';
const DAPP = 'https://dapp.example';

async function setup() {
  const keyring = new TestKeyring();
  keyring.addAccount('acct-a', KEY_A, 'Alpha');
  const chain = new TestChain();
  const tabs = new RecordingTabs();
  const windows = recordingWindows({ popups: true });
  const session = new MemoryStorageArea();
  const scheduled: { ms: number; run: () => void }[] = [];
  let counter = 0;
  let clock = 1_700_000_000_000;
  const service = await ProviderService.create({
    keyring,
    chain,
    local: new MemoryStorageArea(),
    session,
    tabs,
    windows,
    approvalPageUrl: `chrome-extension://${EXT}/approval/index.html`,
    notifyUi: { approvals: () => undefined, sites: () => undefined },
    newId: () => (++counter).toString(16).padStart(32, '0'),
    now: () => clock,
    schedule: (run, ms) => scheduled.push({ run, ms }),
  });
  const h = service.uiHandlers();
  const ui = {
    list: async () => (await h['provider.listApprovals']!(undefined, { pageUrl: '' })) as { id: string; origin: string }[],
    resolve: async (id: string, approve: boolean, accountId?: string) => h['provider.resolveApproval']!({ id, approve, ...(accountId ? { accountId } : {}) }, { pageUrl: '' }),
  };
  return { service, keyring, chain, tabs, windows, session, scheduled, ui, advance: (ms: number) => (clock += ms) };
}

type Env = Awaited<ReturnType<typeof setup>>;

async function page(env: Env, origin = DAPP, documentId = 'doc-1', frameId = 0, tabId = 1) {
  const sender = { id: EXT, origin, url: `${origin}/page`, tab: { id: tabId } as chrome.tabs.Tab, frameId, documentId };
  const requester = requesterFromSender(sender, EXT);
  const port = new RecordingPort(sender);
  await env.service.connect(requester, port.port);
  env.tabs.alive.add(documentId);
  let next = 0;
  const send = async (method: string, params?: unknown, space: Space = 'core'): Promise<string> => {
    const id = `r${++next}`;
    await env.service.message(requester, { type: 'request', id, space, method, ...(params === undefined ? {} : { params }) });
    return id;
  };
  return { send, answerOf: (id: string) => port.responses().find((r) => r.id === id) };
}

async function connectedWithTransaction(env: Env) {
  const p = await page(env);
  await p.send('cfx_requestAccounts');
  await env.ui.resolve((await env.ui.list())[0]!.id, true, 'acct-a');
  const from = encodeCfxAddress(env.keyring.accounts[0]!.coreHex, 1029);
  const requestId = await p.send('cfx_sendTransaction', [{ from, to: from, value: '0x1' }]);
  const [approval] = await env.ui.list();
  return { p, requestId, approvalId: approval!.id };
}

describe('one decision per approval', () => {
  test('two Approve clicks racing: one signature, one broadcast; the second click is refused', async () => {
    const env = await setup();
    const { p, requestId, approvalId } = await connectedWithTransaction(env);
    const results = await Promise.allSettled([env.ui.resolve(approvalId, true), env.ui.resolve(approvalId, true)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(env.chain.sent).toHaveLength(1);
    expect(p.answerOf(requestId)).toMatchObject({ result: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
  });

  test.each([
    ['Reject first', [false, true]],
    ['Approve first', [true, false]],
  ] as const)('Reject racing Approve (%s): a site told "rejected" never gets a broadcast, and only one decision counts', async (_, order) => {
    const env = await setup();
    const { p, requestId, approvalId } = await connectedWithTransaction(env);
    const results = await Promise.allSettled(order.map((approve) => env.ui.resolve(approvalId, approve)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const answer = p.answerOf(requestId);
    if (order[0] === false) {
      expect(answer).toMatchObject({ error: { code: 4001 } });
      expect(env.chain.sent).toHaveLength(0);
    } else {
      expect(answer).toMatchObject({ result: expect.any(String) });
      expect(env.chain.sent).toHaveLength(1);
    }
  });
});

describe('pressure from one site', () => {
  test('iframes on 10 sub-origins of one top-level site share one cap (5 waiting); another site is unaffected', async () => {
    const env = await setup();
    env.tabs.topOrigins.set(7, 'https://www.flood.example');
    const answers: { code?: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const frame = await page(env, `https://f${i}.flood.example`, `frame-${i}`, 1 + i, 7);
      const id = await frame.send('cfx_requestAccounts');
      const answer = frame.answerOf(id);
      answers.push(answer && 'error' in answer ? { code: (answer.error as { code: number }).code } : {});
    }
    expect((await env.ui.list()).length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.code === -32005)).toHaveLength(5);
    const other = await page(env, 'https://other.example', 'doc-other', 0, 9);
    const id = await other.send('cfx_requestAccounts');
    expect(other.answerOf(id)).toBeUndefined(); // waiting for the user, not refused
    expect((await env.ui.list()).map((a) => a.origin)).toContain('https://other.example');
  });

  test('requests are bounded by size, not only by count: a site cannot fill storage.session', async () => {
    const env = await setup();
    const p = await page(env);
    await p.send('cfx_requestAccounts');
    await env.ui.resolve((await env.ui.list())[0]!.id, true, 'acct-a');
    const from = encodeCfxAddress(env.keyring.accounts[0]!.coreHex, 1029);
    const data = `0x${'ab'.repeat(250 * 1024)}`; // 250 kB of call data, within the per-request limit
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await p.send('cfx_sendTransaction', [{ from, to: from, value: '0x0', data }]));
    expect(p.answerOf(ids[0]!)).toBeUndefined(); // the first one waits for the user
    const refused = ids.filter((id) => (p.answerOf(id) as { error?: { code: number } } | undefined)?.error?.code === -32005);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    const stored = [...env.session.data.values()].reduce((sum, v) => sum + v.length, 0);
    expect(stored).toBeLessThan(2 * 1024 * 1024);
  });

  test('after the user rejects, the site\'s next request waits a cool-down before the window comes up again (doubling)', async () => {
    const env = await setup();
    const p = await page(env);
    await p.send('cfx_requestAccounts');
    await env.ui.resolve((await env.ui.list())[0]!.id, false);
    const before = env.windows.log.length;
    await p.send('cfx_requestAccounts');
    expect(env.windows.log.slice(before)).toEqual([]); // not re-opened at once
    expect(env.scheduled.map((s) => s.ms)).toEqual([REJECT_COOLDOWN_MS]);
    env.scheduled[0]!.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(env.windows.log.slice(before).some((l) => l.startsWith('window.create') || l.startsWith('window.focus'))).toBe(true);
    // Rejected again: twice as long. Another site is not slowed down.
    await env.ui.resolve((await env.ui.list())[0]!.id, false);
    await p.send('cfx_requestAccounts');
    expect(env.scheduled.map((s) => s.ms)).toEqual([REJECT_COOLDOWN_MS, 2 * REJECT_COOLDOWN_MS]);
    const other = await page(env, 'https://other.example', 'doc-2', 0, 2);
    await other.send('cfx_requestAccounts');
    expect(env.scheduled).toHaveLength(2);
  });
});

describe('grants follow the wallet', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));

  test('while locked, wallet_getPermissions lists no addresses (as eth_accounts)', async () => {
    const env = await setup();
    const p = await page(env);
    await p.send('cfx_requestAccounts');
    await env.ui.resolve((await env.ui.list())[0]!.id, true, 'acct-a');
    const unlocked = p.answerOf(await p.send('wallet_getPermissions')) as { result: { caveats: { value: string[] }[] }[] };
    expect(unlocked.result[0]!.caveats[0]!.value).toHaveLength(1);
    env.keyring.setUnlocked(false);
    await settle();
    const locked = p.answerOf(await p.send('wallet_getPermissions')) as { result: { caveats: { value: string[] }[] }[] };
    expect(locked.result.flatMap((r) => r.caveats.flatMap((c) => c.value))).toEqual([]);
    expect((p.answerOf(await p.send('cfx_accounts')) as { result: string[] }).result).toEqual([]);
  });

  test('an account the user hides loses its grants and cannot be asked to sign', async () => {
    const env = await setup();
    const p = await page(env);
    await p.send('cfx_requestAccounts');
    await env.ui.resolve((await env.ui.list())[0]!.id, true, 'acct-a');
    const from = encodeCfxAddress(env.keyring.accounts[0]!.coreHex, 1029);
    env.keyring.hideAccount('acct-a');
    await settle();
    const sign = p.answerOf(await p.send('personal_sign', ['0x68656c6c6f', from]));
    expect(sign).toMatchObject({ error: { code: 4100 } });
    expect(await env.ui.list()).toEqual([]);
    const perms = p.answerOf(await p.send('wallet_getPermissions')) as { result: unknown[] };
    expect(perms.result).toEqual([]);
    const sites = (await env.service.uiHandlers()['provider.listSites']!(undefined, { pageUrl: '' })) as unknown[];
    expect(sites).toEqual([]);
  });

  test('an account hidden while its signature request waits is not signed with after approval', async () => {
    const env = await setup();
    const p = await page(env);
    await p.send('cfx_requestAccounts');
    await env.ui.resolve((await env.ui.list())[0]!.id, true, 'acct-a');
    const from = encodeCfxAddress(env.keyring.accounts[0]!.coreHex, 1029);
    const id = await p.send('personal_sign', ['0x68656c6c6f', from]);
    const [approval] = await env.ui.list();
    env.keyring.hideAccount('acct-a');
    await settle();
    await env.ui.resolve(approval!.id, true).catch(() => undefined);
    expect(p.answerOf(id)).toMatchObject({ error: { code: 4100 } });
  });
});

describe('read-only methods', () => {
  test('are rate-limited per site (sub-origins share the limit); other sites and time restore them', async () => {
    const { READ_BURST, READ_RATE_PER_SECOND } = await import('./read-limiter.js');
    const env = await setup();
    const a = await page(env, 'https://a.spam.example', 'doc-a', 0, 1);
    const b = await page(env, 'https://b.spam.example', 'doc-b', 0, 2);
    const codes: (number | undefined)[] = [];
    for (let i = 0; i < READ_BURST + 10; i++) {
      const p = i % 2 === 0 ? a : b;
      const answer = p.answerOf(await p.send('cfx_epochNumber')) as { error?: { code: number } };
      codes.push(answer.error?.code);
    }
    expect(codes.filter((c) => c === -32005)).toHaveLength(10);
    const readsBefore = env.chain.reads.length;
    expect(readsBefore).toBe(READ_BURST); // refused reads never reached a node
    const other = await page(env, 'https://other.example', 'doc-o', 0, 3);
    expect(other.answerOf(await other.send('cfx_epochNumber'))).toMatchObject({ result: '0x64' });
    env.advance(1000);
    let served = 0;
    for (let i = 0; i < READ_RATE_PER_SECOND + 5; i++) if ('result' in (a.answerOf(await a.send('cfx_epochNumber')) as object)) served++;
    expect(served).toBe(READ_RATE_PER_SECOND);
  });
});
