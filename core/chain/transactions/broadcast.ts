/**
 * Broadcasting a signed transaction to several nodes at once, so that one censoring node cannot
 * keep it off the chain. Each node must acknowledge with the transaction's own hash (computed
 * locally from the raw bytes); acknowledging another hash is a lie and bans the node. A resend goes
 * to every node, not only one per operator: a stuck transaction needs every chance to get through.
 * @module
 */
import type { Hex } from '../../encoding/hex.js';
import type { Space } from '../../space.js';
import type { RpcClient } from '../../rpc/client.js';
import type { NodeEndpoint } from '../../rpc/pool/endpoint.js';
import type { NodeAnswer, NodePool } from '../../rpc/pool/node-pool.js';
import { RpcNodeError } from '../../rpc/errors.js';

/** Independent nodes a transaction is sent to. */
export const BROADCAST_FANOUT = 3;

export interface BroadcastReport {
  acceptedBy: string[];
  rejections: Record<string, string>;
  /** Nodes that gave no answer (down, timed out). */
  unreachable: string[];
  /** Ids of every node it was offered to, whatever the answer. */
  offeredTo: string[];
}

/** Messages of nodes that already have the transaction: count as accepted. */
const ALREADY_KNOWN = /already|known transaction|tx exist|duplicate/i;

/** Sends `raw` to one node: accepted (its own hash, or "already known"), refused (message), or a thrown transport failure. */
async function offer(pool: NodePool, space: Space, raw: Hex, expected: string, client: RpcClient, node: NodeEndpoint): Promise<{ accepted: true } | { accepted: false; message: string }> {
  try {
    const once = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } };
    const returned = space === 'core' ? await client.request('cfx_sendRawTransaction', [raw], once) : await client.request('eth_sendRawTransaction', [raw], once);
    if (returned.toLowerCase() !== expected) {
      pool.ban(node.id, 'wrong_transaction_hash', 'proven_lie', `acknowledged transaction ${expected.slice(0, 12)}… as ${returned.slice(0, 12)}…`);
      return { accepted: false, message: 'acknowledged with a wrong hash' };
    }
    return { accepted: true };
  } catch (error) {
    if (error instanceof RpcNodeError) {
      const text = `${error.rpcMessage}${typeof error.rpcData === 'string' ? `: ${error.rpcData}` : ''}`;
      if (ALREADY_KNOWN.test(text)) return { accepted: true };
      return { accepted: false, message: text.slice(0, 200) };
    }
    throw error;
  }
}

function reportOf(answers: readonly NodeAnswer<{ accepted: true } | { accepted: false; message: string }>[]): BroadcastReport {
  const report: BroadcastReport = { acceptedBy: [], rejections: {}, unreachable: [], offeredTo: answers.map((a) => a.node.id) };
  for (const a of answers) {
    if (!a.ok) report.unreachable.push(a.node.label);
    else if (a.value.accepted) report.acceptedBy.push(a.node.id);
    else report.rejections[a.node.label] = a.value.message;
  }
  return report;
}

export async function broadcastRaw(pool: NodePool, space: Space, raw: Hex, hash: string, options: { addressKey: string; fanout?: number; exclude?: ReadonlySet<string> }): Promise<BroadcastReport> {
  const expected = hash.toLowerCase();
  const answers = await pool.independent(
    space,
    options.fanout ?? BROADCAST_FANOUT,
    (client, node) => offer(pool, space, raw, expected, client, node),
    // Broadcasts go to as many independent nodes as possible, privacy mode notwithstanding: the
    // transaction becomes public anyway, and censorship resistance needs breadth.
    { addressKey: options.addressKey, widen: true, ...(options.exclude ? { exclude: options.exclude } : {}) },
  );
  return reportOf(answers);
}

/**
 * Sends `raw` to every unbanned node of `space` except `exclude`, all at once — the user's resend
 * of a stuck transaction, and the offer to nodes added since it was sent. A node that cannot be
 * reached counts against its health like any failed request.
 */
export async function broadcastEverywhere(pool: NodePool, space: Space, raw: Hex, hash: string, options: { exclude?: ReadonlySet<string> } = {}): Promise<BroadcastReport> {
  const expected = hash.toLowerCase();
  const nodes = pool.candidates(space, { widen: true, ...(options.exclude ? { exclude: options.exclude } : {}) });
  const answers = await Promise.all(
    nodes.map(async (node): Promise<NodeAnswer<{ accepted: true } | { accepted: false; message: string }>> => {
      try {
        return { node, ok: true, value: await offer(pool, space, raw, expected, pool.client(node.id), node) };
      } catch (error) {
        return { node, ok: false, error, verdict: pool.report(node.id, error) };
      }
    }),
  );
  return reportOf(answers);
}
