/**
 * Anchoring eSpace blocks to the verified Core pivot chain.
 *
 * Observed on conflux-rust v2.4 (dev node, chain 1024/1025) for many heights: eSpace block N *is*
 * the Core pivot block of epoch N seen through the EVM RPC — `eth_getBlockByNumber(N)` has the same
 * `hash` and `parentHash` as the pivot header at height N, and its `stateRoot` equals that pivot
 * header's `deferredStateRoot`, i.e. the root committing the state after epoch N−5 (deferred
 * execution, DEFERRED_STATE_EPOCH_COUNT = 5), not the state after block N itself. So an eSpace
 * block is checked by comparing it with the verified Core header at the same height; a mismatch
 * proves the eSpace node wrong. (State roots of headers with blame > 0 are vector commitments, so
 * only hash and parent are compared for those.)
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import { LightClientError } from '../../lightclient/errors.js';
import type { VerifiedHeader } from '../../lightclient/header/chain.js';
import type { RpcEthBlock } from '../../rpc/schema/espace.js';

/**
 * Checks an eSpace block against the verified Core pivot header of the same height.
 * @throws {LightClientError} `wrong_height` or `bad_header_hash` (attributed to `eth_getBlockByNumber`)
 */
export function checkEspaceBlock(block: RpcEthBlock, pivot: VerifiedHeader): void {
  const request = { method: 'eth_getBlockByNumber', params: [pivot.height, false] };
  if (Number(BigInt(block.number)) !== pivot.height) throw new LightClientError('wrong_height', `eSpace block number ${block.number} is not ${pivot.height}`, { request });
  if (block.hash.toLowerCase() !== pivot.hash) throw new LightClientError('bad_header_hash', `eSpace block ${pivot.height} has hash ${block.hash}, the verified pivot block is ${pivot.hash}`, { request });
  if (block.parentHash.toLowerCase() !== pivot.parentHash) throw new LightClientError('bad_header_hash', `eSpace block ${pivot.height} has a different parent than the verified pivot block`, { request });
  if (pivot.fields.blame === 0 && block.stateRoot.toLowerCase() !== bytesToHex(pivot.fields.deferredStateRoot)) {
    throw new LightClientError('bad_header_hash', `eSpace block ${pivot.height} state root differs from the verified pivot header's deferred state root`, { request });
  }
}
