/**
 * Sending from the wallet screen against the shared dev node, in real Chromium with the built
 * extension: CFX on Core and on eSpace and a CRC-20 token, each through form → review (every signed
 * field) → sign → progress until the transaction is proved against PoS-finalized history, with the
 * recipient's balance checked on the node. Also: the Add-token form filled from the contract, Max,
 * a recipient of another network refused, a prepared transaction that cannot be altered, and
 * nothing prepared while locked. Phone size (360×740) and desktop (1280×800).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { decodeCfxAddress, encodeCfxAddress } from '../../core/address/cip37.js';
import { toChecksumAddress } from '../../core/address/eip55.js';
import { bytesToHex } from '../../core/encoding/hex.js';
import { mnemonicToSeedSync } from '../../core/keys/mnemonic.js';
import { deriveAccountKey } from '../../core/keys/hd.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { rpcCall, waitForFinality, waitForReceiptEpoch } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { callBackground, UiCallError } from '../support/ui-port.js';
import { answer, providerRequest, showing, startDappServer } from '../dapp/harness.js';
import { DESKTOP, MOBILE, importWalletThroughUi, openWallet, shot, unlockThroughUi, valueOf, volatile } from './ui-helpers.js';
import { transferToEspace } from '../support/cross-space.js';
import { fromGenesis, genesisKey, syncWalletPast } from '../support/genesis.js';
import { useDevNodeOnly } from '../adversary/extension-setup.js';

const node = sharedDevNode();
/** BIP39 test vector phrase, its own accounts so no other test shares their nonces. */
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const seed = mnemonicToSeedSync(MNEMONIC);
const coreKey = deriveAccountKey(seed, 'core', 0);
const coreHex = coreAddressFromPrivateKey(coreKey);
const coreAddress = encodeCfxAddress(coreHex, node.chainId);
const espaceAddress = espaceAddressFromPrivateKey(deriveAccountKey(seed, 'espace', 0));
const CFX = 10n ** 18n;
const genesis = encodeCfxAddress(coreAddressFromPrivateKey(genesisKey), node.chainId);
/** Fresh recipients (random, so reruns against a kept node start from zero). */
const randomHex = (first: string) => `0x${first}${bytesToHex(crypto.getRandomValues(new Uint8Array(20))).slice(3)}`;
const coreRecipientHex = randomHex('1');
const coreRecipient = encodeCfxAddress(coreRecipientHex, node.chainId);
const espaceRecipient = randomHex('a');
const TOKEN_DECIMALS = 6;

let browser: ExtensionBrowser;
let page: Page;
let errors: string[];
let accountId: string;
let token: string;
let readyEpoch = 0;
/** Transactions sent through the UI, proved in the last test. */
const sent: { space: 'core' | 'espace'; hash: string; what: string }[] = [];

// ---- a minimal CRC-20 -----------------------------------------------------------------------

/** Tiny EVM assembler: opcodes by name, `PUSHn` with hex, labels as 2-byte jump targets. */
function assemble(program: (string | { label: string } | { jump: string })[]): string {
  const OPS: Record<string, number> = { STOP: 0x00, ADD: 0x01, SUB: 0x03, LT: 0x10, EQ: 0x14, SHR: 0x1c, CALLER: 0x33, CALLDATALOAD: 0x35, CODECOPY: 0x39, POP: 0x50, MSTORE: 0x52, SLOAD: 0x54, SSTORE: 0x55, JUMPI: 0x57, JUMPDEST: 0x5b, DUP1: 0x80, DUP2: 0x81, DUP3: 0x82, SWAP1: 0x90, LOG3: 0xa3, RETURN: 0xf3, REVERT: 0xfd };
  const labels = new Map<string, number>();
  const size = (item: (typeof program)[number]): number => (typeof item === 'string' ? (item.startsWith('PUSH') ? 1 + Number(item.slice(4, item.indexOf(' '))) : 1) : 'label' in item ? 1 : 3);
  let offset = 0;
  for (const item of program) {
    if (typeof item === 'object' && 'label' in item) labels.set(item.label, offset);
    offset += size(item);
  }
  let out = '';
  for (const item of program) {
    if (typeof item === 'object') {
      out += 'label' in item ? '5b' : `61${labels.get(item.jump)!.toString(16).padStart(4, '0')}`;
    } else if (item.startsWith('PUSH')) {
      const [op, value] = item.split(' ') as [string, string];
      const n = Number(op.slice(4));
      out += (0x5f + n).toString(16) + value.padStart(2 * n, '0');
    } else out += OPS[item]!.toString(16).padStart(2, '0');
  }
  return out;
}

