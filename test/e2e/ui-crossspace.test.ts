/**
 * Conflux's everyday features in the wallet screens, in real Chromium with the built extension
 * against the shared dev node: moving CFX Core → eSpace → Core through the send flow (one transfer
 * each, both sides' receipts proved by the light client), contacts saved and used as recipients,
 * a CNS `.web3` name resolved in the send form, incoming activity with explorer links and the CSV
 * export. Screens photographed at 360 px in English and Chinese and checked for overflow.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeAbiParameters, encodeFunctionData, type Abi } from 'viem';
import { decodeCfxAddress, encodeCfxAddress } from '../../core/address/cip37.js';
import { deployCore, sendCore } from '../support/chain-tx.js';
import { deployCnsName } from '../support/cns.js';
import artifacts from '../fixtures/contracts/artifacts.json' with { type: 'json' };
import { mappedAddress } from '../../core/crossspace/index.js';
import { mnemonicToSeedSync } from '../../core/keys/mnemonic.js';
import { deriveAccountKey } from '../../core/keys/hd.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { rpcCall, waitForReceiptEpoch } from '../support/devnode.js';
import { fromGenesis, genesisAddress, genesisKey, syncWalletPast } from '../support/genesis.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { callBackground } from '../support/ui-port.js';
import { chooseLanguage, importWalletThroughUi, MOBILE, msg, openWallet, shot, valueOf, volatile, zh } from './ui-helpers.js';
import { useDevNodeOnly } from '../adversary/extension-setup.js';

const node = sharedDevNode();
/** BIP39 test vector phrase: accounts of their own, so no other test shares their nonces. */
const MNEMONIC = 'ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic';
const seed = mnemonicToSeedSync(MNEMONIC);
const coreAddress = encodeCfxAddress(coreAddressFromPrivateKey(deriveAccountKey(seed, 'core', 0)), node.chainId);
const espaceAddress = espaceAddressFromPrivateKey(deriveAccountKey(seed, 'espace', 0));
const CFX = 10n ** 18n;
const genesis = genesisAddress(node);
console.log(`ui-crossspace: wallet phrase "${MNEMONIC}", Core ${coreAddress}, eSpace ${espaceAddress}`);

let browser: ExtensionBrowser;
let page: Page;
let errors: string[];

const espaceBalance = async (address: string) => BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [address, 'latest']));
const coreBalance = async (address: string) => BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [address]));

beforeAll(async () => {
  const fund = await fromGenesis(node, { to: coreAddress, value: 40n * CFX });
  const epoch = await waitForReceiptEpoch(node, fund);
  browser = await launchWithExtension({ viewport: MOBILE });
  ({ page, errors } = await openWallet(browser));
  await importWalletThroughUi(page, MNEMONIC);
  await useDevNodeOnly(page, node);
  expect(await callBackground<unknown[]>(page, 'chain.nodes')).toHaveLength(2);
  await syncWalletPast(page, node, epoch);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  expect(errors).toEqual([]);
});

/** Polls the transfer's status screen (which proves receipts as they become final) until `state`. */
async function waitForTransfer(state: string, timeout = 240_000): Promise<void> {
  const status = page.getByTestId('crossspace-status');
  await expect.poll(async () => {
    const now = await status.getAttribute('data-state').catch(() => null);
    if (now !== state) await callBackground(page, 'chain.sync').catch(() => undefined);
    return now;
  }, { timeout, interval: 3000 }).toBe(state);
}

