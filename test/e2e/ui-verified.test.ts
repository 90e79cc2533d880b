/**
 * Verified balances in the real extension: a proof gateway beside the shared dev node, added in
 * Settings like a node; the wallet's CFX balance on Core and on eSpace and a token balance (its
 * balance slot located by proof) show as verified, each equal to the node's JSON-RPC value at the
 * proof's epoch, and the trust sheet says against which finalized block. Then a lying gateway (a
 * proxy flipping a byte of every proof): it is banned with evidence, the balance falls back to the
 * nodes' word and the sheet says why; the value shown is never the false one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../../core/address/cip37.js';
import { hexToBytes } from '../../core/encoding/hex.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { deriveAccountKey } from '../../core/keys/hd.js';
import { mnemonicToSeedSync } from '../../core/keys/mnemonic.js';
import { ProofGateway } from '../../gateway/service.js';
import { PROOF_EPOCH_LAG } from '../../extension/background/chain/verified-reads.js';
import { configureNodes } from '../adversary/extension-setup.js';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { transferToEspace } from '../support/cross-space.js';
import { rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { sendCore } from '../support/state-fixtures.js';
import { tokenCreationCode, transferData } from '../support/token-contract.js';
import { callBackground } from '../support/ui-port.js';
import { chooseLanguage, importWalletThroughUi, MOBILE, openWallet, shot, volatile, zh } from './ui-helpers.js';

const node = sharedDevNode();
/** Its own wallet (BIP39 of 16 bytes 0x18; no other file uses it), so its balances are exactly what it funds. */
const MNEMONIC = 'blossom school alcohol coral light army gather adapt blossom school alcohol coyote';
const seed = mnemonicToSeedSync(MNEMONIC);
const coreHex = coreAddressFromPrivateKey(deriveAccountKey(seed, 'core', 0));
const coreAddress = encodeCfxAddress(coreHex, node.chainId);
const espaceAddress = espaceAddressFromPrivateKey(deriveAccountKey(seed, 'espace', 0));
const CORE_FUNDS = 3_250_000_000_000_000_000n; // 3.25 CFX
const ESPACE_FUNDS = 1_500_000_000_000_000_000n; // 1.5 CFX
const TOKENS = 777n;
const MAPPING_INDEX = 5;

let gateway: ProofGateway;
let liar: Server;
let liarUrl: string;
let token: string;
let browser: ExtensionBrowser;
let page: Page;
let errors: string[];

/** A proof gateway that relays an honest one and flips the last byte of every state entry it serves. */
async function lyingGateway(upstream: string): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-private-network': 'true' };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      void fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
        const answer = (await r.json()) as { result?: unknown };
        if (JSON.parse(body).method === 'clp_getStateEntries' && Array.isArray(answer.result)) {
          answer.result = answer.result.map((raw: string) => `${raw.slice(0, -2)}${(parseInt(raw.slice(-2), 16) ^ 1).toString(16).padStart(2, '0')}`);
        }
        res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
  gateway = await ProofGateway.start({ nodes: [{ nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: node.p2pPort }], chainId: node.chainId, genesisHash: hexToBytes(genesis.hash), localAddress: '127.0.33.1' });
  liar = await lyingGateway(gateway.url);
  liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;

  await sendCore(node.coreRpc, node.chainId, { to: coreAddress, value: CORE_FUNDS, gas: 21_000n });
  await sendCore(node.coreRpc, node.chainId, { ...transferToEspace(espaceAddress, node.chainId), value: ESPACE_FUNDS, gas: 300_000n });
  const deployed = await sendCore(node.coreRpc, node.chainId, { to: null, value: 0n, data: tokenCreationCode(10n ** 9n, MAPPING_INDEX), gas: 500_000n, storageLimit: 1024n });
  token = deployed.contractCreated!;
  const last = await sendCore(node.coreRpc, node.chainId, { to: token, value: 0n, data: transferData(decodeCfxAddressToBytes(coreAddress).bytes, TOKENS), gas: 200_000n, storageLimit: 1024n });

  browser = await launchWithExtension({ viewport: MOBILE });
  ({ page, errors } = await openWallet(browser));
  await importWalletThroughUi(page, MNEMONIC);
  // The dev node only (configureNodes drops the shipped local entries, the default gateway included).
  await configureNodes(page, [
    { space: 'core', url: node.coreRpc, operator: 'Dev node' },
    { space: 'espace', url: node.espaceRpc, operator: 'Dev node' },
  ]);
  // State is proved PROOF_EPOCH_LAG epochs below the finalized pivot: let finality pass the funding by that much.
  await waitForFinality(node, Number(BigInt(last.epochNumber)) + PROOF_EPOCH_LAG + 2);
  await callBackground(page, 'chain.sync');
});

