import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { chainSetup } from './test-support.js';

const USER = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const TESTNET_ADDRESS = encodeCfxAddress(USER, 1);

describe('network session (no network needed)', () => {
  test('starts on mainnet, privacy mode on with a secret made once and kept', async () => {
    const { chain, restart, secretCalls } = await chainSetup();
    expect(chain.session.status()).toMatchObject({ network: 'mainnet', privacy: { enabled: true }, lightClient: { checkpoint: 'shipped', finalized: null } });
    // Shipped public nodes work over CORS; the permission state is reported, not assumed.
    expect((await chain.nodes.nodeList()).every((n) => n.permission === 'missing')).toBe(true);
    await restart();
    expect(secretCalls()).toBe(1);
  });

  test('network and privacy survive a restart; a switch is announced once on the bus, with the new chain ids', async () => {
    const { chain, restart, events, bus } = await chainSetup();
    const switches: unknown[] = [];
    bus.on('networkChanged', (change) => switches.push(change));
    await chain.session.setNetwork('local');
    await chain.session.setNetwork('local');
    await chain.session.setPrivacy(false);
    expect(switches).toEqual([{ network: 'local', chainIds: { core: 1024, espace: 1025 } }]);
    expect(chain.session.chainIds()).toEqual({ core: 1024, espace: 1025 });
    expect(events).toEqual(expect.arrayContaining(['network:local', 'nodes', 'status']));
    const again = await restart();
    expect(again.session.status()).toMatchObject({ network: 'local', privacy: { enabled: false } });
    expect(again.session.network).toBe('local');
  });

  test('testnet has no shipped checkpoint: sync reports it and is not announced as synced; reads refuse to pretend', async () => {
    const { chain, bus } = await chainSetup();
    const synced: unknown[] = [];
    bus.on('synced', (s) => synced.push(s));
    await chain.session.setNetwork('testnet');
    const status = await chain.session.sync();
    expect(status.lightClient).toMatchObject({ checkpoint: 'none', lastError: { code: 'checkpoint.none_shipped' } });
    expect(synced).toEqual([]);
    await expect(chain.accounts.balances('core', [TESTNET_ADDRESS])).rejects.toMatchObject({ code: 'checkpoint.none_shipped' });
  });

  test('dApp reads of non-read methods are refused; addresses are checked against the active network', async () => {
    const { chain } = await chainSetup();
    await expect(chain.session.read('core', 'cfx_sendRawTransaction', ['0x00'])).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(chain.session.read('core', 'eth_getBalance', [])).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(chain.session.read('espace', 'no_such_method', [])).rejects.toMatchObject({ code: 'input.invalid' });
    expect(() => chain.session.assertAddress('core', TESTNET_ADDRESS)).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => chain.session.assertAddress('espace', 'not an address')).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    chain.session.assertAddress('espace', USER);
  });

  test('the sync alarm syncs; other alarms do nothing', async () => {
    const { chain, bus } = await chainSetup();
    await chain.session.setNetwork('testnet'); // fails at once: no shipped checkpoint
    await chain.session.sync();
    const statuses: unknown[] = [];
    bus.on('statusChanged', (s) => statuses.push(s));
    await chain.session.handleAlarm('something.else');
    expect(statuses).toEqual([]);
    await chain.session.handleAlarm('chain.sync');
    expect(statuses.length).toBeGreaterThan(0);
  });
});
