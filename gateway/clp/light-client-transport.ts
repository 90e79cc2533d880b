/**
 * The light client's transport for a tool that has one Core RPC and one `clp` session: every call
 * goes to the Core RPC, except the eSpace base price of a pivot block (which header hashing needs
 * since CIP-1559 and which only eSpace RPCs report): it is read from the block's raw header over
 * `clp`. Both sources are untrusted; the value only serves to rebuild the header, whose hash must
 * then match a trusted hash.
 */
import { hexToBytes, toQuantity } from '../../core/encoding/hex.js';
import { transportFromRequest, type LightClientTransport } from '../../core/lightclient/transport.js';
import type { LightAnswer } from '../../core/lightproto/responses.js';
import type { LightRequestFn } from '../../core/lightproto/proof-source.js';
import type { JsonRpcCaller } from './json-rpc.js';

async function espaceBlock(rpc: JsonRpcCaller, light: LightRequestFn, epoch: unknown): Promise<unknown> {
  const block = await rpc.call('cfx_getBlockByEpochNumber', [epoch, false]);
  const hash = typeof block === 'object' && block !== null && 'hash' in block ? block.hash : undefined;
  if (typeof hash !== 'string') return null;
  const answer: LightAnswer = await light({ kind: 'block_headers', hashes: [hexToBytes(hash, 32, 'block hash')] });
  const header = answer.kind === 'block_headers' ? answer.items[0] : undefined;
  if (header === undefined) return null;
  return { number: epoch, hash: header.hash, baseFeePerGas: header.basePrice === null ? null : toQuantity(header.basePrice.espace) };
}

export function coreRpcWithClpTransport(rpc: JsonRpcCaller, light: LightRequestFn): LightClientTransport {
  return transportFromRequest((method, params) => (method === 'eth_getBlockByNumber' ? espaceBlock(rpc, light, params[0]) : rpc.call(method, params)));
}