function abiString(text: string): string[] {
  const hex = Buffer.from(text).toString('hex').padEnd(64, '0');
  return ['PUSH1 20', 'PUSH1 00', 'MSTORE', `PUSH1 ${text.length.toString(16)}`, 'PUSH1 20', 'MSTORE', `PUSH32 ${hex}`, 'PUSH1 40', 'MSTORE', 'PUSH1 60', 'PUSH1 00', 'RETURN'];
}

/** balanceOf, transfer (with the Transfer event), symbol, name, decimals; the whole supply minted to `holderHex`. */
function tokenInitCode(holderHex: string, supply: bigint): string {
  const TRANSFER_TOPIC = bytesToHex(keccak_256(new TextEncoder().encode('Transfer(address,address,uint256)'))).slice(2);
  const returnWord = ['PUSH1 00', 'MSTORE', 'PUSH1 20', 'PUSH1 00', 'RETURN'];
  const runtime = assemble([
    'PUSH1 00', 'CALLDATALOAD', 'PUSH1 e0', 'SHR',
    'DUP1', 'PUSH4 70a08231', 'EQ', { jump: 'balanceOf' }, 'JUMPI',
    'DUP1', 'PUSH4 a9059cbb', 'EQ', { jump: 'transfer' }, 'JUMPI',
    'DUP1', 'PUSH4 95d89b41', 'EQ', { jump: 'symbol' }, 'JUMPI',
    'DUP1', 'PUSH4 06fdde03', 'EQ', { jump: 'name' }, 'JUMPI',
    'DUP1', 'PUSH4 313ce567', 'EQ', { jump: 'decimals' }, 'JUMPI',
    { label: 'fail' }, 'PUSH1 00', 'DUP1', 'REVERT',
    { label: 'balanceOf' }, 'PUSH1 04', 'CALLDATALOAD', 'SLOAD', ...returnWord,
    // amount, sender's balance; fail when balance < amount; debit the sender, credit the recipient.
    { label: 'transfer' }, 'PUSH1 24', 'CALLDATALOAD', 'CALLER', 'SLOAD', 'DUP2', 'DUP2', 'LT', { jump: 'fail' }, 'JUMPI',
    'DUP2', 'DUP2', 'SUB', 'CALLER', 'SSTORE', 'POP',
    'PUSH1 04', 'CALLDATALOAD', 'DUP1', 'SLOAD', 'DUP3', 'ADD', 'SWAP1', 'SSTORE',
    'PUSH1 00', 'MSTORE', 'PUSH1 04', 'CALLDATALOAD', 'CALLER', `PUSH32 ${TRANSFER_TOPIC}`, 'PUSH1 20', 'PUSH1 00', 'LOG3',
    'PUSH1 01', ...returnWord,
    { label: 'symbol' }, ...abiString('WAY'),
    { label: 'name' }, ...abiString('Wayfarer Test Token'),
    { label: 'decimals' }, `PUSH1 ${TOKEN_DECIMALS.toString(16)}`, ...returnWord,
  ]);
  const length = runtime.length / 2;
  const init = assemble([`PUSH32 ${supply.toString(16)}`, `PUSH20 ${holderHex.slice(2)}`, 'SSTORE', `PUSH2 ${length.toString(16)}`, 'DUP1', 'PUSH2 0044', 'PUSH1 00', 'CODECOPY', 'PUSH1 00', 'RETURN']);
  expect(init.length / 2).toBe(0x44);
  return `0x${init}${runtime}`;
}

// ---- setup -------------------------------------------------------------------------------

async function tokenBalance(contract: string, ownerHex: string): Promise<bigint> {
  const data = `0x70a08231${ownerHex.slice(2).padStart(64, '0')}`;
  return BigInt(await rpcCall<string>(node.coreRpc, 'cfx_call', [{ to: contract, data }, 'latest_state']));
}

