/**
 * Paying from the dev node's genesis account, which every e2e file shares: the nonce is read
 * fresh and a send that loses a nonce race is retried. And waiting for the wallet to have
 * verified what was paid.
 */
import type { Page } from 'playwright-core';
import { encodeCfxAddress } from '../../core/address/cip37.js';
import { coreAddressFromPrivateKey } from '../../core/keys/address.js';
import { PrivateKey } from '../../core/keys/private-key.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality } from './devnode.js';
import { callBackground } from './ui-port.js';
import type { DevNodeEndpoints } from './shared-devnode.js';

export const genesisKey = PrivateKey.fromHex(GENESIS_PRIVATE_KEY);

export function genesisAddress(node: DevNodeEndpoints): string {
  return encodeCfxAddress(coreAddressFromPrivateKey(genesisKey), node.chainId);
}

/** Signs and sends a Core transaction from the genesis account; returns its hash. */
export async function fromGenesis(node: DevNodeEndpoints, tx: { to: string | null; value: bigint; data?: string; gas?: bigint; storageLimit?: bigint }): Promise<string> {
  const from = genesisAddress(node);
  for (let attempt = 0; ; attempt++) {
    const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [from]));
    const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
    const signed = signCoreTransaction({ type: 2, chainId: node.chainId, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10_000_000_000n, gas: tx.gas ?? 21_000n, to: tx.to, value: tx.value, storageLimit: tx.storageLimit ?? 0n, epochHeight, data: tx.data ?? '0x', accessList: [] }, genesisKey, node.chainId);
    try {
      await rpcCall(node.coreRpc, 'cfx_sendRawTransaction', [signed.raw]);
      return signed.hash;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/**
 * Waits until PoS has finalized `epoch` (with the margin state proofs need) and the wallet in
 * `page` has synced to it.
 */
export async function syncWalletPast(page: Page, node: DevNodeEndpoints, epoch: number): Promise<void> {
  await waitForFinality(node, epoch + 11);
  for (let i = 0; ; i++) {
    const status = await callBackground<{ lightClient: { finalized: { height: number } | null } }>(page, 'chain.sync');
    if ((status.lightClient.finalized?.height ?? 0) >= epoch) return;
    if (i >= 30) throw new Error(`the wallet did not verify epoch ${epoch}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}
