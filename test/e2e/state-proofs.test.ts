/**
 * State proofs against a real dev node (its own, young chain, so one epoch below 2000 still has
 * its state): `npm run verify`'s code path proves the balance and nonce of a Core user, a token
 * contract, an eSpace account and an address that never existed, and a token balance slot (in
 * Core space and in eSpace), at an epoch below 2000 and one above (where the previous snapshot root
 * is checked too); each equals what the node's JSON-RPC reports at that epoch. Then the command
 * itself: its output lines, exit codes and refusals.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hexToBytes } from '../../core/encoding/hex.js';
import { proveStorage } from '../../core/state/prove-account.js';
import { SNAPSHOT_EPOCH_COUNT } from '../../core/state/state-root.js';
import { formatNodeAddress, type NodeAddress } from '../../gateway/clp/node-url.js';
import { openVerifier, verifyAccounts } from '../../gateway/clp/verify-accounts.js';
import { REPO_ROOT, rpcCall, startDevNode, waitForFinality, type DevNode } from '../support/devnode.js';
import { prepareStateFixtures, type StateFixtures } from '../support/state-fixtures.js';

let node: DevNode;
let fixtures: StateFixtures;
let address: NodeAddress;

beforeAll(async () => {
  node = await startDevNode();
  address = { nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: node.p2pPort };
  await waitForFinality(node);
  fixtures = await prepareStateFixtures(node);
});

afterAll(async () => {
  await node?.stop();
});

const q = (n: number) => `0x${n.toString(16)}`;

/** What the node's JSON-RPC reports for an address at `epoch`. */
async function rpcAccount(addr: string, epoch: number): Promise<{ balance: string; nonce: string }> {
  if (addr.startsWith('0x')) {
    return { balance: BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [addr, q(epoch)])).toString(), nonce: BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getTransactionCount', [addr, q(epoch)])).toString() };
  }
  return { balance: BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [addr, q(epoch)])).toString(), nonce: BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [addr, q(epoch)])).toString() };
}

async function checkEpoch(epoch: number): Promise<void> {
  const addresses = [fixtures.coreUser, fixtures.token.address, fixtures.espace, fixtures.absent];
  const report = await verifyAccounts({ rpc: node.coreRpc, node: address, addresses, epoch });
  expect(report.lines.map((l) => l.address)).toEqual(addresses);
  for (const line of report.lines) {
    expect(line.epoch).toBe(epoch);
    expect(line.trust).toBe('verified');
    expect({ balance: line.balance, nonce: line.nonce }, line.address).toEqual(await rpcAccount(line.address, epoch));
  }
  // The fixtures make these values distinctive: a spent, used account; a contract (nonce 1); a funded
  // eSpace account that deployed a contract; nothing.
  const [user, token, espace, absent] = report.lines;
  expect(BigInt(user!.nonce)).toBeGreaterThanOrEqual(3n);
  expect(token!.nonce).toBe('1');
  expect(espace!.nonce).toBe('1');
  expect(BigInt(espace!.balance)).toBeGreaterThan(4n * 10n ** 18n);
  expect([absent!.balance, absent!.nonce]).toEqual(['0', '0']);

  const verifier = await openVerifier({ rpc: node.coreRpc, node: address });
  try {
    const [slot] = await proveStorage(epoch, { address: fixtures.token.bytes, space: 'core' }, [fixtures.token.slot], verifier.sources);
    const stored = await rpcCall<string>(node.coreRpc, 'cfx_getStorageAt', [fixtures.token.address, `0x${Buffer.from(fixtures.token.slot).toString('hex')}`, q(epoch)]);
    expect(slot!.value).toBe(BigInt(stored));
    expect(slot!.value).toBe(123_456_789n);
    // The same token in eSpace: its deployer's balance slot.
    const [espaceSlot] = await proveStorage(epoch, { address: fixtures.espaceToken.bytes, space: 'espace' }, [fixtures.espaceToken.slot], verifier.sources);
    const espaceStored = await rpcCall<string>(node.espaceRpc, 'eth_getStorageAt', [fixtures.espaceToken.address, `0x${Buffer.from(fixtures.espaceToken.slot).toString('hex')}`, q(epoch)]);
    expect(espaceSlot!.value).toBe(BigInt(espaceStored));
    expect(espaceSlot!.value).toBe(fixtures.espaceToken.supply);
  } finally {
    verifier.close();
  }
}

describe('proved state equals the node’s JSON-RPC', () => {
  test('at an epoch below 2000', async () => {
    const epoch = fixtures.epoch + 2;
    await waitForFinality(node, epoch + 15);
    expect(epoch).toBeLessThan(SNAPSHOT_EPOCH_COUNT);
    await checkEpoch(epoch);
  });

  test('at an epoch above 2000 (previous snapshot root checked)', async () => {
    const finalized = await waitForFinality(node, SNAPSHOT_EPOCH_COUNT + 100, 240_000);
    const epoch = finalized - 20;
    expect(epoch).toBeGreaterThan(SNAPSHOT_EPOCH_COUNT);
    await checkEpoch(epoch);
  });
});

/** Runs `npm run verify`'s script; resolves with its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'scripts/verify.ts'), ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run verify', () => {
  test('prints one JSON line per address with exactly the promised fields', async () => {
    const out = await runCli(['--rpc', node.coreRpc, '--node', formatNodeAddress(address), fixtures.coreUser, fixtures.espace]);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l))).toEqual([
      ['address', 'epoch', 'balance', 'nonce', 'trust'],
      ['address', 'epoch', 'balance', 'nonce', 'trust'],
    ]);
    expect(lines.map((l) => l.address)).toEqual([fixtures.coreUser, fixtures.espace]);
    for (const line of lines) expect({ balance: line.balance, nonce: line.nonce }).toEqual(await rpcAccount(String(line.address), Number(line.epoch)));
  });

  test('bad arguments exit 2; a node that is not the given node id exits 1; nothing is printed', async () => {
    const usage = await runCli(['--rpc', node.coreRpc, fixtures.coreUser]);
    expect([usage.code, usage.stdout]).toEqual([2, '']);
    const badAddress = await runCli(['--rpc', node.coreRpc, '--node', formatNodeAddress(address), 'cfx:notanaddress']);
    expect([badAddress.code, badAddress.stdout]).toEqual([2, '']);
    const otherNetwork = await runCli(['--rpc', node.coreRpc, '--node', formatNodeAddress(address), 'cfx:aak2rra2njvd77ezwjvx04kkds9fzagfe6ku8scz91']);
    expect([otherNetwork.code, otherNetwork.stdout]).toEqual([2, '']);
    // A valid id that is not this node's: the node cannot answer the handshake.
    const impostor = { ...address, nodeId: hexToBytes(`0x${'4f355bdcb7cc0af728ef3cceb9615d90684bb5b2ca5f859ab0f0b704075871aa385b6b1b8ead809ca67454d9683fcf2ba03456d6fe2c4abe2b07f0fbdbb2f1c1'}`) };
    const wrongId = await runCli(['--rpc', node.coreRpc, '--node', formatNodeAddress(impostor), fixtures.coreUser]);
    expect(wrongId.code).toBe(1);
    expect(wrongId.stdout).toBe('');
    expect(wrongId.stderr).toMatch(/verification failed \[lightproto\./);
  });
});
