/**
 * The light client's only window to the network: a small interface whose methods are named after
 * the JSON-RPC calls they stand for. The node pool (`core/rpc`) implements it; tests implement it
 * over a dev node or over recorded answers.
 *
 * Contract for implementers:
 * - Arguments are plain values; the implementation turns numbers into `0x` quantities
 *   (`toQuantity`) and sends exactly the RPC named by the method with these parameters.
 * - Answers are returned as parsed JSON (`result` of the JSON-RPC response), unmodified. The light
 *   client treats them as untrusted and validates every field it uses; never "fix up" answers.
 * - A JSON-RPC error or a transport failure rejects the promise (any error type). A `null` result
 *   resolves to `null`; the light client reports it as `missing`.
 * - No retries are needed here: when verification fails the light client throws a
 *   `LightClientError` whose `request` names the call and whose `nodeAtFault` says whether the
 *   answer proves the node wrong. Its methods accept a per-call transport, so the pool can bind a
 *   transport to one node, ban it on `nodeAtFault`, and repeat the operation with another node.
 *
 * Stable: additions will be optional methods only.
 * @module
 */
import { toQuantity } from '../encoding/hex.js';

/** Block tags accepted where a PoS block number is expected. */
export type PosBlockNumber = number | 'latest_committed' | 'latest_voted';

export interface LightClientTransport {
  /** `pos_getStatus()` → `{epoch, latestCommitted, latestVoted, latestTxNumber, pivotDecision}`. */
  pos_getStatus(): Promise<unknown>;
  /** `pos_getLedgerInfoByEpoch(epoch)` → the last (epoch-ending) ledger info of `epoch`, or null. */
  pos_getLedgerInfoByEpoch(epoch: number): Promise<unknown>;
  /** `pos_getLedgerInfosByEpoch(start, end)` → array of epoch-ending ledger infos (end exclusive on current nodes). */
  pos_getLedgerInfosByEpoch(startEpoch: number, endEpoch: number): Promise<unknown>;
  /** `pos_getLedgerInfoByEpochAndRound(epoch, round)` → LedgerInfoWithSignatures or null. */
  pos_getLedgerInfoByEpochAndRound(epoch: number, round: number): Promise<unknown>;
  /** `pos_getLedgerInfoByBlockNumber(number | "latest_committed")` → LedgerInfoWithSignatures or null. */
  pos_getLedgerInfoByBlockNumber(blockNumber: PosBlockNumber): Promise<unknown>;
  /** `pos_getEpochState(epoch)` → EpochState JSON or null (only used for trust-on-first-use dev chains). */
  pos_getEpochState(epoch: number): Promise<unknown>;
  /** `cfx_getBlockByHash(hash, false)` → Core block JSON (transaction hashes only) or null. */
  cfx_getBlockByHash(blockHash: string, includeTransactions: false): Promise<unknown>;
  /** `cfx_getBlockByEpochNumber(epoch, false)` → the pivot block of `epoch` or null. */
  cfx_getBlockByEpochNumber(epoch: number, includeTransactions: false): Promise<unknown>;
  /** `cfx_getBlocksByEpoch(epoch)` → block hashes of the epoch in execution order (pivot last). */
  cfx_getBlocksByEpoch(epoch: number): Promise<unknown>;
  /** `cfx_getEpochReceipts(epoch, true)` → receipts per block, including eSpace receipts. */
  cfx_getEpochReceipts(epoch: number, includeEspaceReceipts: true): Promise<unknown>;
  /** eSpace `eth_getBlockByNumber(epoch, false)` → used for the eSpace base price of a pivot block. */
  eth_getBlockByNumber(blockNumber: number, includeTransactions: false): Promise<unknown>;
}

export type LightClientMethod = keyof LightClientTransport;

/** Methods that are served by the eSpace (`eth_`) endpoint; all others by the Core endpoint. */
export const ESPACE_METHODS: ReadonlySet<LightClientMethod> = new Set<LightClientMethod>(['eth_getBlockByNumber']);

const quantity = (n: number): string => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`expected a non-negative integer, got ${n}`);
  return toQuantity(n);
};

/** A generic JSON-RPC caller: sends `method` with `params`, resolves to the `result`. */
export type JsonRpcRequest = (method: LightClientMethod, params: unknown[]) => Promise<unknown>;

/**
 * Builds a transport from one generic request function (e.g. an EIP-1193 `request` or a node-pool
 * call), doing the quantity encoding described above. `ESPACE_METHODS` tell which endpoint to use.
 * @example
 * const transport = transportFromRequest((method, params) => pool.call(method, params));
 */
export function transportFromRequest(request: JsonRpcRequest): LightClientTransport {
  return {
    pos_getStatus: () => request('pos_getStatus', []),
    pos_getLedgerInfoByEpoch: (epoch) => request('pos_getLedgerInfoByEpoch', [quantity(epoch)]),
    pos_getLedgerInfosByEpoch: (start, end) => request('pos_getLedgerInfosByEpoch', [quantity(start), quantity(end)]),
    pos_getLedgerInfoByEpochAndRound: (epoch, round) => request('pos_getLedgerInfoByEpochAndRound', [quantity(epoch), quantity(round)]),
    pos_getLedgerInfoByBlockNumber: (n) => request('pos_getLedgerInfoByBlockNumber', [typeof n === 'number' ? quantity(n) : n]),
    pos_getEpochState: (epoch) => request('pos_getEpochState', [quantity(epoch)]),
    cfx_getBlockByHash: (hash, full) => request('cfx_getBlockByHash', [hash, full]),
    cfx_getBlockByEpochNumber: (epoch, full) => request('cfx_getBlockByEpochNumber', [quantity(epoch), full]),
    cfx_getBlocksByEpoch: (epoch) => request('cfx_getBlocksByEpoch', [quantity(epoch)]),
    cfx_getEpochReceipts: (epoch, withEspace) => request('cfx_getEpochReceipts', [quantity(epoch), withEspace]),
    eth_getBlockByNumber: (n, full) => request('eth_getBlockByNumber', [quantity(n), full]),
  };
}
