/**
 * Starts a real Conflux dev node (conflux-rust inside @xcfx/node) in a child process on free
 * ports, with the public dev PoS genesis so PoS finality really advances (first finalized epoch
 * after about 20 s), and eSpace enabled through the checked addon patch.
 *
 * Chain ids: Core 1024 (addresses `net1024:`), eSpace 1025. The genesis account below gets funds.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { secp256k1 } from '@noble/curves/secp256k1.js';
// @ts-expect-error plain ESM helper without type declarations
import { ensurePatchedXcfxAddon } from './xcfx-addon-patch.mjs';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Well-known dev genesis key (conflux-rust test framework); funded at genesis. Test use only. */
export const GENESIS_PRIVATE_KEY = '0x46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f';
export const DEV_CHAIN_ID = 1024;
export const DEV_EVM_CHAIN_ID = 1025;

export interface DevNode {
  coreRpc: string;
  coreWs: string;
  espaceRpc: string;
  espaceWs: string;
  chainId: number;
  evmChainId: number;
  /** TCP port of the node's peer-to-peer endpoint (speaks the light protocol `clp`). */
  p2pPort: number;
  /** The node's 64-byte secp256k1 public key (`0x` + 128 hex digits), needed to dial its P2P port. */
  nodeId: string;
  stop: () => Promise<void>;
}

/**
 * The node id of a dev node: the public key of the secret it keeps in `<data dir>/net_config/key`
 * (the same id it logs as `Self node id`). The file is written at start-up.
 */
export function readDevNodeId(dataDir: string): string {
  const text = readFileSync(join(dataDir, 'net_config', 'key'), 'utf8').trim().replace(/^0x/, '');
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error('unexpected net_config/key format');
  return `0x${Buffer.from(secp256k1.getPublicKey(Buffer.from(text, 'hex'), false).subarray(1)).toString('hex')}`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export async function rpcCall<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

export interface DevNodeOptions {
  blockMs?: number;
  roundMs?: number;
  /** P2P port to listen on (default: a free one), e.g. to restart a node where peers expect it. */
  p2pPort?: number;
  /** 32-byte secret (hex) the node uses as its network key, so its node id is known in advance and survives a restart. */
  nodeSecret?: string;
}

export async function startDevNode(options: DevNodeOptions = {}): Promise<DevNode> {
  ensurePatchedXcfxAddon(REPO_ROOT);
  const ports = { http: await freePort(), ws: await freePort(), ethHttp: await freePort(), ethWs: await freePort(), p2p: options.p2pPort ?? (await freePort()), stratum: await freePort() };
  const runDir = mkdtempSync(join(tmpdir(), 'wayfarer-devnode-'));
  if (options.nodeSecret !== undefined) {
    mkdirSync(join(runDir, 'data', 'net_config'), { recursive: true });
    writeFileSync(join(runDir, 'data', 'net_config', 'key'), options.nodeSecret.replace(/^0x/, ''));
  }
  const config = {
    runDir,
    posSource: join(REPO_ROOT, 'test/fixtures/devnode/pos_config'),
    repoRoot: REPO_ROOT,
    ports,
    chainId: DEV_CHAIN_ID,
    evmChainId: DEV_EVM_CHAIN_ID,
    blockMs: options.blockMs ?? 50,
    roundMs: options.roundMs ?? 500,
    genesisSecrets: [GENESIS_PRIVATE_KEY.slice(2)],
  };
  const child: ChildProcess = fork(join(import.meta.dirname, 'devnode-process.mjs'), [JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev node did not start in 60 s: ${stderr}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev node exited with ${code}: ${stderr}`));
    });
  });
  const coreRpc = `http://127.0.0.1:${ports.http}`;
  // The RPC port opens a little before the node answers; wait for a real answer.
  for (let i = 0; ; i++) {
    try {
      await rpcCall(coreRpc, 'cfx_getStatus');
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    coreRpc,
    p2pPort: ports.p2p,
    nodeId: readDevNodeId(join(runDir, 'data')),
    coreWs: `ws://127.0.0.1:${ports.ws}`,
    espaceRpc: `http://127.0.0.1:${ports.ethHttp}`,
    espaceWs: `ws://127.0.0.1:${ports.ethWs}`,
    chainId: DEV_CHAIN_ID,
    evmChainId: DEV_EVM_CHAIN_ID,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 7_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (child.connected) child.disconnect();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** Polls until the node's PoS has finalized a PoW epoch (cfx_getStatus.latestFinalized > 0). */
export async function waitForFinality(node: { coreRpc: string }, minEpoch = 1, timeoutMs = 180_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await rpcCall<{ latestFinalized: string }>(node.coreRpc, 'cfx_getStatus');
    const finalized = Number(BigInt(status.latestFinalized));
    if (finalized >= minEpoch) return finalized;
    if (Date.now() > deadline) throw new Error(`PoS finality did not reach ${minEpoch} in time`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Polls the node until a Core transaction is executed; returns the epoch of its receipt. */
export async function waitForReceiptEpoch(node: { coreRpc: string }, hash: string, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const receipt = await rpcCall<{ epochNumber: string } | null>(node.coreRpc, 'cfx_getTransactionReceipt', [hash]);
    if (receipt) return Number(BigInt(receipt.epochNumber));
    if (Date.now() > deadline) throw new Error(`transaction ${hash} was not executed in time`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
