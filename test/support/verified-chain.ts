/**
 * The wallet's verifying stack over the shared dev node for e2e tests of pure planners: a node pool
 * with two names per space (counted as two operators), a light client from a trust-on-first-use
 * checkpoint, the verified chain (inclusion proofs) and the cross-checking account reader.
 */
import { LightClient, fetchTofuCheckpoint, MemoryCheckpointStore } from '../../core/lightclient/index.js';
import { systemClock } from '../../core/rpc/clock.js';
import { makeEndpoint } from '../../core/rpc/pool/endpoint.js';
import { NodePool } from '../../core/rpc/pool/node-pool.js';
import { AccountReader } from '../../core/trust/account-reader.js';
import { VerifiedChain } from '../../core/chain/verified/chain.js';
import { VerifiedRunner } from '../../core/chain/verified/runner.js';
import { waitForFinality } from './devnode.js';
import type { DevNodeEndpoints } from './shared-devnode.js';

export interface VerifyingStack {
  pool: NodePool;
  chain: VerifiedChain;
  reader: AccountReader;
}

export async function verifyingStack(node: DevNodeEndpoints): Promise<VerifyingStack> {
  const alt = (url: string) => url.replace('127.0.0.1', 'localhost');
  const endpoints = [
    makeEndpoint({ network: 'local', space: 'core', url: node.coreRpc, operator: 'dev node (direct)' }),
    makeEndpoint({ network: 'local', space: 'core', url: alt(node.coreRpc), operator: 'dev node (second name)' }),
    makeEndpoint({ network: 'local', space: 'espace', url: node.espaceRpc, operator: 'dev node (direct)' }),
    makeEndpoint({ network: 'local', space: 'espace', url: alt(node.espaceRpc), operator: 'dev node (second name)' }),
  ];
  const pool = new NodePool({ network: 'local', endpoints, fetch: (input, init) => fetch(input, init) });
  await waitForFinality(node, 1);
  const runner = new VerifiedRunner(pool);
  const checkpoint = (await runner.run((transport) => fetchTofuCheckpoint(transport, node.chainId))).value;
  const lightClient = await LightClient.create({ chainId: node.chainId, checkpoint, transport: runner.transportFor(pool.candidates('core')[0]!, pool.candidates('espace')[0]), store: new MemoryCheckpointStore() }, Date.now());
  const chain = new VerifiedChain({ pool, lightClient, clock: systemClock, chainIds: { core: node.chainId, espace: node.evmChainId } });
  const reader = new AccountReader({ pool, verifiedEpoch: (space) => chain.verifiedEpoch(space) });
  return { pool, chain, reader };
}
