import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { FakeClock } from '../../../core/rpc/testing/fake-clock.js';
import type { TrustedValue } from '../../../core/trust/types.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import type { Space } from '../../../core/space.js';
import { EventBus, type BackgroundEvents } from '../events.js';
import { Accounts } from './accounts.js';
import type { NetworkRuntime } from './runtime.js';
import type { ActiveNetwork } from './session.js';
import { ChainStore } from './store.js';

const USER = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const TOKEN = '0x8ba1f109551bd432803012645ac136ddd64dba72';
const ADDRESS = encodeCfxAddress(USER, 1029);
const TOKEN_ADDRESS = encodeCfxAddress(TOKEN, 1029);

const trusted = (value: bigint | undefined, epoch: number): TrustedValue<bigint> => ({ value, epoch, trust: 'cross-checked', sources: [{ nodeId: 'mainnet/core/n', node: 'n', operator: 'o', answer: String(value) }] });

/** A working stand-in for the active runtime's account reader and tracker: balances set by the test. */
function fakeNetwork() {
  const state = { epoch: 10, native: new Map<string, bigint>(), tokens: new Map<string, bigint>(), nonce: 7n as bigint | undefined, records: [] as TrackedTransaction[] };
  const runtime = {
    network: 'mainnet',
    chainIds: { core: 1029, espace: 1030 },
    reader: {
      getBalance: async (_space: Space, address: string) => trusted(state.native.get(address) ?? 0n, state.epoch),
      getTokenBalance: async (_space: Space, token: string, address: string) => trusted(state.tokens.get(`${token}/${address}`) ?? 0n, state.epoch),
      getNonce: async () => trusted(state.nonce, state.epoch),
    },
    tracker: {
      list: () => state.records,
      pendingNonce: (_space: Space, _address: string, floor: bigint) => floor + BigInt(state.records.length),
    },
  } as unknown as NetworkRuntime;
  const session: ActiveNetwork = {
    activeRuntime: () => runtime,
    assertAddress: (space, address) => {
      if (space === 'core' && !address.startsWith('cfx:')) throw Object.assign(new Error('not a mainnet address'), { code: 'input.invalid' });
    },
  };
  return { state, session };
}

async function setup() {
  const { state, session } = fakeNetwork();
  const bus = new EventBus<BackgroundEvents>();
  const announced: BackgroundEvents['balancesChanged'][] = [];
  bus.on('balancesChanged', (change) => announced.push(change));
  const store = await ChainStore.open(new IDBFactory());
  const clock = new FakeClock(1_000);
  return { accounts: new Accounts({ session, store, clock, bus }), state, announced, store };
}

describe('account reads', () => {
  test('balances are stored as last known, and announced with their values only when they changed', async () => {
    const { accounts, state, announced } = await setup();
    expect(await accounts.lastKnownBalances('core', [ADDRESS], [TOKEN_ADDRESS])).toEqual([]);
    state.native.set(ADDRESS, 5n);
    state.tokens.set(`${TOKEN_ADDRESS}/${ADDRESS}`, 9n);
    const fresh = await accounts.balances('core', [ADDRESS], [TOKEN_ADDRESS]);
    expect(fresh).toEqual([expect.objectContaining({ value: '5', cached: false, epoch: 10 }), expect.objectContaining({ token: TOKEN_ADDRESS, value: '9', cached: false })]);
    expect(announced).toEqual([{ space: 'core', addresses: [ADDRESS], balances: fresh }]);
    // The same values again: nothing to announce.
    await accounts.balances('core', [ADDRESS], [TOKEN_ADDRESS]);
    expect(announced).toHaveLength(1);
    // A refresh announces every value it read.
    state.epoch = 11;
    const all = await accounts.balances('core', [ADDRESS], [TOKEN_ADDRESS], 'all');
    expect(announced.at(-1)).toEqual({ space: 'core', addresses: [ADDRESS], balances: all });
    // Last known: native then tokens, labelled cached, with the epoch and time they were read at.
    expect(await accounts.lastKnownBalances('core', [ADDRESS], [TOKEN_ADDRESS])).toEqual([
      expect.objectContaining({ value: '5', cached: true, epoch: 11, updatedAt: 1_000 }),
      expect.objectContaining({ token: TOKEN_ADDRESS, value: '9', cached: true }),
    ]);
    expect(await accounts.lastKnownBalances('core', [ADDRESS])).toHaveLength(1);
  });

  test('a CFX increase between two reads is kept as something that came in', async () => {
    const { accounts, state, store } = await setup();
    state.native.set(ADDRESS, 5n);
    await accounts.balances('core', [ADDRESS]);
    state.native.set(ADDRESS, 8n);
    state.epoch = 12;
    await accounts.balances('core', [ADDRESS]);
    expect(await store.getHistory(`mainnet/core/${USER}`)).toEqual([expect.objectContaining({ kind: 'balance_increase', amount: '3', fromEpoch: 10, toEpoch: 12 })]);
  });

  test('addresses of another network are refused before anything is read', async () => {
    const { accounts } = await setup();
    await expect(accounts.balances('core', [encodeCfxAddress(USER, 1)])).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(accounts.lastKnownBalances('core', [encodeCfxAddress(USER, 1)])).rejects.toMatchObject({ code: 'input.invalid' });
    expect(() => accounts.reservedInFlight('core', 'nope')).toThrow();
  });

  test('nonces: the verified one, the next after transactions in flight; nodes that disagree give no next nonce', async () => {
    const { accounts, state } = await setup();
    expect(await accounts.nonce('core', ADDRESS)).toMatchObject({ value: '7', pending: '7', trust: 'cross-checked', epoch: 10 });
    expect(await accounts.nextNonce('core', ADDRESS)).toBe(7n);
    state.nonce = undefined;
    expect(await accounts.nonce('core', ADDRESS)).toMatchObject({ value: null, pending: '0' });
    await expect(accounts.nextNonce('core', ADDRESS)).rejects.toMatchObject({ code: 'chain.nonce_conflict' });
    expect(accounts.reservedInFlight('core', ADDRESS)).toBe(0n);
  });
});