beforeAll(async () => {
  // Core funds, eSpace funds (CrossSpaceCall.transferEVM), and a token minted to the Core account.
  // One at a time: the next nonce the node reports does not count transactions still in its pool.
  const fundCore = await fromGenesis(node, { to: coreAddress, value: 50n * CFX });
  const epochs = [await waitForReceiptEpoch(node, fundCore)];
  const fundEspace = await fromGenesis(node, { ...transferToEspace(espaceAddress, node.chainId), value: 20n * CFX, gas: 300_000n });
  epochs.push(await waitForReceiptEpoch(node, fundEspace));
  const deploy = await fromGenesis(node, { to: null, value: 0n, data: tokenInitCode(coreAddressFromPrivateKey(genesisKey), 1000n * 10n ** BigInt(TOKEN_DECIMALS)), gas: 1_000_000n, storageLimit: 4096n });
  epochs.push(await waitForReceiptEpoch(node, deploy));

  browser = await launchWithExtension({ viewport: MOBILE });
  ({ page, errors } = await openWallet(browser));
  await importWalletThroughUi(page, MNEMONIC);
  await useDevNodeOnly(page, node);
  expect(await callBackground<unknown[]>(page, 'chain.nodes')).toHaveLength(2);
  const accounts = await callBackground<{ accounts: { id: string; coreAddress: string; evmAddress: string }[] }>(page, 'vault.accounts', { networkId: node.chainId });
  accountId = accounts.accounts[0]!.id;
  expect(accounts.accounts[0]).toMatchObject({ coreAddress, evmAddress: espaceAddress });

  const receipt = await rpcCall<{ contractCreated: string; outcomeStatus: string }>(node.coreRpc, 'cfx_getTransactionReceipt', [deploy]);
  expect(receipt.outcomeStatus).toBe('0x0');
  // The node answers in the verbose form; the wallet shows the short one.
  token = encodeCfxAddress(decodeCfxAddress(receipt.contractCreated).hex, node.chainId);
  // The whole supply to the wallet's account: a Transfer event the wallet finds as received.
  const transferIn = await fromGenesis(node, { to: token, value: 0n, data: `0xa9059cbb${coreHex.slice(2).padStart(64, '0')}${(1000n * 10n ** BigInt(TOKEN_DECIMALS)).toString(16).padStart(64, '0')}`, gas: 100_000n, storageLimit: 256n });
  epochs.push(await waitForReceiptEpoch(node, transferIn));
  expect(await tokenBalance(token, coreHex)).toBe(1000n * 10n ** BigInt(TOKEN_DECIMALS));
  readyEpoch = Math.max(...epochs);
  await syncWalletPast(page, node, readyEpoch);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  expect(errors).toEqual([]);
});

// ---- tests -------------------------------------------------------------------------------

async function openSend(space: 'core' | 'espace', tokenLink?: string): Promise<void> {
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: space === 'core' ? 'Core' : 'eSpace' }).click();
  if (tokenLink) await page.getByTestId('token-list').getByRole('link', { name: tokenLink }).click();
  else await page.getByTestId('balance').getByRole('link', { name: 'Send' }).click();
  await page.getByLabel('Recipient', { exact: true }).waitFor();
}

/** Clicks Review and waits for the review; a preparation error fails with the text the screen shows. */
async function review(): Promise<void> {
  await page.getByRole('button', { name: 'Review' }).click();
  const shown = page.getByTestId('send-review').or(page.getByRole('alert'));
  await shown.first().waitFor({ timeout: 45_000 });
  if (!(await page.getByTestId('send-review').isVisible())) {
    // The nodes' health and bans say which answer was missing.
    const nodes = await callBackground<unknown[]>(page, 'chain.nodes');
    throw new Error(`not prepared: ${await page.getByRole('alert').first().textContent()}\nnodes: ${JSON.stringify(nodes)}`);
  }
}

/** The technical fields of the review, label → value. */
async function reviewedFields(): Promise<Record<string, string>> {
  await page.getByText('Exactly what will be signed').click();
  const list = page.getByTestId('review-technical');
  const labels = await list.locator('dt').allTextContents();
  const values = await list.locator('dd').allTextContents();
  return Object.fromEntries(labels.map((l, i) => [l, values[i]!]));
}

/** Review values that differ between runs (random recipients, epochs, hashes); the rest stays readable. */
function reviewVolatile(): ReturnType<Page['locator']>[] {
  // valueOf takes a regular expression source.
  return [...['To', 'Token contract', 'Epoch height', 'To \\(signed\\)', 'Data', 'Signing hash'].map((label) => valueOf(page, label)), ...volatile(page)];
}

