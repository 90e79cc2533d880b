/**
 * Privacy mode: no single node learns all of the user's addresses.
 *
 * Each address is assigned a small, stable subset of nodes by rendezvous hashing
 * (`SHA-256(secret ‖ address ‖ node id)`, highest wins), preferring distinct operators so the
 * subset can still cross-check. The secret is random per installation, so two wallets with the
 * same addresses do not pick the same nodes and an outsider cannot predict the assignment. Adding
 * or removing a node only moves the addresses that ranked it highest.
 *
 * What it does not hide: each assigned node still sees its addresses and the wallet's IP address;
 * a node operator running many of the configured nodes sees more; disagreements and broadcasts
 * (see {@link PRIVACY_MODE_EXPLANATION}) widen the circle on purpose.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesToBigInt, concatBytes } from '../../encoding/hex.js';
import type { NodeEndpoint } from './endpoint.js';

/** How many nodes each address is assigned to: two independent ones are enough to cross-check. */
export const PRIVACY_NODES_PER_ADDRESS = 2;

/** Shown next to the privacy-mode switch. */
export const PRIVACY_MODE_EXPLANATION =
  'Privacy mode (on by default) asks about each of your addresses only two of your nodes, chosen at random for this device and kept stable, ' +
  'so no single node operator sees all your addresses together. Two independent nodes are still enough to cross-check balances. ' +
  'If those two disagree, Wayfarer asks one or two more nodes about that address to settle it, and sending a transaction shows it to several nodes ' +
  'so it cannot be censored by one. Turning privacy mode off asks every node about every address: slightly faster conflict detection, ' +
  'but each operator learns your whole set of addresses. Nodes always see your IP address; use a VPN or Tor if that matters to you.';

function weight(secret: Uint8Array, key: string, nodeId: string): bigint {
  return bytesToBigInt(sha256(concatBytes(secret, utf8ToBytes(key), new Uint8Array([0]), utf8ToBytes(nodeId))));
}

/**
 * Orders `nodes` for one address: highest rendezvous weight first, with one node per operator
 * before any operator repeats. The caller takes as many as it needs (privacy mode: the first
 * {@link PRIVACY_NODES_PER_ADDRESS}; escalation: the next ones).
 * @example rankForAddress(secret, '0x1a2f…', nodes).slice(0, 2)
 */
export function rankForAddress<T extends Pick<NodeEndpoint, 'id' | 'operator'>>(secret: Uint8Array, addressKey: string, nodes: readonly T[]): T[] {
  if (secret.length < 16) throw new RangeError('"secret" must be at least 16 bytes');
  const key = addressKey.toLowerCase();
  const scored = nodes.map((node) => ({ node, w: weight(secret, key, node.id) })).sort((a, b) => (a.w === b.w ? 0 : a.w > b.w ? -1 : 1));
  const firstPerOperator: T[] = [];
  const rest: T[] = [];
  const seen = new Set<string>();
  for (const { node } of scored) {
    if (seen.has(node.operator)) rest.push(node);
    else {
      seen.add(node.operator);
      firstPerOperator.push(node);
    }
  }
  return [...firstPerOperator, ...rest];
}
