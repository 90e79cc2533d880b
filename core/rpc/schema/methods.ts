/**
 * The one table of JSON-RPC methods the wallet speaks: parameter types (compile time) and result
 * schema (run time) per method. The RPC client validates every answer against it, and a dApp
 * read-only passthrough can validate what it forwards with the same entry.
 * @module
 */
import type { Hex } from '../../encoding/hex.js';
import type { Infer, Schema } from './validators.js';
import { array, boolean, data, hash32, nullable, string } from './validators.js';
import { bigData, coreAccountSchema, coreBlockSchema, coreEstimateSchema, coreFeeHistorySchema, coreLogSchema, coreReceiptSchema, coreStatusSchema, coreTransactionSchema, u256, u64 } from './core.js';
import { epochStateSchema, ledgerInfoListSchema, nullableLedgerInfoSchema, posBlockSchema, posStatusSchema } from './pos.js';
import { ethBlockSchema, ethFeeHistorySchema, ethLogSchema, ethReceiptSchema, ethTransactionSchema, netVersionSchema } from './espace.js';

/** A method: its parameter tuple type (compile time only) and its result schema. */
export class RpcMethod<P extends readonly unknown[], R> {
  declare readonly paramsType: P;
  constructor(readonly result: Schema<R>) {}
}
const method = <P extends readonly unknown[], R>(result: Schema<R>) => new RpcMethod<P, R>(result);

/** Core epoch tags; numbers are `0x` quantities. The wallet asks for concrete numbers where answers are compared. */
export type CoreEpochTag = 'latest_mined' | 'latest_state' | 'latest_confirmed' | 'latest_checkpoint' | 'latest_finalized' | 'earliest';
export type CoreEpochRef = CoreEpochTag | Hex;
export type EthBlockTag = 'latest' | 'pending' | 'earliest' | 'safe' | 'finalized';
export type EthBlockRef = EthBlockTag | Hex;

/** Call request shared by `cfx_call`/`cfx_estimateGasAndCollateral` (addresses base32). */
export interface CoreCallRequest {
  from?: string;
  to?: string;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
  gasPrice?: Hex;
  nonce?: Hex;
  storageLimit?: Hex;
}
/** Call request for `eth_call`/`eth_estimateGas` (addresses hex). */
export interface EthCallRequest {
  from?: string;
  to?: string;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
  gasPrice?: Hex;
}

const subscriptionId = () => string({ max: 66, pattern: /^0x[0-9a-fA-F]{1,64}$/ });