/** The same for the transaction details page. */
function detailsVolatile(): ReturnType<Page['locator']>[] {
  const verification = page.getByTestId('tx-verification');
  return [page.getByTestId('tx-details').locator('strong').first(), ...['To', 'Token contract', 'Epoch', 'Time', 'Sent through', 'Hash'].map((label) => valueOf(page, label)), page.locator('.steps li').nth(1), verification.locator('p').nth(0), verification.locator('.mono'), verification.locator('p').last(), ...volatile(page)];
}

/** Signs the reviewed transaction and waits for its status; the sent transaction is remembered for Activity. */
async function signAndSend(space: 'core' | 'espace', what: string): Promise<{ status: ReturnType<Page['getByTestId']>; hash: string }> {
  await page.getByRole('button', { name: 'Sign and send' }).click();
  const status = page.getByTestId('send-status');
  await status.waitFor({ timeout: 30_000 });
  const hash = (await status.locator('.mono').textContent())!;
  sent.push({ space, hash, what });
  return { status, hash };
}

async function waitForStatus(locator: ReturnType<Page['getByTestId']>, status: string, timeout = 150_000): Promise<void> {
  await expect.poll(async () => {
    const now = await locator.getAttribute('data-status');
    if (now !== status) await callBackground(page, 'chain.sync');
    return now;
  }, { timeout, interval: 3000 }).toBe(status);
}

test('Core: send CFX through form → review → sign, and see it verified', async () => {
  await openSend('core');
  await page.getByLabel('Recipient', { exact: true }).fill(coreRecipient);
  await page.getByLabel('Amount (CFX)', { exact: true }).fill('1.5');
  await review();
  expect(await page.getByTestId('review-amount').textContent()).toBe('1.5CFX');
  expect(await page.getByTestId('review-to').textContent()).toContain(coreRecipient);
  const fields = await reviewedFields();
  const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [coreAddress]));
  expect(fields).toMatchObject({ 'Chain id': String(node.chainId), Nonce: nonce.toString(), 'Gas limit': '21000', 'Storage limit': '0 bytes', 'To (signed)': coreRecipient, 'Value (drip)': (15n * CFX / 10n).toString(), Data: '0x' });
  expect(Number(fields['Epoch height'])).toBeGreaterThan(0);
  expect(fields['Signing hash']).toMatch(/^0x[0-9a-f]{64}$/);
  await shot(page, 'send-review-phone', { mask: reviewVolatile(), fullPage: true });

  const { status, hash } = await signAndSend('core', '1.5 CFX');
  const epoch = await waitForReceiptEpoch(node, hash);
  expect(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [coreRecipient]))).toBe(15n * CFX / 10n);
  await waitForFinality(node, epoch + 11);
  await waitForStatus(status.getByTestId('tx-progress'), 'verified');
  expect(await status.locator('[data-trust]').first().getAttribute('data-trust')).toBe('verified');
  await shot(page, 'send-verified-phone', { mask: [status.locator('.mono'), status.locator('.steps li').nth(1), ...volatile(page)] });
});

test('eSpace: send CFX at desktop size; the recipient gets it', async () => {
  await page.setViewportSize(DESKTOP);
  await openSend('espace');
  await page.getByLabel('Recipient', { exact: true }).fill(espaceRecipient);
  await page.getByLabel('Amount (CFX)', { exact: true }).fill('0.25');
  await review();
  const fields = await reviewedFields();
  expect(fields).toMatchObject({ 'Chain id': String(node.evmChainId), 'Value (drip)': (CFX / 4n).toString(), Data: '0x' });
  expect(fields['To (signed)']!.toLowerCase()).toBe(espaceRecipient);
  expect(fields['Storage limit']).toBeUndefined();
  await shot(page, 'send-review-espace-desktop', { mask: reviewVolatile() });
  const { hash } = await signAndSend('espace', '0.25 CFX');
  for (let i = 0; i < 150; i++) {
    if ((await rpcCall(node.espaceRpc, 'eth_getTransactionReceipt', [hash])) !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [espaceRecipient, 'latest']))).toBe(CFX / 4n);
  await page.setViewportSize(MOBILE);
});

