/**
 * A lying path between the command-line verifier and a real node: the `clp` proxy of
 * clp-proxy.ts alters each part of the `StateEntries` answers (the transport has no MAC, so any
 * router could). Each lie is refused with the error naming it and no value is reported; after each
 * hostile exchange the node still answers and an honest verification through the same path works.
 * A change to bytes no hash commits (the byte of a zero-step path) changes nothing: the same, true
 * values are proved.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hexToBytes } from '../../core/encoding/hex.js';
import { WayfarerError } from '../../core/errors.js';
import { ClpConnection } from '../../gateway/clp/connection.js';
import { verifyAccounts } from '../../gateway/clp/verify-accounts.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { encodeCfxAddress } from '../../core/address/cip37.js';
import { coreAddressFromPrivateKey } from '../../core/keys/address.js';
import { PrivateKey } from '../../core/keys/private-key.js';
import { ClpProxy, type ClpAttack } from './clp-proxy.js';

const node = sharedDevNode();
const user = encodeCfxAddress(coreAddressFromPrivateKey(PrivateKey.fromHex(GENESIS_PRIVATE_KEY)), node.chainId);
const absent = encodeCfxAddress(`0x1${'5'.repeat(39)}`, node.chainId);
let proxy: ClpProxy;
/** Distinct /24s: a node takes a moment to forget a closed light session of an address. */
const SOURCES = Array.from({ length: 6 }, (_, i) => `127.0.${10 + i}.1`);

beforeAll(async () => {
  // Past the first snapshot period, so answers carry a previous snapshot root to lie about.
  await waitForFinality(node, 2100, 240_000);
  proxy = await ClpProxy.start({ host: '127.0.0.1', port: node.p2pPort }, SOURCES);
});

afterAll(async () => {
  await proxy?.close();
});

const through = () => ({ rpc: node.coreRpc, node: { nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: proxy.port } });

async function refused(attack: ClpAttack): Promise<WayfarerError> {
  proxy.attack = attack;
  const before = proxy.applied;
  const outcome = await verifyAccounts({ ...through(), addresses: [user, absent] }).then(
    (report) => report,
    (error: unknown) => error,
  );
  expect(proxy.applied, `the ${attack} attack was applied`).toBeGreaterThan(before);
  expect(outcome, 'no value is reported').toBeInstanceOf(WayfarerError);
  return outcome as WayfarerError;
}

/** The node is alive: JSON-RPC answers and a fresh light session serves state roots. */
async function nodeAlive(): Promise<void> {
  const status = await rpcCall<{ latestFinalized: string }>(node.coreRpc, 'cfx_getStatus');
  const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
  const connection = await ClpConnection.open({ node: { nodeId: hexToBytes(node.nodeId), host: '127.0.0.1', port: node.p2pPort }, chainId: node.chainId, genesisHash: hexToBytes(genesis.hash), localAddress: '127.0.99.1' });
  try {
    const answer = await connection.request({ kind: 'state_roots', epochs: [Number(status.latestFinalized) - 10] });
    expect(answer.items).toHaveLength(1);
  } finally {
    connection.close();
  }
}

describe('a lying path is refused, part by part', () => {
  test.each([
    ['value', 'state.entry_mismatch'],
    ['sibling', 'state.node_hash'],
    ['path', 'state.node_hash'],
    ['state_root', 'state.state_root_mismatch'],
    ['prev_snapshot', 'state.prev_snapshot_mismatch'],
    ['epoch', 'lightproto.unexpected'],
    ['epoch_swap', 'state.state_root_mismatch'],
    ['drop', 'state.unavailable'],
    ['truncate', 'lightproto.frame_truncated'],
  ] as const)('%s → %s', async (attack, code) => {
    const error = await refused(attack);
    expect(error.code).toBe(code);
    await nodeAlive();
  });

  test.each(['honest', 'uncommitted_path'] as const)('%s: the values reported are the node’s JSON-RPC values', async (attack) => {
    proxy.attack = attack;
    const before = proxy.applied;
    const report = await verifyAccounts({ ...through(), addresses: [user, absent] });
    if (attack !== 'honest') expect(proxy.applied).toBeGreaterThan(before);
    const [u, a] = report.lines;
    expect(u!.balance).toBe(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [user, `0x${u!.epoch.toString(16)}`])).toString());
    expect([a!.balance, a!.nonce]).toEqual(['0', '0']);
    await nodeAlive();
  });
});