export const rpcMethods = {
  // Core space
  cfx_getStatus: method<[], Infer<typeof coreStatusSchema>>(coreStatusSchema),
  cfx_clientVersion: method<[], string>(string({ max: 256 })),
  cfx_epochNumber: method<[tag?: CoreEpochRef], string>(u64()),
  cfx_getBalance: method<[address: string, epoch?: CoreEpochRef], string>(u256()),
  cfx_getNextNonce: method<[address: string, epoch?: CoreEpochRef], string>(u256()),
  cfx_getAccount: method<[address: string, epoch?: CoreEpochRef], Infer<typeof coreAccountSchema>>(coreAccountSchema),
  cfx_getCode: method<[address: string, epoch?: CoreEpochRef], string>(bigData()),
  cfx_call: method<[request: CoreCallRequest, epoch?: CoreEpochRef], string>(bigData()),
  cfx_estimateGasAndCollateral: method<[request: CoreCallRequest, epoch?: CoreEpochRef], Infer<typeof coreEstimateSchema>>(coreEstimateSchema),
  cfx_gasPrice: method<[], string>(u256()),
  cfx_maxPriorityFeePerGas: method<[], string>(u256()),
  cfx_feeHistory: method<[count: Hex, epoch: CoreEpochRef, percentiles: number[]], Infer<typeof coreFeeHistorySchema>>(coreFeeHistorySchema),
  cfx_getBlockByHash: method<[hash: Hex, full: boolean], Infer<typeof coreBlockSchema> | null>(nullable(coreBlockSchema)),
  cfx_getBlockByEpochNumber: method<[epoch: CoreEpochRef, full: boolean], Infer<typeof coreBlockSchema> | null>(nullable(coreBlockSchema)),
  cfx_getBlocksByEpoch: method<[epoch: CoreEpochRef], string[]>(array(hash32(), { max: 10_000 })),
  cfx_getEpochReceipts: method<[epoch: CoreEpochRef, includeEspace?: boolean], Infer<typeof coreReceiptSchema>[][] | null>(
    nullable(array(array(coreReceiptSchema, { max: 100_000 }), { max: 10_000 })),
  ),
  cfx_getTransactionByHash: method<[hash: Hex], Infer<typeof coreTransactionSchema> | null>(nullable(coreTransactionSchema)),
  cfx_getTransactionReceipt: method<[hash: Hex], Infer<typeof coreReceiptSchema> | null>(nullable(coreReceiptSchema)),
  cfx_getLogs: method<[filter: Record<string, unknown>], Infer<typeof coreLogSchema>[]>(array(coreLogSchema, { max: 10_000 })),
  cfx_sendRawTransaction: method<[raw: Hex], string>(hash32()),
  cfx_subscribe: method<[kind: 'epochs' | 'newHeads' | 'logs', ...rest: unknown[]], string>(subscriptionId()),
  cfx_unsubscribe: method<[id: string], boolean>(boolean()),

  // PoS
  pos_getStatus: method<[], Infer<typeof posStatusSchema>>(posStatusSchema),
  pos_getLedgerInfoByEpoch: method<[epoch: Hex], Infer<typeof nullableLedgerInfoSchema>>(nullableLedgerInfoSchema),
  pos_getLedgerInfosByEpoch: method<[start: Hex, end: Hex], Infer<typeof ledgerInfoListSchema>>(ledgerInfoListSchema),
  pos_getLedgerInfoByEpochAndRound: method<[epoch: Hex, round: Hex], Infer<typeof nullableLedgerInfoSchema>>(nullableLedgerInfoSchema),
  pos_getLedgerInfoByBlockNumber: method<[block: Hex | 'latest_committed' | 'latest_voted'], Infer<typeof nullableLedgerInfoSchema>>(nullableLedgerInfoSchema),
  pos_getEpochState: method<[epoch: Hex], Infer<typeof epochStateSchema> | null>(nullable(epochStateSchema)),
  pos_getBlockByNumber: method<[block: Hex | 'latest_committed' | 'latest_voted'], Infer<typeof posBlockSchema> | null>(nullable(posBlockSchema)),

  // eSpace
  eth_chainId: method<[], string>(u64()),
  net_version: method<[], string>(netVersionSchema),
  web3_clientVersion: method<[], string>(string({ max: 256 })),
  eth_blockNumber: method<[], string>(u64()),
  eth_getBalance: method<[address: string, block: EthBlockRef], string>(u256()),
  eth_getTransactionCount: method<[address: string, block: EthBlockRef], string>(u256()),
  eth_getCode: method<[address: string, block: EthBlockRef], string>(bigData()),
  eth_call: method<[request: EthCallRequest, block: EthBlockRef], string>(bigData()),
  eth_estimateGas: method<[request: EthCallRequest, block?: EthBlockRef], string>(u256()),
  eth_gasPrice: method<[], string>(u256()),
  eth_maxPriorityFeePerGas: method<[], string>(u256()),
  eth_feeHistory: method<[count: Hex, block: EthBlockRef, percentiles: number[]], Infer<typeof ethFeeHistorySchema>>(ethFeeHistorySchema),
  eth_getBlockByNumber: method<[block: EthBlockRef, full: boolean], Infer<typeof ethBlockSchema> | null>(nullable(ethBlockSchema)),
  eth_getBlockByHash: method<[hash: Hex, full: boolean], Infer<typeof ethBlockSchema> | null>(nullable(ethBlockSchema)),
  eth_getTransactionByHash: method<[hash: Hex], Infer<typeof ethTransactionSchema> | null>(nullable(ethTransactionSchema)),
  eth_getTransactionReceipt: method<[hash: Hex], Infer<typeof ethReceiptSchema> | null>(nullable(ethReceiptSchema)),
  eth_getLogs: method<[filter: Record<string, unknown>], Infer<typeof ethLogSchema>[]>(array(ethLogSchema, { max: 10_000 })),
  eth_sendRawTransaction: method<[raw: Hex], string>(hash32()),
  eth_subscribe: method<[kind: 'newHeads' | 'logs', ...rest: unknown[]], string>(subscriptionId()),
  eth_unsubscribe: method<[id: string], boolean>(boolean()),
} as const;

export type RpcMethods = typeof rpcMethods;
export type RpcMethodName = keyof RpcMethods;
export type RpcParams<M extends RpcMethodName> = RpcMethods[M]['paramsType'];
export type RpcResult<M extends RpcMethodName> = RpcMethods[M] extends RpcMethod<readonly unknown[], infer R> ? R : never;

/** True for a method the table knows (for callers holding a plain string, e.g. a dApp request). */
export function isRpcMethodName(name: string): name is RpcMethodName {
  return Object.hasOwn(rpcMethods, name);
}

/** Sizes above which a raw transaction is refused before it is sent (Conflux caps tx size at 200 KB). */
export const MAX_RAW_TRANSACTION_BYTES = 256 * 1024;
export const rawTransactionSchema = data({ maxBytes: MAX_RAW_TRANSACTION_BYTES });
