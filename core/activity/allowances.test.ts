/**
 * Allowances: approvals queries (the user as topic 1), reading `Approval` logs strictly, distinct
 * pairs, and the scan over a working in-memory chain (logs answered by filter, `allowance()` from a
 * ledger) — including hostile answers: logs outside the filter, malformed logs, a non-list answer,
 * allowance return data of the wrong size, nodes that disagree. Calldata checked against viem.
 */
import { encodeEventTopics, encodeFunctionData, keccak256, pad, parseAbi, toHex } from 'viem';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { toChecksumAddress } from '../address/eip55.js';
import type { TrustedValue } from '../trust/types.js';
import {
  ActivityError, APPROVAL_TOPIC, approvalPairs, decodeAllowance, encodeAllowanceCall, encodeRevokeCall, planApprovalQueries, readApprovalLogs, scanAllowances,
  type AllowanceSource, type LogQuery,
} from './index.js';

const abi = parseAbi(['event Approval(address indexed owner, address indexed spender, uint256 value)', 'function approve(address spender, uint256 amount)', 'function allowance(address owner, address spender)']);
const OWNER = '0xfcad0b19bb29d4674531d6f115237e16afce377c';
const OTHER = '0x1111111111111111111111111111111111111111';
const TOKEN_A = '0x2222222222222222222222222222222222222222';
const TOKEN_B = '0x3333333333333333333333333333333333333333';
const SPENDER_1 = '0x4444444444444444444444444444444444444444';
const SPENDER_2 = '0x5555555555555555555555555555555555555555';
const MAX = (1n << 256n) - 1n;

interface ChainLog { address: string; owner: string; spender: string; value: bigint; block: number }

function approvalLog(l: ChainLog, n = 0): Record<string, unknown> {
  const topics = encodeEventTopics({ abi, eventName: 'Approval', args: { owner: l.owner as `0x${string}`, spender: l.spender as `0x${string}` } });
  return { address: l.address, topics, data: pad(toHex(l.value)), blockNumber: toHex(l.block), transactionHash: keccak256(toHex(`${l.block}/${n}`)), blockHash: keccak256(toHex(l.block)), logIndex: '0x0', removed: false };
}

/** An honest eSpace node over `logs`, and a contract ledger of allowances read at epoch 900. */
function fakeChain(logs: ChainLog[], ledger: Map<string, bigint>, options: { allowanceData?: (key: string) => string | undefined } = {}): AllowanceSource & { asked: LogQuery[] } {
  const asked: LogQuery[] = [];
  return {
    asked,
    async logs(query) {
      asked.push(query);
      const filter = query.params[0] as { fromBlock: string; toBlock: string; topics: [string, string[]] };
      const [topic0, owners] = filter.topics;
      return logs
        .map((l, i) => ({ l, raw: approvalLog(l, i) }))
        .filter(({ l, raw }) => l.block >= Number(filter.fromBlock) && l.block <= Number(filter.toBlock) && (raw['topics'] as string[])[0] === topic0 && owners.includes((raw['topics'] as string[])[1]!))
        .map(({ raw }) => raw);
    },
    async call(token, data, owner) {
      expect(owner).toBe(toChecksumAddress(OWNER));
      const key = `${token.toLowerCase()}/${data.slice(10 + 24, 74)}/${data.slice(74 + 24)}`;
      const override = options.allowanceData?.(key);
      const value = override ?? pad(toHex(ledger.get(key) ?? 0n));
      return { value, epoch: 900, trust: 'cross-checked', sources: [{ nodeId: 'a', node: 'a', operator: 'A', answer: value }, { nodeId: 'b', node: 'b', operator: 'B', answer: value }] } satisfies TrustedValue<string>;
    },
  };
}

const key = (token: string, spender: string) => `${token}/${OWNER.slice(2)}/${spender.slice(2)}`;

