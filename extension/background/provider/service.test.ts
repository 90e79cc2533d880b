import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { recoverCorePersonalMessageSigner, recoverEspacePersonalMessageSigner } from '../../../core/message/personal.js';
import { recoverCip23TypedDataSigner } from '../../../core/message/typed-data.js';
import type { Space } from '../../../core/space.js';
import { decodeCoreTransaction } from '../../../core/tx/core-decode.js';
import { decodeEspaceTransaction } from '../../../core/tx/espace-decode.js';
import { VaultLockedError } from '../../../core/vault/errors.js';
import { toProviderErrorPayload } from './errors.js';
import { requesterFromSender } from './requester.js';
import { ProviderService } from './service.js';
import { MemoryStorageArea } from '../storage-area.js';
import { RecordingPort, RecordingTabs, TestChain, TestKeyring, recordingWindows } from './test-support.js';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const KEY_A = '0x46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f';
const KEY_B = '0x' + '11'.repeat(32);
const DAPP = 'https://dapp.example';

function sender(origin: string, documentId: string, frameId = 0, tabId = 1): chrome.runtime.MessageSender {
  return { id: EXT, origin, url: `${origin}/page`, tab: { id: tabId } as chrome.tabs.Tab, frameId, documentId };
}

async function setup(options: { popups?: boolean; local?: MemoryStorageArea; session?: MemoryStorageArea; keyring?: TestKeyring; chain?: TestChain; tabs?: RecordingTabs } = {}) {
  const keyring = options.keyring ?? new TestKeyring();
  if (!options.keyring) {
    keyring.addAccount('acct-a', KEY_A, 'Alpha');
    keyring.addAccount('acct-b', KEY_B, 'Beta');
  }
  const chain = options.chain ?? new TestChain();
  const local = options.local ?? new MemoryStorageArea();
  const session = options.session ?? new MemoryStorageArea();
  const tabs = options.tabs ?? new RecordingTabs();
  const windows = recordingWindows({ popups: options.popups ?? true });
  const uiCounts: number[] = [];
  let counter = 0;
  const service = await ProviderService.create({
    keyring,
    chain,
    local,
    session,
    tabs,
    windows,
    approvalPageUrl: `chrome-extension://${EXT}/approval/index.html`,
    notifyUi: { approvals: (c) => uiCounts.push(c), sites: () => undefined },
    newId: () => (++counter).toString(16).padStart(32, '0'),
  });
  return { service, keyring, chain, local, session, tabs, windows, uiCounts };
}

type Env = Awaited<ReturnType<typeof setup>>;

async function page(env: Env, origin = DAPP, documentId = 'doc-1', frameId = 0, tabId = 1) {
  const s = sender(origin, documentId, frameId, tabId);
  const requester = requesterFromSender(s, EXT);
  const port = new RecordingPort(s);
  await env.service.connect(requester, port.port);
  env.tabs.alive.add(documentId);
  let next = 0;
  const send = async (method: string, params?: unknown, space: Space = 'core'): Promise<string> => {
    const id = `r${++next}`;
    await env.service.message(requester, { type: 'request', id, space, method, ...(params === undefined ? {} : { params }) });
    return id;
  };
  const answerOf = (id: string) => port.responses().find((r) => r.id === id);
  /** Sends and returns the answer (fails if the request is waiting for the user). */
  const call = async (method: string, params?: unknown, space: Space = 'core'): Promise<{ result?: unknown; error?: { code: number; message: string } }> => {
    const answer = answerOf(await send(method, params, space));
    if (!answer) throw new Error(`${method} got no answer`);
    return answer;
  };
  return { requester, port, send, answerOf, call };
}

async function connect(env: Env, p: Awaited<ReturnType<typeof page>>, space: Space = 'core', accountId = 'acct-a') {
  const id = await p.send(space === 'core' ? 'cfx_requestAccounts' : 'eth_requestAccounts', undefined, space);
  const [approval] = env.service.uiHandlers()['provider.listApprovals']!(undefined, { pageUrl: '' }) as { id: string }[];
  await env.service.uiHandlers()['provider.resolveApproval']!({ id: approval!.id, approve: true, accountId }, { pageUrl: '' });
  return p.answerOf(id);
}

function without(s: chrome.runtime.MessageSender, key: keyof chrome.runtime.MessageSender): chrome.runtime.MessageSender {
  const copy = { ...s };
  delete copy[key];
  return copy;
}

