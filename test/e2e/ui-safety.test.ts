/**
 * Signing safety end to end: real Chromium with the built extension, a real Conflux dev node, and
 * a hostile page that asks for an unlimited approval, a Permit2 signature, a sign-in for another
 * domain and a transaction the node cannot estimate; the same page served on a look-alike of a
 * well-known Conflux site (a hostname Chromium resolves to 127.0.0.1); and a recipient poisoned to
 * look like a past one in the wallet's send form. Each shows its warning on the wallet's own pages,
 * and rejecting leaves nothing signed. A spending cap edited on the approval page is the one in the
 * transaction the node receives. Chromium's net log of the whole run shows no request to anything
 * but the user's own nodes and the pages the test opened.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeAbiParameters, encodeFunctionData, getTypesForEIP712Domain, serializeTypedData, type Abi } from 'viem';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesToHex } from '../../core/encoding/hex.js';
import { privateKeyFromHex } from '../../core/keys/private-key.js';
import { deployEspace, sendEspace } from '../support/chain-tx.js';
import artifacts from '../fixtures/contracts/artifacts.json' with { type: 'json' };
import { encodeCfxAddress } from '../../core/address/cip37.js';
import { toChecksumAddress } from '../../core/address/eip55.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { PrivateKey } from '../../core/keys/private-key.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForReceiptEpoch } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { callBackground } from '../support/ui-port.js';
import { transferToEspace } from '../support/cross-space.js';
import { answer, approvalPage, openApprovalPages, providerRequest, setUpWallet, showing, startRoutesServer, type ActionResult } from '../dapp/harness.js';
import { REVERTING_INIT_CODE } from '../dapp/reverting.js';
import { expectScreenFits } from './ui-helpers.js';
import { defaultEndpoints } from '../../core/rpc/pool/defaults.js';
import { fromGenesis, syncWalletPast } from '../support/genesis.js';
import { useDevNodeOnly } from '../adversary/extension-setup.js';

const node = sharedDevNode();
const key = PrivateKey.fromHex(GENESIS_PRIVATE_KEY);
const coreHex = coreAddressFromPrivateKey(key);
const coreAddress = encodeCfxAddress(coreHex, node.chainId);
const espaceAddress = espaceAddressFromPrivateKey(key);
const CFX = 10n ** 18n;
/** One letter away from swappi.io, a well-known Conflux dApp (core/sites/known-sites.ts). */
const LOOKALIKE_HOST = 'swapp1.io';
/** On the bundled phishing list (eth-phishing-detect). */
const PHISHING_HOST = 'myetherwallet.uk.com';
/** Fixed addresses: the test is the same on every run. */
const SPENDER_HEX = '0x1bad00000000000000000000000000000000beef';
const TOKEN_CORE = encodeCfxAddress('0x1234000000000000000000000000000000005678', node.chainId);
/** The attacker: an eSpace account that sends the user a zero-value and a dust transfer of its own token. */
const poisoner = privateKeyFromHex(bytesToHex(keccak_256(utf8ToBytes('wayfarer e2e safety poisoner'))));
const POISONED = espaceAddressFromPrivateKey(poisoner);
/** A past recipient of the user whose first and last four digits the attacker's address shares. */
const PAST_RECIPIENT = toChecksumAddress(`0x${POISONED.slice(2, 6)}${'b'.repeat(32)}${POISONED.slice(-4)}`);
const tokenDeployData = `${artifacts.contracts.TestToken.bytecode}${encodeAbiParameters([{ type: 'string' }, { type: 'string' }, { type: 'uint256' }], ['Test', 'TST', 10n ** 24n]).slice(2)}` as `0x${string}`;
let poisonToken = '';
const NEW_RECIPIENT = toChecksumAddress('0x7777000000000000000000000000000000000001');
const PERMIT2 = toChecksumAddress('0x000000000022d473030f116ddee9f6b43ac78ba3');

let browser: ExtensionBrowser;
let popup: Page;
let page: Page;
let server: { url: string; close: () => Promise<void> };
let netlogDir: string;
let netlog: string;

const hostile = '<!doctype html><html><head><title>Free tokens</title></head><body><p>Claim your airdrop</p></body></html>';

