import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../../encoding/hex.js';
import { hashBlockHeader } from '../header/hash.js';
import { simpleMptRoot } from '../trie/simple-mpt.js';
import { accrueBloom, bloomContains, EMPTY_BLOOM_HASH, logsBloom } from './bloom.js';
import { blockReceiptsRootCandidates, epochLogsBloomHash, matchEpochReceiptsRoot, readEpochReceipts } from './epoch.js';
import { collateralOwnerCandidates, encodeReceipt, readReceipt, receiptEncodingCandidates, receiptLogsMatchBloom } from './receipt.js';

const VECTORS = join(import.meta.dirname, '../../../test/vectors/headers');
type Json = Record<string, unknown>;
const read = (path: string): Json => JSON.parse(readFileSync(join(VECTORS, path), 'utf8')) as Json;
const o = (v: unknown): Json => {
  if (typeof v !== 'object' || v === null) throw new Error('expected an object');
  return v as Json;
};

interface ReceiptsCase {
  epochReceipts: unknown;
  receiptRlps: string[][];
  blockReceiptsRoots: string[];
  epochReceiptsRoot: string;
}
const vectorFiles = readdirSync(VECTORS).filter((f) => f.startsWith('dev-') && f.endsWith('.json'));

describe('receipts of the dev vectors', () => {
  test.each(vectorFiles)('%s: receipt RLP, block roots and the epoch root', (file) => {
    const rc = read(file).receiptsRootCase as ReceiptsCase;
    const epoch = readEpochReceipts(rc.epochReceipts);
    expect(epoch.map((block) => block.map((r) => bytesToHex(receiptEncodingCandidates(r)[0]!)))).toEqual(rc.receiptRlps);
    expect(epoch.map((block) => bytesToHex(blockReceiptsRootCandidates(block)[0]!))).toEqual(rc.blockReceiptsRoots);
    expect(matchEpochReceiptsRoot(epoch, hexToBytes(rc.epochReceiptsRoot)).map(bytesToHex)).toEqual(rc.blockReceiptsRoots);
    expect(bytesToHex(epochLogsBloomHash(epoch))).toBe(bytesToHex(EMPTY_BLOOM_HASH));
  });
});

const captures = readdirSync(join(VECTORS, 'devnode')).filter((f) => f.endsWith('.json'));

describe('receipts committed five epochs later (dev node captures)', () => {
  test.each(captures)('%s', (file) => {
    const v = read(`devnode/${file}`);
    const committing = o(v.committingBlock);
    // The committing header itself verifies, so its roots are the real ones.
    expect(hashBlockHeader(committing, { espaceBaseFeePerGas: String(o(v.committingEspaceBlock).baseFeePerGas) })).toBe(committing.hash);
    const epoch = readEpochReceipts(v.epochReceipts);
    matchEpochReceiptsRoot(epoch, hexToBytes(String(committing.deferredReceiptsRoot)));
    expect(bytesToHex(epochLogsBloomHash(epoch))).toBe(committing.deferredLogsBloomHash);
    for (const r of epoch.flat()) expect(receiptLogsMatchBloom(r)).toBe(true);
    const tx = epoch.flat().find((r) => r.transactionHash === v.transactionHash)!;
    expect(tx.space).toBe(v.transactionSpace);
  });

  test('an eSpace transaction is hidden from the Core block but committed by its transactions root', () => {
    const v = read('devnode/dev1024-espace-transfer.json');
    const block = o(v.block);
    expect(block.transactions).toEqual([]);
    expect(bytesToHex(simpleMptRoot([]))).not.toBe(block.transactionsRoot);
    const hashes = readEpochReceipts(v.epochReceipts)[0]!.map((r) => hexToBytes(r.transactionHash));
    expect(bytesToHex(simpleMptRoot(hashes))).toBe(block.transactionsRoot);
  });

  test('eSpace outcome codes are mapped back (1 = success in eSpace, 0 in the receipt RLP)', () => {
    const v = read('devnode/dev1024-espace-transfer.json');
    const r = readEpochReceipts(v.epochReceipts)[0]![0]!;
    expect(r.outcome).toBe('success');
    expect(r.space).toBe('evm');
  });

  test('collateralized storage: the owner JSON-RPC omits is the sender, and it is committed', () => {
    const v = read('devnode/dev1024-storage-collateral.json');
    const epoch = readEpochReceipts(v.epochReceipts);
    const r = epoch.flat().find((x) => x.transactionHash === v.transactionHash)!;
    expect(r.storageCollateralized).toBe(64n);
    expect(collateralOwnerCandidates(r)[0]).toEqual(r.from);
    const committed = hexToBytes(String(o(v.committingBlock).deferredReceiptsRoot));
    const roots = matchEpochReceiptsRoot(epoch, committed);
    // Only the sender reading reproduces the root.
    const asContract = epoch.map((block) => block.map((x) => (x === r ? encodeReceipt(x, r.contractCreated) : receiptEncodingCandidates(x)[0]!)));
    expect(bytesToHex(simpleMptRoot(asContract.map((rs) => simpleMptRoot(rs))))).not.toBe(bytesToHex(committed));
    expect(roots).toHaveLength(epoch.length);
  });
});

