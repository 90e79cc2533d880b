/**
 * Builds a wallet core (node pool, light client, account reader, transaction tracker) wired to a
 * lying proxy plus honest nodes in front of the shared dev node. The liar is configured first so
 * it is asked first; the honest nodes are a second proxy (honest attack) and the node itself,
 * labelled as two independent operators so that cross-checks can succeed without the liar.
 */
import { LightClient, MemoryCheckpointStore, fetchTofuCheckpoint, type Checkpoint } from '../../core/lightclient/index.js';
import { makeEndpoint, type NodeEndpoint } from '../../core/rpc/pool/endpoint.js';
import { NodePool } from '../../core/rpc/pool/node-pool.js';
import { VerifiedChain } from '../../core/chain/verified/chain.js';
import { VerifiedRunner } from '../../core/chain/verified/runner.js';
import { AccountReader } from '../../core/trust/account-reader.js';
import { TxTracker } from '../../core/chain/transactions/tracker.js';
import { systemClock } from '../../core/rpc/clock.js';
import { transportFromRequest } from '../../core/lightclient/transport.js';
import { rpcCall } from '../support/devnode.js';
import type { DevNodeEndpoints } from '../support/shared-devnode.js';
import { startLyingProxy, type Attack, type LyingProxy } from './lying-proxy.js';

export const LIAR = 'Liar Inc.';
export const HONEST_PROXY = 'Honest proxy';
export const DIRECT = 'Dev node';

export interface Wallet {
  pool: NodePool;
  chain: VerifiedChain;
  reader: AccountReader;
  tracker: TxTracker;
  liar: LyingProxy;
  liarEspace: LyingProxy;
  liarNode: NodeEndpoint;
  liarEspaceNode: NodeEndpoint;
  close(): Promise<void>;
}

let tofu: Checkpoint | undefined;

/** The dev chain's genesis committee, fetched straight from the node once (trust on first use). */
export async function devCheckpoint(node: DevNodeEndpoints): Promise<Checkpoint> {
  tofu ??= await fetchTofuCheckpoint(transportFromRequest((method, params) => rpcCall(node.coreRpc, method, params)), node.chainId);
  return tofu;
}

export interface WalletOptions {
  attack: Attack;
  /** Which Core nodes besides the liar (default both honest ones). */
  honest?: ('proxy' | 'direct')[];
  timeoutMs?: number;
  slowMs?: number;
  censorshipTimeoutMs?: number;
}

export async function walletWithLiar(node: DevNodeEndpoints, options: WalletOptions): Promise<Wallet> {
  const liar = await startLyingProxy({ upstream: node.coreRpc, attack: options.attack, ...(options.slowMs ? { slowMs: options.slowMs } : {}) });
  const liarEspace = await startLyingProxy({ upstream: node.espaceRpc, attack: options.attack, ...(options.slowMs ? { slowMs: options.slowMs } : {}) });
  const honestProxy = await startLyingProxy({ upstream: node.coreRpc });
  const honestEspaceProxy = await startLyingProxy({ upstream: node.espaceRpc });
  const honest = options.honest ?? ['proxy', 'direct'];
  const liarNode = makeEndpoint({ network: 'local', space: 'core', url: liar.url, operator: LIAR });
  const liarEspaceNode = makeEndpoint({ network: 'local', space: 'espace', url: liarEspace.url, operator: LIAR });
  const endpoints = [
    liarNode,
    ...(honest.includes('proxy') ? [makeEndpoint({ network: 'local', space: 'core', url: honestProxy.url, operator: HONEST_PROXY })] : []),
    ...(honest.includes('direct') ? [makeEndpoint({ network: 'local', space: 'core', url: node.coreRpc, operator: DIRECT })] : []),
    liarEspaceNode,
    makeEndpoint({ network: 'local', space: 'espace', url: honestEspaceProxy.url, operator: HONEST_PROXY }),
    makeEndpoint({ network: 'local', space: 'espace', url: node.espaceRpc, operator: DIRECT }),
  ];
  const pool = new NodePool({ network: 'local', endpoints, fetch: (input, init) => fetch(input, init), timeoutMs: options.timeoutMs ?? 10_000 });
  const checkpoint = await devCheckpoint(node);
  const runner = new VerifiedRunner(pool);
  const lightClient = await LightClient.create({ chainId: node.chainId, checkpoint, transport: runner.transportFor(liarNode, liarEspaceNode), store: new MemoryCheckpointStore() }, Date.now());
  const chain = new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: node.chainId, espace: node.evmChainId } });
  const tracker = new TxTracker({ pool, clock: systemClock, prove: chain.prove, chainIds: { core: node.chainId, espace: node.evmChainId }, ...(options.censorshipTimeoutMs ? { censorshipTimeoutMs: options.censorshipTimeoutMs } : {}) });
  const reader = new AccountReader({ pool, verifiedEpoch: (space) => chain.verifiedEpoch(space), nonceFloor: (space, key, epoch) => tracker.nonceFloor(space, key, epoch) });
  return {
    pool,
    chain,
    reader,
    tracker,
    liar,
    liarEspace,
    liarNode,
    liarEspaceNode,
    close: async () => {
      await Promise.all([liar.close(), liarEspace.close(), honestProxy.close(), honestEspaceProxy.close()]);
    },
  };
}
