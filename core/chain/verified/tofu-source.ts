/**
 * Where a local dev chain's trust-on-first-use committee may come from.
 *
 * Threat model: the first committee a dev chain reports becomes the root of every later check, so
 * whoever answers that first request decides what "verified" means for the chain from then on. A
 * site could suggest a node (`wallet_add…Chain`) that serves a committee of its own keys and then
 * "verify" any state it likes. So the committee is only taken from a node on this computer
 * (loopback) that the wallet ships or the user configured, never from a node a site suggested or a
 * remote one; without such a node there is no committee (a typed `missing` error).
 * @module
 */
import type { Checkpoint } from '../../lightclient/checkpoint/types.js';
import { fetchTofuCheckpoint } from '../../lightclient/client/light-client.js';
import { LightClientError } from '../../lightclient/errors.js';
import type { NodeEndpoint } from '../../rpc/pool/endpoint.js';
import type { NodePool } from '../../rpc/pool/node-pool.js';
import type { VerifiedRunner } from './runner.js';

/** Loopback host names (not the wider LAN: the committee must come from this very computer). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Whether `node` may supply a dev chain's first committee. */
export function isTofuSource(node: NodeEndpoint): boolean {
  return node.origin !== 'site' && isLoopbackHost(new URL(node.url).hostname);
}

/**
 * Fetches the dev chain's committee from the eligible Core nodes, one after another.
 * @throws {LightClientError} `missing` when no eligible node is configured
 * @throws {NoNodeAvailableError} when every eligible node failed
 */
export async function fetchLocalTofuCheckpoint(pool: NodePool, runner: VerifiedRunner, chainId: number, network = 'local'): Promise<Checkpoint> {
  const nodes = pool.list('core').map((v) => v.endpoint);
  const exclude = new Set(nodes.filter((n) => !isTofuSource(n)).map((n) => n.id));
  if (exclude.size === nodes.length) throw new LightClientError('missing', 'no Core node on this computer is configured to take the dev chain\'s committee from; add it yourself in Settings');
  const { value } = await pool.first('core', (_client, node) => fetchTofuCheckpoint(runner.transportFor(node, undefined), chainId, network), { exclude });
  return value;
}
