/**
 * Public API of the RPC layer: typed JSON-RPC client and transports, the node pool (health, bans,
 * privacy assignment), cross-checked reads with trust levels, transaction broadcast and tracking,
 * and the light client driven over the pool.
 * @module
 */
export * from './errors.js';
export { systemClock, sleep, type Clock } from './clock.js';
export { DEFAULT_RETRY_POLICY, NO_RETRY, backoffDelay, isRetryable, type RetryPolicy } from './retry.js';
export { RpcClient, DEFAULT_TIMEOUT_MS, type RpcClientOptions, type CallOptions as RpcCallOptions, type RequestOutcome, type BatchCall, type BatchOutcome, type BatchOutcomes } from './client.js';
export { parseSingleResponse, parseBatchResponse, type JsonRpcOutcome, type JsonRpcErrorObject } from './jsonrpc.js';
export type { RpcTransport, SendOptions, TransportStats } from './transport/types.js';
export { HttpTransport, DEFAULT_MAX_RESPONSE_BYTES, type FetchFunction, type HttpTransportOptions } from './transport/http.js';
export { WebSocketTransport, type WebSocketLike, type WebSocketFactory, type WebSocketTransportOptions, type SubscriptionHandlers } from './transport/websocket.js';
export { rpcMethods, isRpcMethodName, RpcMethod, MAX_RAW_TRANSACTION_BYTES, type RpcMethodName, type RpcParams, type RpcResult, type CoreEpochRef, type CoreEpochTag, type EthBlockRef, type EthBlockTag, type CoreCallRequest, type EthCallRequest } from './schema/methods.js';
export { ResultSchemaError, type Schema as ResultSchema } from './schema/validators.js';
export type { RpcCoreBlock, RpcCoreTransaction, RpcCoreReceipt, RpcCoreStatus, RpcCoreAccount, RpcCoreLog } from './schema/core.js';
export type { RpcEthBlock, RpcEthTransaction, RpcEthReceipt } from './schema/espace.js';
export type { RpcLedgerInfoWithSignatures, RpcEpochState, RpcPosStatus, RpcPosBlock } from './schema/pos.js';
export { NETWORKS, makeEndpoint, hostPermissionPattern, isLocalHost, type NetworkKey, type NetworkConfig, type NodeEndpoint } from './pool/endpoint.js';
export { defaultEndpoints, defaultOperatorCount, OPERATOR_CONFURA, OPERATOR_UNIFRA, OPERATOR_BLOCKPI } from './pool/defaults.js';
export { BanList, makeBan, BAN_DURATION_MS, BAN_REASON_TEXT, type BanReason, type BanRecord, type BanSeverity } from './pool/bans.js';
export { emptyHealth, healthScore, type NodeHealth } from './pool/health.js';
export { rankForAddress, PRIVACY_MODE_EXPLANATION, PRIVACY_NODES_PER_ADDRESS } from './pool/privacy.js';
export { classifyFailure, type Verdict } from './pool/classify.js';
export { NoNodeAvailableError } from './pool/errors.js';
export { NodePool, describeVerdict, type NodePoolOptions, type NodeView, type NodeAnswer, type AskOptions, type PoolChange } from './pool/node-pool.js';
export { TRUST_EXPLANATION, type Trust, type TrustedValue, type SourceAnswer, type ConflictCandidate } from './trust/types.js';
export { crossCheckedRead, type CrossCheckRequest } from './trust/cross-check.js';
export { AccountReader, TokenCallError, addressKeyOf, type AccountReaderOptions } from './trust/account-reader.js';
export { FINAL_STATUSES, type TxStatus, type TrackedTransaction, type InclusionProof, type InclusionProver } from './tx/types.js';
export { broadcastRaw, BROADCAST_FANOUT, type BroadcastReport } from './tx/broadcast.js';
export { TxTracker, DEFAULT_CENSORSHIP_TIMEOUT_MS, type TxTrackerOptions } from './tx/tracker.js';
export { coreReplacement, espaceReplacement, bumpedPrice, REPLACEMENT_BUMP_PERCENT, type ReplacementKind } from './tx/replacement.js';
export { VerifiedRunner, type RunResult } from './verified/runner.js';
export { VerifiedChain, type VerifiedChainOptions } from './verified/chain.js';
export { checkEspaceBlock } from './verified/espace-anchor.js';
