import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { IndexedDbCheckpointStore } from './checkpoint-store.js';
import { FakeClock } from '../../../core/rpc/testing/fake-clock.js';
import { fakeNetwork } from '../../../core/rpc/testing/fake-fetch.js';
import { ChainService, type ChainEvents } from './service.js';
import { privateKeyFromHex } from '../../../core/keys/private-key.js';
import { coreAddressFromPrivateKey } from '../../../core/keys/address.js';
import { signCoreTransaction } from '../../../core/tx/core-sign.js';
import { decodeCoreTransaction } from '../../../core/tx/core-decode.js';
import { ChainStore } from './store.js';
import { encodeCfxAddress } from '../../../core/address/cip37.js';

const USER = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const MAINNET_ADDRESS = encodeCfxAddress(USER, 1029);
const TESTNET_ADDRESS = encodeCfxAddress(USER, 1);

/** A service over a fresh fake IndexedDB; `restart` builds a new service over the same database. */
async function setup(handlers: Parameters<typeof fakeNetwork>[0] = {}) {
  const factory = new IDBFactory();
  const clock = new FakeClock();
  const net = fakeNetwork(handlers);
  const events: string[] = [];
  const recorder: ChainEvents = {
    statusChanged: () => events.push('status'),
    nodesChanged: () => events.push('nodes'),
    balancesChanged: () => events.push('balances'),
    transactionChanged: () => events.push('tx'),
  };
  let secretCalls = 0;
  const make = async () =>
    ChainService.start({
      store: await ChainStore.open(factory),
      checkpointStore: new IndexedDbCheckpointStore(factory),
      fetch: net.fetch,
      clock,
      randomBytes: (n) => {
        secretCalls++;
        return new Uint8Array(n).fill(secretCalls);
      },
      events: recorder,
      hasHostPermission: async (pattern) => pattern === 'http://127.0.0.1/*',
    });
  return { service: await make(), restart: make, events, clock, secretCalls: () => secretCalls };
}

describe('ChainService (no network needed)', () => {
  test('starts on mainnet, privacy mode on with a secret made once and kept', async () => {
    const { service, restart, secretCalls } = await setup();
    expect(service.status()).toMatchObject({ network: 'mainnet', privacy: { enabled: true }, lightClient: { checkpoint: 'shipped', finalized: null } });
    // Shipped public nodes work over CORS; the permission state is reported, not assumed.
    expect((await service.nodeList()).every((n) => n.permission === 'missing')).toBe(true);
    await restart();
    expect(secretCalls()).toBe(1);
  });

  test('network, privacy and node edits survive a restart', async () => {
    const { service, restart, events } = await setup();
    await service.setNetwork('local');
    await service.setPrivacy(false);
    const shipped = await service.nodeList();
    // The local network ships the dev node's default ports and the proof gateway `npm start` runs beside it.
    expect(shipped.map((n) => [n.space, n.label])).toEqual([
      ['core', 'http://127.0.0.1:12537'],
      ['espace', 'http://127.0.0.1:8545'],
      ['gateway', 'http://127.0.0.1:12539'],
    ]);
    await service.removeNode(shipped[0]!.id);
    const added = await service.addNode({ space: 'core', url: 'http://127.0.0.1:4000', operator: 'My node' });
    expect(added).toMatchObject({ origin: 'user', operator: 'My node', permissionPattern: 'http://127.0.0.1/*', permission: 'granted', ban: null });
    expect(events).toContain('nodes');
    const again = await restart();
    expect(again.status()).toMatchObject({ network: 'local', privacy: { enabled: false } });
    expect((await again.nodeList()).map((n) => n.label).sort()).toEqual(['http://127.0.0.1:12539', 'http://127.0.0.1:4000', 'http://127.0.0.1:8545']);
    // A proof gateway is a node like the others: added, listed, removed.
    const gateway = await again.addNode({ space: 'gateway', url: 'http://127.0.0.1:4001' });
    expect(gateway).toMatchObject({ space: 'gateway', origin: 'user', hasWebSocket: false });
    await again.removeNode(gateway.id);
    await expect(again.addNode({ space: 'core', url: 'http://127.0.0.1:4000' })).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(again.addNode({ space: 'core', url: 'http://public.example.org' })).rejects.toMatchObject({ code: 'input.invalid' });
  });

  test('bans are persisted with their evidence and can be lifted', async () => {
    // The shipped local Core node answers with something that is not an epoch number.
    const { service, restart, clock } = await setup({ 'http://127.0.0.1:12537/': () => 'not a quantity' });
    await service.setNetwork('local');
    const [node] = await service.nodeList();
    // A page's read (service.read) never bans; the wallet's own requests (the sync setNetwork
    // started) do.
    await expect(service.read('core', 'cfx_epochNumber', [])).rejects.toMatchObject({ code: 'pool.no_node' });
    await service.sync();
    await clock.advance(10);
    const again = await restart();
    expect(again.bans().active).toEqual([expect.objectContaining({ nodeId: node!.id, reason: 'malformed_response', reasonText: expect.stringMatching(/schema/), evidence: expect.stringMatching(/pos_getEpochState|cfx_epochNumber/) })]);
    expect((await again.nodeList()).find((n) => n.id === node!.id)?.ban?.reason).toBe('malformed_response');
    // Bans belong to their network.
    await again.setNetwork('mainnet');
    expect(again.bans().active).toEqual([]);
    await again.setNetwork('local');
    expect(again.bans().active).toHaveLength(1);
    await again.liftBan(node!.id);
    expect(again.bans().active).toEqual([]);
    await expect(again.liftBan(node!.id)).rejects.toMatchObject({ code: 'input.invalid' });
  });

  test('testnet has no shipped checkpoint: sync reports it, reads refuse to pretend', async () => {
    const { service } = await setup();
    await service.setNetwork('testnet');
    const status = await service.sync();
    expect(status.lightClient).toMatchObject({ checkpoint: 'none', lastError: { code: 'checkpoint.none_shipped' } });
    await expect(service.balances('core', [TESTNET_ADDRESS])).rejects.toMatchObject({ code: 'checkpoint.none_shipped' });
  });

  test('addresses of another network and dApp reads of non-read methods are refused', async () => {
    const { service } = await setup();
    await expect(service.lastKnownBalances('core', [TESTNET_ADDRESS])).rejects.toMatchObject({ code: 'input.invalid' });
    expect(await service.lastKnownBalances('core', [MAINNET_ADDRESS])).toEqual([]);
    await expect(service.read('core', 'cfx_sendRawTransaction', ['0x00'])).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(service.read('core', 'eth_getBalance', [])).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(service.read('espace', 'no_such_method', [])).rejects.toMatchObject({ code: 'input.invalid' });
  });
});