const ui = (env: Env) => {
  const h = env.service.uiHandlers();
  const ctx = { pageUrl: '' };
  return {
    list: async () => (await h['provider.listApprovals']!(undefined, ctx)) as { id: string; origin: string; kind: string }[],
    view: async (id: string) => h['provider.getApproval']!({ id }, ctx),
    resolve: async (id: string, approve: boolean, accountId?: string) => h['provider.resolveApproval']!({ id, approve, ...(accountId ? { accountId } : {}) }, ctx),
    sites: async () => h['provider.listSites']!(undefined, ctx),
    disconnect: async (origin: string) => h['provider.disconnectSite']!({ origin }, ctx),
  };
};

const addressA1029 = () => {
  const k = new TestKeyring().addAccount('x', KEY_A);
  return encodeCfxAddress(k.coreHex, 1029);
};

describe('connecting', () => {
  test('a site sees no accounts until the user connects one, then exactly that account', async () => {
    const env = await setup();
    const p = await page(env);
    expect((await p.call('cfx_accounts')).result).toEqual([]);
    expect((await p.call('cfx_chainId')).result).toBe('0x405');
    expect((await p.call('cfx_netVersion')).result).toBe('1029');
    const answer = await connect(env, p);
    expect(answer).toEqual({ type: 'response', id: 'r4', result: [addressA1029()] });
    expect(env.windows.log[0]).toBe(`window.create popup chrome-extension://${EXT}/approval/index.html`);
    expect((await p.call('cfx_accounts')).result).toEqual([addressA1029()]);
    const perms = (await p.call('wallet_getPermissions')).result as { invoker: string; parentCapability: string; caveats: { value: string[] }[] }[];
    expect(perms).toHaveLength(1);
    expect(perms[0]).toMatchObject({ invoker: DAPP, parentCapability: 'cfx_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: [addressA1029()] }] });
    // The eSpace provider of the same site is a separate permission.
    expect((await p.call('eth_accounts', undefined, 'espace')).result).toEqual([]);
    expect(env.windows.log).toContain('window.remove 100'); // closed once nothing waits
  });

  test('Fluent\'s space-neutral names answer like the space\'s own', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    expect((await p.call('wallet_accounts')).result).toEqual([addressA1029()]);
    expect((await p.call('wallet_requestAccounts')).result).toEqual([addressA1029()]);
    expect((await p.call('wallet_chainId', undefined, 'espace')).result).toBe('0x406');
  });

  test('rejecting answers 4001 and grants nothing', async () => {
    const env = await setup();
    const p = await page(env);
    const id = await p.send('cfx_requestAccounts');
    const [approval] = await ui(env).list();
    expect(approval).toMatchObject({ origin: DAPP, kind: 'connect' });
    await ui(env).resolve(approval!.id, false);
    expect(p.answerOf(id)?.type).toBe('response');
    expect((p.answerOf(id) as { error: { code: number } }).error.code).toBe(4001);
    expect((await p.call('cfx_accounts')).result).toEqual([]);
  });

  test('two pending connect requests of one site are answered by one decision', async () => {
    const env = await setup();
    const p = await page(env);
    const first = await p.send('cfx_requestAccounts');
    const second = await p.send('wallet_requestPermissions', [{ cfx_accounts: {} }]);
    expect(await ui(env).list()).toHaveLength(1); // one at a time per site
    await ui(env).resolve((await ui(env).list())[0]!.id, true, 'acct-b');
    expect(p.answerOf(first)).toMatchObject({ result: [encodeCfxAddress(env.keyring.accounts[1]!.coreHex, 1029)] });
    expect(p.answerOf(second)).toMatchObject({ result: [{ invoker: DAPP, parentCapability: 'cfx_accounts' }] });
  });

  test('locked wallet: no accounts visible; requestAccounts waits for unlock, then answers', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    env.keyring.setUnlocked(false);
    await new Promise((r) => setTimeout(r, 0));
    expect((await p.call('cfx_accounts')).result).toEqual([]);
    const id = await p.send('cfx_requestAccounts');
    const [approval] = await ui(env).list();
    expect(approval!.kind).toBe('unlock');
    expect((await ui(env).view(approval!.id)).locked).toBe(true);
    await expect(ui(env).resolve(approval!.id, true)).rejects.toMatchObject({ code: 'vault.locked' });
    env.keyring.setUnlocked(true);
    await expect.poll(() => p.answerOf(id)).toMatchObject({ result: [addressA1029()] });
    // accountsChanged went out on connect, lock ([]) and unlock, for Core only.
    const events = p.port.posted.filter((m) => m.type === 'event' && m.name === 'accountsChanged');
    expect(events.map((m) => (m as { data: unknown }).data)).toEqual([[addressA1029()], [], [addressA1029()]]);
    expect(events.every((m) => m.type === 'event' && m.space === 'core')).toBe(true);
  });

  test('revoking removes access at once and tells the page', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    expect((await p.call('wallet_revokePermissions', [{ cfx_accounts: {} }])).result).toBeNull();
    expect(p.port.posted.filter((m) => m.type === 'event').at(-1)).toEqual({ type: 'event', space: 'core', name: 'accountsChanged', data: [] });
    expect((await p.call('cfx_accounts')).result).toEqual([]);
    const sign = await p.call('personal_sign', ['0x68656c6c6f', addressA1029()]);
    expect(sign).toMatchObject({ error: { code: 4100 } });
  });

  test('disconnecting from the wallet UI tells the page accountsChanged []', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    expect(await ui(env).sites()).toEqual([{ origin: DAPP, core: { addresses: [addressA1029()], date: expect.any(Number) }, espace: null }]);
    await ui(env).disconnect(DAPP);
    expect(p.port.posted.at(-1)).toEqual({ type: 'event', space: 'core', name: 'accountsChanged', data: [] });
    expect(await ui(env).sites()).toEqual([]);
  });
});

