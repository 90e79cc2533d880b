/**
 * Broadcasting a signed transaction to several nodes at once, so that one censoring node cannot
 * keep it off the chain. Each node must acknowledge with the transaction's own hash (computed
 * locally from the raw bytes); acknowledging another hash is a lie and bans the node.
 * @module
 */
import type { Space } from '../pool/endpoint.js';
import type { NodePool } from '../pool/node-pool.js';
import { RpcNodeError } from '../errors.js';
import type { Hex } from '../schema/methods.js';

/** Independent nodes a transaction is sent to. */
export const BROADCAST_FANOUT = 3;

export interface BroadcastReport {
  acceptedBy: string[];
  rejections: Record<string, string>;
  /** Nodes that gave no answer (down, timed out). */
  unreachable: string[];
}

/** Messages of nodes that already have the transaction: count as accepted. */
const ALREADY_KNOWN = /already|known transaction|tx exist|duplicate/i;

export async function broadcastRaw(pool: NodePool, space: Space, raw: Hex, hash: string, options: { addressKey: string; fanout?: number; exclude?: ReadonlySet<string> }): Promise<BroadcastReport> {
  const expected = hash.toLowerCase();
  const answers = await pool.independent(
    space,
    options.fanout ?? BROADCAST_FANOUT,
    async (client, node) => {
      try {
        const returned = space === 'core' ? await client.request('cfx_sendRawTransaction', [raw], { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } }) : await client.request('eth_sendRawTransaction', [raw], { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
        if (returned.toLowerCase() !== expected) {
          pool.ban(node.id, 'wrong_transaction_hash', 'proven_lie', `acknowledged transaction ${expected.slice(0, 12)}… as ${returned.slice(0, 12)}…`);
          return { accepted: false as const, message: 'acknowledged with a wrong hash' };
        }
        return { accepted: true as const };
      } catch (error) {
        if (error instanceof RpcNodeError) {
          const text = `${error.rpcMessage}${typeof error.rpcData === 'string' ? `: ${error.rpcData}` : ''}`;
          if (ALREADY_KNOWN.test(text)) return { accepted: true as const };
          return { accepted: false as const, message: text.slice(0, 200) };
        }
        throw error;
      }
    },
    // Broadcasts go to as many independent nodes as possible, privacy mode notwithstanding: the
    // transaction becomes public anyway, and censorship resistance needs breadth.
    { addressKey: options.addressKey, widen: true, ...(options.exclude ? { exclude: options.exclude } : {}) },
  );
  const report: BroadcastReport = { acceptedBy: [], rejections: {}, unreachable: [] };
  for (const a of answers) {
    if (!a.ok) report.unreachable.push(a.node.label);
    else if (a.value.accepted) report.acceptedBy.push(a.node.id);
    else report.rejections[a.node.label] = a.value.message;
  }
  return report;
}