test('tokens: the Add-token form is filled from the contract; tokens are sent with their decimals', async () => {
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: 'Core' }).click();
  await page.goto(`${browser.popupUrl}#/tokens/add`);
  await page.getByLabel('Token contract address').fill(token);
  await expect.poll(() => page.getByLabel('Symbol', { exact: true }).inputValue(), { timeout: 30_000 }).toBe('WAY');
  expect(await page.getByLabel('Decimals', { exact: true }).inputValue()).toBe(String(TOKEN_DECIMALS));
  expect(await page.getByTestId('token-info-name').textContent()).toBe('Wayfarer Test Token');
  expect(await page.getByTestId('token-info').locator('[data-trust]').getAttribute('data-trust')).toBe('single-source');
  expect(await page.getByText('From the contract', { exact: true }).count()).toBe(2);
  // An override is labelled as the user's own.
  await page.getByLabel('Decimals', { exact: true }).fill('18');
  await expect.poll(() => page.getByText(`Your value — the contract says ${TOKEN_DECIMALS}`).count()).toBe(1);
  await page.getByLabel('Decimals', { exact: true }).fill(String(TOKEN_DECIMALS));
  await shot(page, 'add-token-filled-phone', { mask: [page.getByLabel('Token contract address'), ...volatile(page)] });
  await page.getByRole('button', { name: 'Add token' }).click();

  const row = page.getByTestId('token-list').locator('li').filter({ hasText: 'WAY' });
  await expect.poll(() => row.getByTestId('amount').getAttribute('data-exact'), { timeout: 60_000 }).toBe('1000');
  await openSend('core', 'Send WAY');
  await page.getByLabel('Recipient', { exact: true }).fill(coreRecipient);
  await page.getByLabel('Amount (WAY)', { exact: true }).fill('12.5');
  await review();
  expect(await page.getByTestId('review-amount').textContent()).toBe('12.5WAY');
  expect(await page.getByTestId('review-to').textContent()).toContain(coreRecipient);
  const fields = await reviewedFields();
  expect(fields).toMatchObject({ 'To (signed)': token, 'Value (drip)': '0', Data: `0xa9059cbb${coreRecipientHex.slice(2).padStart(64, '0')}${(12_500_000n).toString(16).padStart(64, '0')}` });
  // Collateral on Core: 64 bytes for the recipient's new entry, 64 for the sender's own entry,
  // which the deployer paid for until now and whoever writes it last pays for.
  expect(fields['Storage limit']).toBe('128 bytes');
  await shot(page, 'send-token-review-phone', { mask: reviewVolatile(), fullPage: true });
  const { hash } = await signAndSend('core', '12.5 WAY');
  await waitForReceiptEpoch(node, hash);
  expect(await tokenBalance(token, coreRecipientHex)).toBe(12_500_000n);
});

test('a site suggesting the token with other decimals and symbol: the approval shows the contract\'s, and those are saved on approval', async () => {
  const listed = () => callBackground<{ address: string; symbol: string; decimals: number }[]>(page, 'tokens.list', { space: 'core' });
  // Taken off the list (added by the form above), so the site's suggestion is a new token.
  await callBackground(page, 'tokens.remove', { space: 'core', address: token });
  expect(await listed()).toEqual([]);
  const server = await startDappServer();
  const site = await browser.context.newPage();
  try {
    await site.goto(server.url);
    const watched = providerRequest(site, 'core', 'wallet_watchAsset', { type: 'CRC20', options: { address: token, symbol: 'USDT', decimals: 18 } });
    const approval = await showing(browser, /Add a token\?/);
    await expect.poll(() => approval.getByTestId('asset-decimals').textContent(), { timeout: 30_000 }).toBe(`${TOKEN_DECIMALS} (the site says 18)`);
    expect(await approval.getByTestId('asset-symbol').textContent()).toBe('WAY (the site says USDT)');
    expect(await approval.getByText(`The site claims 18 decimals, but the contract says ${TOKEN_DECIMALS}.`, { exact: false }).count()).toBe(1);
    expect(await approval.getByTestId('asset-source').locator('[data-trust]').getAttribute('data-trust')).toBe('single-source');
    // Nothing is saved while the request waits.
    expect(await listed()).toEqual([]);
    await answer(browser, 'approve', /Add a token\?/);
    expect(await watched).toMatchObject({ ok: true, value: true });
    expect(await listed()).toEqual([expect.objectContaining({ address: token, symbol: 'WAY', decimals: TOKEN_DECIMALS })]);
  } finally {
    await site.close();
    await server.close();
  }
});

