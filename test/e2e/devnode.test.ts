import { expect, test } from 'vitest';
import { rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';

test('the shared dev node serves Core and eSpace RPC and PoS finality advances', async () => {
  const node = sharedDevNode();
  const status = await rpcCall<{ chainId: string }>(node.coreRpc, 'cfx_getStatus');
  expect(BigInt(status.chainId)).toBe(1024n);
  expect(BigInt(await rpcCall<string>(node.espaceRpc, 'eth_chainId'))).toBe(1025n);
  expect(await waitForFinality(node)).toBeGreaterThan(0);
});