describe('tampered receipts', () => {
  const v = read('devnode/dev1024-transferevm-logs.json');
  const committed = hexToBytes(String(o(v.committingBlock).deferredReceiptsRoot));
  const mutate = (f: (r: Json) => void): unknown => {
    const copy = structuredClone(v.epochReceipts) as Json[][];
    f(copy[0]![0]!);
    return copy;
  };
  const bump = (q: unknown): string => `0x${(BigInt(String(q)) + 1n).toString(16)}`;
  const cases: [string, (r: Json) => void][] = [
    ['outcomeStatus', (r) => (r.outcomeStatus = '0x1')],
    ['accumulatedGasUsed', (r) => (r.accumulatedGasUsed = bump(r.accumulatedGasUsed))],
    ['gasFee', (r) => (r.gasFee = bump(r.gasFee))],
    ['burntGasFee', (r) => (r.burntGasFee = bump(r.burntGasFee))],
    ['burntGasFee removed', (r) => delete r.burntGasFee],
    ['gasCoveredBySponsor', (r) => (r.gasCoveredBySponsor = true)],
    ['storageCoveredBySponsor', (r) => (r.storageCoveredBySponsor = true)],
    ['log data', (r) => (o((r.logs as unknown[])[1]).data = `0x${'00'.repeat(31)}02`)],
    ['log removed', (r) => (r.logs = (r.logs as unknown[]).slice(1))],
    ['logs reordered', (r) => (r.logs = [...(r.logs as unknown[])].reverse())],
    ['log topic', (r) => (o((r.logs as unknown[])[1]).topics = [`0x${'ee'.repeat(32)}`])],
    ['logsBloom', (r) => (r.logsBloom = `0x${'00'.repeat(256)}`)],
    ['storageReleased', (r) => (r.storageReleased = [{ address: r.from, collaterals: '0x40' }])],
  ];
  test.each(cases)('%s changes the root (bad_receipts_root, node at fault)', (_name, f) => {
    const epoch = readEpochReceipts(mutate(f));
    expect(() => matchEpochReceiptsRoot(epoch, committed)).toThrow(expect.objectContaining({ kind: 'bad_receipts_root', nodeAtFault: true }));
  });
  test('non-committed JSON fields do not matter', () => {
    const epoch = readEpochReceipts(mutate((r) => {
      r.gasUsed = '0x1';
      r.stateRoot = `0x${'00'.repeat(32)}`;
      r.effectiveGasPrice = '0x9';
    }));
    expect(() => matchEpochReceiptsRoot(epoch, committed)).not.toThrow();
  });
  test('an ambiguous storage owner that matches no reading is unprovable, not blamed on the node', () => {
    const epoch = readEpochReceipts(mutate((r) => (r.storageCollateralized = '0x40')));
    expect(() => matchEpochReceiptsRoot(epoch, committed)).toThrow(expect.objectContaining({ kind: 'unprovable_receipt', nodeAtFault: false }));
  });
  test('eSpace receipts must be included (positions are checked)', () => {
    const epoch = structuredClone(v.epochReceipts) as Json[][];
    epoch[0]![0]!.index = '0x1';
    expect(() => readEpochReceipts(epoch)).toThrow(expect.objectContaining({ kind: 'malformed' }));
    const noSpace = structuredClone(v.epochReceipts) as Json[][];
    delete noSpace[0]![0]!.space;
    expect(() => readEpochReceipts(noSpace)).toThrow(expect.objectContaining({ kind: 'malformed' }));
  });
  test('logs that do not match the bloom are detected', () => {
    const r = readReceipt((structuredClone(v.epochReceipts) as Json[][])[0]![0]);
    expect(receiptLogsMatchBloom(r)).toBe(true);
    expect(receiptLogsMatchBloom({ ...r, logs: r.logs.slice(1) })).toBe(false);
  });
});

describe('log blooms', () => {
  test('three bits per input, from the first three 11-bit pairs of keccak256', () => {
    const input = hexToBytes(`0x${'11'.repeat(20)}`);
    const bloom = new Uint8Array(256);
    accrueBloom(bloom, input);
    const h = keccak_256(input);
    const bits = [0, 2, 4].map((i) => ((h[i]! << 8) | h[i + 1]!) & 2047);
    const expected = new Uint8Array(256);
    for (const bit of bits) expected[255 - Math.floor(bit / 8)]! |= 1 << bit % 8;
    expect(bloom).toEqual(expected);
    const popcount = bloom.reduce((n, b) => n + b.toString(2).replaceAll('0', '').length, 0);
    expect(popcount).toBeGreaterThanOrEqual(1);
    expect(popcount).toBeLessThanOrEqual(3);
  });

  test('a receipt bloom contains the bloom of each of its logs', () => {
    const v = read('devnode/dev1024-transferevm-logs.json');
    const r = readEpochReceipts(v.epochReceipts)[0]![0]!;
    for (const log of r.logs) expect(bloomContains(r.logsBloom, logsBloom([log]))).toBe(true);
    expect(bloomContains(r.logsBloom, logsBloom([{ address: new Uint8Array(20), topics: [] }]))).toBe(false);
  });
});