test.skipIf(process.env.ONLY_CONTACTS)('Core → eSpace in the send flow: one transaction, the review explains it, the proved receipt shows the credit', async () => {
  const before = await espaceBalance(espaceAddress);
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: 'Core' }).click();
  await page.getByTestId('balance').getByRole('link', { name: 'Send' }).click();
  await page.getByTestId('crossspace-link').click();
  await page.getByRole('heading', { name: 'Move CFX between spaces' }).waitFor();
  await page.getByLabel('Amount (CFX)', { exact: true }).fill('5');
  await shot(page, 'crossspace-form-phone', { mask: volatile(page) });
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByTestId('crossspace-review').waitFor({ timeout: 45_000 });
  expect(await page.getByTestId('review-amount').textContent()).toBe('5CFX');
  expect((await page.getByTestId('review-to').textContent())!.toLowerCase()).toContain(espaceAddress.toLowerCase());
  expect(await page.getByTestId('review-steps').locator('> li').count()).toBe(1);
  await page.getByText('Exactly what will be signed').click();
  const technical = page.getByTestId('review-technical-transfer_evm');
  expect(await technical.textContent()).toContain('0xda8d5daf');
  await shot(page, 'crossspace-review-phone', { mask: [...['Epoch height', 'Signing hash'].map((label) => valueOf(page, label)), ...volatile(page)], fullPage: true });

  await page.getByRole('button', { name: 'Sign and send' }).click();
  await page.getByTestId('crossspace-status').waitFor({ timeout: 30_000 });
  await waitForTransfer('completed');
  const status = page.getByTestId('crossspace-status');
  expect(await page.getByTestId('crossspace-credited').textContent()).toBe('5 CFX in eSpace');
  expect(await status.locator('[data-trust]').first().getAttribute('data-trust')).toBe('verified');
  expect(await espaceBalance(espaceAddress)).toBe(before + 5n * CFX);
  await shot(page, 'crossspace-done-phone', { mask: volatile(page), fullPage: true });
}, 360_000);