describe('origins come from the browser only', () => {
  test('senders that are not web page frames of this extension are refused', () => {
    const ok = sender(DAPP, 'd');
    expect(requesterFromSender(ok, EXT)).toEqual({ origin: DAPP, documentId: 'd', tabId: 1, frameId: 0 });
    const bad: [string, chrome.runtime.MessageSender | undefined][] = [
      ['no sender', undefined],
      ['another extension', { ...ok, id: 'other' }],
      ['not in a tab', without(ok, 'tab')],
      ['no document id', without(ok, 'documentId')],
      ['opaque origin', { ...ok, origin: 'null' }],
      ['extension page', { ...ok, origin: `chrome-extension://${EXT}`, url: `chrome-extension://${EXT}/popup.html` }],
      ['file page', { ...ok, origin: 'file://', url: 'file:///x' }],
      ['origin and URL disagree', { ...ok, url: 'https://other.example/x' }],
      ['non-serialized origin', { ...ok, origin: 'https://dapp.example/' }],
    ];
    for (const [title, s] of bad) expect(() => requesterFromSender(s, EXT), title).toThrow(/refusing provider connection/);
  });

  test('an iframe has its own origin: the parent page\'s connection does not leak into it', async () => {
    const env = await setup();
    env.tabs.topOrigins.set(1, DAPP);
    const parent = await page(env, DAPP, 'doc-top', 0);
    await connect(env, parent);
    const frame = await page(env, 'https://widget.example', 'doc-frame', 3);
    expect((await frame.call('cfx_accounts')).result).toEqual([]);
    expect(await frame.call('personal_sign', ['0x00', addressA1029()])).toMatchObject({ error: { code: 4100 } });
    await frame.send('cfx_requestAccounts');
    const [approval] = await ui(env).list();
    const view = await ui(env).view(approval!.id);
    expect(view.requester).toEqual({
      origin: { origin: 'https://widget.example', scheme: 'https', host: 'widget.example', port: null, punycode: false, insecure: false },
      frame: { topOrigin: DAPP },
    });
  });

  test('punycode hosts and plain http are flagged for the user', async () => {
    const env = await setup();
    const p = await page(env, 'http://xn--pple-43d.example:8080', 'doc-p');
    await p.send('cfx_requestAccounts');
    const view = await ui(env).view((await ui(env).list())[0]!.id);
    expect(view.requester.origin).toEqual({ origin: 'http://xn--pple-43d.example:8080', scheme: 'http', host: 'xn--pple-43d.example', port: '8080', punycode: true, insecure: true });
  });
});

