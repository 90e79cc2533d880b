/**
 * Learning a node's chain parameters from the node itself, for a gateway started with nothing but
 * node addresses: the node's Hello names its network (= chain id), and its refusal of a status
 * ping with a zero genesis hash names its genesis ("Genesis mismatch, ours=0x…"). Two short
 * sessions, each ended by the node. Our Hello waits for the node's: a node reading a Hello that
 * names another network may disconnect before sending its own.
 *
 * This only configures sessions: nothing the gateway relays is trusted because of it, and a node
 * lying here only makes its own sessions fail. A chain id and genesis given explicitly (or read
 * from a JSON-RPC endpoint) are preferable and skip this.
 */
import { hexToBytes } from '../../core/encoding/hex.js';
import { LightProtocolError } from '../../core/lightproto/errors.js';
import { ClpConnection } from './connection.js';
import type { NodeAddress } from './node-url.js';

const GENESIS_IN_REASON = /Genesis mismatch, ours=(0x[0-9a-fA-F]{64})/;

async function failedSession(node: NodeAddress, chainId: number, localAddress: string | undefined) {
  const { session, connection } = ClpConnection.openWith({ node, chainId, genesisHash: new Uint8Array(32), connectTimeoutMs: 10_000, helloAfterNode: true, ...(localAddress === undefined ? {} : { localAddress }) });
  try {
    (await connection).close();
    return { session, error: null };
  } catch (error) {
    return { session, error };
  }
}

/**
 * @throws {LightProtocolError} `lightproto.hello` when the node never names its network or genesis
 */
export async function discoverChain(node: NodeAddress, options: { localAddress?: string; retryDelayMs?: number } = {}): Promise<{ chainId: number; genesisHash: Uint8Array }> {
  let chainId: number | null = null;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, options.retryDelayMs ?? 1500));
    const probe = await failedSession(node, chainId ?? 0, options.localAddress);
    chainId ??= probe.session.peerHello?.networkId ?? null;
    if (chainId === null) continue; // the node closed before its Hello (e.g. the previous probe still counted)
    const reason = probe.error instanceof LightProtocolError ? (probe.error.details ?? '') : '';
    const match = GENESIS_IN_REASON.exec(reason);
    if (match !== null) return { chainId, genesisHash: hexToBytes(match[1]!) };
  }
  throw new LightProtocolError('lightproto.hello', `could not learn the chain id and genesis of ${node.host}:${node.port}; pass --rpc or --chain-id and --genesis`);
}
