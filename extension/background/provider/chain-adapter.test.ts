import { describe, expect, test } from 'vitest';
import type { Hex } from '../../../core/encoding/hex.js';
import { InvalidInputError, WayfarerError } from '../../../core/errors.js';
import { RpcNodeError } from '../../../core/rpc/errors.js';
import { NoNodeAvailableError } from '../../../core/rpc/pool/errors.js';
import { ChainAdapter, type ChainServiceSlice } from './chain-adapter.js';
import { NodeRpcError } from './errors.js';
import { EventBus, type BackgroundEvents } from '../events.js';

/** A token list that keeps nothing (these tests never watch a token). */
const NO_TOKENS = { watch: async () => undefined };

class NodeError extends WayfarerError {
  readonly rpcCode = 3;
  readonly rpcMessage = 'execution reverted';
  readonly rpcData = '0x08c379a0';
  constructor() {
    super('rpc.node_error', 'node error 3');
  }
}

function fakeChain() {
  const state = { network: 'mainnet' as 'mainnet' | 'testnet' | 'local', syncs: 0, finalized: false, added: [] as string[] };
  const ids = { mainnet: { core: 1029, espace: 1030 }, testnet: { core: 1, espace: 71 }, local: { core: 1024, espace: 1025 } };
  // The bus's networkChanged, as the session emits it after a switch.
  const bus = new EventBus<BackgroundEvents>();
  const announce = () => bus.emit('networkChanged', { network: state.network, chainIds: ids[state.network] });
  const chain: ChainServiceSlice = {
    status: () => ({ network: state.network, chainIds: ids[state.network] }),
    setNetwork: async (network) => {
      const switched = network !== state.network;
      state.network = network;
      if (switched) announce();
    },
    onNetworkChanged: (listener) => bus.on('networkChanged', ({ chainIds }) => listener(chainIds)),
    nodes: () => [{ id: `${state.network}/core/http://127.0.0.1:12537/`, space: 'core' }, ...state.added.map((url) => ({ id: `${state.network}/core/${url}`, space: 'core' as const }))],
    addNode: async ({ url }) => {
      state.added.push(url);
    },
    read: async (_space, method) => {
      if (method === 'eth_estimateGas') throw new NodeError();
      if (method === 'eth_getCode') throw new NoNodeAvailableError('espace', 'mainnet', [], [new RpcNodeError(4001, 'User rejected the request', undefined, { endpoint: 'n', method })]);
      // A liar first, then an honest node's revert: the revert is the answer.
      if (method === 'eth_getStorageAt') throw new NoNodeAvailableError('espace', 'mainnet', [], [new RpcNodeError(4001, 'User rejected the request', undefined, { endpoint: 'liar', method }), new RpcNodeError(-32015, 'execution reverted: nope', '0x08c379a0', { endpoint: 'honest', method })]);
      // What the pool throws when its only node refused with a JSON-RPC error, and when nothing answered.
      if (method === 'eth_call') throw new NoNodeAvailableError('espace', 'mainnet', [{ node: 'n', problem: 'node error 3' }], [new RpcNodeError(3, 'execution reverted', '0x08c379a0', { endpoint: 'n', method })]);
      if (method === 'cfx_epochNumber') throw new NoNodeAvailableError('core', 'mainnet', [{ node: 'n', problem: 'rpc.timeout' }]);
      if (method === 'cfx_getSponsorInfo') throw new InvalidInputError('cfx_getSponsorInfo is not a read-only core method');
      return '0x1';
    },
    nextNonce: async () => {
      if (!state.finalized) throw new WayfarerError('lightclient.not_finalized', 'sync first');
      return 5n;
    },
    sendRawTransaction: async () => '0x00' as Hex,
    sync: async () => {
      state.syncs++;
      state.finalized = true;
    },
  };
  return { chain, state, announce };
}

describe('chain adapter', () => {
  test('networks map to the three verifiable networks; switching one space switches both', async () => {
    const { chain, state } = fakeChain();
    const adapter = new ChainAdapter(chain, NO_TOKENS);
    const changes: string[] = [];
    adapter.onNetworkChange((space) => changes.push(space));
    expect((await adapter.activeNetwork('core')).chainId).toBe(1029);
    expect(await adapter.findNetwork('espace', 71)).toMatchObject({ chainId: 71, rpcUrls: [] });
    expect(await adapter.findNetwork('core', 7)).toBeUndefined();
    await adapter.switchNetwork('espace', 71);
    expect(state.network).toBe('testnet');
    expect(changes).toEqual(['core', 'espace']);
    await expect(adapter.switchNetwork('core', 7)).rejects.toMatchObject({ rpcCode: 4901 });
  });

  test('adding nodes switches to the network and adds only the new URLs', async () => {
    const { chain, state } = fakeChain();
    const adapter = new ChainAdapter(chain, NO_TOKENS);
    await adapter.addNetwork({ space: 'core', chainId: 1024, name: 'x', currencyName: 'Conflux', currencySymbol: 'CFX', rpcUrls: ['http://127.0.0.1:12537/', 'http://127.0.0.1:40000/'] }, 'dapp.example');
    expect(state.network).toBe('local');
    expect(state.added).toEqual(['http://127.0.0.1:40000/']);
    expect((await adapter.activeNetwork('core')).rpcUrls).toEqual(['http://127.0.0.1:12537/', 'http://127.0.0.1:40000/']);
  });

  test('a network change made elsewhere is noticed from the bus, once per space that changed, and not on requests', async () => {
    const { chain, state, announce } = fakeChain();
    const adapter = new ChainAdapter(chain, NO_TOKENS);
    const changes: string[] = [];
    const stop = adapter.onNetworkChange((space) => changes.push(space));
    state.network = 'local';
    expect((await adapter.activeNetwork('core')).chainId).toBe(1024);
    expect(changes).toEqual([]);
    announce();
    announce();
    expect(changes).toEqual(['core', 'espace']);
    stop();
    state.network = 'mainnet';
    announce();
    expect(changes).toEqual(['core', 'espace']);
  });

  test('node errors pass through with code and data; no usable node is 4901; nonces wait for a first sync', async () => {
    const { chain, state } = fakeChain();
    const adapter = new ChainAdapter(chain, NO_TOKENS);
    const revert = await adapter.read('espace', 'eth_call', []).catch((e: unknown) => e);
    expect(revert).toBeInstanceOf(NodeRpcError);
    expect(revert).toMatchObject({ rpcCode: 3, message: 'execution reverted', data: '0x08c379a0' });
    await expect(adapter.read('espace', 'eth_estimateGas', [])).rejects.toMatchObject({ rpcCode: 3, message: 'execution reverted' });
    // A node cannot answer in the wallet's name (4001 would tell the dApp the user refused).
    await expect(adapter.read('espace', 'eth_getCode', [])).rejects.toMatchObject({ rpcCode: -32603, message: 'node error 4001: User rejected the request' });
    await expect(adapter.read('espace', 'eth_getStorageAt', [])).rejects.toMatchObject({ rpcCode: -32015, message: 'execution reverted: nope', data: '0x08c379a0' });
    await expect(adapter.read('core', 'cfx_epochNumber', [])).rejects.toMatchObject({ rpcCode: 4901 });
    await expect(adapter.read('core', 'cfx_getSponsorInfo', [])).rejects.toMatchObject({ rpcCode: 4200 });
    expect(await adapter.nextNonce('core', 'x')).toBe(5n);
    expect(state.syncs).toBe(1);
  });
});