test('a token list an earlier version kept in the wallet page moves to the background when a page next uses it', async () => {
  const legacyKey = 'wayfarer.tokens.local.core';
  await callBackground(page, 'tokens.remove', { space: 'core', address: token });
  await page.evaluate(([key, address, decimals]) => localStorage.setItem(key as string, JSON.stringify([{ address, symbol: 'WAY', name: 'Old list', decimals }])), [legacyKey, token, TOKEN_DECIMALS] as const);
  await page.goto(`${browser.popupUrl}#/`);
  await page.reload();
  await expect.poll(() => callBackground<{ address: string; name: string }[]>(page, 'tokens.list', { space: 'core' }), { timeout: 30_000 }).toEqual([expect.objectContaining({ address: token, name: 'Old list' })]);
  expect(await page.evaluate((key) => localStorage.getItem(key), legacyKey)).toBeNull();
});

test('Max fills the largest sendable amount, which prepares to exactly the balance', async () => {
  await openSend('core');
  await page.getByRole('button', { name: 'Max' }).click();
  const amount = page.getByLabel('Amount (CFX)', { exact: true });
  await expect.poll(() => amount.inputValue(), { timeout: 30_000 }).not.toBe('');
  const max = await callBackground<{ amount: string; balance: string; maxFee: string; maxCollateral: string; reservedInFlight: string; epoch: number }>(page, 'wallet.maxSendable', { space: 'core', accountId });
  expect(BigInt(max.amount)).toBe(BigInt(max.balance) - BigInt(max.maxFee) - BigInt(max.maxCollateral) - BigInt(max.reservedInFlight));
  expect(max.balance).toBe(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [coreAddress, `0x${max.epoch.toString(16)}`])).toString());
  const shown = await amount.inputValue();
  const [whole, fraction = ''] = shown.split('.');
  expect(BigInt(whole!) * CFX + BigInt(fraction.padEnd(18, '0'))).toBe(BigInt(max.amount));
  await page.getByLabel('Recipient', { exact: true }).fill(coreRecipient);
  await review();
  const total = (await page.getByTestId('review-total').textContent())!;
  expect(total).toContain('CFX');
  // One drip more is refused before anything is signed.
  await expect(callBackground(page, 'wallet.prepareSend', { space: 'core', accountId, to: coreRecipient, amount: (BigInt(max.amount) + 1n).toString() })).rejects.toMatchObject({ code: 'wallet.insufficient_funds' });
});

test('a recipient on another network, or in the other space, is refused by the background', async () => {
  for (const to of [encodeCfxAddress(coreRecipientHex, 1029), espaceRecipient]) {
    await expect(callBackground(page, 'wallet.prepareSend', { space: 'core', accountId, to, amount: '1' })).rejects.toMatchObject({ code: 'wallet.wrong_network_recipient' });
  }
  await expect(callBackground(page, 'wallet.prepareSend', { space: 'espace', accountId, to: coreRecipient, amount: '1' })).rejects.toMatchObject({ code: 'wallet.wrong_network_recipient' });
  // The form says so before that.
  await openSend('core');
  await page.getByLabel('Recipient', { exact: true }).fill(encodeCfxAddress(coreRecipientHex, 1029));
  await expect.poll(() => page.getByText(/This address is for Conflux mainnet/).count()).toBe(1);
});

test('a prepared transaction cannot be altered between review and signing, and is signed once', async () => {
  const prepared = await callBackground<{ id: string; transaction: { value: string } }>(page, 'wallet.prepareSend', { space: 'core', accountId, to: coreRecipient, amount: '7' });
  expect(prepared.transaction.value).toBe('7');
  for (const altered of [{ id: prepared.id, to: genesis }, { id: prepared.id, amount: '7000' }, { id: prepared.id, transaction: { value: '0x1' } }]) {
    await expect(callBackground(page, 'wallet.send', altered)).rejects.toBeInstanceOf(UiCallError);
  }
  await expect(callBackground(page, 'wallet.send', { id: '0'.repeat(32) })).rejects.toMatchObject({ code: 'wallet.prepared_unknown' });
  const { hash } = await callBackground<{ hash: string }>(page, 'wallet.send', { id: prepared.id });
  await expect(callBackground(page, 'wallet.send', { id: prepared.id })).rejects.toMatchObject({ code: 'wallet.prepared_unknown' });
  const tx = await rpcCall<{ value: string; to: string }>(node.coreRpc, 'cfx_getTransactionByHash', [hash]);
  expect(tx.value).toBe('0x7');
  expect(decodeCfxAddress(tx.to).hex).toBe(coreRecipientHex);
  sent.push({ space: 'core', hash, what: '7 drip' });
});

