/**
 * Public API of the light client: pure verification functions (PoS ledger infos, the skipping
 * rule, batch signature checks, headers, tries, receipts, blame), the PoS sync state machine
 * (`SyncMachine`, driven by `driveSync` over one transport per node), and the stateful
 * {@link LightClient} that holds the verified state over an injected checkpoint store.
 * @module
 */
export { LightClientError, CheckpointError, type LightClientFailureKind, type CheckpointErrorCode, type FailedRequest } from './errors.js';
export { transportFromRequest, ESPACE_METHODS, type LightClientTransport, type LightClientMethod, type JsonRpcRequest, type PosBlockNumber } from './transport.js';

// PoS finality
export type { EpochState, ValidatorInfo, LedgerInfo, BlockInfo, PivotDecision, LedgerInfoWithSignatures, LedgerInfoSignature } from './pos/types.js';
export { parseEpochState, parseLedgerInfoWithSignatures, parseLedgerInfoList, type ParsedEpochState, type ParsedLedgerInfo } from './pos/parse.js';
export { encodeLedgerInfo, encodeEpochState, ledgerInfoSigningMessage, epochStateDigest, signerSetDigest, LEDGER_INFO_SEED } from './pos/encode.js';
export { committeeFromJson, epochStateToJson, type Committee, type EpochStateJson } from './pos/committee.js';
export { verifyLedgerInfo, checkLedgerInfo, prepareLedgerInfo, type VerifyLedgerInfoResult, type VerifiedLedgerInfo, type PreparedLedgerInfo, type SignatureCheckMode, type LedgerInfoCheckOptions } from './pos/verify-ledger-info.js';
export { checkSkip, exceedsOneThird, trustedSignerPower, type SkippedLedgerInfo } from './pos/skip.js';
export { verifyBatch, randomScalars, type SignatureEquation, type RandomBytes } from './pos/batch.js';

// Headers
export type { BlockHeaderFields, BasePrice, CustomEncoding, HashedHeader } from './header/types.js';
export { encodeHeader, headerHash, headerProblemHash } from './header/encode.js';
export { hashBlockHeader, verifyBlockHeaderHash, matchBlockHeader, gasLimitCandidates, coreSpaceGasLimit, type HeaderExtra } from './header/hash.js';
export { readRpcBlock, type RpcBlockView } from './header/rpc-block.js';
export { verifyHeaderAgainstHash, verifyParent, verifyHeaderChain, type VerifiedHeader } from './header/chain.js';
export { blameVectorCommitment, findDeferredWitness, checkDeferredField, DEFERRED_STATE_EPOCH_COUNT, MAX_BLAME_VECTOR, type DeferredWitness, type BlameHeader } from './header/blame.js';

// Tries, receipts, blooms
export { simpleMptRoot, simpleMptKeyWidth, EMPTY_TRIE_ROOT } from './trie/simple-mpt.js';
export { readReceipt, encodeReceipt, receiptEncodingCandidates, receiptLogsMatchBloom, type ReceiptView, type ReceiptLog, type ReceiptSpace, type Outcome as ReceiptOutcome } from './receipts/receipt.js';
export { readEpochReceipts, matchEpochReceiptsRoot, blockReceiptsRootCandidates, epochLogsBloomHash, type EpochReceipts } from './receipts/epoch.js';
export { logsBloom, accrueBloom, orBlooms, bloomContains, EMPTY_BLOOM_HASH } from './receipts/bloom.js';

// Checkpoints and persistence
export type { Checkpoint, CheckpointAnchor, TrustLevel, FinalizedPivot, Finality, SkipHop, SequentialTail } from './checkpoint/types.js';
export { MAINNET_CHECKPOINT, SHIPPED_CHECKPOINTS } from './checkpoint/shipped.js';
export { shippedCheckpoint, checkpointCommittee, tofuCheckpoint, resolveStartingState } from './checkpoint/checkpoint.js';
export { encodeCheckpointRecord, decodeCheckpointRecord, type CheckpointRecord, type RestoredState } from './checkpoint/record.js';
export { MemoryCheckpointStore, type CheckpointStore } from './checkpoint/store.js';

// State machine and client
export { applyEpochEnding, applyLedgerInfo, stateFromRestored, finalityOf, type PosState } from './sync/pos-state.js';
export { applyEpochEndings, type EndingsOutcome, type EndingsOptions } from './sync/endings.js';
export { applySkip, advanceTail, type TailRunOutcome } from './sync/skip-state.js';
export { SyncMachine } from './sync/machine.js';
export { driveSync, type SyncIo } from './sync/drive.js';
export type { SyncRequest, SyncMethod, Finding, SyncStep, SyncMachineOptions, SyncProgress, SyncReport } from './sync/types.js';
export { HeaderCache, type HeaderStatus } from './sync/header-cache.js';
export { LightClient, fetchTofuCheckpoint, type LightClientOptions, type SyncOptions } from './client/light-client.js';
export type { CallOptions, HeaderSource } from './client/header-source.js';
export { proveTransaction, proveReceipt, type InclusionQuery, type TransactionInclusion, type ReceiptInclusion, type VerifiedReceipt } from './client/proofs.js';
