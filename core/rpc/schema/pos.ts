/**
 * Result schemas for PoS (`pos_*`) JSON-RPC methods.
 *
 * Shapes follow conflux-rust's `rpc-cfx-types/src/pos` (ledger_info.rs, epoch_state.rs) as
 * observed on the dev node and in mainnet captures. Older nodes (about 2023) printed signature and
 * key bytes without `0x` and had no `aggregatedSignature`/`nextEpochValidators`; both forms pass
 * here and the light client converts them. Only shape and size are checked here: signatures,
 * quorum and committee membership are the light client's job.
 * @module
 */
import { array, data, hash32, nullable, object, optional, quantity, record, type Infer } from './validators.js';

const u64 = () => quantity(64);
/** PoS accounts are 32-byte hashes (map keys). */
const posAccount = () => data({ length: 32 });
/** BLS keys: 48 bytes compressed or 96 uncompressed; signatures 96 or 192 (G2). With or without 0x. */
const blsPublicKey = () => data({ maxBytes: 96, allowPrefixless: true });
const blsSignature = () => data({ maxBytes: 192, allowPrefixless: true });
/** Mainnet committees have a few dozen members; 1000 leaves room without inviting abuse. */
const MAX_VALIDATORS = 1000;

export const epochStateSchema = object({
  epoch: u64(),
  verifier: object({
    addressToValidatorInfo: record(
      posAccount(),
      object({
        publicKey: blsPublicKey(),
        vrfPublicKey: optional(data({ maxBytes: 33, allowPrefixless: true })),
        votingPower: u64(),
      }),
      { max: MAX_VALIDATORS },
    ),
    quorumVotingPower: u64(),
    totalVotingPower: u64(),
  }),
  vrfSeed: data({ maxBytes: 64, allowPrefixless: true }),
});
export type RpcEpochState = Infer<typeof epochStateSchema>;

export const pivotDecisionSchema = object({ height: u64(), blockHash: hash32() });

export const ledgerInfoWithSignaturesSchema = object({
  ledgerInfo: object({
    commitInfo: object({
      epoch: u64(),
      round: u64(),
      id: data({ length: 32, allowPrefixless: true }),
      executedStateId: data({ length: 32, allowPrefixless: true }),
      version: u64(),
      timestampUsecs: u64(),
      nextEpochState: optional(epochStateSchema),
      pivot: optional(pivotDecisionSchema),
    }),
    consensusDataHash: data({ length: 32, allowPrefixless: true }),
  }),
  signatures: record(posAccount(), blsSignature(), { max: MAX_VALIDATORS }),
  nextEpochValidators: optional(record(posAccount(), blsPublicKey(), { max: MAX_VALIDATORS })),
  aggregatedSignature: optional(blsSignature()),
});
export type RpcLedgerInfoWithSignatures = Infer<typeof ledgerInfoWithSignaturesSchema>;

export const nullableLedgerInfoSchema = nullable(ledgerInfoWithSignaturesSchema);
export const ledgerInfoListSchema = array(ledgerInfoWithSignaturesSchema, { max: 1000 });

export const posStatusSchema = object({
  epoch: u64(),
  latestCommitted: u64(),
  latestVoted: optional(u64()),
  latestTxNumber: optional(u64()),
  pivotDecision: optional(pivotDecisionSchema),
});
export type RpcPosStatus = Infer<typeof posStatusSchema>;

export const posBlockSchema = object({
  hash: hash32(),
  height: u64(),
  epoch: u64(),
  round: u64(),
  lastTxNumber: optional(u64()),
  miner: optional(posAccount()),
  parentHash: hash32(),
  timestamp: u64(),
  pivotDecision: optional(pivotDecisionSchema),
  signatures: optional(array(object({ account: posAccount(), votes: u64() }), { max: MAX_VALIDATORS })),
});
export type RpcPosBlock = Infer<typeof posBlockSchema>;
