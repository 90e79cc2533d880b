/**
 * Activity: log-query planning (topics as viem encodes them, windows and groups within limits),
 * reading node answers strictly (logs built with viem; hostile answers rejected with a reason), CSV
 * export parsed back by csv-parse (RFC 4180) with formula injection neutralized, explorer links.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { encodeAbiParameters, encodeEventTopics, keccak256, pad, parseAbi, toHex } from 'viem';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import {
  activityToCsv, ACTIVITY_CSV_HEADER, CROSS_SPACE_CALL_TOPIC, csvCell, explorerAddressUrl, explorerTokenUrl, explorerTransactionUrl, planIncomingCrossSpaceQueries,
  planIncomingTransferQueries, readIncomingLogs, splitLogQuery, toCsv, TRANSFER_TOPIC, type ActivityRow, type LogQuery,
} from './index.js';

const SEED = 0xac71;
const USER_HEX = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const USER = encodeCfxAddress(USER_HEX, 1029);
const OTHER_HEX = '0x1b2f80341409639ea6a35bbcab8299066109aa55';
const ESPACE_USER = '0xFCAd0B19bB29D4674531d6f115237E16AfCE377c';
const erc = parseAbi(['event Transfer(address indexed from, address indexed to, uint256 value)', 'event Call(bytes20 indexed sender, bytes20 indexed receiver, uint256 value, uint256 nonce, bytes data)']);
const erc721 = parseAbi(['event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)']);

describe('planning incoming-transfer log queries', () => {
  test('event topics are the ones viem computes', () => {
    expect(TRANSFER_TOPIC).toBe(keccak256(toHex('Transfer(address,address,uint256)')));
    expect(CROSS_SPACE_CALL_TOPIC).toBe(keccak256(toHex('Call(bytes20,bytes20,uint256,uint256,bytes)')));
  });

  test('Core: any token, the user as topic 2, epochs in windows of 1000', () => {
    const queries = planIncomingTransferQueries({ space: 'core', chainId: 1029, recipients: [USER, USER_HEX], from: 100, to: 2599 });
    expect(queries.map((q) => [q.from, q.to])).toEqual([[100, 1099], [1100, 2099], [2100, 2599]]);
    const topic = encodeEventTopics({ abi: erc, eventName: 'Transfer', args: { to: USER_HEX } });
    expect(queries[0]).toMatchObject({ method: 'cfx_getLogs', params: [{ fromEpoch: '0x64', toEpoch: '0x44b', topics: [topic[0], null, [topic[2]]] }] });
    expect(queries[0]!.params[0]).not.toHaveProperty('address');
  });

  test('eSpace: blocks, recipients grouped, limits respected', () => {
    const recipients = Array.from({ length: 5 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`);
    const queries = planIncomingTransferQueries({ space: 'espace', chainId: 1030, recipients, from: 0, to: 99, maxRange: 50, maxRecipients: 2 });
    expect(queries).toHaveLength(6);
    expect(queries.every((q) => q.method === 'eth_getLogs' && q.recipientTopics.length <= 2 && q.to - q.from < 50)).toBe(true);
    expect(queries[0]!.params[0]).toEqual({ fromBlock: '0x0', toBlock: '0x31', topics: [TRANSFER_TOPIC, null, [pad(recipients[0] as `0x${string}`), pad(recipients[1] as `0x${string}`)]] });
  });

  test('cross-space credits: the CrossSpaceCall address in base32, the eSpace receivers as left-aligned bytes20', () => {
    const [query] = planIncomingCrossSpaceQueries({ coreChainId: 1029, espaceRecipients: [ESPACE_USER], from: 5, to: 10 });
    const topics = encodeEventTopics({ abi: erc, eventName: 'Call', args: { receiver: ESPACE_USER.toLowerCase() as `0x${string}` } });
    expect(query!.params[0]).toEqual({ fromEpoch: '0x5', toEpoch: '0xa', address: encodeCfxAddress('0x0888000000000000000000000000000000000006', 1029), topics: [topics[0], null, [topics[2]]] });
  });

  test(`windows cover the range exactly once, splitting halves it without gaps (seed ${SEED})`, () => {
    fc.assert(fc.property(fc.nat(1_000_000), fc.nat(20_000), fc.integer({ min: 50, max: 5000 }), (from, span, maxRange) => {
      const queries = planIncomingTransferQueries({ space: 'espace', chainId: 71, recipients: [ESPACE_USER], from, to: from + span, maxRange });
      let next = from;
      for (const q of queries) {
        expect(q.from).toBe(next);
        expect(q.to - q.from + 1).toBeLessThanOrEqual(maxRange);
        next = q.to + 1;
      }
      expect(next).toBe(from + span + 1);
      const q = queries[0]!;
      if (q.to > q.from) {
        const [a, b] = splitLogQuery(q);
        expect([a.from, a.to + 1, b.to]).toEqual([q.from, b.from, q.to]);
      } else {
        expect(() => splitLogQuery(q)).toThrow(expect.objectContaining({ code: 'activity.unsplittable' }));
      }
    }), { seed: SEED, numRuns: 300 });
  });

  test.each([
    ['no recipients', { recipients: [] }],
    ['a testnet address on mainnet', { recipients: [encodeCfxAddress(USER_HEX, 1)] }],
    ['from after to', { from: 10, to: 5 }],
    ['a negative start', { from: -1 }],
    ['a zero window', { maxRange: 0 }],
  ])('refuses %s', (_name, patch) => {
    expect(() => planIncomingTransferQueries({ space: 'core', chainId: 1029, recipients: [USER], from: 0, to: 10, ...patch })).toThrow(expect.objectContaining({ code: 'activity.input' }));
  });
});

const H1 = keccak256(toHex('tx1'));
const B1 = keccak256(toHex('block1'));
const TOKEN_HEX = '0x8b2f80341409639ea6a35bbcab8299066109aa55';

function tokenLog(overrides: Record<string, unknown> = {}, to = USER_HEX, value = 5n): Record<string, unknown> {
  const topics = encodeEventTopics({ abi: erc, eventName: 'Transfer', args: { from: OTHER_HEX, to: to as `0x${string}` } });
  return { address: encodeCfxAddress(TOKEN_HEX, 1029), topics, data: encodeAbiParameters([{ type: 'uint256' }], [value]), epochNumber: '0x7', blockHash: B1, transactionHash: H1, logIndex: '0x0', ...overrides };
}

describe('reading incoming-transfer logs', () => {
  const [query] = planIncomingTransferQueries({ space: 'core', chainId: 1029, recipients: [USER], from: 5, to: 10 }) as [LogQuery];

  test('an ERC-20/CRC-20 transfer and an ERC-721 transfer to the user', () => {
    const nftTopics = encodeEventTopics({ abi: erc721, eventName: 'Transfer', args: { from: OTHER_HEX, to: USER_HEX, tokenId: 42n } });
    const { transfers, rejected } = readIncomingLogs(query, [tokenLog(), tokenLog({ topics: nftTopics, data: '0x', logIndex: '0x1' })]);
    expect(rejected).toEqual([]);
    expect(transfers).toEqual([
      { kind: 'token', space: 'core', contract: encodeCfxAddress(TOKEN_HEX, 1029), from: encodeCfxAddress(OTHER_HEX, 1029), to: USER, amount: 5n, tokenId: null, transactionHash: H1, blockHash: B1, position: 7, logIndex: 0 },
      { kind: 'nft', space: 'core', contract: encodeCfxAddress(TOKEN_HEX, 1029), from: encodeCfxAddress(OTHER_HEX, 1029), to: USER, amount: null, tokenId: 42n, transactionHash: H1, blockHash: B1, position: 7, logIndex: 1 },
    ]);
  });

  test.each<[string, unknown, string]>([
    ['to someone else (the node ignored the filter)', tokenLog({}, OTHER_HEX), 'wrong_recipient'],
    ['another event', tokenLog({ topics: [keccak256(toHex('Approval(address,address,uint256)')), pad(OTHER_HEX), pad(USER_HEX)] }), 'wrong_event'],
    ['outside the range', tokenLog({ epochNumber: '0xb' }), 'out_of_range'],
    ['no position', tokenLog({ epochNumber: undefined }), 'malformed'],
    ['amount data of 64 bytes', tokenLog({ data: `0x${'00'.repeat(64)}` }), 'malformed'],
    ['dirty sender topic', tokenLog({ topics: [TRANSFER_TOPIC, `0xff${'00'.repeat(11)}${OTHER_HEX.slice(2)}`, pad(USER_HEX)] }), 'malformed'],
    ['a bad transaction hash', tokenLog({ transactionHash: '0x12' }), 'malformed'],
    ['a removed log', tokenLog({ removed: true }), 'removed'],
    ['not an object', 'log', 'not_an_object'],
  ])('rejects a log %s', (_name, log, reason) => {
    const { transfers, rejected } = readIncomingLogs(query, [log]);
    expect(transfers).toEqual([]);
    expect(rejected).toEqual([{ index: 0, reason }]);
  });

  test('a non-array answer is one malformed rejection', () => {
    expect(readIncomingLogs(query, { logs: [] })).toEqual({ transfers: [], rejected: [{ index: -1, reason: 'malformed' }] });
  });

  test('cross-space credits are read only from CrossSpaceCall', () => {
    const [csQuery] = planIncomingCrossSpaceQueries({ coreChainId: 1029, espaceRecipients: [ESPACE_USER], from: 0, to: 10 }) as [LogQuery];
    const sender = '0x12bf6283ccf8ad6ffa63f7da63edc217228d839a';
    const topics = encodeEventTopics({ abi: erc, eventName: 'Call', args: { sender, receiver: ESPACE_USER.toLowerCase() as `0x${string}` } });
    const log = { address: encodeCfxAddress('0x0888000000000000000000000000000000000006', 1029), topics, data: encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }, { type: 'bytes' }], [10n ** 18n, 3n, '0x']), epochNumber: '0x2', blockHash: B1, transactionHash: H1, logIndex: '0x0' };
    expect(readIncomingLogs(csQuery, [log]).transfers).toEqual([
      { kind: 'cross_space', space: 'core', contract: encodeCfxAddress('0x0888000000000000000000000000000000000006', 1029), from: '0x12Bf6283CcF8Ad6ffA63f7Da63EDc217228d839A', to: ESPACE_USER, amount: 10n ** 18n, tokenId: null, transactionHash: H1, blockHash: B1, position: 2, logIndex: 0 },
    ]);
    expect(readIncomingLogs(csQuery, [{ ...log, address: encodeCfxAddress(TOKEN_HEX, 1029) }]).rejected).toEqual([{ index: 0, reason: 'wrong_contract' }]);
  });
});

describe('CSV export', () => {
  test.each<[string, Parameters<typeof csvCell>[0], string]>([
    ['plain text', 'Alice', 'Alice'],
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a newline', 'line1\nline2', '"line1\nline2"'],
    ['a formula', '=HYPERLINK("http://evil","x")', '"\'=HYPERLINK(""http://evil"",""x"")"'],
    ['a plus formula', '+cmd|\' /C calc\'!A0', "'+cmd|' /C calc'!A0"],
    ['a minus formula', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab first', '\t=1', "'\t=1"],
    ['a space before =', ' =1', "' =1"],
    ['a negative decimal the wallet wrote', '-1.5', '-1.5'],
    ['a bigint', 10n ** 30n, '1000000000000000000000000000000'],
    ['null', null, ''],
    ['Chinese', '张三的钱包', '张三的钱包'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  const row: ActivityRow = {
    time: Date.UTC(2026, 0, 2, 3, 4, 5), network: 'mainnet', space: 'core', direction: 'in', kind: 'token', asset: '=EVIL()', assetContract: encodeCfxAddress(TOKEN_HEX, 1029), amount: '1.5',
    from: encodeCfxAddress(OTHER_HEX, 1029), fromLabel: 'Bob, "the builder"', to: USER, toLabel: '我的钱包', fee: '', transactionHash: H1, status: 'confirmed', trust: 'verified',
    explorerUrl: explorerTransactionUrl('mainnet', 'core', H1)!,
  };

  test('activity rows parse back with csv-parse into the same cells, formulas neutralized, BOM first, CRLF line ends', () => {
    const text = activityToCsv([row, { ...row, time: null, direction: 'out', amount: '-0.25' }]);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(parsed[0]).toEqual([...ACTIVITY_CSV_HEADER]);
    expect(parsed[1]).toEqual(['2026-01-02T03:04:05.000Z', 'mainnet', 'core', 'in', 'token', "'=EVIL()", row.assetContract, '1.5', row.from, 'Bob, "the builder"', USER, '我的钱包', '', H1, 'confirmed', 'verified', `https://confluxscan.org/tx/${H1}`]);
    expect(parsed[2]![0]).toBe('');
    expect(parsed[2]![7]).toBe('-0.25');
  });

  test(`any text survives the round trip through csv-parse, and no parsed cell starts a formula unless it is a plain number (seed ${SEED})`, () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
      const text = toCsv(['a', 'b', 'c'], rows, { bom: false });
      const parsed = parse(text) as string[][];
      expect(parsed.length).toBe(rows.length + 1);
      parsed.slice(1).forEach((cells, i) => cells.forEach((cell, j) => {
        const original = rows[i]![j]!;
        expect(cell === original || cell === `'${original}`).toBe(true);
        if (/^\s*[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-?[0-9]+(\.[0-9]+)?$/);
      }));
    }), { seed: SEED, numRuns: 300 });
  });

  test('a row with the wrong number of cells is refused', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(expect.objectContaining({ code: 'activity.input' }));
  });
});

describe('explorer links', () => {
  test.each([
    ['mainnet', 'core', `https://confluxscan.org/tx/${H1}`],
    ['testnet', 'core', `https://testnet.confluxscan.org/tx/${H1}`],
    ['mainnet', 'espace', `https://evm.confluxscan.org/tx/${H1}`],
    ['testnet', 'espace', `https://evmtestnet.confluxscan.org/tx/${H1}`],
    ['local', 'core', null],
    ['local', 'espace', null],
  ] as const)('%s %s transaction → %s', (network, space, url) => {
    expect(explorerTransactionUrl(network, space, H1.toUpperCase().replace('0X', '0x'))).toBe(url);
  });

  test('addresses and tokens in canonical form; other networks\' or malformed input refused', () => {
    expect(explorerAddressUrl('mainnet', 'core', encodeCfxAddress(USER_HEX, 1029, { verbose: true }))).toBe(`https://confluxscan.org/address/${USER}`);
    expect(explorerAddressUrl('testnet', 'espace', ESPACE_USER.toLowerCase())).toBe(`https://evmtestnet.confluxscan.org/address/${ESPACE_USER}`);
    expect(explorerTokenUrl('mainnet', 'core', encodeCfxAddress(TOKEN_HEX, 1029))).toBe(`https://confluxscan.org/token/${encodeCfxAddress(TOKEN_HEX, 1029)}`);
    expect(explorerAddressUrl('local', 'core', encodeCfxAddress(USER_HEX, 1024))).toBeNull();
    expect(() => explorerAddressUrl('mainnet', 'core', encodeCfxAddress(USER_HEX, 1))).toThrow(expect.objectContaining({ code: 'activity.input' }));
    expect(() => explorerTransactionUrl('mainnet', 'core', `${H1}/../../evil`)).toThrow(expect.objectContaining({ code: 'activity.input' }));
    expect(() => explorerAddressUrl('mainnet', 'espace', 'javascript:alert(1)')).toThrow(expect.objectContaining({ code: 'activity.input' }));
  });
});