describe('refusals without asking the user', () => {
  test('unknown, refused and other-space methods are 4200; bad params -32602', async () => {
    const env = await setup();
    const p = await page(env);
    const cases: [string, unknown, Space, number, RegExp][] = [
      ['eth_sign', ['0x00', '0x00'], 'espace', 4200, /opaque hash/],
      ['cfx_sign', [], 'core', 4200, /opaque hash/],
      ['wallet_nonsense', [], 'core', 4200, /unknown method/],
      ['eth_getBalance', ['0x' + '00'.repeat(20)], 'core', 4200, /eSpace provider/],
      ['cfx_getBalance', ['x'], 'espace', 4200, /window\.conflux/],
      ['eth_subscribe', ['newHeads'], 'espace', 4200, /subscriptions/],
      ['cfx_getBalance', [123], 'core', -32602, /params\[0\]/],
      ['cfx_chainId', ['extra'], 'core', -32602, /no parameters/],
      ['wallet_switchConfluxChain', [{ chainId: '0xzz' }], 'core', -32602, /chainId/],
      ['wallet_requestPermissions', [JSON.parse('{"__proto__": {}}')], 'core', -32602, /unknown permission "__proto__"/],
      ['wallet_requestPermissions', [{}], 'core', -32602, /expected cfx_accounts/],
      ['wallet_requestPermissions', [{ admin: {} }], 'core', -32602, /unknown permission/],
    ];
    for (const [method, params, space, code, message] of cases) {
      const answer = (await p.call(method, params, space)) as { error?: { code: number; message: string } };
      expect(answer.error?.code, method).toBe(code);
      expect(answer.error?.message, method).toMatch(message);
    }
    expect(await ui(env).list()).toEqual([]);
  });

  test('typed data for another chain is refused before any approval', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    const typed = (chainId: number) => ({
      types: { CIP23Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }], Mail: [{ name: 'contents', type: 'string' }] },
      primaryType: 'Mail',
      domain: { name: 'Test', chainId },
      message: { contents: 'hi' },
    });
    const wrong = await p.call('cfx_signTypedData_v4', [addressA1029(), JSON.stringify(typed(1))]);
    expect(wrong).toMatchObject({ error: { code: -32602, message: expect.stringMatching(/chain 1 but the active chain is 1029/) } });
    const malformed = await p.call('cfx_signTypedData_v4', [addressA1029(), JSON.stringify({ ...typed(1029), primaryType: 'Nope' })]);
    expect(malformed).toMatchObject({ error: { code: -32602 } });
    expect(await ui(env).list()).toEqual([]);
    // The right chain asks, and the signature recovers to the account.
    const id = await p.send('cfx_signTypedData_v4', [addressA1029(), JSON.stringify(typed(1029))]);
    const [approval] = await ui(env).list();
    expect(await ui(env).view(approval!.id)).toMatchObject({ detail: { kind: 'typed_data', primaryType: 'Mail', chainId: 1029, domainType: 'CIP23Domain' } });
    await ui(env).resolve(approval!.id, true);
    const signature = (p.answerOf(id) as { result: string }).result;
    expect(recoverCip23TypedDataSigner(typed(1029), signature, 1029)).toBe(addressA1029());
  });

  test('a transaction with another chainId is refused; so is a from the site may not use', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    const wrongChain = await p.call('cfx_sendTransaction', [{ from: addressA1029(), to: addressA1029(), value: '0x1', chainId: '0x1' }]);
    expect(wrongChain).toMatchObject({ error: { code: -32602, message: expect.stringMatching(/not the active chain/) } });
    const other = encodeCfxAddress(env.keyring.accounts[1]!.coreHex, 1029);
    expect(await p.call('cfx_sendTransaction', [{ from: other, to: other, value: '0x1' }])).toMatchObject({ error: { code: 4100 } });
    const wrongNet = encodeCfxAddress(env.keyring.accounts[0]!.coreHex, 1);
    expect(await p.call('cfx_sendTransaction', [{ from: wrongNet, to: other, value: '0x1' }])).toMatchObject({ error: { code: -32602, message: expect.stringMatching(/network 1/) } });
    expect(await p.call('cfx_sendTransaction', [{ from: addressA1029(), to: other, value: '0x1', blobs: [] }])).toMatchObject({ error: { code: -32602, message: expect.stringMatching(/unexpected key "blobs"/) } });
    expect(await ui(env).list()).toEqual([]);
  });

  test('at most 5 requests per site wait for the user; the 6th is refused (-32005)', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    for (let i = 0; i < 5; i++) await p.send('personal_sign', [`0x0${i}`, addressA1029()]);
    const sixth = await p.call('personal_sign', ['0x09', addressA1029()]);
    expect(sixth).toMatchObject({ error: { code: -32005 } });
    // Another site is not affected by this one's flood.
    const q = await page(env, 'https://other.example', 'doc-2', 0, 2);
    await q.send('cfx_requestAccounts');
    expect((await ui(env).list()).map((a) => a.origin)).toEqual([DAPP, 'https://other.example']);
  });

  test('a repeated request id of the same document is refused', async () => {
    const env = await setup();
    const p = await page(env);
    await env.service.message(p.requester, { type: 'request', id: 'same', space: 'core', method: 'cfx_requestAccounts' });
    await env.service.message(p.requester, { type: 'request', id: 'same', space: 'core', method: 'cfx_requestAccounts' });
    expect(p.port.responses()).toEqual([{ type: 'response', id: 'same', error: { code: -32600, message: 'A request with this id is already pending' } }]);
  });
});

