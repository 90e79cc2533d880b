/**
 * The background's allowance read over a working in-memory network: a node that answers
 * `eth_getLogs` / `cfx_getLogs` by filter, and a reader whose `call` answers `allowance()`,
 * `symbol()` and `decimals()` from a ledger with a trust label — the range searched is the
 * received-transfers scan's (up to the verified epoch, at most MAX_LOOKBACK back).
 */
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { toChecksumAddress } from '../../../core/address/eip55.js';
import { APPROVAL_TOPIC } from '../../../core/activity/index.js';
import type { TrustedValue } from '../../../core/trust/types.js';
import { readAllowances } from './allowances.js';
import { MAX_LOOKBACK } from './incoming.js';
import type { NetworkRuntime } from './runtime.js';

const OWNER = '0xfcad0b19bb29d4674531d6f115237e16afce377c';
const TOKEN = '0x2222222222222222222222222222222222222222';
const SPENDER = '0x1444444444444444444444444444444444444444';
const VERIFIED = 20_000;
const word = (v: bigint) => `0x${v.toString(16).padStart(64, '0')}`;
const topic = (hex: string) => `0x${hex.slice(2).padStart(64, '0')}`;
const TEXT_TST = `0x${word(32n).slice(2)}${word(3n).slice(2)}${Buffer.from('TST').toString('hex').padEnd(64, '0')}`;

function network(space: 'core' | 'espace', allowance: bigint): { rt: NetworkRuntime; filters: Record<string, unknown>[] } {
  const filters: Record<string, unknown>[] = [];
  const tokenAddress = space === 'core' ? encodeCfxAddress('0x8222222222222222222222222222222222222222', 1029) : TOKEN;
  const log = { address: tokenAddress, topics: [APPROVAL_TOPIC, topic(space === 'core' ? '0x1cad0b19bb29d4674531d6f115237e16afce377c' : OWNER), topic(SPENDER)], data: word(allowance), transactionHash: `0x${'ab'.repeat(32)}`, blockHash: `0x${'cd'.repeat(32)}`, [space === 'core' ? 'epochNumber' : 'blockNumber']: `0x${(VERIFIED - 10).toString(16)}` };
  const client = {
    request: async (method: string, params: [Record<string, unknown>]) => {
      expect(method).toBe(space === 'core' ? 'cfx_getLogs' : 'eth_getLogs');
      filters.push(params[0]);
      const to = Number(params[0][space === 'core' ? 'toEpoch' : 'toBlock']);
      const from = Number(params[0][space === 'core' ? 'fromEpoch' : 'fromBlock']);
      return from <= VERIFIED - 10 && VERIFIED - 10 <= to ? [log] : [];
    },
  };
  const read = (value: string): TrustedValue<string> => ({ value, epoch: VERIFIED, trust: 'cross-checked', sources: [{ nodeId: 'a', node: 'a', operator: 'A', answer: value }] });
  const rt = {
    network: 'mainnet',
    chainIds: { core: 1029, espace: 1030 },
    pool: { first: async (_space: string, ask: (c: typeof client) => Promise<unknown>) => ({ value: await ask(client), node: { id: 'n', label: 'n' } }) },
    reader: {
      call: async (_space: string, request: { data: string }) => {
        if (request.data.startsWith('0xdd62ed3e')) return read(word(allowance));
        if (request.data === '0x95d89b41') return read(TEXT_TST);
        if (request.data === '0x313ce567') return read(word(6n));
        throw Object.assign(new Error('reverted'), { code: 'rpc.execution_reverted' });
      },
    },
    verified: async () => ({ verifiedEpoch: async () => VERIFIED }),
  } as unknown as NetworkRuntime;
  return { rt, filters };
}

describe('readAllowances', () => {
  test('eSpace: the recent range in windows, the allowance with its trust and the token’s symbol and decimals', async () => {
    const { rt, filters } = network('espace', 7_000_000n);
    const view = await readAllowances({ rt, now: () => 1 }, 'espace', toChecksumAddress(OWNER));
    expect(view.from).toBe(VERIFIED - MAX_LOOKBACK + 1);
    expect(view.to).toBe(VERIFIED);
    expect(filters).toHaveLength(MAX_LOOKBACK / 1000);
    expect(filters[0]).toMatchObject({ topics: [APPROVAL_TOPIC, [topic(OWNER)]] });
    expect(view.allowances).toEqual([
      expect.objectContaining({ token: toChecksumAddress(TOKEN), spender: toChecksumAddress(SPENDER), unlimited: false, symbol: 'TST', decimals: 6, position: VERIFIED - 10 }),
    ]);
    expect(view.allowances[0]!.allowance).toMatchObject({ value: '7000000', trust: 'cross-checked', epoch: VERIFIED });
  });

  test('Core: base32 addresses; an allowance read as zero is left out', async () => {
    const owner = encodeCfxAddress('0x1cad0b19bb29d4674531d6f115237e16afce377c', 1029);
    const unlimited = await readAllowances({ rt: network('core', 1n << 255n).rt, now: () => 1 }, 'core', owner);
    expect(unlimited.allowances).toEqual([expect.objectContaining({ spender: encodeCfxAddress(SPENDER, 1029), unlimited: true })]);
    const zero = await readAllowances({ rt: network('core', 0n).rt, now: () => 1 }, 'core', owner);
    expect(zero.allowances).toEqual([]);
  });

  test('an owner of another network is a typed error before anything is asked', async () => {
    const { rt, filters } = network('core', 1n);
    await expect(readAllowances({ rt, now: () => 1 }, 'core', encodeCfxAddress('0x1cad0b19bb29d4674531d6f115237e16afce377c', 1))).rejects.toMatchObject({ code: 'activity.input' });
    expect(filters).toHaveLength(0);
  });
});