const coreNonce = async () => BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [coreAddress]));
const espaceNonce = async () => BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getTransactionCount', [espaceAddress, 'pending']));
const trackedHashes = async () => (await callBackground<{ hash: string }[]>(popup, 'chain.transactions')).map((t) => t.hash);
const approveCalldata = (amountHex: string) => `0x095ea7b3${SPENDER_HEX.slice(2).padStart(64, '0')}${amountHex.padStart(64, '0')}`;
const rejected = (result: ActionResult) => expect(result).toMatchObject({ ok: false, error: { code: 4001 } });

beforeAll(async () => {
  // eSpace funds for the past transfer the poisoning test needs.
  const fund = await fromGenesis(node, { ...transferToEspace(espaceAddress, node.chainId), value: 10n * CFX, gas: 300_000n });
  await waitForReceiptEpoch(node, fund);
  // The poisoning: the attacker's token sends the user nothing, then one base unit.
  const fundPoisoner = await fromGenesis(node, { ...transferToEspace(POISONED, node.chainId), value: 2n * CFX, gas: 300_000n });
  await waitForReceiptEpoch(node, fundPoisoner);
  poisonToken = await deployEspace(node, poisoner, tokenDeployData);
  for (const amount of [0n, 1n]) {
    const { receipt } = await sendEspace(node, poisoner, { type: 0, gasPrice: 2_000_000_000n, gas: 200_000n, to: poisonToken, value: 0n, data: encodeFunctionData({ abi: artifacts.contracts.TestToken.abi as Abi, functionName: 'transfer', args: [espaceAddress, amount] }) });
    expect(receipt.status).toBe('0x1');
  }
  const readyEpoch = Number(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state'])));

  netlogDir = mkdtempSync(join(tmpdir(), 'wayfarer-netlog-'));
  netlog = join(netlogDir, 'netlog.json');
  browser = await launchWithExtension({ args: [`--host-resolver-rules=MAP ${LOOKALIKE_HOST} 127.0.0.1, MAP ${PHISHING_HOST} 127.0.0.1`, `--log-net-log=${netlog}`, '--net-log-capture-mode=Default'] });
  popup = await setUpWallet(browser);
  await useDevNodeOnly(popup, node);
  await syncWalletPast(popup, node, readyEpoch);

  server = await startRoutesServer({ '/hostile.html': hostile });
  page = await browser.context.newPage();
  await page.goto(`${server.url}/hostile.html`);
  const core = providerRequest(page, 'core', 'cfx_requestAccounts');
  await answer(browser, 'approve', /Connect to this site/);
  expect(await core).toEqual({ ok: true, value: [coreAddress] });
  const espace = providerRequest(page, 'espace', 'eth_requestAccounts');
  await answer(browser, 'approve', /Connect to this site/);
  expect(await espace).toMatchObject({ ok: true });
}, 300_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (netlogDir) rmSync(netlogDir, { recursive: true, force: true });
});

test('an unlimited approval is flagged; the cap is edited and checked again; rejecting signs nothing', async () => {
  const nonce = await coreNonce();
  const before = await trackedHashes();
  const asking = providerRequest(page, 'core', 'cfx_sendTransaction', [{ from: coreAddress, to: TOKEN_CORE, data: approveCalldata('f'.repeat(64)) }]);
  const approval = await showing(browser, /Unlimited approval/);
  expect(await approval.getByTestId('effect-approval').innerText()).toMatch(/UNLIMITED/);
  expect(await approval.getByTestId('effect-spender').innerText()).toBe(encodeCfxAddress(SPENDER_HEX, node.chainId));
  await expectScreenFits(approval);
  // The token is no contract: its symbol and decimals cannot be read, and the cap is in base units.
  await approval.getByTestId('cap-input').fill('1000');
  await approval.getByTestId('cap-set').click();
  await expect.poll(() => approval.getByTestId('tx-data').textContent()).toBe(approveCalldata('3e8'));
  expect(await approval.getByTestId('effect-unlimited').count()).toBe(0);
  expect(await approval.getByTestId('effect-approval').innerText()).toMatch(/take up to 1000 base units/);
  await answer(browser, 'reject', /take up to 1000 base units/);
  rejected(await asking);
  expect(await coreNonce()).toBe(nonce);
  expect(await trackedHashes()).toEqual(before);
});