test('a review survives the worker being stopped (as phones do to idle workers): the reviewed transaction is still signed, once', async () => {
  const prepared = await callBackground<{ id: string }>(page, 'wallet.prepareSend', { space: 'core', accountId, to: coreRecipient, amount: '11' });
  const devtools = await browser.context.newCDPSession(await browser.context.newPage());
  await devtools.send('ServiceWorker.enable');
  const before = (await callBackground<{ startedAt: number }>(page, 'app.info')).startedAt;
  await devtools.send('ServiceWorker.stopAllWorkers');
  await expect.poll(async () => (await callBackground<{ startedAt: number }>(page, 'app.info')).startedAt, { timeout: 20_000 }).not.toBe(before);
  const { hash } = await callBackground<{ hash: string }>(page, 'wallet.send', { id: prepared.id });
  await expect(callBackground(page, 'wallet.send', { id: prepared.id })).rejects.toMatchObject({ code: 'wallet.prepared_unknown' });
  const tx = await rpcCall<{ value: string }>(node.coreRpc, 'cfx_getTransactionByHash', [hash]);
  expect(tx.value).toBe('0xb');
  await devtools.detach();
  sent.push({ space: 'core', hash, what: '11 drip' });
});

test('chain.balancesChanged is announced when a read finds a new value, not on every read', async () => {
  const announced = await page.evaluate(async (address) => {
    const port = chrome.runtime.connect({ name: 'wayfarer-ui' });
    const events: unknown[][] = [];
    let resolveResponse: (() => void) | undefined;
    port.onMessage.addListener((message: { type: string; name?: string; data?: { addresses: string[] } }) => {
      if (message.type === 'event' && message.name === 'chain.balancesChanged' && message.data!.addresses.includes(address)) events.at(-1)!.push(message.data);
      if (message.type === 'response') resolveResponse?.();
    });
    const read = async (id: number) => {
      events.push([]);
      await new Promise<void>((resolve) => {
        resolveResponse = resolve;
        port.postMessage({ type: 'request', id, method: 'chain.balances', params: { space: 'espace', addresses: [address] } });
      });
      await new Promise((r) => setTimeout(r, 300));
    };
    await read(1);
    await read(2);
    port.disconnect();
    return events.map((e) => e.length);
  }, toChecksumAddress(espaceRecipient));
  // First read of this address: a value where there was none. Second: the same value again.
  expect(announced).toEqual([1, 0]);
});

test('nothing is prepared or signed while locked', async () => {
  const prepared = await callBackground<{ id: string }>(page, 'wallet.prepareSend', { space: 'core', accountId, to: coreRecipient, amount: '1' });
  await callBackground(page, 'vault.lock');
  await expect(callBackground(page, 'wallet.prepareSend', { space: 'core', accountId, to: coreRecipient, amount: '1' })).rejects.toMatchObject({ code: 'vault.locked' });
  await expect(callBackground(page, 'wallet.send', { id: prepared.id })).rejects.toMatchObject({ code: 'vault.locked' });
  await page.goto(`${browser.popupUrl}#/`);
  await unlockThroughUi(page);
});

