import { beforeEach, describe, expect, test } from 'vitest';
import { MemoryStorageArea } from '../storage-area.js';
import { PERMISSIONS_KEY, PermissionStore, PermissionsDamagedError, type ExposedAccount } from './permissions.js';

const account = (n: number): ExposedAccount => ({ id: `acc${n}`, coreHex: `0x1${String(n).padStart(39, '0')}`, espaceAddress: `0x${String(n).padStart(40, '0')}` });
const SITE = 'https://dapp.example';

let area: MemoryStorageArea;
let ids: number;
let store: PermissionStore;

beforeEach(() => {
  area = new MemoryStorageArea();
  ids = 0;
  store = new PermissionStore(area, () => `grant${++ids}`, () => 1000);
});

describe('PermissionStore', () => {
  test('grant, read back (also by a fresh store over the same storage), revoke one space, then all', async () => {
    await store.grant(SITE, 'core', [account(1)]);
    await store.grant(SITE, 'espace', [account(2)]);
    expect(await store.get(SITE, 'core')).toEqual({ id: 'grant1', date: 1000, accounts: [account(1)] });
    const fresh = new PermissionStore(area, () => 'x', () => 0);
    expect(await fresh.get(SITE, 'espace')).toMatchObject({ accounts: [account(2)] });
    expect(await store.revoke(SITE, 'core')).toBe(true);
    expect(await store.get(SITE, 'core')).toBeUndefined();
    expect(await store.revoke(SITE)).toBe(true);
    expect(await store.list()).toEqual({});
    expect(await store.revoke(SITE)).toBe(false);
  });

  test('two grants in flight both land', async () => {
    await Promise.all([store.grant(SITE, 'core', [account(1)]), store.grant('https://other.example', 'core', [account(2)])]);
    expect(Object.keys(await new PermissionStore(area, () => 'x', () => 0).list()).sort()).toEqual([SITE, 'https://other.example']);
  });

  test('what callers get are copies: changing them changes nothing stored', async () => {
    await store.grant(SITE, 'core', [account(1)]);
    const grant = (await store.get(SITE, 'core'))!;
    grant.accounts.push(account(9));
    (await store.list())[SITE]!.core!.accounts.length = 0;
    expect((await store.get(SITE, 'core'))!.accounts).toEqual([account(1)]);
  });

  test('a failed write leaves both storage and what is served as they were', async () => {
    await store.grant(SITE, 'core', [account(1)]);
    const set = area.set.bind(area);
    area.set = () => Promise.reject(new Error('quota'));
    await expect(store.grant(SITE, 'core', [account(2)])).rejects.toThrow('quota');
    await expect(store.revoke(SITE)).rejects.toThrow('quota');
    expect((await store.get(SITE, 'core'))!.accounts).toEqual([account(1)]);
    area.set = set;
    expect((await new PermissionStore(area, () => 'x', () => 0).get(SITE, 'core'))!.accounts).toEqual([account(1)]);
  });

  test('a damaged record grants nothing, keeps saying so, and is only replaced by an explicit reset', async () => {
    await area.set({ [PERMISSIONS_KEY]: { version: 1, sites: { [SITE]: { core: { id: 'g', date: 0, accounts: [] } } } } });
    await expect(store.get(SITE, 'core')).rejects.toBeInstanceOf(PermissionsDamagedError);
    await expect(store.grant(SITE, 'core', [account(1)])).rejects.toBeInstanceOf(PermissionsDamagedError);
    await expect(store.get(SITE, 'core')).rejects.toBeInstanceOf(PermissionsDamagedError);
    expect(JSON.parse(area.data.get(PERMISSIONS_KEY)!)).toMatchObject({ sites: { [SITE]: { core: { accounts: [] } } } });
    await store.reset();
    expect(await store.list()).toEqual({});
    await store.grant(SITE, 'core', [account(1)]);
    expect((await store.get(SITE, 'core'))!.accounts).toEqual([account(1)]);
  });

  test('forgetting an account removes it everywhere and drops grants left empty', async () => {
    await store.grant(SITE, 'core', [account(1), account(2)]);
    await store.grant('https://other.example', 'espace', [account(1)]);
    expect((await store.forgetAccount('acc1')).sort()).toEqual([SITE, 'https://other.example']);
    expect(await store.list()).toEqual({ [SITE]: { core: { id: 'grant1', date: 1000, accounts: [account(2)] } } });
  });
});
