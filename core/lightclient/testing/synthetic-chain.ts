/**
 * Test and benchmark helper (not part of the public API): a synthetic Core pivot chain with real
 * header hashes, served as RPC JSON, plus an in-memory {@link LightClientTransport} over it and
 * over synthetic PoS ledger infos. Tests use it to tamper with single answers.
 * @module
 */
import { sha3_256 } from '@noble/hashes/sha3.js';
import { encodeCfxAddress } from '../../address/cip37.js';
import { bytesToHex, hexToBytes, toQuantity } from '../../encoding/hex.js';
import { headerHash } from '../header/encode.js';
import type { BlockHeaderFields } from '../header/types.js';
import { EMPTY_BLOOM_HASH } from '../receipts/bloom.js';
import { EMPTY_TRIE_ROOT } from '../trie/simple-mpt.js';
import type { LightClientTransport, PosBlockNumber } from '../transport.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface SyntheticBlock {
  readonly hash: string;
  readonly fields: BlockHeaderFields;
  /** Core RPC JSON (`cfx_getBlockByHash(hash, false)`), as a node ≥ v2.5 prints it. */
  readonly rpc: Record<string, unknown>;
  /** eSpace RPC JSON (`eth_getBlockByNumber(height, false)`). */
  readonly eth: Record<string, unknown>;
}

/** Builds RPC JSON for header fields, reporting the Core-space gas limit after CIP-1559. */
export function rpcBlockFor(fields: BlockHeaderFields, networkId: number, transactions: readonly string[] = []): Record<string, unknown> {
  const hash = headerHash(fields);
  const block: Record<string, unknown> = {
    hash,
    parentHash: bytesToHex(fields.parentHash),
    height: toQuantity(fields.height),
    epochNumber: toQuantity(fields.height),
    blockNumber: toQuantity(fields.height),
    timestamp: toQuantity(fields.timestamp),
    miner: encodeCfxAddress(fields.author, networkId, { verbose: true }),
    transactionsRoot: bytesToHex(fields.transactionsRoot),
    deferredStateRoot: bytesToHex(fields.deferredStateRoot),
    deferredReceiptsRoot: bytesToHex(fields.deferredReceiptsRoot),
    deferredLogsBloomHash: bytesToHex(fields.deferredLogsBloomHash),
    blame: toQuantity(fields.blame),
    difficulty: toQuantity(fields.difficulty),
    adaptive: fields.adaptive,
    gasLimit: toQuantity(fields.basePrice === null ? fields.gasLimit : (fields.gasLimit * 9n) / 10n),
    gasUsed: '0x0',
    refereeHashes: fields.refereeHashes.map(bytesToHex),
    nonce: toQuantity(fields.nonce),
    posReference: fields.posReference === null ? null : bytesToHex(fields.posReference),
    custom: fields.custom.map(bytesToHex),
    powQuality: '0x1',
    size: '0x0',
    transactions: [...transactions],
  };
  if (fields.basePrice !== null) block.baseFeePerGas = toQuantity(fields.basePrice.core);
  return block;
}

/**
 * eSpace RPC JSON of a pivot block as a conflux-rust node prints it: the same hash and parent as
 * the Core block, its deferred state root as `stateRoot` (see core/chain/verified/espace-anchor.ts).
 */
export function ethBlockFor(fields: BlockHeaderFields, hash: string): Record<string, unknown> {
  const zero32 = bytesToHex(new Uint8Array(32));
  return {
    number: toQuantity(fields.height),
    hash,
    parentHash: bytesToHex(fields.parentHash),
    stateRoot: bytesToHex(fields.deferredStateRoot),
    receiptsRoot: zero32,
    transactionsRoot: bytesToHex(EMPTY_TRIE_ROOT),
    logsBloom: bytesToHex(new Uint8Array(256)),
    miner: bytesToHex(new Uint8Array(20)),
    gasLimit: toQuantity(fields.gasLimit),
    gasUsed: '0x0',
    timestamp: toQuantity(fields.timestamp),
    transactions: [],
    ...(fields.basePrice === null ? {} : { baseFeePerGas: toQuantity(fields.basePrice.espace) }),
  };
}

/** A pivot chain of heights 0 … length−1, post-1559 with PoS references, linked by parent hash. */
export function syntheticPivotChain(length: number, networkId = 1029): SyntheticBlock[] {
  const blocks: SyntheticBlock[] = [];
  let parent: Uint8Array = new Uint8Array(32);
  for (let h = 0; h < length; h++) {
    const fields: BlockHeaderFields = {
      parentHash: parent,
      height: BigInt(h),
      timestamp: 1_700_000_000n + BigInt(h),
      author: Uint8Array.from([0x10, ...sha3_256(text(`miner ${h % 5}`)).slice(0, 19)]),
      transactionsRoot: EMPTY_TRIE_ROOT,
      deferredStateRoot: sha3_256(text(`state ${h}`)),
      deferredReceiptsRoot: EMPTY_TRIE_ROOT,
      deferredLogsBloomHash: EMPTY_BLOOM_HASH,
      blame: 0,
      difficulty: 1_000_000n + BigInt(h),
      adaptive: false,
      gasLimit: 60_000_000n,
      refereeHashes: [],
      nonce: BigInt(h) * 7919n,
      posReference: sha3_256(text(`pos ${h}`)),
      basePrice: { core: 1_000_000_000n, espace: 20_000_000_000n + BigInt(h) },
      custom: [Uint8Array.of(4)],
      customEncoding: 'raw',
    };
    const hash = headerHash(fields);
    blocks.push({ hash, fields, rpc: rpcBlockFor(fields, networkId), eth: ethBlockFor(fields, hash) });
    parent = hexToBytes(hash);
  }
  return blocks;
}