test.skipIf(process.env.ONLY_CONTACTS)('eSpace → Core: funding the mapped address, then the withdrawal sent by the wallet itself; one transfer, both receipts proved', async () => {
  const before = await coreBalance(coreAddress);
  await page.goto(`${browser.popupUrl}#/crossspace`);
  await page.getByRole('radio', { name: 'eSpace → Core' }).click();
  expect(await page.getByTestId('crossspace-own-core').textContent()).toContain(coreAddress);
  await page.getByLabel('Amount (CFX)', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByTestId('crossspace-review').waitFor({ timeout: 45_000 });
  expect(await page.getByTestId('review-mapped').textContent()).toContain(mappedAddress(coreAddress));
  expect(await page.getByTestId('review-steps').locator('> li').count()).toBe(2);
  expect(await page.getByText('The withdrawal\'s fee is paid on Core by your Core account', { exact: false }).count()).toBe(1);
  await shot(page, 'crossspace-review-back-phone', { mask: volatile(page), fullPage: true });

  await page.getByRole('button', { name: 'Sign and send' }).click();
  await page.getByTestId('crossspace-status').waitFor({ timeout: 30_000 });
  await waitForTransfer('completed', 420_000);
  const steps = page.getByTestId('crossspace-steps').locator('li');
  expect(await steps.count()).toBe(2);
  for (const step of ['fund_mapped', 'withdraw_from_mapped']) expect(await page.locator(`[data-step="${step}"]`).getAttribute('data-state')).toBe('succeeded');
  expect(await page.getByTestId('crossspace-credited').textContent()).toBe('2 CFX in Core space');
  const after = await coreBalance(coreAddress);
  // 2 CFX in, minus the withdrawal's fee (paid on Core).
  expect(after).toBeGreaterThan(before + 2n * CFX - CFX / 100n);
  expect(after).toBeLessThan(before + 2n * CFX);
  await shot(page, 'crossspace-back-done-phone', { mask: volatile(page), fullPage: true });

  // The same screens in Chinese.
  await chooseLanguage(page, browser.popupUrl, 'zh-CN', zh.settings.title);
  await page.goto(`${browser.popupUrl}#/crossspace`);
  await page.getByRole('heading', { name: zh.crossspace.title }).waitFor();
  await page.getByLabel(msg(zh.send.amount, { symbol: 'CFX' }), { exact: true }).fill('1');
  await page.getByRole('button', { name: zh.send.review }).click();
  await page.getByTestId('crossspace-review').waitFor({ timeout: 45_000 });
  await shot(page, 'crossspace-review-phone-zh', { mask: volatile(page), fullPage: true });
  await page.goBack();
  await chooseLanguage(page, browser.popupUrl, 'en', 'Settings');
}, 600_000);

const randomEspace = () => `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(20))).toString('hex')}`;
const contactAddress = randomEspace();
const sentToContact: string[] = [];

test('contacts: saved, renamed and removed in Settings; picked and named in the send form; named in Activity', async () => {
  await page.goto(`${browser.popupUrl}#/settings`);
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  const form = page.getByTestId('contact-add');
  await form.getByRole('radio', { name: 'eSpace' }).click();
  await form.getByLabel('Name', { exact: true }).fill('Alice');
  await form.getByLabel('Address', { exact: true }).fill(contactAddress);
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect.poll(() => page.locator('[data-contact="Alice"]').count()).toBe(1);
  await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
  // A second contact, then removed.
  await form.getByRole('radio', { name: 'Core space' }).click();
  await form.getByLabel('Name', { exact: true }).fill('Bob');
  await form.getByLabel('Address', { exact: true }).fill(genesis);
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect.poll(async () => [await page.locator('[data-contact="Bob"]').count(), await form.getByRole('alert').allTextContents()]).toEqual([1, []]);
  await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
  // The same address twice is refused, with the reason.
  await form.getByLabel('Name', { exact: true }).fill('Bob again');
  await form.getByLabel('Address', { exact: true }).fill(genesis);
  await form.getByRole('button', { name: 'Save contact' }).click();
  await form.getByText('Contact not saved').waitFor();
  await page.getByRole('button', { name: 'Remove Bob' }).click();
  await expect.poll(() => page.locator('[data-contact="Bob"]').count()).toBe(0);
  await page.getByRole('button', { name: 'Edit Alice' }).click();
  await page.getByTestId('contacts').getByLabel('Name', { exact: true }).fill('Alice Liddell');
  await page.getByTestId('contacts').getByRole('button', { name: 'Save contact' }).click();
  await expect.poll(() => page.locator('[data-contact="Alice Liddell"]').count()).toBe(1);
  await form.getByLabel('Name', { exact: true }).fill('');
  await form.getByLabel('Address', { exact: true }).fill('');
  await shot(page, 'contacts-phone', { mask: [page.locator('[data-contact] .mono'), ...volatile(page)], fullPage: true });

  // Send to it from the contact list: the send form opens in eSpace with the recipient named.
  await page.locator('[data-contact="Alice Liddell"]').getByRole('button', { name: 'Send' }).click();
  await page.getByLabel('Recipient', { exact: true }).waitFor();
  expect((await page.getByLabel('Recipient', { exact: true }).inputValue()).toLowerCase()).toBe(contactAddress);
  expect(await page.getByTestId('recipient-contact').textContent()).toContain('Contact: Alice Liddell');
  // Picked by name, too.
  await page.getByLabel('Recipient', { exact: true }).fill('lidd');
  await page.getByTestId('contact-suggestions').getByRole('button', { name: 'Alice Liddell' }).click();
  expect(await page.getByTestId('recipient-contact').textContent()).toContain('Alice Liddell');
  await page.getByLabel('Amount (CFX)', { exact: true }).fill('0.5');
  await shot(page, 'send-contact-phone', { mask: [page.getByLabel('Recipient', { exact: true }), page.locator('.field .mono'), ...volatile(page)] });
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByTestId('send-review').waitFor({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Sign and send' }).click();
  const status = page.getByTestId('send-status');
  await status.waitFor({ timeout: 30_000 });
  sentToContact.push((await status.locator('.mono').textContent())!);
  await expect.poll(() => espaceBalance(contactAddress), { timeout: 60_000 }).toBe(CFX / 2n);

  await page.goto(`${browser.popupUrl}#/activity`);
  await expect.poll(() => page.getByTestId('activity').locator('li').filter({ hasText: 'Alice Liddell' }).count(), { timeout: 30_000 }).toBe(1);

  await chooseLanguage(page, browser.popupUrl, 'zh-CN', zh.settings.title);
  await page.goto(`${browser.popupUrl}#/contacts`);
  await page.getByRole('heading', { name: zh.contacts.title, level: 1 }).waitFor();
  await shot(page, 'contacts-phone-zh', { mask: [page.locator('[data-contact] .mono'), ...volatile(page)], fullPage: true });
  await chooseLanguage(page, browser.popupUrl, 'en', 'Settings');
}, 240_000);

test('activity: what came in, one entry per cross-space transfer, no explorer on a local node, CSV export', async () => {
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: 'Core' }).click();
  // CFX arriving from elsewhere, after the balance was read.
  await callBackground(page, 'chain.balances', { space: 'core', addresses: [coreAddress] });
  const incoming = await fromGenesis(node, { to: coreAddress, value: 3n * CFX });
  const incomingEpoch = await waitForReceiptEpoch(node, incoming);
  // A token the wallet has not added (TestToken fixture): 7 units to the account.
  const tokenAbi = artifacts.contracts.TestToken.abi as Abi;
  const unlisted = await deployCore(node, genesisKey, `${artifacts.contracts.TestToken.bytecode}${encodeAbiParameters([{ type: 'string' }, { type: 'string' }, { type: 'uint256' }], ['Unlisted', 'UNL', 1000n]).slice(2)}` as `0x${string}`);
  const { receipt: tokenIn } = await sendCore(node, genesisKey, { type: 0, gasPrice: 2_000_000_000n, gas: 200_000n, to: unlisted, value: 0n, storageLimit: 1_000n, data: encodeFunctionData({ abi: tokenAbi, functionName: 'transfer', args: [decodeCfxAddress(coreAddress).hex as `0x${string}`, 7n] }) });
  expect(tokenIn.outcomeStatus).toBe('0x0');
  await syncWalletPast(page, node, Math.max(incomingEpoch, Number(BigInt(tokenIn.epochNumber))));
  await callBackground(page, 'chain.balances', { space: 'core', addresses: [coreAddress] });
  await page.goto(`${browser.popupUrl}#/activity`);
  await expect.poll(() => page.getByTestId('received').locator('li').filter({ hasText: 'Balance increased' }).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  // The unlisted token's transfer is found too (any contract's Transfer to the account), proved through its receipt.
  const unlistedIn = page.getByTestId('received').locator('li').filter({ hasText: '+7 token units' });
  await expect.poll(async () => {
    if ((await unlistedIn.count()) === 0) await page.reload();
    return unlistedIn.count();
  }, { timeout: 60_000, interval: 5000 }).toBe(1);
  expect(await unlistedIn.getAttribute('data-trust-level')).toBe('verified');
  const transfers = page.getByTestId('crossspace-transfers').locator('li');
  await expect.poll(() => transfers.count(), { timeout: 30_000 }).toBe(2);
  expect(await transfers.filter({ hasText: 'Moving from Core space to eSpace' }).getAttribute('data-state')).toBe('completed');
  expect(await transfers.filter({ hasText: 'Moving from eSpace to Core space' }).getAttribute('data-state')).toBe('completed');
  await shot(page, 'activity-crossspace-phone', { mask: [page.locator('.secondary'), ...volatile(page)], fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`wayfarer-activity-local-core-${coreAddress.replace(':', '-')}.csv`);
  const text = await new Promise<string>((resolve, reject) => {
    void file.createReadStream().then((stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      stream.on('error', reject);
    });
  });
  const lines = text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('time_utc,network,space,direction,kind,asset,asset_contract,amount,from,from_label,to,to_label,fee_cfx,transaction_hash,status,trust,explorer_url');
  expect(lines.some((l) => l.includes(',in,balance_increase,CFX,'))).toBe(true);
  // The Core transactions the wallet sent (transferEVM, withdrawFromMapped): each a row with its hash.
  const sent = await callBackground<{ hash: string; space: string }[]>(page, 'chain.transactions');
  for (const tx of sent.filter((x) => x.space === 'core')) expect(lines.some((l) => l.includes(tx.hash)), tx.hash).toBe(true);

  // A transaction's details: a local node has no explorer, and says so rather than linking anywhere.
  await page.goto(`${browser.popupUrl}#/activity/${sent.find((x) => x.space === 'core')!.hash}`);
  expect(await page.getByTestId('tx-explorer').textContent()).toBe('No block explorer for this network.');
}, 240_000);

test('send to a CNS name: looked up only when asked, shown with its trust and registry, used only when chosen, noted in the review', async () => {
  // A CNS-compatible registry on the dev node: alice.web3 → a fresh Core address.
  const target = encodeCfxAddress(`0x1${Buffer.from(crypto.getRandomValues(new Uint8Array(20))).toString('hex').slice(1)}`, node.chainId);
  const { registry, epoch: last } = await deployCnsName(node, genesisKey, { label: 'alice', tld: 'web3', target });
  await syncWalletPast(page, node, last);
  await callBackground(page, 'names.setLocalRegistry', { registry });

  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: 'Core' }).click();
  await page.getByTestId('balance').getByRole('link', { name: 'Send' }).click();
  await page.getByLabel('Recipient', { exact: true }).fill('Alice.web3');
  // Nothing is looked up, and no error shown, until asked.
  expect(await page.getByTestId('name-result').count()).toBe(0);
  await page.getByRole('button', { name: 'Look up Alice.web3' }).click();
  const result = page.getByTestId('name-result');
  await result.waitFor({ timeout: 30_000 });
  expect(await result.getAttribute('data-status')).toBe('resolved');
  expect(await result.textContent()).toContain(target);
  expect(await result.textContent()).toContain('“Alice.web3” was looked up as “alice.web3”.');
  expect(await result.textContent()).toContain(registry);
  // One Core node configured: the registry's answer is one node's word, and says so.
  expect(await result.locator('[data-trust]').getAttribute('data-trust')).toBe('single-source');
  expect(await page.getByLabel('Recipient', { exact: true }).inputValue()).toBe('Alice.web3');
  await shot(page, 'send-name-phone', { mask: [result.locator('.mono'), result.locator('.small.muted').last(), ...volatile(page)], fullPage: true });
  await page.getByRole('button', { name: 'Send to this address' }).click();
  expect(await page.getByLabel('Recipient', { exact: true }).inputValue()).toBe(target);
  expect(await page.getByTestId('recipient-name').textContent()).toContain('From alice.web3');
  await page.getByLabel('Amount (CFX)', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByTestId('send-review').waitFor({ timeout: 45_000 });
  expect(await page.getByTestId('send-review').textContent()).toContain('The recipient is the address alice.web3 pointed to (one node\'s word only).');
  await page.getByRole('button', { name: 'Sign and send' }).click();
  await page.getByTestId('send-status').waitFor({ timeout: 30_000 });
  await expect.poll(() => coreBalance(target), { timeout: 60_000 }).toBe(CFX);

  // A name without an address says so, and offers nothing to send to.
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByTestId('balance').getByRole('link', { name: 'Send' }).click();
  await page.getByLabel('Recipient', { exact: true }).fill('nobody.web3');
  await page.getByRole('button', { name: 'Look up nobody.web3' }).click();
  await expect.poll(() => page.getByTestId('name-result').getAttribute('data-status'), { timeout: 30_000 }).toBe('not_found');
  expect(await page.getByRole('button', { name: 'Send to this address' }).count()).toBe(0);
}, 300_000);
