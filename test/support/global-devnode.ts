/**
 * Vitest global setup for the e2e project: one real dev node shared by every e2e test file
 * (starting one takes ~10 s and PoS finality ~20 s more, so files share it). Test files get its
 * endpoints with `sharedDevNode()` from ./shared-devnode.ts.
 */
import type { TestProject } from 'vitest/node';
import { startDevNode, type DevNode } from './devnode.js';

let node: DevNode | undefined;

export async function setup(project: TestProject): Promise<void> {
  node = await startDevNode();
  project.provide('devnode', {
    coreRpc: node.coreRpc,
    coreWs: node.coreWs,
    espaceRpc: node.espaceRpc,
    espaceWs: node.espaceWs,
    chainId: node.chainId,
    evmChainId: node.evmChainId,
    p2pPort: node.p2pPort,
    nodeId: node.nodeId,
  });
}

export async function teardown(): Promise<void> {
  await node?.stop();
}
