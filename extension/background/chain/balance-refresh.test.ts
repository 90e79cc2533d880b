import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import type { Space } from '../../../core/space.js';
import { EventBus, type BackgroundEvents } from '../events.js';
import { refreshBalancesAfterSync } from './balance-refresh.js';

const HEX = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const ESPACE = '0x8ba1F109551bD432803012645Ac136ddd64DBA72';

/** Working stand-ins: a vault that can be locked, a token list per space, and reads recorded. */
function setup() {
  const bus = new EventBus<BackgroundEvents>();
  const state = { unlocked: true, reads: [] as { space: Space; addresses: readonly string[]; tokens: readonly string[]; announce: string | undefined }[], release: undefined as (() => void) | undefined, hold: false };
  const accounts = {
    balances: async (space: Space, addresses: readonly string[], tokens: readonly string[] = [], announce?: 'changed' | 'all') => {
      state.reads.push({ space, addresses, tokens, announce });
      if (state.hold) await new Promise<void>((resolve) => (state.release = resolve));
      return [];
    },
  };
  const stop = refreshBalancesAfterSync({
    bus,
    chain: async () => ({ session: { chainIds: () => ({ core: 1029, espace: 1030 }) }, accounts }),
    keyring: { isUnlocked: async () => state.unlocked, listAccounts: async () => [{ coreHex: HEX, espaceAddress: ESPACE }] },
    tokens: async () => ({ list: async (space: Space) => (space === 'espace' ? [{ address: '0x0000000000000000000000000000000000000001' }] : []) }),
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { bus, state, stop, settle };
}

describe('balance refresh after a sync', () => {
  test('reads every account in both spaces, CFX and the listed tokens, announcing all values', async () => {
    const { bus, state, settle } = setup();
    bus.emit('synced', { network: 'mainnet' });
    await settle();
    expect(state.reads).toEqual([
      { space: 'core', addresses: [encodeCfxAddress(HEX, 1029)], tokens: [], announce: 'all' },
      { space: 'espace', addresses: [ESPACE], tokens: ['0x0000000000000000000000000000000000000001'], announce: 'all' },
    ]);
  });

  test('nothing is read while the wallet is locked, or after it stopped', async () => {
    const { bus, state, stop, settle } = setup();
    state.unlocked = false;
    bus.emit('synced', { network: 'mainnet' });
    await settle();
    expect(state.reads).toEqual([]);
    state.unlocked = true;
    stop();
    bus.emit('synced', { network: 'mainnet' });
    await settle();
    expect(state.reads).toEqual([]);
  });

  test('one refresh at a time: syncs during one ask for a single one more', async () => {
    const { bus, state, settle } = setup();
    state.hold = true;
    bus.emit('synced', { network: 'mainnet' });
    await settle();
    bus.emit('synced', { network: 'mainnet' });
    bus.emit('synced', { network: 'mainnet' });
    expect(state.reads).toHaveLength(1);
    state.hold = false;
    state.release!();
    for (let i = 0; i < 5; i++) await settle();
    state.release?.();
    for (let i = 0; i < 5; i++) await settle();
    // First refresh (core then espace) and one more after it.
    expect(state.reads.map((r) => r.space)).toEqual(['core', 'espace', 'core', 'espace']);
  });
});
