/**
 * Parsed Conflux PoS objects (a Diem/LibraBFT fork with BLS signatures), in the shapes that the
 * BCS encoder and the verifier use. Produced only by `parse.ts` from RPC JSON; every byte field
 * has its exact length and every public key is a checked, compressed BLS12-381 G1 point.
 * @module
 */

/** One member of a PoS committee (`ValidatorConsensusInfo` keyed by its PoS account). */
export interface ValidatorInfo {
  /** 32-byte PoS account address (an H256, not a `cfx:` address). */
  readonly address: Uint8Array;
  /** The same address as lower-case `0x` hex (map key). */
  readonly addressHex: string;
  /** 48-byte compressed BLS12-381 G1 public key. */
  readonly publicKey: Uint8Array;
  /** 33-byte compressed secp256k1 VRF key, or null when the validator has none. */
  readonly vrfPublicKey: Uint8Array | null;
  readonly votingPower: bigint;
}

/** `EpochState`: the committee that signs every ledger info of `epoch`. */
export interface EpochState {
  readonly epoch: number;
  /** Sorted by address bytes, ascending (the BTreeMap order BCS serializes). */
  readonly validators: readonly ValidatorInfo[];
  readonly quorumVotingPower: bigint;
  readonly totalVotingPower: bigint;
  readonly vrfSeed: Uint8Array;
}

/** The PoW pivot block that a PoS ledger info finalizes. */
export interface PivotDecision {
  readonly height: number;
  /** Lower-case `0x` hex of the 32-byte block hash. */
  readonly blockHash: string;
}

/** `BlockInfo` in serialization order. */
export interface BlockInfo {
  readonly epoch: number;
  readonly round: number;
  readonly id: Uint8Array;
  readonly executedStateId: Uint8Array;
  readonly version: bigint;
  readonly timestampUsecs: bigint;
  readonly nextEpochState: EpochState | null;
  readonly pivot: PivotDecision | null;
}

export interface LedgerInfo {
  readonly commitInfo: BlockInfo;
  readonly consensusDataHash: Uint8Array;
}

/** One validator's vote as it appears in the RPC `signatures` map. */
export interface LedgerInfoSignature {
  readonly addressHex: string;
  /** G2 signature bytes, 96 (compressed) or 192 (uncompressed) long. */
  readonly signature: Uint8Array;
}

export interface LedgerInfoWithSignatures {
  readonly ledgerInfo: LedgerInfo;
  readonly signatures: readonly LedgerInfoSignature[];
  /** Present on current nodes; older nodes only give the individual signatures. */
  readonly aggregatedSignature: Uint8Array | null;
}
