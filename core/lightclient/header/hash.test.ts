import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../address/cip37.js';
import { bytesToHex } from '../../encoding/hex.js';
import { rpcBlockFor, syntheticPivotChain } from '../testing/synthetic-chain.js';
import { verifyHeaderAgainstHash } from './chain.js';
import { encodeHeader, headerHash, headerProblemHash } from './encode.js';
import { coreSpaceGasLimit, gasLimitCandidates, hashBlockHeader, matchBlockHeader, verifyBlockHeaderHash, type HeaderExtra } from './hash.js';
import type { BlockHeaderFields } from './types.js';

const VECTORS = join(import.meta.dirname, '../../../test/vectors/headers');

interface HeaderVector {
  rpcBlock: Record<string, unknown>;
  espaceBlock?: { baseFeePerGas?: string };
  expectedHash: string;
  reconstructedRpcFields?: Record<string, unknown>;
  removedRpcFields?: string[];
  verification: { headerRlp: string; problemHash: string; headerGasLimit: string };
}

const files = readdirSync(VECTORS).filter((f) => f.endsWith('.json'));
const load = (file: string): HeaderVector => JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as HeaderVector;

/** The block JSON with exactly the fix-ups the vector documents. */
function fixedBlock(v: HeaderVector): Record<string, unknown> {
  const block = { ...v.rpcBlock, ...(v.reconstructedRpcFields ?? {}) };
  for (const key of v.removedRpcFields ?? []) delete block[key];
  return block;
}
const extraOf = (v: HeaderVector): HeaderExtra => (v.espaceBlock?.baseFeePerGas === undefined ? {} : { espaceBaseFeePerGas: v.espaceBlock.baseFeePerGas });

describe('real headers hash to their block hash', () => {
  test.each(files)('%s', (file) => {
    const v = load(file);
    const block = fixedBlock(v);
    expect(hashBlockHeader(block, extraOf(v))).toBe(v.expectedHash);
    expect(verifyBlockHeaderHash(block, v.expectedHash, extraOf(v))).toBe(true);
    const matched = matchBlockHeader(block, v.expectedHash, extraOf(v));
    expect(bytesToHex(encodeHeader(matched!.fields))).toBe(v.verification.headerRlp);
    expect(headerProblemHash(matched!.fields)).toBe(v.verification.problemHash);
    expect(matched!.fields.gasLimit.toString()).toBe(v.verification.headerGasLimit);
  });

  test.each(files.filter((f) => f.startsWith('mainnet') || f.startsWith('testnet')))('%s: the published JSON without its documented fix-up does not verify', (file) => {
    const v = load(file);
    if (v.reconstructedRpcFields === undefined && (v.removedRpcFields ?? []).length === 0) return;
    const espaceGuess = { espaceBaseFeePerGas: ['0x0', '0x1', '0x3b9aca00', '0x4a817c800'] };
    expect(verifyBlockHeaderHash(v.rpcBlock, v.expectedHash, espaceGuess)).toBe(false);
  });

  test('the dev sample finalized by PoS verifies (post-1559, PoS reference, custom 0x04)', () => {
    const sample = JSON.parse(readFileSync(join(VECTORS, '../pos/devnode/cfx_getBlockByEpochNumber_latest_finalized.json'), 'utf8')) as { response: { result: { hash: string } } };
    expect(hashBlockHeader(sample.response.result, { espaceBaseFeePerGas: '0x1' })).toBe(sample.response.result.hash);
  });
});

