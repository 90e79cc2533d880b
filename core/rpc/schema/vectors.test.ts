/**
 * Every method schema against real node answers (test/vectors/rpc), and the same answers with
 * one field broken: each must be rejected with the path of that field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isRpcMethodName, rpcMethods } from './methods.js';
import { ResultSchemaError } from './validators.js';

const DIR = resolve(import.meta.dirname, '../../../test/vectors/rpc');
const vectors = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, ...(JSON.parse(readFileSync(resolve(DIR, file), 'utf8')) as { method: string; result: unknown; source: unknown }) }));

function parse(method: string, value: unknown): unknown {
  if (!isRpcMethodName(method)) throw new Error(`unknown method ${method}`);
  return rpcMethods[method].result.parse(value, 'result');
}

describe('real answers pass their method schema', () => {
  test('there are vectors for blocks, transactions, receipts, PoS and eSpace', () => {
    const methods = new Set(vectors.map((v) => v.method));
    for (const m of ['cfx_getBlockByHash', 'cfx_getTransactionByHash', 'cfx_getTransactionReceipt', 'cfx_getEpochReceipts', 'pos_getLedgerInfoByEpoch', 'pos_getLedgerInfosByEpoch', 'eth_getBlockByNumber', 'eth_getTransactionReceipt']) expect(methods).toContain(m);
  });
  test.each(vectors.map((v) => [v.file, v] as const))('%s', (_, v) => {
    expect(v.source).toBeDefined();
    expect(() => parse(v.method, v.result)).not.toThrow();
  });
});

function get(vector: string): { method: string; result: Record<string, unknown> } {
  const v = vectors.find((x) => x.file === vector);
  if (!v) throw new Error(`no vector ${vector}`);
  return { method: v.method, result: structuredClone(v.result) as Record<string, unknown> };
}

describe('one broken field is rejected with its path', () => {
  const cases: [string, string, (r: Record<string, unknown>) => void][] = [
    ['dev-cfx_getBlockByHash-full.json', 'result.hash', (r) => (r.hash = '0x1234')],
    ['dev-cfx_getBlockByHash-full.json', 'result.height', (r) => (r.height = '0x0001')],
    ['dev-cfx_getBlockByHash-full.json', 'result.miner', (r) => (r.miner = 'NET1024:TYPE.NULL:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH174C3AC')],
    ['dev-cfx_getBlockByHash-full.json', 'result.refereeHashes', (r) => (r.refereeHashes = 'none')],
    ['dev-cfx_getBlockByHash-full.json', 'result.adaptive', (r) => (r.adaptive = 0)],
    ['dev-cfx_getTransactionReceipt-type2.json', 'result.logsBloom', (r) => (r.logsBloom = '0x00')],
    ['dev-cfx_getTransactionReceipt-type2.json', 'result.outcomeStatus', (r) => (r.outcomeStatus = '0x100')],
    ['dev-cfx_getTransactionByHash-type2.json', 'result.value', (r) => (r.value = `0x1${'0'.repeat(64)}`)],
    ['dev-eth_getTransactionReceipt-type2.json', 'result.from', (r) => (r.from = '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdx')],
    ['dev-eth_getBlockByNumber-full.json', 'result.stateRoot', (r) => delete r.stateRoot],
    ['dev-pos_getStatus.json', 'result.epoch', (r) => (r.epoch = 4)],
    ['pos-mainnet-epoch46113-round120-epochchange.json', 'result.signatures', (r) => (r.signatures = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`0x${i.toString(16).padStart(64, '0')}`, '0x00'])))],
  ];
  test.each(cases)('%s: %s', (file, path, mutate) => {
    const { method, result } = get(file);
    mutate(result);
    try {
      parse(method, result);
    } catch (error) {
      expect(error).toBeInstanceOf(ResultSchemaError);
      expect((error as ResultSchemaError).path).toBe(path);
      return;
    }
    throw new Error('accepted a broken answer');
  });
});

describe('arbitrary corruption of real answers never crashes a schema', () => {
  /** Replaces the value at a random path with an arbitrary JSON value. */
  function corrupt(value: unknown, choice: number, replacement: unknown): unknown {
    if (typeof value !== 'object' || value === null) return replacement;
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const key = keys[choice % keys.length]!;
    const next = (old: unknown) => (choice % 3 === 0 ? replacement : corrupt(old, Math.floor(choice / 3), replacement));
    if (Array.isArray(value)) return value.map((item, i) => (String(i) === key ? next(item) : item));
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    copy[key] = next(copy[key]);
    return copy;
  }
  test('only typed schema errors or success', () => {
    fc.assert(
      fc.property(fc.constantFrom(...vectors), fc.nat(), fc.jsonValue(), (v, choice, replacement) => {
        try {
          parse(v.method, corrupt(v.result, choice, replacement));
        } catch (error) {
          expect(error).toBeInstanceOf(ResultSchemaError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
