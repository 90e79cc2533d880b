/**
 * Test support for the chain: the session and the jobs over it (service.ts) on a fresh fake
 * IndexedDB and a fake network, with the bus's events recorded; `restart` builds them again over
 * the same database, as a new worker would.
 * @module
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { FakeClock } from '../../../core/rpc/testing/fake-clock.js';
import { fakeNetwork } from '../../../core/rpc/testing/fake-fetch.js';
import { EventBus, type BackgroundEvents } from '../events.js';
import { IndexedDbCheckpointStore } from './checkpoint-store.js';
import { startChain } from './service.js';
import { ChainStore } from './store.js';

export async function chainSetup(handlers: Parameters<typeof fakeNetwork>[0] = {}) {
  const factory = new IDBFactory();
  const clock = new FakeClock();
  const net = fakeNetwork(handlers);
  const bus = new EventBus<BackgroundEvents>();
  const events: string[] = [];
  const balances: BackgroundEvents['balancesChanged'][] = [];
  bus.on('statusChanged', () => events.push('status'));
  bus.on('networkChanged', ({ network }) => events.push(`network:${network}`));
  bus.on('nodesChanged', () => events.push('nodes'));
  bus.on('balancesChanged', (change) => {
    events.push('balances');
    balances.push(change);
  });
  bus.on('transactionChanged', () => events.push('tx'));
  let secretCalls = 0;
  const make = async () =>
    startChain({
      store: await ChainStore.open(factory),
      checkpointStore: new IndexedDbCheckpointStore(factory),
      fetch: net.fetch,
      clock,
      randomBytes: (n) => {
        secretCalls++;
        return new Uint8Array(n).fill(secretCalls);
      },
      bus,
      hasHostPermission: async (pattern) => pattern === 'http://127.0.0.1/*',
    });
  return { chain: await make(), restart: make, bus, events, balances, clock, net, factory, secretCalls: () => secretCalls };
}
