/**
 * Result schemas for Core space (`cfx_*`) JSON-RPC methods.
 *
 * Field lists follow what conflux-rust v2.4 prints (checked against a running dev node) plus the
 * fields newer releases added; fields a version may omit are optional. Bounds: heights, epochs,
 * nonces and indices fit in 64 bits; balances, prices and values in 256.
 * @module
 */
import { array, boolean, cfxAddress, data, hash32, jsonNumber, nullable, object, optional, quantity, string, union, type Infer, type Schema } from './validators.js';

const u64 = () => quantity(64);
const u256 = () => quantity(256);
/** Transaction input and contract code can be large; the response byte cap bounds them anyway. */
const bigData = () => data({ maxBytes: 4 * 1024 * 1024 });

export const coreStatusSchema = object({
  bestHash: hash32(),
  chainId: u64(),
  ethereumSpaceChainId: optional(u64()),
  networkId: u64(),
  epochNumber: u64(),
  blockNumber: u64(),
  latestCheckpoint: u64(),
  latestConfirmed: u64(),
  latestState: u64(),
  latestFinalized: optional(u64()),
  pendingTxNumber: u64(),
});
export type RpcCoreStatus = Infer<typeof coreStatusSchema>;

const accessListSchema = array(object({ address: cfxAddress(), storageKeys: array(hash32(), { max: 10_000 }) }), { max: 10_000 });

export const coreTransactionSchema = object({
  hash: hash32(),
  nonce: u256(),
  blockHash: nullable(hash32()),
  transactionIndex: nullable(u64()),
  from: cfxAddress(),
  to: nullable(cfxAddress()),
  value: u256(),
  gasPrice: u256(),
  gas: u256(),
  contractCreated: nullable(cfxAddress()),
  data: bigData(),
  storageLimit: u256(),
  epochHeight: u256(),
  chainId: u256(),
  status: nullable(u64()),
  v: u256(),
  r: u256(),
  s: u256(),
  type: optional(quantity(8)),
  accessList: optional(accessListSchema),
  maxFeePerGas: optional(u256()),
  maxPriorityFeePerGas: optional(u256()),
  yParity: optional(quantity(8)),
});
export type RpcCoreTransaction = Infer<typeof coreTransactionSchema>;

/** Header fields plus transaction hashes (`full = false`) or objects (`full = true`). */
function coreBlockSchemaWith<T>(transaction: Schema<T>) {
  return object({
    hash: hash32(),
    parentHash: hash32(),
    height: u64(),
    miner: cfxAddress(),
    deferredStateRoot: hash32(),
    deferredReceiptsRoot: hash32(),
    deferredLogsBloomHash: hash32(),
    blame: quantity(32),
    transactionsRoot: hash32(),
    epochNumber: nullable(u64()),
    blockNumber: optional(u64()),
    gasLimit: u256(),
    gasUsed: optional(u256()),
    baseFeePerGas: optional(u256()),
    timestamp: u64(),
    difficulty: u256(),
    powQuality: optional(u256()),
    refereeHashes: array(hash32(), { max: 1000 }),
    adaptive: boolean(),
    nonce: u256(),
    size: optional(u64()),
    custom: optional(array(data({ maxBytes: 1024 }), { max: 64 })),
    posReference: optional(hash32()),
    transactions: array(transaction, { max: 100_000 }),
  });
}
export const coreBlockSchema = coreBlockSchemaWith(union(hash32(), coreTransactionSchema));
export type RpcCoreBlock = Infer<typeof coreBlockSchema>;

export const coreLogSchema = object({
  address: cfxAddress(),
  topics: array(hash32(), { max: 4 }),
  data: bigData(),
  blockHash: optional(hash32()),
  epochNumber: optional(u64()),
  transactionHash: optional(hash32()),
  transactionIndex: optional(u64()),
  logIndex: optional(u64()),
  transactionLogIndex: optional(u64()),
  space: optional(string({ max: 16 })),
});
export type RpcCoreLog = Infer<typeof coreLogSchema>;

const storageChangeSchema = object({ address: cfxAddress(), collaterals: u256() });

export const coreReceiptSchema = object({
  transactionHash: hash32(),
  index: u64(),
  blockHash: hash32(),
  epochNumber: u64(),
  from: cfxAddress(),
  to: nullable(cfxAddress()),
  gasUsed: u256(),
  accumulatedGasUsed: optional(u256()),
  gasFee: u256(),
  contractCreated: nullable(cfxAddress()),
  logs: array(coreLogSchema, { max: 100_000 }),
  logsBloom: data({ length: 256 }),
  stateRoot: hash32(),
  outcomeStatus: quantity(8),
  txExecErrorMsg: nullable(string({ max: 64 * 1024 })),
  gasCoveredBySponsor: boolean(),
  storageCoveredBySponsor: boolean(),
  storageCollateralized: u256(),
  storageReleased: array(storageChangeSchema, { max: 10_000 }),
  space: optional(string({ max: 16 })),
  burntGasFee: optional(u256()),
  effectiveGasPrice: optional(u256()),
  type: optional(quantity(8)),
});
export type RpcCoreReceipt = Infer<typeof coreReceiptSchema>;

export const coreAccountSchema = object({
  address: optional(cfxAddress()),
  balance: u256(),
  nonce: u256(),
  codeHash: hash32(),
  stakingBalance: u256(),
  collateralForStorage: u256(),
  accumulatedInterestReturn: u256(),
  admin: cfxAddress(),
});
export type RpcCoreAccount = Infer<typeof coreAccountSchema>;

export const coreEstimateSchema = object({
  gasLimit: u256(),
  gasUsed: u256(),
  storageCollateralized: u256(),
});

export const coreFeeHistorySchema = object({
  oldestEpoch: u64(),
  baseFeePerGas: array(u256(), { max: 1025 }),
  gasUsedRatio: array(jsonNumber({ min: 0, max: 1 }), { max: 1024 }),
  reward: optional(array(array(u256(), { max: 100 }), { max: 1024 })),
});

/** `cfx_subscribe('epochs')` notification. */
export const coreEpochNotificationSchema = object({
  epochNumber: u64(),
  epochHashesOrdered: array(hash32(), { max: 10_000 }),
});

export { bigData, u64, u256 };