test('Activity: each transfer with its amount, verified against finalized history; what came in', async () => {
  // CFX arriving from elsewhere, after the balance was last read.
  await callBackground(page, 'chain.balances', { space: 'core', addresses: [coreAddress] });
  const incoming = await fromGenesis(node, { to: coreAddress, value: 3n * CFX });
  const epochs = await Promise.all([...sent.map((s) => (s.space === 'core' ? waitForReceiptEpoch(node, s.hash) : waitForEspaceBlock(s.hash))), waitForReceiptEpoch(node, incoming)]);
  await syncWalletPast(page, node, Math.max(...epochs));
  const tokenTx = sent.find((s) => s.what.endsWith('WAY'))!;
  await page.goto(`${browser.popupUrl}#/activity/${tokenTx.hash}`);
  await waitForStatus(page.getByTestId('tx-progress'), 'verified');
  const details = page.getByTestId('tx-details');
  expect(await details.textContent()).toContain('12.5 WAY');
  expect(await page.getByTestId('tx-finalized-pivot').textContent()).toMatch(/finalized by PoS at height [\d,]+/);
  expect(await page.getByTestId('tx-fee').textContent()).not.toContain('known once');
  // Two storage entries of 64 bytes at 1/1024 CFX per byte.
  expect(await valueOf(page, 'Storage collateral').textContent()).toBe('0.125 CFX');
  await shot(page, 'tx-token-verified-phone', { mask: detailsVolatile(), fullPage: true });

  await page.goto(`${browser.popupUrl}#/activity`);
  const items = page.getByTestId('activity').locator('li');
  await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const tokenItem = items.filter({ hasText: 'WAY' });
  expect(await tokenItem.textContent()).toContain('12.5 WAY');
  expect(await items.filter({ hasText: '1.5 CFX' }).count()).toBe(1);
  await waitForStatus(tokenItem, 'verified', 30_000);
  for (const s of sent.filter((x) => x.space === 'core')) {
    const view = await callBackground<{ status: string }>(page, 'chain.refreshTransaction', { hash: s.hash });
    expect(view.status, s.what).toBe('included_verified');
  }
  await shot(page, 'activity-sent-phone', { mask: [page.locator('.secondary'), ...volatile(page)] });

  // Received: the token transfer in, proved through its receipt; the CFX increase, without a sender.
  await callBackground(page, 'chain.balances', { space: 'core', addresses: [coreAddress] });
  await page.reload();
  const received = page.getByTestId('received').locator('li');
  const tokenIn = received.filter({ hasText: 'WAY' });
  await expect.poll(() => tokenIn.count(), { timeout: 30_000 }).toBe(1);
  expect(await tokenIn.textContent()).toContain('+1,000 WAY');
  expect(await tokenIn.getAttribute('data-trust-level')).toBe('verified');
  const increase = received.filter({ hasText: 'Balance increased' });
  expect(await increase.count()).toBe(1);
  const entries = await callBackground<{ kind: string; amount: string; trust: string }[]>(page, 'chain.incoming', { space: 'core', address: coreAddress, tokens: [{ address: token, symbol: 'WAY', decimals: TOKEN_DECIMALS }] });
  const native = entries.find((e) => e.kind === 'balance_increase')!;
  // Net of what the account paid between the two reads (its own transfers still unverified at the
  // first read: fees, and 0.125 CFX of storage collateral for the token transfer).
  expect(BigInt(native.amount)).toBeLessThanOrEqual(3n * CFX);
  expect(BigInt(native.amount)).toBeGreaterThan(3n * CFX - CFX / 5n);
  expect(await page.getByTestId('received-explained').textContent()).toContain('without a sender');
  await shot(page, 'activity-received-phone', { mask: [page.locator('.secondary'), ...volatile(page)], fullPage: true });

  // eSpace: the same proof, through the Core block that holds it.
  const espaceTx = sent.find((s) => s.space === 'espace')!;
  const view = await callBackground<{ status: string; to: string; value: string }>(page, 'chain.refreshTransaction', { hash: espaceTx.hash });
  expect(view).toMatchObject({ status: 'included_verified', value: (CFX / 4n).toString() });
  expect(view.to.toLowerCase()).toBe(espaceRecipient);
});

/** The Core epoch of an eSpace transaction (eSpace block numbers are Core epoch numbers). */
async function waitForEspaceBlock(hash: string): Promise<number> {
  for (let i = 0; i < 150; i++) {
    const receipt = await rpcCall<{ blockNumber: string } | null>(node.espaceRpc, 'eth_getTransactionReceipt', [hash]);
    if (receipt) return Number(BigInt(receipt.blockNumber));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`eSpace transaction ${hash} not executed`);
}

test('switching networks starts a sync: the light client gets its finalized block without being asked', async () => {
  await callBackground(page, 'chain.setNetwork', { network: 'mainnet' });
  const back = await callBackground<{ network: string; lightClient: { syncing: boolean } }>(page, 'chain.setNetwork', { network: 'local' });
  expect(back).toMatchObject({ network: 'local', lightClient: { syncing: true } });
  await expect
    .poll(async () => (await callBackground<{ lightClient: { finalized: { height: number } | null; syncing: boolean } }>(page, 'chain.status')).lightClient, { timeout: 60_000, interval: 1000 })
    .toMatchObject({ syncing: false, finalized: { height: expect.any(Number) } });
});
