import { expect, test } from 'vitest';
import { hexToBytes } from '../../../core/encoding/hex.js';
import { balanceIncrease, LOG_WINDOW, MAX_ENTRIES, MAX_LOOKBACK, mergeEntries, rangesToScan, readTransfer, receiptHasLog, weakerTrust, type FoundLog } from './incoming.js';
import { addressTopic, TRANSFER_EVENT_TOPIC } from './token-abi.js';

const OWNER = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const SENDER = '0x19c742cec42b9e4eff3b84cdedcde2f58a36f44f';
const TOKEN = '0x8a3c5d1e00000000000000000000000000000001';
const amountWord = (n: bigint) => `0x${n.toString(16).padStart(64, '0')}`;
const log = (over: Partial<FoundLog> = {}): FoundLog => ({ contractHex: TOKEN, topics: [TRANSFER_EVENT_TOPIC, addressTopic(SENDER), addressTopic(OWNER)], data: amountWord(42n), transactionHash: `0x${'ab'.repeat(32)}`, blockHash: `0x${'cd'.repeat(32)}`, epoch: 10, ...over });

test('scan ranges: bounded windows from where the last scan stopped, never further back than the lookback', () => {
  expect(rangesToScan(2500, 999)).toEqual([{ from: 1000, to: 1999 }, { from: 2000, to: 2500 }]);
  expect(rangesToScan(2500, 2500)).toEqual([]);
  const first = rangesToScan(100_000, undefined);
  expect(first[0]!.from).toBe(100_000 - MAX_LOOKBACK + 1);
  expect(first.at(-1)!.to).toBe(100_000);
  expect(first.every((r) => r.to - r.from + 1 <= LOG_WINDOW)).toBe(true);
  expect(rangesToScan(50, undefined)).toEqual([{ from: 0, to: 50 }]);
});

test('a Transfer log to the owner is read; anything else is not', () => {
  expect(readTransfer(log(), OWNER)).toEqual({ fromHex: SENDER, amount: 42n });
  expect(readTransfer(log(), SENDER)).toBeNull();
  expect(readTransfer(log({ topics: [`0x${'11'.repeat(32)}`, addressTopic(SENDER), addressTopic(OWNER)] }), OWNER)).toBeNull();
  expect(readTransfer(log({ topics: [TRANSFER_EVENT_TOPIC, addressTopic(SENDER), `0x${'ff'.repeat(12)}${OWNER.slice(2)}`] }), OWNER)).toBeNull();
  expect(readTransfer(log({ data: '0x' }), OWNER)).toBeNull();
});

test('a log is verified only if the proved receipt holds exactly that event', () => {
  const l = log();
  const receiptLog = { address: hexToBytes(TOKEN), topics: l.topics.map((t) => hexToBytes(t)), data: hexToBytes(l.data), space: 'native' as const };
  expect(receiptHasLog({ logs: [receiptLog] }, l)).toBe(true);
  expect(receiptHasLog({ logs: [{ ...receiptLog, data: hexToBytes(amountWord(43n)) }] }, l)).toBe(false);
  expect(receiptHasLog({ logs: [{ ...receiptLog, address: hexToBytes(SENDER) }] }, l)).toBe(false);
  expect(receiptHasLog({ logs: [] }, l)).toBe(false);
});

test('balance increases: only an increase at a later epoch, with the weaker trust', () => {
  const up = balanceIncrease('core', 'cfx:x', { value: '100', epoch: 5, trust: 'verified' }, { value: '250', epoch: 9, trust: 'single-source' }, 1);
  expect(up).toMatchObject({ kind: 'balance_increase', fromEpoch: 5, toEpoch: 9, amount: '150', trust: 'single-source' });
  expect(balanceIncrease('core', 'cfx:x', { value: '100', epoch: 5, trust: 'verified' }, { value: '90', epoch: 9, trust: 'verified' }, 1)).toBeNull();
  expect(balanceIncrease('core', 'cfx:x', { value: '100', epoch: 9, trust: 'verified' }, { value: '190', epoch: 9, trust: 'verified' }, 1)).toBeNull();
  expect(balanceIncrease('core', 'cfx:x', { value: null, epoch: 5, trust: 'conflict' }, { value: '190', epoch: 9, trust: 'verified' }, 1)).toBeNull();
  expect(weakerTrust('cross-checked', 'verified')).toBe('cross-checked');
  expect(weakerTrust('verified', 'conflict')).toBe('conflict');
});

test('entries merge by id (a found one replaces a kept one) and keep the newest', () => {
  const e = (id: number, trust = 'single-source') => ({ id: String(id), trust });
  expect(mergeEntries([e(1), e(2)], [e(2, 'verified'), e(3)])).toEqual([e(1), e(2, 'verified'), e(3)]);
  const many = mergeEntries(Array.from({ length: MAX_ENTRIES }, (_, i) => e(i)), [e(MAX_ENTRIES)]);
  expect(many).toHaveLength(MAX_ENTRIES);
  expect(many.at(-1)).toEqual(e(MAX_ENTRIES));
  expect(many[0]).toEqual(e(1));
});
