/**
 * The read-only node methods a dApp may call through the wallet, per space: an explicit allowlist,
 * each with its parameter schema. Everything not listed is refused with 4200 (no "forward whatever
 * starts with cfx_"): stateful node features (filters, subscriptions) cannot work across a pool of
 * nodes, and admin/debug namespaces have no business in a web page.
 *
 * These calls are served by the chain service's node pool, which verifies or cross-checks what it
 * can; the dApp receives the node's answer (or the node's error) unchanged in shape.
 * @module
 */
import type { Hex } from '../../../../core/encoding/hex.js';
import type { Space } from '../../../../core/space.js';
import type { Schema } from '../../../shared/schema.js';
import { blockTag, bool, coreAddress, data, epoch, ethAddress, hash32, noParams, optional, passThroughObject, percentiles, tuple, uint } from './params.js';

type Table = Readonly<Record<string, Schema<unknown>>>;

const coreAccountAt = tuple(coreAddress(), optional(epoch()));
const epochOnly = tuple(optional(epoch()));

export const CORE_READ_METHODS: Table = {
  cfx_epochNumber: epochOnly,
  cfx_getStatus: noParams(),
  cfx_clientVersion: noParams(),
  cfx_gasPrice: noParams(),
  cfx_maxPriorityFeePerGas: noParams(),
  cfx_getBestBlockHash: noParams(),
  cfx_feeHistory: tuple(uint(), epoch(), percentiles()),
  cfx_getBalance: coreAccountAt,
  cfx_getStakingBalance: coreAccountAt,
  cfx_getCollateralForStorage: coreAccountAt,
  cfx_getAdmin: coreAccountAt,
  cfx_getCode: coreAccountAt,
  cfx_getSponsorInfo: coreAccountAt,
  cfx_getNextNonce: coreAccountAt,
  cfx_getAccount: coreAccountAt,
  cfx_getStorageRoot: coreAccountAt,
  cfx_getDepositList: coreAccountAt,
  cfx_getVoteList: coreAccountAt,
  cfx_getStorageAt: tuple(coreAddress(), hash32(), optional(epoch())),
  cfx_call: tuple(passThroughObject(), optional(epoch())),
  cfx_estimateGasAndCollateral: tuple(passThroughObject(), optional(epoch())),
  cfx_checkBalanceAgainstTransaction: tuple(coreAddress(), coreAddress(), uint(), uint(), uint(), optional(epoch())),
  cfx_getLogs: tuple(passThroughObject(64 * 1024)),
  cfx_getBlockByHash: tuple(hash32(), bool()),
  cfx_getBlockByEpochNumber: tuple(epoch(), bool()),
  cfx_getBlockByBlockNumber: tuple(uint(), bool()),
  cfx_getBlockByHashWithPivotAssumption: tuple(hash32(), hash32(), uint()),
  cfx_getBlocksByEpoch: tuple(epoch()),
  cfx_getSkippedBlocksByEpoch: tuple(epoch()),
  cfx_getTransactionByHash: tuple(hash32()),
  cfx_getTransactionReceipt: tuple(hash32()),
  cfx_getConfirmationRiskByHash: tuple(hash32()),
  cfx_getAccountPendingInfo: tuple(coreAddress()),
  cfx_getAccountPendingTransactions: tuple(coreAddress(), optional(uint()), optional(uint())),
  cfx_getInterestRate: epochOnly,
  cfx_getAccumulateInterestRate: epochOnly,
  cfx_getSupplyInfo: epochOnly,
  cfx_getPoSEconomics: epochOnly,
  cfx_getFeeBurnt: epochOnly,
};

const ethAccountAt = tuple(ethAddress(), optional(blockTag()));

export const ESPACE_READ_METHODS: Table = {
  eth_blockNumber: noParams(),
  eth_gasPrice: noParams(),
  eth_maxPriorityFeePerGas: noParams(),
  eth_syncing: noParams(),
  web3_clientVersion: noParams(),
  eth_feeHistory: tuple(uint(), blockTag(), percentiles()),
  eth_getBalance: ethAccountAt,
  eth_getCode: ethAccountAt,
  eth_getTransactionCount: ethAccountAt,
  eth_getStorageAt: tuple(ethAddress(), uint(), optional(blockTag())),
  eth_call: tuple(passThroughObject(), optional(blockTag())),
  eth_estimateGas: tuple(passThroughObject(), optional(blockTag())),
  eth_getLogs: tuple(passThroughObject(64 * 1024)),
  eth_getBlockByNumber: tuple(blockTag(), bool()),
  eth_getBlockByHash: tuple(hash32(), bool()),
  eth_getBlockTransactionCountByHash: tuple(hash32()),
  eth_getBlockTransactionCountByNumber: tuple(blockTag()),
  eth_getTransactionByHash: tuple(hash32()),
  eth_getTransactionReceipt: tuple(hash32()),
  eth_getTransactionByBlockHashAndIndex: tuple(hash32(), uint()),
  eth_getTransactionByBlockNumberAndIndex: tuple(blockTag(), uint()),
};

/** Signed raw transactions a dApp built itself; broadcast through the node pool. */
export const RAW_TX_METHODS: Record<Space, { method: string; params: Schema<readonly [Hex]> }> = {
  core: { method: 'cfx_sendRawTransaction', params: tuple(data()) },
  espace: { method: 'eth_sendRawTransaction', params: tuple(data()) },
};

export function readMethodsFor(space: Space): Table {
  return space === 'core' ? CORE_READ_METHODS : ESPACE_READ_METHODS;
}