describe('ChainService sending', () => {
  test('a stuck transaction: Resend offers it to every node that has not acknowledged it, several of one operator too', async () => {
    const key = privateKeyFromHex(`0x${'42'.repeat(32)}`);
    const from = encodeCfxAddress(coreAddressFromPrivateKey(key), 1024);
    const received = new Map<string, string[]>();
    /** A node that acknowledges (returns the hash) and never includes anything. */
    const node = (name: string) => (method: string, params: unknown[]) => {
      if (method === 'cfx_sendRawTransaction') {
        received.set(name, [...(received.get(name) ?? []), String(params[0])]);
        return decodeCoreTransaction(String(params[0])).hash;
      }
      if (method === 'cfx_getTransactionReceipt') return null;
      throw new Error(`unexpected ${method}`);
    };
    const { service } = await setup({ 'http://127.0.0.1:12537/': node('only'), 'http://10.0.0.2:12537/': node('second'), 'http://10.0.0.3:12537/': node('third') });
    await service.setNetwork('local');
    const signed = signCoreTransaction({ type: 0, chainId: 1024, nonce: 3n, gas: 21000n, to: from, value: 5n, storageLimit: 0n, epochHeight: 1n, data: '0x', gasPrice: 10n }, key, 1024);
    const sent = await service.sendTransaction('core', signed.raw as `0x${string}`);
    expect(sent).toMatchObject({ hash: signed.hash, status: 'pending', acceptedBy: ['local/core/http://127.0.0.1:12537/'] });
    expect(service.tracked(signed.hash)?.raw).toBe(signed.raw);

    // Two nodes of one operator: a resend is not limited to one node per operator.
    await service.addNode({ space: 'core', url: 'http://10.0.0.2:12537', operator: 'Other' });
    await service.addNode({ space: 'core', url: 'http://10.0.0.3:12537', operator: 'Other' });
    const resent = await service.resendTransaction(signed.hash);
    expect(received.get('second')).toEqual([signed.raw]);
    expect(received.get('third')).toEqual([signed.raw]);
    expect(received.get('only')).toEqual([signed.raw]);
    expect(resent.acceptedBy).toHaveLength(3);

  });
});
