import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { memoryArea } from '../storage-area.js';
import { TokenListService, tokensKey, type TokenChain } from './service.js';

const ESPACE_TOKEN = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const CORE_TOKEN = encodeCfxAddress(`0x8${'1'.repeat(39)}`, 1029);
const CORE_TOKEN_B = encodeCfxAddress(`0x8${'2'.repeat(39)}`, 1029);
const TESTNET_TOKEN = encodeCfxAddress(`0x8${'1'.repeat(39)}`, 1);
const field = <T>(value: T | null) => ({ value, trust: value === null ? null : 'cross-checked', problem: null, sources: [] });

/** A chain on mainnet whose token contract answers `answers` (null: no answer). */
function make(answers: { symbol: string | null; name: string | null; decimals: number | null } = { symbol: 'WAY', name: 'Wayfarer Token', decimals: 6 }) {
  const area = memoryArea();
  const changed: string[] = [];
  const status = { network: 'mainnet' as const, chainIds: { core: 1029, espace: 1030 } };
  const chain: TokenChain = { status: () => status, tokenInfo: async () => ({ symbol: field(answers.symbol), name: field(answers.name), decimals: field(answers.decimals) }) };
  const service = new TokenListService({ area, chain: async () => chain, changed: (space) => changed.push(space) });
  return { area, service, changed, status };
}

describe('TokenListService', () => {
  test('add, list, remove: per network and space, in canonical form, announced each time', async () => {
    const { area, service, changed } = make();
    expect(await service.add('espace', { address: ESPACE_TOKEN.toLowerCase(), symbol: 'T', name: 'Token', decimals: 18 })).toBe(true);
    expect(await service.add('espace', { address: ESPACE_TOKEN, symbol: 'T', name: 'Token', decimals: 18 })).toBe(false);
    expect(await service.list('espace')).toEqual([{ address: ESPACE_TOKEN, symbol: 'T', name: 'Token', decimals: 18 }]);
    expect(await service.list('core')).toEqual([]);
    expect(await area.get(tokensKey('mainnet', 'espace'))).toHaveLength(1);
    await service.remove('espace', ESPACE_TOKEN.toLowerCase());
    expect(await service.list('espace')).toEqual([]);
    expect(changed).toEqual(['espace', 'espace']);
  });

  test('an address of another network, or no address at all, is a typed error; concurrent adds both land', async () => {
    const { service } = make();
    await expect(service.add('core', { address: TESTNET_TOKEN, symbol: 'T', name: 'T', decimals: 18 })).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(service.add('espace', { address: 'not an address', symbol: 'T', name: 'T', decimals: 18 })).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(service.add('espace', { address: ESPACE_TOKEN, symbol: '\u202e', name: 'T', decimals: 18 })).rejects.toMatchObject({ code: 'input.invalid' });
    await Promise.all([service.add('core', { address: CORE_TOKEN, symbol: 'A', name: 'A', decimals: 18 }), service.add('core', { address: CORE_TOKEN_B, symbol: 'B', name: 'B', decimals: 6 })]);
    expect((await service.list('core')).map((t) => t.symbol)).toEqual(['A', 'B']);
  });

  test('a watched token is saved with the contract’s symbol, name and decimals, not the site’s', async () => {
    const { service } = make();
    await service.watch('espace', 1030, { address: ESPACE_TOKEN, symbol: 'USDT', decimals: 18 });
    expect(await service.list('espace')).toEqual([{ address: ESPACE_TOKEN, symbol: 'WAY', name: 'Wayfarer Token', decimals: 6 }]);
  });

  test('a contract that does not say keeps the site’s claim; a changed network refuses', async () => {
    const { service, status } = make({ symbol: null, name: null, decimals: null });
    await service.watch('espace', 1030, { address: ESPACE_TOKEN, symbol: 'USDT', decimals: 18 });
    expect(await service.list('espace')).toEqual([{ address: ESPACE_TOKEN, symbol: 'USDT', name: 'USDT', decimals: 18 }]);
    status.chainIds = { core: 1, espace: 71 };
    await expect(service.watch('espace', 1030, { address: ESPACE_TOKEN, symbol: 'USDT', decimals: 18 })).rejects.toMatchObject({ code: 'input.invalid' });
  });

  test('a stored list that does not read as tokens is dropped entry by entry, never trusted', async () => {
    const { area, service } = make();
    await area.set(tokensKey('mainnet', 'espace'), [{ address: ESPACE_TOKEN, symbol: 'T', name: 'T', decimals: 18 }, { address: 1 }, null, 'x', { address: ESPACE_TOKEN, symbol: 'T', name: 'T', decimals: 99 }]);
    expect(await service.list('espace')).toHaveLength(1);
    await area.set(tokensKey('mainnet', 'core'), { not: 'a list' });
    expect(await service.list('core')).toEqual([]);
  });

  test('a list an earlier version kept in the page moves over for the active network only', async () => {
    const { service } = make();
    const legacy = [{ address: ESPACE_TOKEN, symbol: 'T', name: 'T', decimals: 18 }, { address: 'garbage', symbol: 'X', name: 'X', decimals: 1 }, { address: ESPACE_TOKEN.toLowerCase(), symbol: '\u202e', name: 'X', decimals: 1 }];
    expect(await service.import('testnet', 'espace', legacy)).toBe(false);
    expect(await service.list('espace')).toEqual([]);
    expect(await service.import('mainnet', 'espace', legacy)).toBe(true);
    expect(await service.list('espace')).toEqual([legacy[0]]);
  });
});