afterAll(async () => {
  await browser?.close();
  liar?.close();
  await gateway?.stop();
  expect(errors).toEqual([]);
});

interface Balance {
  value: string | null;
  token?: string;
  trust: string;
  epoch: number;
  proof?: { epoch: number; gateway: string; witness: { height: number; hash: string }; finalized: { height: number; hash: string } };
  fallback?: { reason: string; gateways: string[] };
}

const q = (n: number) => `0x${n.toString(16)}`;

test('Settings: a proof gateway is added like a node and listed under Proof gateways', async () => {
  await page.goto(`${browser.popupUrl}#/settings/networks`);
  await page.getByLabel('Add a proof gateway').fill(gateway.url);
  await page.getByTestId('nodes-gateway').or(page.getByRole('heading', { name: 'Proof gateways' })).first().waitFor();
  await page.getByRole('button', { name: 'Add node' }).nth(2).click();
  await expect.poll(() => page.getByTestId('nodes-gateway').getByText(gateway.url, { exact: true }).count(), { timeout: 15_000 }).toBe(1);
  const nodes = await callBackground<{ space: string; label: string }[]>(page, 'chain.nodes');
  expect(nodes.filter((n) => n.space === 'gateway').map((n) => n.label)).toEqual([gateway.url]);
});

test('Core: the CFX balance is verified through the gateway, equals the node’s value at the proof’s epoch, and the sheet names the finalized block', async () => {
  const [balance] = await callBackground<Balance[]>(page, 'chain.balances', { space: 'core', addresses: [coreAddress] });
  expect(balance).toMatchObject({ trust: 'verified', value: CORE_FUNDS.toString(), proof: { gateway: gateway.url } });
  const proof = balance!.proof!;
  expect(proof.epoch).toBe(proof.finalized.height - PROOF_EPOCH_LAG);
  expect(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [coreAddress, q(proof.epoch)]))).toBe(CORE_FUNDS);
  // The finalized block named is the node's block at that height.
  const block = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', [q(proof.finalized.height), false]);
  expect(proof.finalized.hash).toBe(block.hash);
  const nonce = await callBackground<{ trust: string; value: string }>(page, 'chain.nonce', { space: 'core', address: coreAddress });
  expect(nonce).toMatchObject({ trust: 'verified', value: '0' });

  await page.goto(`${browser.popupUrl}#/`);
  const card = page.getByTestId('balance');
  await expect.poll(() => card.locator('[data-trust]').getAttribute('data-trust'), { timeout: 60_000 }).toBe('verified');
  expect(await card.getByTestId('amount').getAttribute('data-exact')).toBe('3.25');
  await card.locator('[data-trust]').click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByTestId('trust-proof-finalized').textContent()).toMatch(/^0x[0-9a-f]{64}$/);
  expect(await dialog.textContent()).toContain('Proved with a Merkle proof of the account state at epoch');
  expect(await dialog.getByTestId('trust-proof-gateway').textContent()).toBe(gateway.url);
  await shot(page, 'trust-verified-phone', { mask: volatile(page) });
  await page.keyboard.press('Escape');
});

test('eSpace: the CFX balance is verified through the same gateway', async () => {
  const [balance] = await callBackground<Balance[]>(page, 'chain.balances', { space: 'espace', addresses: [espaceAddress] });
  expect(balance).toMatchObject({ trust: 'verified', value: ESPACE_FUNDS.toString() });
  expect(BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [espaceAddress, q(balance!.proof!.epoch)]))).toBe(ESPACE_FUNDS);
  await page.goto(`${browser.popupUrl}#/`);
  await page.getByRole('radio', { name: 'eSpace' }).click();
  const card = page.getByTestId('balance');
  await expect.poll(() => card.textContent()).toContain('eSpace balance');
  await expect.poll(() => card.locator('[data-trust]').getAttribute('data-trust'), { timeout: 60_000 }).toBe('verified');
  expect(await card.getByTestId('amount').getAttribute('data-exact')).toBe('1.5');
  await page.getByRole('radio', { name: 'Core' }).click();
});

