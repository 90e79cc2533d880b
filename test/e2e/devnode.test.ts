import { afterAll, beforeAll, expect, test } from 'vitest';
import { rpcCall, startDevNode, waitForFinality, type DevNode } from '../support/devnode.js';

let node: DevNode;
beforeAll(async () => {
  node = await startDevNode();
});
afterAll(async () => {
  await node?.stop();
});

test('dev node serves Core and eSpace RPC and PoS finality advances', async () => {
  const status = await rpcCall<{ chainId: string }>(node.coreRpc, 'cfx_getStatus');
  expect(BigInt(status.chainId)).toBe(1024n);
  expect(BigInt(await rpcCall<string>(node.espaceRpc, 'eth_chainId'))).toBe(1025n);
  const finalized = await waitForFinality(node);
  expect(finalized).toBeGreaterThan(0);
});