test('the edited spending cap is the one the node receives', async () => {
  const asking = providerRequest(page, 'core', 'cfx_sendTransaction', [{ from: coreAddress, to: TOKEN_CORE, data: approveCalldata('f'.repeat(64)) }]);
  const approval = await showing(browser, /Unlimited approval/);
  await approval.getByTestId('cap-input').fill('5');
  await approval.getByTestId('cap-set').click();
  await expect.poll(() => approval.getByTestId('tx-data').textContent()).toBe(approveCalldata('5'));
  await answer(browser, 'approve', /take up to 5 base units/);
  const sent = await asking;
  expect(sent.ok).toBe(true);
  const tx = await rpcCall<{ data: string } | null>(node.coreRpc, 'cfx_getTransactionByHash', [sent.value]);
  expect(tx?.data).toBe(approveCalldata('5'));
});

test('a Permit2 signature shows who may spend what; rejecting signs nothing', async () => {
  const typed = {
    domain: { name: 'Permit2', chainId: node.evmChainId, verifyingContract: PERMIT2 },
    types: {
      PermitSingle: [{ name: 'details', type: 'PermitDetails' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }],
      PermitDetails: [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint160' }, { name: 'expiration', type: 'uint48' }, { name: 'nonce', type: 'uint48' }],
    },
    primaryType: 'PermitSingle',
    message: { details: { token: toChecksumAddress('0x7d682e65efc5c13bf4e394b8f376c48e6bae0355'), amount: (1n << 160n) - 1n, expiration: 1_800_000_000, nonce: 0 }, spender: toChecksumAddress(SPENDER_HEX), sigDeadline: 1_800_000_000n },
  } as const;
  const json = serializeTypedData({ ...typed, types: { EIP712Domain: getTypesForEIP712Domain({ domain: typed.domain as never }), ...typed.types } } as never);
  const asking = providerRequest(page, 'espace', 'eth_signTypedData_v4', [espaceAddress, json]);
  const approval = await showing(browser, /This signature lets a spender take up to an UNLIMITED amount/);
  expect(await approval.getByTestId('effect-spender').innerText()).toBe(toChecksumAddress(SPENDER_HEX));
  expect(await approval.getByTestId('effect-unlimited').count()).toBe(1);
  await answer(browser, 'reject', /This signature lets a spender/);
  rejected(await asking);
});

test('a sign-in message for another domain is flagged; rejecting signs nothing', async () => {
  const message = [
    'app.uniswap.org wants you to sign in with your Ethereum account:',
    espaceAddress,
    '',
    'Sign in to Uniswap.',
    '',
    'URI: https://app.uniswap.org',
    'Version: 1',
    `Chain ID: ${node.evmChainId}`,
    'Nonce: 32891756',
    'Issued At: 2026-01-01T00:00:00Z',
  ].join('\n');
  const asking = providerRequest(page, 'espace', 'personal_sign', [`0x${Buffer.from(message).toString('hex')}`, espaceAddress]);
  const approval = await showing(browser, /does not match the site asking/);
  const warning = await approval.getByTestId('signin-warning').innerText();
  expect(warning).toContain('It signs you in to app.uniswap.org, but the request comes from 127.0.0.1.');
  expect(warning).toContain('It names the address https://app.uniswap.org');
  await expectScreenFits(approval);
  await answer(browser, 'reject', /does not match the site asking/);
  rejected(await asking);
});

test('a transaction the node cannot estimate is shown with its reason and an editable gas limit', async () => {
  const nonce = await coreNonce();
  const asking = providerRequest(page, 'core', 'cfx_sendTransaction', [{ from: coreAddress, data: REVERTING_INIT_CODE }]);
  const approval = await showing(browser, /could not estimate this transaction/);
  expect((await approval.getByTestId('estimate-reason').innerText()).length).toBeGreaterThan(0);
  expect(await approval.getByTestId('tx-gas').textContent()).toBe('1000000');
  await approval.getByTestId('gas-input').fill('300000');
  await approval.getByTestId('gas-set').click();
  await expect.poll(() => approval.getByTestId('tx-gas').textContent()).toBe('300000');
  await answer(browser, 'reject', /could not estimate this transaction/);
  rejected(await asking);
  expect(await coreNonce()).toBe(nonce);
});

test('a look-alike site gets a full-page warning before connecting; continuing is deliberate', async () => {
  const origin = `http://${LOOKALIKE_HOST}:${new URL(server.url).port}`;
  const fake = await browser.context.newPage();
  await fake.goto(`${origin}/hostile.html`);
  const first = providerRequest(fake, 'core', 'cfx_requestAccounts');
  const approval = await approvalPage(browser);
  const warning = approval.getByTestId('site-warning');
  await warning.waitFor();
  expect(await warning.innerText()).toMatch(/swapp1\.io looks like swappi\.io/);
  expect(await approval.getByTestId('approve').count()).toBe(0);
  await expectScreenFits(approval);
  await answer(browser, 'reject', /looks like swappi\.io/);
  rejected(await first);
  // The approval page closes after its last request: wait, so the next request's page is not taken for it.
  if (!approval.isClosed()) await approval.waitForEvent('close', { timeout: 15_000 });

  const second = providerRequest(fake, 'core', 'cfx_requestAccounts');
  const again = await approvalPage(browser);
  await again.getByTestId('site-warning').waitFor();
  await again.getByText('I know this site and want to continue').click();
  expect(await again.getByTestId('site-continue').isDisabled()).toBe(true);
  await again.getByTestId('site-understand').check();
  await again.getByTestId('site-continue').click();
  await answer(browser, 'reject', /Connect to this site/);
  rejected(await second);
  const sites = await callBackground<{ origin: string }[]>(popup, 'provider.listSites');
  expect(sites.map((s) => s.origin)).not.toContain(origin);
  await fake.close();
});

test('a site on the bundled phishing list is named as such before it can ask anything', async () => {
  const phishing = await browser.context.newPage();
  await phishing.goto(`http://${PHISHING_HOST}:${new URL(server.url).port}/hostile.html`);
  const asking = providerRequest(phishing, 'core', 'cfx_requestAccounts');
  const approval = await approvalPage(browser);
  await approval.getByTestId('site-warning').waitFor();
  expect(await approval.getByTestId('site-warning').innerText()).toMatch(/Known phishing site[\s\S]*myetherwallet\.uk\.com is on the phishing list/);
  await answer(browser, 'reject', /Known phishing site/);
  rejected(await asking);
  await phishing.close();
});

test('the send form warns about a recipient poisoned to look like a past one and marks new ones; Activity folds the poisoning transfers away', async () => {
  const paying = providerRequest(page, 'espace', 'eth_sendTransaction', [{ from: espaceAddress, to: PAST_RECIPIENT, value: `0x${CFX.toString(16)}` }]);
  await answer(browser, 'approve', /You send 1 CFX/);
  expect((await paying).ok).toBe(true);
  const nonce = await espaceNonce();

  await popup.goto(`${browser.popupUrl}#/`);
  await popup.getByRole('radio', { name: 'eSpace' }).click();
  await popup.getByTestId('balance').getByRole('link', { name: 'Send' }).click();
  const recipient = popup.getByLabel('Recipient', { exact: true });
  await recipient.fill(POISONED);
  const warning = popup.getByTestId('recipient-warning-lookalike');
  await warning.waitFor();
  expect(await warning.innerText()).toContain(PAST_RECIPIENT);
  await popup.getByLabel(/Amount/).fill('1');
  await popup.getByRole('button', { name: 'Review' }).click();
  await popup.getByText('Confirm the recipient warning above to continue.').waitFor();
  expect(await popup.getByTestId('send-review').count()).toBe(0);

  await recipient.fill(NEW_RECIPIENT);
  await popup.getByTestId('recipient-new').waitFor();
  await recipient.fill(PAST_RECIPIENT);
  await popup.getByTestId('recipient-known').waitFor();
  expect(await espaceNonce()).toBe(nonce);

  // Activity: the attacker's zero-value and dust transfers are folded away, not listed as received.
  await callBackground(popup, 'tokens.add', { space: 'espace', token: { address: poisonToken, symbol: 'TST', name: 'Test', decimals: 18 } });
  await popup.getByRole('link', { name: 'Activity' }).click();
  const hiddenTransfers = popup.getByTestId('received-hidden');
  await hiddenTransfers.waitFor({ timeout: 60_000 });
  expect(await hiddenTransfers.locator('summary').innerText()).toBe('2 suspicious transfers hidden');
  expect(await popup.getByTestId('received').locator('li', { hasText: 'TST' }).count()).toBe(0);
});

test('EIP-5792: not atomic; a batch is reviewed as one sequence, sent in nonce order, and its status read', async () => {
  const chainId = `0x${node.evmChainId.toString(16)}`;
  expect(await providerRequest(page, 'espace', 'wallet_getCapabilities', [espaceAddress])).toEqual({ ok: true, value: { [chainId]: { atomic: { status: 'unsupported' } } } });
  const calls = [
    { to: NEW_RECIPIENT, value: `0x${(CFX / 100n).toString(16)}` },
    { to: toChecksumAddress('0x1234000000000000000000000000000000005678'), data: approveCalldata('f'.repeat(64)) },
  ];
  expect(await providerRequest(page, 'espace', 'wallet_sendCalls', [{ version: '2.0.0', chainId, from: espaceAddress, atomicRequired: true, calls }])).toMatchObject({ ok: false, error: { code: 5760 } });
  const nonce = await espaceNonce();
  const sending = providerRequest(page, 'espace', 'wallet_sendCalls', [{ version: '2.0.0', chainId, from: espaceAddress, atomicRequired: false, calls }]);
  const approval = await showing(browser, /Send 2 transactions\?/);
  const shown = approval.getByTestId('batch-call');
  expect(await shown.count()).toBe(2);
  expect(await shown.nth(0).innerText()).toContain('You send 0.01 CFX');
  expect(await shown.nth(1).innerText()).toContain('Unlimited approval');
  await expectScreenFits(approval);
  await answer(browser, 'approve', /Send 2 transactions\?/);
  const sent = await sending;
  expect(sent.ok).toBe(true);
  const id = (sent.value as { id: string }).id;
  expect(id).toMatch(/^0x[0-9a-f]{128}$/);
  await expect
    .poll(async () => ((await providerRequest(page, 'espace', 'wallet_getCallsStatus', [id])).value as { status: number }).status, { timeout: 60_000, interval: 1000 })
    .toBe(200);
  const status = (await providerRequest(page, 'espace', 'wallet_getCallsStatus', [id])).value as { atomic: boolean; receipts: { transactionHash: string }[] };
  expect(status.atomic).toBe(false);
  expect(status.receipts.map((r) => r.transactionHash)).toEqual([id.slice(0, 66), `0x${id.slice(66)}`]);
  expect(await espaceNonce()).toBe(nonce + 2n);
});

test('none of this made a request to anything but the user\'s nodes and the pages opened', async () => {
  expect(openApprovalPages(browser)).toEqual([]);
  const extension = `chrome-extension://${browser.extensionId}`;
  await browser.close();
  expect(existsSync(netlog)).toBe(true);
  // Chromium's net log: every request with the origin that started it (the browser's own requests,
  // to its update and account services, have none and are not the wallet's).
  const log = JSON.parse(readFileSync(netlog, 'utf8')) as { events: { params?: { url?: unknown; initiator?: unknown } }[] };
  const requests = log.events.flatMap((e) => (typeof e.params?.url === 'string' && /^(https?|wss?):/.test(e.params.url) ? [{ url: e.params.url, initiator: typeof e.params.initiator === 'string' ? e.params.initiator : null }] : []));
  const hostsOf = (initiator: (i: string | null) => boolean) => new Set(requests.filter((r) => initiator(r.initiator)).map((r) => new URL(r.url).host));
  // The user's nodes: the ones added in this test and the node lists the wallet ships (shown and editable in Settings → Nodes).
  const nodes = new Set([node.coreRpc, node.espaceRpc, ...(['mainnet', 'testnet', 'local'] as const).flatMap((n) => defaultEndpoints(n).map((e) => e.url))].map((u) => new URL(u).host));
  const fromWallet = hostsOf((i) => i === extension);
  expect(fromWallet.has(new URL(node.coreRpc).host)).toBe(true);
  expect([...fromWallet].filter((host) => !nodes.has(host))).toEqual([]);
  // What the pages themselves asked for went to their own server (the wallet added nothing there).
  const pageOrigins = [server.url, ...[LOOKALIKE_HOST, PHISHING_HOST].map((h) => `http://${h}:${new URL(server.url).port}`)].map((u) => new URL(u).origin);
  const pages = new Set(pageOrigins.map((o) => new URL(o).host));
  expect([...hostsOf((i) => i !== null && pageOrigins.includes(i))].filter((host) => !pages.has(host))).toEqual([]);
});
