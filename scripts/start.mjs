#!/usr/bin/env node
/**
 * `npm start`: the demo.
 *
 *  1. builds the extension into dist/;
 *  2. starts a local Conflux dev node (@xcfx/node, PoS finality advancing) whose genesis account
 *     is funded, and moves 100 CFX of it to the same key's eSpace address (CrossSpaceCall);
 *  3. starts a proof gateway beside the node (gateway/: the node's state proofs for wallets);
 *  4. serves the demo dApp (test/dapp: js-conflux-sdk over window.conflux, viem over EIP-6963);
 *  5. opens Chromium with Wayfarer loaded and the dApp in a tab — or, without a display, prints
 *     exactly what to open and the funded key to import.
 *
 * Runs until Ctrl-C, then stops the node (and the browser it opened).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { register } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const log = (line) => process.stdout.write(`${line}\n`);

log('Building the extension…');
const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The dev-node harness, transaction signing and address code are TypeScript: load them through tsx.
register();
const { startDevNode, rpcCall, waitForFinality, GENESIS_PRIVATE_KEY } = await import('../test/support/devnode.ts');
const { PrivateKey } = await import('../core/keys/private-key.ts');
const { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } = await import('../core/keys/address.ts');
const { encodeCfxAddress } = await import('../core/address/cip37.ts');
const { signCoreTransaction } = await import('../core/tx/core-sign.ts');
const { transferToEspace } = await import('../test/support/cross-space.ts');
const { buildDapp, serveDir } = await import('../test/dapp/serve.mjs');
const { ProofGateway } = await import('../gateway/service.ts');
const { hexToBytes } = await import('../core/encoding/hex.ts');

const cleanups = [];
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log('\nStopping…');
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  log('Starting a local Conflux dev node (about 10 s)…');
  const node = await startDevNode();
  cleanups.push(() => node.stop());

  const key = PrivateKey.fromHex(GENESIS_PRIVATE_KEY);
  const coreAddress = encodeCfxAddress(coreAddressFromPrivateKey(key), node.chainId);
  const espaceAddress = espaceAddressFromPrivateKey(key);

  log('Moving 100 CFX of the funded account to its eSpace address (CrossSpaceCall.transferEVM)…');
  const nonce = BigInt(await rpcCall(node.coreRpc, 'cfx_getNextNonce', [coreAddress]));
  const epochHeight = BigInt(await rpcCall(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
  const signed = signCoreTransaction(
    {
      type: 2,
      chainId: node.chainId,
      nonce,
      maxPriorityFeePerGas: 1n,
      maxFeePerGas: 10_000_000_000n,
      gas: 300_000n,
      ...transferToEspace(espaceAddress, node.chainId),
      value: 100n * 10n ** 18n,
      storageLimit: 0n,
      epochHeight,
      accessList: [],
    },
    key,
    node.chainId,
  );
  await rpcCall(node.coreRpc, 'cfx_sendRawTransaction', [signed.raw]);
  let receipt = null;
  for (let i = 0; i < 150 && receipt === null; i++) {
    receipt = await rpcCall(node.coreRpc, 'cfx_getTransactionReceipt', [signed.hash]);
    if (receipt === null) await new Promise((r) => setTimeout(r, 200));
  }
  if (receipt === null || receipt.outcomeStatus !== '0x0') throw new Error('the eSpace funding transaction failed');
  // Wayfarer reads nonces at the latest PoS-finalized epoch; wait until that includes this transaction.
  log('Waiting for PoS finality to pass that transaction (up to a minute)…');
  await waitForFinality(node, Number(BigInt(receipt.epochNumber)));

  // A proof gateway beside the node: wallets get this node's state proofs through it.
  const genesis = await rpcCall(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
  // On 127.0.0.1:12539, where Wayfarer's local network expects it (a built-in entry of its node
  // list, like the dev node's default ports); if that port is taken, anywhere, to be added by hand.
  const gatewayConfig = { nodes: [{ nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: node.p2pPort }], chainId: node.chainId, genesisHash: hexToBytes(genesis.hash), host: '127.0.0.1' };
  const portFree = await new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(12539, '127.0.0.1', () => probe.close(() => done(true)));
  });
  const gateway = await ProofGateway.start(portFree ? { ...gatewayConfig, port: 12539 } : gatewayConfig);
  cleanups.push(() => gateway.stop());

  const dappDir = mkdtempSync(join(tmpdir(), 'wayfarer-demo-dapp-'));
  cleanups.push(async () => rmSync(dappDir, { recursive: true, force: true }));
  await buildDapp(dappDir);
  const server = await serveDir(dappDir);
  cleanups.push(() => server.close());
  const dappUrl = `${server.url}/?${new URLSearchParams({ coreRpc: node.coreRpc, espaceRpc: node.espaceRpc, coreChainId: String(node.chainId), espaceChainId: String(node.evmChainId) })}`;

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  log(`
Wayfarer demo is running.

  Extension (load unpacked):  ${dist}
  Demo dApp:                  ${dappUrl}
  Core RPC (chain ${node.chainId}):      ${node.coreRpc}
  eSpace RPC (chain ${node.evmChainId}):    ${node.espaceRpc}
  Proof gateway:              ${gateway.url}  (WebSocket ${gateway.wsUrl})${gateway.url.endsWith(':12539') ? '' : '\n      (port 12539 was taken: add this URL under Settings → Networks and nodes → Proof gateways)'}
  Funded key (import it):     ${GENESIS_PRIVATE_KEY}
      Core address:  ${coreAddress}
      eSpace address: ${espaceAddress}
  (A well-known development key: never use it for anything else.)

In the wallet: create a vault by importing the key above. In the dApp: "Add local network" in
both sections (adds this node's Core and eSpace endpoints to Wayfarer's local network and switches
to it; verifying Core headers needs the eSpace endpoint too), then connect, sign and send.
`);
  if (hasDisplay && existsSync(chromium)) {
    const profile = mkdtempSync(join(tmpdir(), 'wayfarer-start-'));
    // Chromium refuses to start as root unless its sandbox is switched off.
    const asRoot = process.getuid?.() === 0;
    const flags = [`--user-data-dir=${profile}`, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-first-run', ...(asRoot ? ['--no-sandbox'] : []), dappUrl];
    const browser = spawn(chromium, flags, { stdio: ['ignore', 'ignore', 'pipe'] });
    // Keep the end of the browser's error output: when it exits at once, that says why.
    let errorTail = '';
    browser.stderr.on('data', (chunk) => {
      errorTail = (errorTail + chunk.toString()).slice(-4000);
    });
    cleanups.push(async () => {
      browser.kill('SIGTERM');
      rmSync(profile, { recursive: true, force: true });
    });
    browser.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) {
        const lines = errorTail.trim().split('\n').slice(-12).join('\n  ');
        log(`Chromium exited with code ${code}; the node keeps running until Ctrl-C. Its last error output:\n  ${lines || '(none)'}`);
      } else log('Chromium closed; the node keeps running until Ctrl-C.');
    });
    log('Chromium opened with Wayfarer and the dApp.');
  } else {
    log(`No display${existsSync(chromium) ? '' : ' or Chromium'} found, so nothing was opened. To try it by hand:
  1. open chrome://extensions in a Chromium-based browser, switch on "Developer mode"
  2. "Load unpacked" and choose ${dist}
  3. open the demo dApp URL above in that browser`);
  }
  log('\nPress Ctrl-C to stop the node and exit.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
