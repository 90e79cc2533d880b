/**
 * Result schemas for eSpace (`eth_*`, `net_*`, `web3_*`) JSON-RPC methods.
 *
 * conflux-rust's eSpace RPC follows Ethereum's shapes with Conflux extras (`txExecErrorMsg`,
 * `burntGasFee`, `standardV`, `raw`, `publicKey`, `creates`); extras are optional. An eSpace block
 * N is the Core pivot block of epoch N seen through the EVM lens (same hash and parent hash; its
 * `stateRoot` is that pivot header's deferred state root), which is how it gets verified.
 * @module
 */
import { array, boolean, data, hash32, hexAddress, nullable, object, optional, quantity, string, union, jsonNumber, type Infer, type Schema } from './validators.js';

const u64 = () => quantity(64);
const u256 = () => quantity(256);
const bigData = () => data({ maxBytes: 4 * 1024 * 1024 });

const accessListSchema = array(object({ address: hexAddress(), storageKeys: array(hash32(), { max: 10_000 }) }), { max: 10_000 });

export const ethTransactionSchema = object({
  hash: hash32(),
  nonce: u256(),
  blockHash: nullable(hash32()),
  blockNumber: nullable(u64()),
  transactionIndex: nullable(u64()),
  from: hexAddress(),
  to: nullable(hexAddress()),
  value: u256(),
  gasPrice: optional(u256()),
  gas: u256(),
  input: bigData(),
  chainId: optional(u64()),
  type: optional(quantity(8)),
  v: u256(),
  r: u256(),
  s: u256(),
  yParity: optional(quantity(8)),
  accessList: optional(accessListSchema),
  maxFeePerGas: optional(u256()),
  maxPriorityFeePerGas: optional(u256()),
  status: optional(u64()),
});
export type RpcEthTransaction = Infer<typeof ethTransactionSchema>;

function ethBlockSchemaWith<T>(transaction: Schema<T>) {
  return object({
    hash: hash32(),
    parentHash: hash32(),
    number: u64(),
    stateRoot: hash32(),
    receiptsRoot: hash32(),
    transactionsRoot: hash32(),
    logsBloom: data({ length: 256 }),
    miner: hexAddress(),
    gasLimit: u256(),
    gasUsed: u256(),
    baseFeePerGas: optional(u256()),
    timestamp: u64(),
    difficulty: optional(u256()),
    nonce: optional(data({ maxBytes: 32 })),
    extraData: optional(data({ maxBytes: 1024 })),
    size: optional(u64()),
    transactions: array(transaction, { max: 100_000 }),
  });
}
export const ethBlockSchema = ethBlockSchemaWith(union(hash32(), ethTransactionSchema));
export type RpcEthBlock = Infer<typeof ethBlockSchema>;

export const ethLogSchema = object({
  address: hexAddress(),
  topics: array(hash32(), { max: 4 }),
  data: bigData(),
  blockHash: optional(hash32()),
  blockNumber: optional(u64()),
  transactionHash: optional(hash32()),
  transactionIndex: optional(u64()),
  logIndex: optional(u64()),
  removed: optional(boolean()),
});

export const ethReceiptSchema = object({
  transactionHash: hash32(),
  transactionIndex: u64(),
  blockHash: hash32(),
  blockNumber: u64(),
  from: hexAddress(),
  to: nullable(hexAddress()),
  cumulativeGasUsed: u256(),
  gasUsed: u256(),
  contractAddress: nullable(hexAddress()),
  logs: array(ethLogSchema, { max: 100_000 }),
  logsBloom: data({ length: 256 }),
  status: quantity(8),
  effectiveGasPrice: optional(u256()),
  type: optional(quantity(8)),
  burntGasFee: optional(u256()),
  txExecErrorMsg: optional(string({ max: 64 * 1024 })),
});
export type RpcEthReceipt = Infer<typeof ethReceiptSchema>;

export const ethFeeHistorySchema = object({
  oldestBlock: u64(),
  baseFeePerGas: array(u256(), { max: 1025 }),
  gasUsedRatio: array(jsonNumber({ min: 0, max: 1 }), { max: 1024 }),
  reward: optional(array(array(u256(), { max: 100 }), { max: 1024 })),
});

/** `net_version` is a decimal string. */
export const netVersionSchema = string({ max: 20, pattern: /^(0|[1-9][0-9]*)$/ });
