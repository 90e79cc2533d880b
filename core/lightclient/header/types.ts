/**
 * A Conflux Core block header as it is hashed (`BlockHeaderRlpPart` in conflux-rust), in the
 * field order of its RLP list. Built by `rpc-block.ts` from JSON-RPC block answers.
 * @module
 */

export interface BasePrice {
  readonly core: bigint;
  readonly espace: bigint;
}

/** How the `custom` items are placed in the RLP list (CIP-112 changed it). */
export type CustomEncoding =
  /** Before CIP-112 (mainnet and testnet to date): each item is already RLP, spliced verbatim. */
  | 'raw'
  /** From CIP-112 on: each item is the payload, written as an RLP byte string. */
  | 'bytes';

export interface BlockHeaderFields {
  readonly parentHash: Uint8Array;
  readonly height: bigint;
  readonly timestamp: bigint;
  /** 20-byte author (decoded from the RPC's CIP-37 `miner`). */
  readonly author: Uint8Array;
  readonly transactionsRoot: Uint8Array;
  readonly deferredStateRoot: Uint8Array;
  readonly deferredReceiptsRoot: Uint8Array;
  readonly deferredLogsBloomHash: Uint8Array;
  readonly blame: number;
  readonly difficulty: bigint;
  readonly adaptive: boolean;
  /** The header's own gas limit (not the Core-space share the RPC may report). */
  readonly gasLimit: bigint;
  readonly refereeHashes: readonly Uint8Array[];
  readonly nonce: bigint;
  /** 32-byte PoS block id the miner referenced, or null before PoS. */
  readonly posReference: Uint8Array | null;
  /** Present from the CIP-1559 height on. */
  readonly basePrice: BasePrice | null;
  readonly custom: readonly Uint8Array[];
  readonly customEncoding: CustomEncoding;
}

/** A header whose hash was recomputed from its fields. */
export interface HashedHeader {
  readonly hash: string;
  readonly fields: BlockHeaderFields;
}
