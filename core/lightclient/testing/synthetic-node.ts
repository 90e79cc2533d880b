/**
 * Test and benchmark helper (not part of the public API): serves a {@link LightClientTransport}
 * (usually a `MemoryTransport` over synthetic data) as a JSON-RPC node, decoding the `0x`
 * quantities the wallet sends. Plugged into the node pool's fake network, it lets tests run the
 * real pool, runner and light client against synthetic chains, with single answers tampered.
 * @module
 */
import { quantityToNumber } from '../../encoding/hex.js';
import type { LightClientTransport, PosBlockNumber } from '../transport.js';

/** Thrown for a method the synthetic node does not serve (becomes a JSON-RPC error in fake networks). */
export class UnservedMethodError extends Error {}

const num = (value: unknown): number => (typeof value === 'number' ? value : quantityToNumber(String(value)));

/** Rewrites one answer: return the new answer, or `answer` itself to keep it. */
export type AnswerTamper = (method: string, params: readonly unknown[], answer: unknown) => unknown;

/**
 * A JSON-RPC method handler over `transport`: `(method, params) → result`.
 * @example fakeNetwork({ [url]: rpcHandler(new MemoryTransport(data)) })
 */
export function rpcHandler(transport: LightClientTransport, tamper?: AnswerTamper): (method: string, params: unknown[]) => Promise<unknown> {
  const call = (method: string, p: readonly unknown[]): Promise<unknown> => {
    switch (method) {
      case 'pos_getStatus':
        return transport.pos_getStatus();
      case 'pos_getLedgerInfoByEpoch':
        return transport.pos_getLedgerInfoByEpoch(num(p[0]));
      case 'pos_getLedgerInfosByEpoch':
        return transport.pos_getLedgerInfosByEpoch(num(p[0]), num(p[1]));
      case 'pos_getLedgerInfoByEpochAndRound':
        return transport.pos_getLedgerInfoByEpochAndRound(num(p[0]), num(p[1]));
      case 'pos_getLedgerInfoByBlockNumber':
        return transport.pos_getLedgerInfoByBlockNumber(typeof p[0] === 'string' && !p[0].startsWith('0x') ? (p[0] as PosBlockNumber) : num(p[0]));
      case 'pos_getEpochState':
        return transport.pos_getEpochState(num(p[0]));
      case 'cfx_getBlockByHash':
        return transport.cfx_getBlockByHash(String(p[0]), false);
      case 'cfx_getBlockByEpochNumber':
        return transport.cfx_getBlockByEpochNumber(num(p[0]), false);
      case 'cfx_getBlocksByEpoch':
        return transport.cfx_getBlocksByEpoch(num(p[0]));
      case 'cfx_getEpochReceipts':
        return transport.cfx_getEpochReceipts(num(p[0]), true);
      case 'eth_getBlockByNumber':
        return transport.eth_getBlockByNumber(num(p[0]), false);
      default:
        throw new UnservedMethodError(`${method} is not served by the synthetic node`);
    }
  };
  return async (method, params) => {
    const answer = await call(method, params);
    return tamper === undefined ? answer : tamper(method, params, answer);
  };
}