describe('signing', () => {
  const HELLO = 'Hello, Wayfarer ✓';
  /** A connected page whose personal_sign of HELLO waits for the user; `signer()` recovers who signed the answer. */
  async function personalSignWaiting() {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    const id = await p.send('personal_sign', [HELLO, addressA1029()]);
    const [approval] = await ui(env).list();
    const signer = () => recoverCorePersonalMessageSigner(HELLO, (p.answerOf(id) as { result: string }).result, 1029);
    return { env, p, id, approval: approval!, signer };
  }

  test('personal_sign shows the text and returns a Core signature of the account', async () => {
    const { env, approval, signer } = await personalSignWaiting();
    const view = await ui(env).view(approval.id);
    expect(view.detail).toMatchObject({ kind: 'personal_sign', text: HELLO, account: { id: 'acct-a', name: 'Alpha', address: addressA1029() } });
    await ui(env).resolve(approval.id, true);
    expect(signer()).toBe(addressA1029());
  });

  test('a wallet that locks between the approval and the signature asks again; the dApp sees no failure', async () => {
    const { env, p, id, approval, signer } = await personalSignWaiting();
    const isUnlocked = env.keyring.isUnlocked;
    env.keyring.isUnlocked = async () => true; // the check passes; the keyring locks just after it
    env.keyring.unlocked = false;
    await expect(ui(env).resolve(approval.id, true)).rejects.toMatchObject({ code: 'vault.locked' });
    expect(p.answerOf(id)).toBeUndefined();
    expect((await ui(env).list()).map((a) => a.id)).toEqual([approval.id]);
    env.keyring.isUnlocked = isUnlocked;
    env.keyring.unlocked = true;
    await ui(env).resolve(approval.id, true);
    expect(signer()).toBe(addressA1029());
  });

  test('a locked wallet is 4100 to a dApp, as it always was', () => {
    expect(toProviderErrorPayload(new VaultLockedError())).toEqual({ code: 4100, message: 'The wallet is locked; unlock it to continue' });
  });

  test('binary messages are shown as hex, not text', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    await p.send('personal_sign', ['0xff00fe', addressA1029()]);
    const view = await ui(env).view((await ui(env).list())[0]!.id);
    expect(view.detail).toMatchObject({ kind: 'personal_sign', text: null, hex: '0xff00fe', byteLength: 3 });
  });

  test('eSpace personal_sign uses the Ethereum prefix', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p, 'espace');
    const address = env.keyring.accounts[0]!.espaceAddress;
    const id = await p.send('personal_sign', ['0x68656c6c6f', address], 'espace');
    await ui(env).resolve((await ui(env).list())[0]!.id, true);
    expect(recoverEspacePersonalMessageSigner('0x68656c6c6f', (p.answerOf(id) as { result: string }).result)).toBe(address);
  });

  test('cfx_sendTransaction: completed by the wallet, shown decoded, signed for the active chain, broadcast', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    const to = encodeCfxAddress(env.keyring.accounts[1]!.coreHex, 1029);
    const id = await p.send('cfx_sendTransaction', [{ from: addressA1029(), to, value: '0xde0b6b3a7640000', nonce: '0x99' }]);
    const [approval] = await ui(env).list();
    const view = await ui(env).view(approval!.id);
    expect(view.detail).toMatchObject({
      kind: 'transaction',
      tx: {
        type: 2,
        chainId: 1029,
        from: addressA1029(),
        to,
        toKind: 'user',
        value: '1000000000000000000', // 1 CFX (the page formats it: components/TransactionReview.test.ts)
        nonce: '7', // the wallet's nonce; the dApp's is ignored
        gas: '21000',
        storageLimit: '0',
        epochHeight: '100',
        maxFeePerGas: '2000000001',
        maxPriorityFeePerGas: '1',
        maxFee: '42000000021000',
        maxCollateral: '0',
      },
    });
    await ui(env).resolve(approval!.id, true);
    expect(env.chain.sent).toHaveLength(1);
    const decoded = decodeCoreTransaction(env.chain.sent[0]!.raw, { chainId: 1029 });
    expect(decoded.from).toBe(addressA1029());
    expect(decoded.transaction).toMatchObject({ type: 2, to, value: 10n ** 18n, nonce: 7n, chainId: 1029 });
    expect(decoded.signingHash).toBe((view.detail as { tx: { signingHash: string } }).tx.signingHash);
    expect(p.answerOf(id)).toEqual({ type: 'response', id, result: decoded.hash });
  });

  test('the nonce is the higher of the verified one and the nodes\' latest (transactions sent elsewhere)', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    env.chain.nodeNonce = 12n;
    await p.send('cfx_sendTransaction', [{ from: addressA1029(), to: addressA1029(), value: '0x1' }]);
    const view = await ui(env).view((await ui(env).list())[0]!.id);
    expect(view.detail).toMatchObject({ kind: 'transaction', tx: { nonce: '12' } });
  });

  test('eth_sendTransaction builds an EIP-1559 transaction for the active eSpace chain', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p, 'espace');
    const from = env.keyring.accounts[0]!.espaceAddress;
    const id = await p.send('eth_sendTransaction', [{ from, to: env.keyring.accounts[1]!.espaceAddress, value: '0x1', input: '0x' }], 'espace');
    await ui(env).resolve((await ui(env).list())[0]!.id, true);
    const decoded = decodeEspaceTransaction(env.chain.sent[0]!.raw, { chainId: 1030 });
    expect(decoded.from).toBe(from);
    expect(decoded.transaction).toMatchObject({ type: 2, chainId: 1030, value: 1n, gas: 21000n });
    expect(p.answerOf(id)).toMatchObject({ result: decoded.hash });
  });

  test('if the user switches network before approving, the transaction is not signed', async () => {
    const env = await setup();
    const p = await page(env);
    await connect(env, p);
    const id = await p.send('cfx_sendTransaction', [{ from: addressA1029(), to: addressA1029(), value: '0x1' }]);
    await env.chain.switchNetwork('core', 1);
    await ui(env).resolve((await ui(env).list())[0]!.id, true);
    expect(env.chain.sent).toEqual([]);
    expect(p.answerOf(id)).toMatchObject({ error: { code: 4901 } });
  });
});