test('a token: its balance slot is located by proof, and its balance shows as verified', async () => {
  await page.goto(`${browser.popupUrl}#/tokens/add`);
  await page.getByLabel('Token contract address').fill(token);
  await page.getByLabel('Symbol', { exact: true }).fill('VRF');
  await page.getByLabel('Decimals', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Add token' }).click();
  await page.getByTestId('balance').waitFor();
  const row = page.getByTestId('token-list').locator('li').filter({ hasText: 'VRF' });
  await expect.poll(() => row.locator('[data-trust]').getAttribute('data-trust'), { timeout: 60_000 }).toBe('verified');
  expect(await row.getByTestId('amount').getAttribute('data-exact')).toBe(TOKENS.toString());
  const views = await callBackground<Balance[]>(page, 'chain.balances', { space: 'core', addresses: [coreAddress], tokens: [token] });
  expect(views.find((v) => v.token !== undefined)).toMatchObject({ trust: 'verified', value: TOKENS.toString() });
});

test('a lying gateway is banned with evidence; balances fall back to the nodes’ word and say so; no false value is shown', async () => {
  const nodes = await callBackground<{ id: string; space: string }[]>(page, 'chain.nodes');
  await callBackground(page, 'chain.addNode', { space: 'gateway', url: liarUrl });
  for (const n of nodes.filter((x) => x.space === 'gateway')) await callBackground(page, 'chain.removeNode', { id: n.id });
  const [balance] = await callBackground<Balance[]>(page, 'chain.balances', { space: 'core', addresses: [coreAddress] });
  expect(balance).toMatchObject({ trust: 'single-source', value: CORE_FUNDS.toString(), fallback: { reason: 'banned', gateways: [liarUrl] } });
  expect(balance!.proof).toBeUndefined();
  const bans = await callBackground<{ active: { node: string; reason: string; severity: string; evidence: string }[] }>(page, 'chain.bans');
  expect(bans.active).toEqual([expect.objectContaining({ node: liarUrl, reason: 'bad_state_proof', severity: 'proven_lie', evidence: expect.stringMatching(/^clp_getStateEntries at epoch \d+: (state|proofgateway)\./) })]);
  const [espace] = await callBackground<Balance[]>(page, 'chain.balances', { space: 'espace', addresses: [espaceAddress] });
  expect(espace).toMatchObject({ trust: 'single-source', value: ESPACE_FUNDS.toString(), fallback: { reason: 'banned' } });

  await page.goto(`${browser.popupUrl}#/`);
  const card = page.getByTestId('balance');
  await expect.poll(() => card.locator('[data-trust]').getAttribute('data-trust'), { timeout: 60_000 }).toBe('single-source');
  expect(await card.getByTestId('amount').getAttribute('data-exact')).toBe('3.25');
  await card.locator('[data-trust]').click();
  await expect.poll(() => page.getByRole('dialog').textContent()).toContain(`Proof gateway ${liarUrl} was banned: the proofs it served did not verify.`);
  await page.keyboard.press('Escape');
  // The Verification screen lists it among the banned nodes, with the reason.
  await page.goto(`${browser.popupUrl}#/status`);
  await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain(liarUrl);
  expect(await page.locator('main').textContent()).toContain('served state proofs that do not match the state root of a finalized block');
});

test('Chinese: the verified balance’s trust sheet', async () => {
  // Back to the honest gateway.
  await callBackground(page, 'chain.addNode', { space: 'gateway', url: gateway.url });
  await chooseLanguage(page, browser.popupUrl, 'zh-CN', zh.settings.title);
  await page.goto(`${browser.popupUrl}#/`);
  const card = page.getByTestId('balance');
  await expect.poll(() => card.locator('[data-trust]').getAttribute('data-trust'), { timeout: 60_000 }).toBe('verified');
  await card.locator('[data-trust]').click();
  await expect.poll(() => page.getByRole('dialog').textContent()).toContain(zh.trust.proof.finalized);
  await shot(page, 'trust-verified-phone-zh', { mask: volatile(page) });
  await chooseLanguage(page, browser.popupUrl, 'en', 'Settings');
});
