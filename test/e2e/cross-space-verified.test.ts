/**
 * One cross-space transfer each way on the dev node with every receipt proved by the light client
 * (PoS-finalized header, receipts root) instead of taken from a node: the status model then shows
 * the transfer completed with trust `verified`, both sides.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { VerifiedReceipt } from '../../core/lightclient/client/proofs.js';
import { planCrossSpaceTransfer, transferStatus, type ObservedReceipt } from '../../core/crossspace/index.js';
import { bytesToHex } from '../../core/encoding/hex.js';
import { espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { privateKeyFromHex } from '../../core/keys/private-key.js';
import type { VerifiedChain } from '../../core/chain/verified/chain.js';
import { GENESIS_PRIVATE_KEY, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { coreAccount, sendCore, sendDraft } from '../support/chain-tx.js';
import { verifyingStack } from '../support/verified-chain.js';

const node = sharedDevNode();
const NET = { coreChainId: node.chainId, espaceChainId: node.evmChainId };
const GAS_PRICE = 2_000_000_000n;
const CFX = 10n ** 18n;
const keyOf = (label: string) => privateKeyFromHex(bytesToHex(keccak_256(utf8ToBytes(`wayfarer e2e verified cross-space ${label}`))));
const genesis = privateKeyFromHex(GENESIS_PRIVATE_KEY);
const coreKey = keyOf('core');
const espaceKey = keyOf('espace');
const CORE = coreAccount(node, coreKey);
const ESPACE = espaceAddressFromPrivateKey(espaceKey);

let chain: VerifiedChain;

beforeAll(async () => {
  ({ chain } = await verifyingStack(node));
  const { receipt } = await sendCore(node, genesis, { type: 0, gasPrice: GAS_PRICE, gas: 21_000n, to: CORE, value: 20n * CFX, storageLimit: 0n, data: '0x' });
  expect(receipt.outcomeStatus).toBe('0x0');
});

/** The light client's proof of a receipt, as the status model reads it. */
async function proved(space: 'core' | 'espace', hash: string, blockHash: string, epoch: number, gasFee: bigint): Promise<ObservedReceipt> {
  const proof = await chain.prove({ space, transactionHash: hash, blockHash, epoch });
  expect(proof.finality).toBe('finalized');
  const receipt = proof.receipt as VerifiedReceipt;
  if (space === 'core') expect(receipt.gasFee).toBe(gasFee);
  return {
    transactionHash: hash, outcome: receipt.outcome, gasUsed: receipt.gasUsed, gasFee, epoch: proof.epoch, trust: 'verified',
    logs: receipt.logs.map((l) => ({ address: bytesToHex(l.address), topics: l.topics.map(bytesToHex), data: bytesToHex(l.data) })),
  };
}

describe('cross-space transfers with proved receipts', () => {
  test('Core → eSpace, then eSpace → Core: each completed, trust verified', async () => {
    const out = planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to: ESPACE, amount: 10n * CFX }, { network: NET, ownCoreAccounts: [CORE], espaceRecipient: { exists: false, hasCode: false } });
    const first = await sendDraft(node, coreKey, out.drafts[0]!, GAS_PRICE);
    const back = planCrossSpaceTransfer({ kind: 'espace_to_core', from: ESPACE, to: CORE, amount: 4n * CFX }, { network: NET, ownCoreAccounts: [CORE] });
    const fund = await sendDraft(node, espaceKey, back.drafts[0]!, GAS_PRICE);
    const withdraw = await sendDraft(node, coreKey, back.drafts[1]!, GAS_PRICE);
    const last = Math.max(Number(BigInt(first.core!.epochNumber)), Number(BigInt(fund.espace!.blockNumber)), Number(BigInt(withdraw.core!.epochNumber)));
    await waitForFinality(node, last + 11);
    await chain.sync();

    const outStatus = transferStatus(out, [{ hash: first.hash, receipt: await proved('core', first.hash, first.core!.blockHash, Number(BigInt(first.core!.epochNumber)), BigInt(first.core!.gasFee)) }]);
    expect(outStatus).toMatchObject({ state: 'completed', trust: 'verified', credited: { space: 'espace', address: ESPACE, amount: 10n * CFX } });

    const backStatus = transferStatus(back, [
      { hash: fund.hash, receipt: await proved('espace', fund.hash, fund.espace!.blockHash, Number(BigInt(fund.espace!.blockNumber)), BigInt(fund.espace!.gasUsed) * GAS_PRICE) },
      { hash: withdraw.hash, receipt: await proved('core', withdraw.hash, withdraw.core!.blockHash, Number(BigInt(withdraw.core!.epochNumber)), BigInt(withdraw.core!.gasFee)) },
    ]);
    expect(backStatus).toMatchObject({ state: 'completed', trust: 'verified', credited: { space: 'core', address: CORE, amount: 4n * CFX } });
  });
});