describe('networks and assets', () => {
  test('switching: same chain answers null, unknown is 4902, known asks and emits chainChanged', async () => {
    const env = await setup();
    const p = await page(env);
    expect((await p.call('wallet_switchConfluxChain', [{ chainId: '0x405' }])).result).toBeNull();
    expect(await p.call('wallet_switchConfluxChain', [{ chainId: '0x7' }])).toMatchObject({ error: { code: 4902 } });
    const id = await p.send('wallet_switchConfluxChain', [{ chainId: '0x1' }]);
    const [approval] = await ui(env).list();
    expect((await ui(env).view(approval!.id)).detail).toEqual({ kind: 'switch_chain', from: { chainId: 1029, name: 'Conflux Core' }, to: { chainId: 1, name: 'Conflux Core Testnet' } });
    await ui(env).resolve(approval!.id, true);
    expect(p.answerOf(id)).toMatchObject({ result: null });
    await expect.poll(() => p.port.posted.find((m) => m.type === 'event' && m.name === 'chainChanged')).toEqual({ type: 'event', space: 'core', name: 'chainChanged', data: '0x1' });
  });

  test('adding a chain: only networks the wallet can verify; new nodes are shown with a warning, added as the site\'s, then switched to', async () => {
    const env = await setup();
    const p = await page(env, 'https://app.dapp.example');
    const network = { chainId: '0x400', chainName: 'Totally Mainnet', nativeCurrency: { name: 'Conflux', symbol: 'CFX', decimals: 18 }, rpcUrls: ['https://rpc.dapp-nodes.example:8545'] };
    expect(await p.call('wallet_addConfluxChain', [{ ...network, rpcUrls: ['javascript:alert(1)'] }])).toMatchObject({ error: { code: -32602 } });
    expect(await p.call('wallet_addConfluxChain', [{ ...network, chainId: '0x7' }])).toMatchObject({ error: { code: -32602, message: expect.stringMatching(/only uses networks it can verify/) } });
    // Known nodes only: a plain switch.
    await p.send('wallet_addConfluxChain', [{ ...network, rpcUrls: ['http://127.0.0.1:12537/'] }]);
    expect((await ui(env).view((await ui(env).list())[0]!.id)).detail.kind).toBe('switch_chain');
    await env.service.windowRemoved('window', 100);
    const id = await p.send('wallet_addConfluxChain', [network]);
    const view = await ui(env).view((await ui(env).list())[0]!.id);
    // The approval names the site all the nodes will count as (one operator, never a trusted one).
    expect(view.detail).toEqual({ kind: 'add_chain', site: 'dapp.example', network: { chainId: 1024, name: 'Local dev node', currencyName: 'Conflux', currencySymbol: 'CFX', rpcUrls: ['https://rpc.dapp-nodes.example:8545/'] } });
    await ui(env).resolve(view.id, true);
    expect(p.answerOf(id)).toMatchObject({ result: null });
    expect(env.chain.active.core).toBe(1024);
    expect(env.chain.networks.find((n) => n.chainId === 1024)?.rpcUrls).toContain('https://rpc.dapp-nodes.example:8545/');
    expect(env.chain.addedBy).toEqual(['dapp.example']);
    expect((await p.call('cfx_chainId')).result).toBe('0x400');
  });

  test.each(['http://127.0.0.1:40001', 'https://127.0.0.1:40001', 'http://192.168.1.1/', 'https://10.0.0.1/', 'https://[::1]:8545/', 'http://localhost:8545/', 'https://nas.local/', 'http://rpc.example.org/'])(
    'a site may not add a local, private or plain-http node (%s): refused before the user is asked',
    async (url) => {
      const env = await setup();
      const p = await page(env);
      const answer = await p.call('wallet_addEthereumChain', [{ chainId: '0x47', chainName: 'x', nativeCurrency: { name: 'Conflux', symbol: 'CFX', decimals: 18 }, rpcUrls: [url] }], 'espace');
      expect(answer).toMatchObject({ error: { code: -32602 } });
      expect(await ui(env).list()).toEqual([]);
    },
  );

  test('watchAsset checks the token address against the active network', async () => {
    const env = await setup();
    const p = await page(env);
    const contract = encodeCfxAddress('0x8' + '1'.repeat(39), 1029);
    expect(await p.call('wallet_watchAsset', { type: 'ERC20', options: { address: contract, symbol: 'T', decimals: 18 } })).toMatchObject({ error: { code: -32602 } });
    expect(await p.call('wallet_watchAsset', { type: 'CRC20', options: { address: encodeCfxAddress('0x8' + '1'.repeat(39), 1), symbol: 'T', decimals: 18 } })).toMatchObject({ error: { code: -32602 } });
    const id = await p.send('wallet_watchAsset', { type: 'CRC20', options: { address: contract, symbol: 'TKN', decimals: 6, image: 'javascript:x' } });
    const view = await ui(env).view((await ui(env).list())[0]!.id);
    expect(view.detail).toEqual({ kind: 'watch_asset', asset: { address: contract, symbol: 'TKN', decimals: 6 } }); // the javascript: image is dropped
    await ui(env).resolve(view.id, true);
    expect(p.answerOf(id)).toMatchObject({ result: true });
  });
});

