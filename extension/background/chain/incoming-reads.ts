/**
 * The two network steps of finding incoming token transfers (see incoming.ts): asking one node for
 * the `Transfer` logs of a token to an address over an epoch range, and checking a found log
 * against the proved receipt of its transaction.
 * @module
 */
import { decodeCfxAddressAnyType } from '../../../core/address/cip37.js';
import { bytesToHex, type Hex } from '../../../core/encoding/hex.js';
import { WayfarerError } from '../../../core/errors.js';
import type { RpcClient } from '../../../core/rpc/client.js';
import type { VerifiedChain } from '../../../core/chain/verified/chain.js';
import type { Space } from '../../../core/space.js';
import { receiptHasLog, type FoundLog } from './incoming.js';
import { addressTopic, TRANSFER_EVENT_TOPIC } from './token-abi.js';

const q = (n: number): Hex => `0x${n.toString(16)}`;

/**
 * `Transfer(*, owner, *)` logs of `token` (null: of any contract) in the range; logs without a
 * position are left out (they cannot be proved).
 */
export async function readTransferLogs(client: RpcClient, space: Space, token: string | null, ownerHex: string, range: { from: number; to: number }): Promise<FoundLog[]> {
  const topics = [[TRANSFER_EVENT_TOPIC], null, [addressTopic(ownerHex)]];
  const out: FoundLog[] = [];
  if (space === 'core') {
    const logs = await client.request('cfx_getLogs', [{ fromEpoch: q(range.from), toEpoch: q(range.to), ...(token === null ? {} : { address: [token] }), topics }]);
    for (const log of logs) {
      if (log.transactionHash === undefined || log.blockHash === undefined || log.epochNumber === undefined) continue;
      out.push({ contractHex: bytesToHex(decodeCfxAddressAnyType(log.address).bytes), topics: log.topics, data: log.data, transactionHash: log.transactionHash, blockHash: log.blockHash, epoch: Number(BigInt(log.epochNumber)) });
    }
    return out;
  }
  const logs = await client.request('eth_getLogs', [{ fromBlock: q(range.from), toBlock: q(range.to), ...(token === null ? {} : { address: token }), topics }]);
  for (const log of logs) {
    if (log.transactionHash === undefined || log.blockHash === undefined || log.blockNumber === undefined || log.removed === true) continue;
    out.push({ contractHex: log.address.toLowerCase(), topics: log.topics, data: log.data, transactionHash: log.transactionHash, blockHash: log.blockHash, epoch: Number(BigInt(log.blockNumber)) });
  }
  return out;
}

export type LogCheck = { kind: 'verified'; finalizedPivot: { height: number; blockHash: string } | null } | { kind: 'unproved'; reason: string } | { kind: 'contradicted' };

/** Proves the log's transaction and receipt, and looks for the same event in the proved receipt. */
export async function proveLog(chain: VerifiedChain, space: Space, log: FoundLog): Promise<LogCheck> {
  let proof: Awaited<ReturnType<VerifiedChain['prove']>>;
  try {
    proof = await chain.prove({ space, transactionHash: log.transactionHash, blockHash: log.blockHash, epoch: log.epoch });
  } catch (error) {
    // A node that names a block without the transaction is caught by the prover itself (it bans);
    // anything else (unreachable nodes, headers not final) leaves the entry unproved for now.
    return { kind: 'unproved', reason: error instanceof WayfarerError ? error.code : 'proof failed' };
  }
  if (!proof.receipt) return { kind: 'unproved', reason: 'the proof did not include the receipt' };
  if (!receiptHasLog(proof.receipt, log)) return { kind: 'contradicted' };
  return { kind: 'verified', finalizedPivot: proof.finalizedPivot ?? null };
}