describe('every header field is committed', () => {
  const dev = load('dev-epoch51-3tx.json');
  const mainnet = load('mainnet-h16240412-3tx-2ref.json');
  const flip = (h: unknown): string => {
    const s = String(h);
    return `${s.slice(0, -1)}${s.endsWith('0') ? '1' : '0'}`;
  };
  const bump = (q: unknown): string => `0x${(BigInt(String(q)) + 1n).toString(16)}`;
  type Mutation = [string, (b: Record<string, unknown>) => void];
  const mutations: Mutation[] = [
    ['parentHash', (b) => (b.parentHash = flip(b.parentHash))],
    ['height', (b) => (b.height = bump(b.height))],
    ['timestamp', (b) => (b.timestamp = bump(b.timestamp))],
    ['miner', (b) => (b.miner = encodeCfxAddress(`0x1${'5'.repeat(39)}`, 1234))],
    ['transactionsRoot', (b) => (b.transactionsRoot = flip(b.transactionsRoot))],
    ['deferredStateRoot', (b) => (b.deferredStateRoot = flip(b.deferredStateRoot))],
    ['deferredReceiptsRoot', (b) => (b.deferredReceiptsRoot = flip(b.deferredReceiptsRoot))],
    ['deferredLogsBloomHash', (b) => (b.deferredLogsBloomHash = flip(b.deferredLogsBloomHash))],
    ['blame', (b) => (b.blame = bump(b.blame))],
    ['difficulty', (b) => (b.difficulty = bump(b.difficulty))],
    ['adaptive', (b) => (b.adaptive = !b.adaptive)],
    ['gasLimit', (b) => (b.gasLimit = bump(b.gasLimit))],
    ['refereeHashes added', (b) => (b.refereeHashes = [...(b.refereeHashes as string[]), `0x${'ab'.repeat(32)}`])],
    ['nonce', (b) => (b.nonce = bump(b.nonce))],
    ['custom changed', (b) => (b.custom = ['0x05'])],
    ['custom removed', (b) => (b.custom = [])],
    ['custom added', (b) => (b.custom = [...(b.custom as string[]), '0x01'])],
  ];
  const devOnly: Mutation[] = [
    ['posReference changed', (b) => (b.posReference = flip(b.posReference))],
    ['posReference removed', (b) => (b.posReference = null)],
    ['baseFeePerGas changed', (b) => (b.baseFeePerGas = bump(b.baseFeePerGas))],
  ];
  const mainnetOnly: Mutation[] = [
    ['refereeHashes changed', (b) => (b.refereeHashes = (b.refereeHashes as string[]).map((h, i) => (i === 0 ? flip(h) : h)))],
    ['refereeHashes reordered', (b) => (b.refereeHashes = [...(b.refereeHashes as string[])].reverse())],
    ['posReference added', (b) => (b.posReference = `0x${'00'.repeat(32)}`)],
  ];
  test.each([...mutations, ...devOnly])('dev block: %s', (_name, mutate) => {
    const block = fixedBlock(dev);
    mutate(block);
    expect(verifyBlockHeaderHash(block, dev.expectedHash, extraOf(dev))).toBe(false);
    expect(() => verifyHeaderAgainstHash(block, dev.expectedHash, extraOf(dev))).toThrow(expect.objectContaining({ kind: 'bad_header_hash', nodeAtFault: true }));
  });
  test.each([...mutations, ...mainnetOnly])('mainnet block: %s', (_name, mutate) => {
    const block = fixedBlock(mainnet);
    mutate(block);
    expect(verifyBlockHeaderHash(block, mainnet.expectedHash)).toBe(false);
    expect(() => verifyHeaderAgainstHash(block, mainnet.expectedHash)).toThrow(expect.objectContaining({ kind: 'bad_header_hash' }));
  });
  test('the eSpace base price is committed', () => {
    expect(verifyBlockHeaderHash(fixedBlock(dev), dev.expectedHash, { espaceBaseFeePerGas: '0x2' })).toBe(false);
  });
  test('a base price on a pre-1559 block is refused', () => {
    const block = { ...fixedBlock(mainnet), baseFeePerGas: '0x1' };
    expect(verifyBlockHeaderHash(block, mainnet.expectedHash, { espaceBaseFeePerGas: '0x1' })).toBe(false);
  });
  test('fields outside the header do not matter (and the JSON hash is never read)', () => {
    const block = { ...fixedBlock(dev), hash: `0x${'00'.repeat(32)}`, epochNumber: '0x1', blockNumber: '0x2', gasUsed: '0x3', size: '0x4', powQuality: '0x5', transactions: [] };
    expect(hashBlockHeader(block, extraOf(dev))).toBe(dev.expectedHash);
  });
});

