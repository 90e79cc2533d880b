/**
 * The gateway's JSON-RPC dispatch: checks the envelope, the method (an explicit list), the client's
 * rate and the params — the params with the same schema the wallet uses, so a malformed state key
 * never reaches a node — then returns the node's items as `0x` RLP.
 *
 * Error codes: -32700 parse error, -32600 invalid request, -32601 unknown method, -32602 invalid
 * params, -32005 limit exceeded (rate, batch size, busy), -32000 no node or the node failed.
 */
import { bytesToHex, toQuantity } from '../core/encoding/hex.js';
import { ProofGatewayError } from '../core/proofgateway/errors.js';
import { isGatewayMethod, lightRequestFromParams } from '../core/proofgateway/schema.js';
import type { ItemBatcher } from './batcher.js';
import { GatewayError } from './errors.js';

export interface RpcContext {
  readonly batcher: ItemBatcher;
  readonly links: readonly { readonly label: string; readonly state: string; readonly bestEpoch: number | null }[];
  readonly chainId: number;
  readonly genesisHash: string;
  /** Takes one call from the client's budget; false when over its rate. */
  readonly takeToken: (cost: number) => boolean;
  readonly maxBatch: number;
}

type Id = string | number | null;
export type RpcResponse = { jsonrpc: '2.0'; id: Id; result: unknown } | { jsonrpc: '2.0'; id: Id; error: { code: number; message: string } };

const failure = (id: Id, code: number, message: string): RpcResponse => ({ jsonrpc: '2.0', id, error: { code, message } });

function statusOf(ctx: RpcContext): unknown {
  const best = ctx.links.map((l) => l.bestEpoch).filter((e): e is number => e !== null);
  return {
    chainId: toQuantity(ctx.chainId),
    genesisHash: ctx.genesisHash,
    bestEpoch: best.length === 0 ? null : toQuantity(Math.max(...best)),
    nodes: ctx.links.map((l) => ({ node: l.label, state: l.state, bestEpoch: l.bestEpoch === null ? null : toQuantity(l.bestEpoch) })),
  };
}

async function one(message: unknown, ctx: RpcContext): Promise<RpcResponse | null> {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return failure(null, -32600, 'invalid request');
  const m = message as Record<string, unknown>;
  const id: Id = typeof m.id === 'string' || typeof m.id === 'number' ? m.id : null;
  if (m.jsonrpc !== '2.0' || typeof m.method !== 'string' || (m.params !== undefined && !Array.isArray(m.params))) return failure(id, -32600, 'invalid request');
  if (typeof m.id === 'string' && m.id.length > 64) return failure(null, -32600, 'id too long');
  const notification = !Object.hasOwn(m, 'id');
  if (!isGatewayMethod(m.method)) return notification ? null : failure(id, -32601, 'method not found');
  if (!ctx.takeToken(1)) return failure(id, -32005, 'rate limit exceeded');
  try {
    if (m.method === 'clp_status') return { jsonrpc: '2.0', id, result: statusOf(ctx) };
    const request = lightRequestFromParams(m.method, m.params ?? []);
    const items = await ctx.batcher.fetch(request);
    return notification ? null : { jsonrpc: '2.0', id, result: items.map(bytesToHex) };
  } catch (error) {
    if (error instanceof ProofGatewayError) return failure(id, -32602, error.message);
    if (error instanceof GatewayError) return failure(id, error.code === 'gateway.busy' ? -32005 : -32000, error.message);
    return failure(id, -32603, 'internal error');
  }
}

/** Answers one JSON-RPC message or batch (already parsed); null when nothing is to be sent back. */
export async function handleRpc(message: unknown, ctx: RpcContext): Promise<RpcResponse | RpcResponse[] | null> {
  if (!Array.isArray(message)) return one(message, ctx);
  if (message.length === 0) return failure(null, -32600, 'empty batch');
  if (message.length > ctx.maxBatch) return failure(null, -32005, `batches are limited to ${ctx.maxBatch} calls`);
  const answers = (await Promise.all(message.map((m) => one(m, ctx)))).filter((a): a is RpcResponse => a !== null);
  return answers.length === 0 ? null : answers;
}

/** Parses a message's text; a parse error is answered, not thrown. */
export function parseRpcText(text: string): { ok: true; message: unknown } | { ok: false; response: RpcResponse } {
  try {
    return { ok: true, message: JSON.parse(text) };
  } catch {
    return { ok: false, response: failure(null, -32700, 'parse error') };
  }
}