describe('surviving service-worker restarts', () => {
  test('a request approved after a restart is delivered to the still-open page', async () => {
    const session = new MemoryStorageArea();
    const local = new MemoryStorageArea();
    const tabs = new RecordingTabs();
    const first = await setup({ session, local, tabs });
    const p = await page(first);
    const id = await p.send('cfx_requestAccounts');
    // The worker stops: a new service instance over the same storage; no port yet.
    const second = await setup({ session, local, tabs });
    const [approval] = await ui(second).list();
    expect(approval?.origin).toBe(DAPP);
    await ui(second).resolve(approval!.id, true, 'acct-a');
    expect(tabs.delivered.at(-1)).toEqual({ tabId: 1, message: { type: 'response', id, result: [addressA1029()] }, options: { documentId: 'doc-1' } });
  });

  test('a settled answer waits for the page to reconnect; unknown ids are reported for resending', async () => {
    const session = new MemoryStorageArea();
    const tabs = new RecordingTabs();
    const first = await setup({ session, tabs });
    const p = await page(first);
    const id = await p.send('cfx_requestAccounts');
    const second = await setup({ session, tabs });
    tabs.alive.delete('doc-1'); // the port is gone and direct delivery fails for now
    await ui(second).resolve((await ui(second).list())[0]!.id, true, 'acct-a');
    // The content script reconnects and says hello.
    const s = sender(DAPP, 'doc-1');
    const requester = requesterFromSender(s, EXT);
    const port = new RecordingPort(s);
    await second.service.connect(requester, port.port);
    await second.service.message(requester, { type: 'hello', pending: [id, 'lost-read'] });
    expect(port.posted).toEqual([{ type: 'response', id, result: [addressA1029()] }, { type: 'unknown', id: 'lost-read' }]);
    // Delivered once: a second hello finds nothing.
    await second.service.message(requester, { type: 'hello', pending: [id] });
    expect(port.posted.at(-1)).toEqual({ type: 'unknown', id });
  });

  test('a transaction signed before the restart is broadcast again with the same bytes, not re-signed', async () => {
    const session = new MemoryStorageArea();
    const local = new MemoryStorageArea();
    const tabs = new RecordingTabs();
    const chain = new TestChain();
    const first = await setup({ session, local, tabs, chain });
    const p = await page(first);
    await connect(first, p);
    const id = await p.send('cfx_sendTransaction', [{ from: addressA1029(), to: addressA1029(), value: '0x5' }]);
    // Approve, but the broadcast never returns (the worker dies during it).
    chain.sendRawTransaction = () => new Promise(() => undefined);
    void ui(first).resolve((await ui(first).list())[0]!.id, true);
    await expect.poll(() => [...session.data.values()].some((v) => v.includes('"signed"'))).toBe(true);
    const signedRaw = (JSON.parse([...session.data.values()].find((v) => v.includes('"signed"'))!) as { signed: { raw: string } }).signed.raw;
    const chain2 = new TestChain();
    const keyring2 = new TestKeyring();
    keyring2.addAccount('acct-a', KEY_A);
    keyring2.unlocked = false; // locked after restart: the same bytes go out without the key
    await setup({ session, local, tabs, chain: chain2, keyring: keyring2 });
    expect(chain2.sent.map((s) => s.raw)).toEqual([signedRaw]);
    expect(tabs.delivered.at(-1)?.message).toMatchObject({ type: 'response', id });
  });

  test('a request whose page is gone is dropped at restart', async () => {
    const session = new MemoryStorageArea();
    const tabs = new RecordingTabs();
    const first = await setup({ session, tabs });
    const p = await page(first);
    await p.send('cfx_requestAccounts');
    tabs.alive.clear();
    const second = await setup({ session, tabs });
    expect(await ui(second).list()).toEqual([]);
  });

  test('a start that fails leaves no listener behind, so it can be tried again', async () => {
    const keyring = new TestKeyring();
    let notices = 0;
    const deps = {
      keyring,
      chain: new TestChain(),
      local: new MemoryStorageArea(),
      session: new MemoryStorageArea(),
      tabs: new RecordingTabs(),
      windows: recordingWindows({ popups: true }),
      approvalPageUrl: `chrome-extension://${EXT}/approval/index.html`,
      notifyUi: {
        approvals: () => {
          if (++notices === 1) throw new Error('the UI channel failed'); // during the restore
        },
        sites: () => undefined,
      },
    };
    await expect(ProviderService.create(deps)).rejects.toThrow('the UI channel failed');
    keyring.setUnlocked(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(notices).toBe(1); // the failed service heard nothing
    await ProviderService.create(deps);
    keyring.setUnlocked(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(notices).toBe(3); // the restore, then one wallet change, from the one service
  });
});

describe('approval window', () => {
  test('closing it rejects every waiting request (4001)', async () => {
    const env = await setup();
    const p = await page(env);
    const a = await p.send('cfx_requestAccounts');
    const q = await page(env, 'https://other.example', 'doc-2', 0, 2);
    const b = await q.send('cfx_requestAccounts');
    await env.service.windowRemoved('window', 100);
    expect(p.answerOf(a)).toMatchObject({ error: { code: 4001 } });
    expect(q.answerOf(b)).toMatchObject({ error: { code: 4001 } });
    expect(await ui(env).list()).toEqual([]);
  });

  test('without popup windows (mobile) the approval page opens as a tab', async () => {
    const env = await setup({ popups: false });
    const p = await page(env);
    await p.send('cfx_requestAccounts');
    expect(env.windows.log).toEqual([`tab.create chrome-extension://${EXT}/approval/index.html`]);
    await p.send('wallet_requestPermissions', [{ cfx_accounts: {} }]);
    expect(env.windows.log.at(-1)).toBe('tab.focus 100');
  });

  test('when the page goes away its waiting requests are dropped', async () => {
    const env = await setup();
    const p = await page(env);
    await p.send('cfx_requestAccounts');
    await env.service.disconnect(p.requester, p.port.port);
    expect(await ui(env).list()).toEqual([]);
  });
});