describe('RPC quirks', () => {
  const dev = load('dev-epoch51-3tx.json');
  test('nodes ≥ v2.5 report 9/10 of the gas limit after CIP-1559; the candidates recover the header value', () => {
    const block = { ...fixedBlock(dev), gasLimit: `0x${coreSpaceGasLimit(60_000_000n).toString(16)}` };
    expect(hashBlockHeader(block, extraOf(dev))).not.toBe(dev.expectedHash);
    expect(verifyBlockHeaderHash(block, dev.expectedHash, extraOf(dev))).toBe(true);
    expect(matchBlockHeader(block, dev.expectedHash, extraOf(dev))!.fields.gasLimit).toBe(60_000_000n);
    expect(hashBlockHeader(block, { ...extraOf(dev), headerGasLimit: '0x3938700' })).toBe(dev.expectedHash);
  });

  test('pre-1559 blocks have no gas-limit candidates besides the reported value', () => {
    const v = load('mainnet-h16240412-3tx-2ref.json');
    const block = { ...fixedBlock(v), gasLimit: `0x${coreSpaceGasLimit(30_000_000n).toString(16)}` };
    expect(verifyBlockHeaderHash(block, v.expectedHash)).toBe(false);
    expect(gasLimitCandidates(27_000_000n, false)).toEqual([27_000_000n]);
  });

  test('gas-limit candidates are exactly the preimages of floor(9x/10)', () => {
    expect(gasLimitCandidates(54_000_000n, true)).toEqual([54_000_000n, 60_000_000n, 60_000_001n]);
    expect(gasLimitCandidates(0n, true)).toEqual([0n, 1n]);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 80n }), (x) => {
        const reported = coreSpaceGasLimit(x);
        const candidates = gasLimitCandidates(reported, true);
        expect(candidates).toContain(x);
        for (const c of candidates.slice(1)) expect(coreSpaceGasLimit(c)).toBe(reported);
        expect(candidates.length).toBeLessThanOrEqual(3);
      }),
    );
  });

  test('a post-1559 block needs the eSpace base price (typed error, no default)', () => {
    expect(() => hashBlockHeader(fixedBlock(dev))).toThrow(expect.objectContaining({ kind: 'espace_base_price_unknown' }));
    expect(() => verifyBlockHeaderHash(fixedBlock(dev), dev.expectedHash)).toThrow(expect.objectContaining({ kind: 'espace_base_price_unknown' }));
    expect(verifyBlockHeaderHash(fixedBlock(dev), dev.expectedHash, { espaceBaseFeePerGas: ['0x7', 1n] })).toBe(true);
  });

  test('custom items before and after CIP-112', () => {
    const base = syntheticPivotChain(2)[1]!.fields;
    // Before CIP-112 the RPC prints the raw RLP item and it is spliced verbatim.
    const pre: BlockHeaderFields = { ...base, custom: [Uint8Array.of(0x82, 0x01, 0x02)], customEncoding: 'raw' };
    const preJson = rpcBlockFor(pre, 1029);
    const extra = { espaceBaseFeePerGas: base.basePrice!.espace, headerGasLimit: base.gasLimit };
    expect(hashBlockHeader(preJson, extra)).toBe(headerHash(pre));
    // After CIP-112 the RPC prints the payload and the header writes it as a byte string.
    const post: BlockHeaderFields = { ...base, custom: [Uint8Array.of(0x01, 0x02)], customEncoding: 'bytes' };
    const postJson = rpcBlockFor(post, 1029);
    expect(() => hashBlockHeader(postJson, extra)).toThrow(expect.objectContaining({ kind: 'malformed' }));
    expect(hashBlockHeader(postJson, { ...extra, customEncoding: 'bytes' })).toBe(headerHash(post));
    expect(verifyBlockHeaderHash(postJson, headerHash(post), { espaceBaseFeePerGas: base.basePrice!.espace })).toBe(true);
    expect(verifyBlockHeaderHash(preJson, headerHash(pre), { espaceBaseFeePerGas: base.basePrice!.espace })).toBe(true);
    // The two placements give different hashes for such items, so the reading is unambiguous.
    expect(headerHash({ ...pre, customEncoding: 'bytes' })).not.toBe(headerHash(pre));
  });

  test('JSON that cannot describe a header is a typed malformed error', () => {
    const bad: [string, (b: Record<string, unknown>) => void][] = [
      ['missing parentHash', (b) => delete b.parentHash],
      ['short transactionsRoot', (b) => (b.transactionsRoot = '0x1234')],
      ['height with leading zero', (b) => (b.height = '0x033')],
      ['miner with a bad checksum', (b) => (b.miner = String(b.miner).slice(0, -1) + (String(b.miner).endsWith('8') ? '9' : '8'))],
      ['adaptive as string', (b) => (b.adaptive = 'false')],
      ['blame above u32', (b) => (b.blame = '0x100000000')],
      ['custom not hex', (b) => (b.custom = ['zz'])],
    ];
    for (const [name, mutate] of bad) {
      const block = fixedBlock(dev);
      mutate(block);
      expect(() => hashBlockHeader(block, extraOf(dev)), name).toThrow(expect.objectContaining({ kind: 'malformed' }));
    }
  });
});