describe('approvals queries and logs', () => {
  test('the Approval topic and calldata are what viem computes', () => {
    expect(APPROVAL_TOPIC).toBe(keccak256(toHex('Approval(address,address,uint256)')));
    expect(encodeRevokeCall(SPENDER_1)).toBe(encodeFunctionData({ abi, functionName: 'approve', args: [SPENDER_1, 0n] }));
    expect(encodeAllowanceCall(OWNER, SPENDER_2)).toBe(encodeFunctionData({ abi, functionName: 'allowance', args: [OWNER, SPENDER_2] }));
  });

  test('eSpace and Core plans put the owner in topic 1, windows of 1000', () => {
    const [first, second] = planApprovalQueries({ space: 'espace', chainId: 2030, recipients: [OWNER], from: 0, to: 1500 });
    expect(first!.params[0]).toEqual({ fromBlock: '0x0', toBlock: '0x3e7', topics: [APPROVAL_TOPIC, [pad(OWNER)]] });
    expect(first!.method).toBe('eth_getLogs');
    expect(second!.from).toBe(1000);
    const core = planApprovalQueries({ space: 'core', chainId: 1029, recipients: [encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', 1029)], from: 5, to: 6 });
    expect(core).toHaveLength(1);
    expect(core[0]!.method).toBe('cfx_getLogs');
    expect(core[0]!.params[0]).toMatchObject({ fromEpoch: '0x5', toEpoch: '0x6' });
  });

  test('logs outside the filter or of the wrong shape are rejected with a reason', () => {
    const [query] = planApprovalQueries({ space: 'espace', chainId: 2030, recipients: [OWNER], from: 10, to: 20 });
    const good = approvalLog({ address: TOKEN_A, owner: OWNER, spender: SPENDER_1, value: 5n, block: 12 });
    const answer = [
      good,
      approvalLog({ address: TOKEN_A, owner: OTHER, spender: SPENDER_1, value: 5n, block: 12 }),
      approvalLog({ address: TOKEN_A, owner: OWNER, spender: SPENDER_1, value: 5n, block: 21 }),
      { ...good, topics: [...(good['topics'] as string[]), pad('0x01')], data: '0x' },
      { ...good, data: '0x01' },
      { ...good, topics: [APPROVAL_TOPIC, pad(OWNER), `0x${'ff'.repeat(32)}`] },
      { ...good, address: 'cfx:nope' },
      { ...good, removed: true },
      'log',
    ];
    const { approvals, rejected } = readApprovalLogs(query!, answer);
    expect(approvals).toEqual([{ space: 'espace', tokenHex: TOKEN_A, ownerHex: OWNER, spenderHex: SPENDER_1, value: 5n, position: 12, transactionHash: good['transactionHash'] }]);
    expect(rejected.map((r) => r.reason)).toEqual(['wrong_recipient', 'out_of_range', 'wrong_event', 'malformed', 'malformed', 'malformed', 'removed', 'not_an_object']);
  });

  test('a node answer that is not a list is a typed error', () => {
    const [query] = planApprovalQueries({ space: 'espace', chainId: 2030, recipients: [OWNER], from: 0, to: 1 });
    expect(() => readApprovalLogs(query!, { logs: [] })).toThrow(ActivityError);
    try {
      readApprovalLogs(query!, null);
    } catch (error) {
      expect((error as ActivityError).code).toBe('activity.malformed_answer');
    }
  });

  test('pairs are distinct, newest event first, in the space form', () => {
    const found = [
      { space: 'espace' as const, tokenHex: TOKEN_A, ownerHex: OWNER, spenderHex: SPENDER_1, value: 1n, position: 3, transactionHash: '0x01' },
      { space: 'espace' as const, tokenHex: TOKEN_B, ownerHex: OWNER, spenderHex: SPENDER_1, value: 1n, position: 5, transactionHash: '0x02' },
      { space: 'espace' as const, tokenHex: TOKEN_A, ownerHex: OWNER, spenderHex: SPENDER_1, value: 0n, position: 9, transactionHash: '0x03' },
    ];
    const pairs = approvalPairs(found, 2029);
    expect(pairs.map((p) => [p.token, p.spender, p.position, p.transactionHash])).toEqual([
      [toChecksumAddress(TOKEN_A), toChecksumAddress(SPENDER_1), 9, '0x03'],
      [toChecksumAddress(TOKEN_B), toChecksumAddress(SPENDER_1), 5, '0x02'],
    ]);
  });

  test('allowance answers must be one word', () => {
    expect(decodeAllowance(pad('0x2a'))).toBe(42n);
    for (const bad of ['0x', '0x2a', `${pad('0x01')}00`, 'zz', 7]) expect(() => decodeAllowance(bad)).toThrow(ActivityError);
  });
});

describe('scanning allowances over a working fake chain', () => {
  const logs: ChainLog[] = [
    { address: TOKEN_A, owner: OWNER, spender: SPENDER_1, value: MAX, block: 100 },
    { address: TOKEN_A, owner: OWNER, spender: SPENDER_2, value: 10n, block: 1200 },
    { address: TOKEN_B, owner: OWNER, spender: SPENDER_1, value: 7n, block: 1300 },
    { address: TOKEN_B, owner: OWNER, spender: SPENDER_1, value: 0n, block: 1400 },
    { address: TOKEN_B, owner: OTHER, spender: SPENDER_2, value: 99n, block: 1500 },
  ];
  const ledger = new Map([
    [key(TOKEN_A, SPENDER_1), MAX - 5n],
    [key(TOKEN_A, SPENDER_2), 10n],
    [key(TOKEN_B, SPENDER_1), 0n],
  ]);
  const queries = planApprovalQueries({ space: 'espace', chainId: 2030, recipients: [OWNER], from: 0, to: 1999 });

  test('log → pairs → allowance: zero dropped, unlimited flagged, trust and epoch kept', async () => {
    const chain = fakeChain(logs, ledger);
    const scan = await scanAllowances(queries, 2029, chain);
    expect(chain.asked).toHaveLength(2);
    expect(scan.from).toBe(0);
    expect(scan.to).toBe(1999);
    expect(scan.rejectedLogs).toBe(0);
    expect(scan.unreadable).toEqual([]);
    expect(scan.allowances.map((a) => [a.token, a.spender, a.amount, a.unlimited, a.trust, a.epoch])).toEqual([
      [toChecksumAddress(TOKEN_A), toChecksumAddress(SPENDER_2), 10n, false, 'cross-checked', 900],
      [toChecksumAddress(TOKEN_A), toChecksumAddress(SPENDER_1), MAX - 5n, true, 'cross-checked', 900],
    ]);
  });

  test('an invented log costs a read and shows nothing; a log outside the filter is counted', async () => {
    const honest = fakeChain(logs, ledger);
    const lying: AllowanceSource = {
      call: honest.call,
      logs: async (query) => [...((await honest.logs(query)) as unknown[]), approvalLog({ address: TOKEN_B, owner: OWNER, spender: OTHER, value: MAX, block: query.from }), approvalLog({ address: TOKEN_B, owner: OTHER, spender: SPENDER_2, value: 1n, block: query.from })],
    };
    const scan = await scanAllowances(queries, 2029, lying);
    expect(scan.allowances).toHaveLength(2);
    expect(scan.rejectedLogs).toBe(2);
  });

  test('a malformed allowance answer makes that row unreadable with a typed code; a conflict keeps the row without a value', async () => {
    const chain = fakeChain(logs, ledger, { allowanceData: (k) => (k === key(TOKEN_A, SPENDER_2) ? '0x01' : undefined) });
    const conflicted: AllowanceSource = {
      logs: chain.logs,
      call: async (token, data, owner) => {
        const read = await chain.call(token, data, owner);
        return data.endsWith(SPENDER_1.slice(2)) && token.toLowerCase() === TOKEN_A ? { ...read, value: undefined, trust: 'conflict' } : read;
      },
    };
    const scan = await scanAllowances(queries, 2029, conflicted);
    expect(scan.unreadable.map((u) => [u.spender, u.code])).toEqual([[toChecksumAddress(SPENDER_2), 'activity.malformed_answer']]);
    expect(scan.allowances.map((a) => [a.spender, a.amount, a.trust, a.unlimited])).toEqual([[toChecksumAddress(SPENDER_1), null, 'conflict', false]]);
  });

  test('a node answering a log query with something else fails the scan with a typed error', async () => {
    const chain = fakeChain(logs, ledger);
    const broken: AllowanceSource = { call: chain.call, logs: async () => ({ result: 'nope' }) };
    await expect(scanAllowances(queries, 2029, broken)).rejects.toMatchObject({ code: 'activity.malformed_answer' });
    await expect(scanAllowances([], 2029, chain)).rejects.toMatchObject({ code: 'activity.input' });
  });
});
