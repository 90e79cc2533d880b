/**
 * Public API of the RPC layer: typed JSON-RPC client and transports, answer schemas, and the node
 * pool (health, bans, privacy assignment). What is believed of the nodes' answers is core/trust;
 * the chain the wallet acts on (verified headers, transaction tracking) is core/chain.
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