export interface MemoryChainData {
  posEpoch: number;
  /** Epoch-ending ledger infos by epoch. */
  endings: Map<number, unknown>;
  latestCommitted: unknown;
  epochStates?: Map<number, unknown>;
  blocks?: readonly SyntheticBlock[];
  epochReceipts?: Map<number, unknown>;
  /** Ledger infos by `${epoch}/${round}` for `pos_getLedgerInfoByEpochAndRound`. */
  rounds?: Map<string, unknown>;
}

/**
 * An in-memory transport over synthetic data. `overrides` replace single answers (by method and
 * JSON params) to simulate a lying node; `log` records every call.
 */
export class MemoryTransport implements LightClientTransport {
  readonly log: { method: string; params: unknown[] }[] = [];
  readonly overrides = new Map<string, unknown>();

  constructor(readonly data: MemoryChainData) {}

  private answer(method: string, params: unknown[], value: () => unknown): Promise<unknown> {
    this.log.push({ method, params });
    const key = `${method}:${JSON.stringify(params)}`;
    if (this.overrides.has(key)) return Promise.resolve(structuredClone(this.overrides.get(key)));
    return Promise.resolve(structuredClone(value() ?? null));
  }

  /** Replaces the answer of one call. */
  override(method: string, params: unknown[], value: unknown): void {
    this.overrides.set(`${method}:${JSON.stringify(params)}`, value);
  }

  pos_getStatus(): Promise<unknown> {
    return this.answer('pos_getStatus', [], () => ({ epoch: toQuantity(this.data.posEpoch), latestCommitted: '0x1', latestVoted: '0x1', latestTxNumber: '0x1', pivotDecision: null }));
  }
  pos_getLedgerInfoByEpoch(epoch: number): Promise<unknown> {
    return this.answer('pos_getLedgerInfoByEpoch', [epoch], () => this.data.endings.get(epoch));
  }
  pos_getLedgerInfosByEpoch(start: number, end: number): Promise<unknown> {
    return this.answer('pos_getLedgerInfosByEpoch', [start, end], () => {
      const out: unknown[] = [];
      for (let e = start; e < end && this.data.endings.has(e); e++) out.push(this.data.endings.get(e));
      return out;
    });
  }
  pos_getLedgerInfoByEpochAndRound(epoch: number, round: number): Promise<unknown> {
    return this.answer('pos_getLedgerInfoByEpochAndRound', [epoch, round], () => this.data.rounds?.get(`${epoch}/${round}`));
  }
  pos_getLedgerInfoByBlockNumber(n: PosBlockNumber): Promise<unknown> {
    return this.answer('pos_getLedgerInfoByBlockNumber', [n], () => (n === 'latest_committed' ? this.data.latestCommitted : null));
  }
  pos_getEpochState(epoch: number): Promise<unknown> {
    return this.answer('pos_getEpochState', [epoch], () => this.data.epochStates?.get(epoch));
  }
  cfx_getBlockByHash(hash: string, full: false): Promise<unknown> {
    return this.answer('cfx_getBlockByHash', [hash, full], () => this.data.blocks?.find((b) => b.hash === hash)?.rpc);
  }
  cfx_getBlockByEpochNumber(epoch: number, full: false): Promise<unknown> {
    return this.answer('cfx_getBlockByEpochNumber', [epoch, full], () => this.data.blocks?.[epoch]?.rpc);
  }
  cfx_getBlocksByEpoch(epoch: number): Promise<unknown> {
    return this.answer('cfx_getBlocksByEpoch', [epoch], () => {
      const b = this.data.blocks?.[epoch];
      return b === undefined ? null : [b.hash];
    });
  }
  cfx_getEpochReceipts(epoch: number, withEspace: true): Promise<unknown> {
    return this.answer('cfx_getEpochReceipts', [epoch, withEspace], () => this.data.epochReceipts?.get(epoch) ?? (this.data.blocks?.[epoch] === undefined ? null : [[]]));
  }
  eth_getBlockByNumber(n: number, full: false): Promise<unknown> {
    return this.answer('eth_getBlockByNumber', [n, full], () => this.data.blocks?.[n]?.eth);
  }
}
