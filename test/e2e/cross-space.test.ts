/**
 * Cross-space transfers on the dev node (eSpace patch active), planned by core/crossspace, signed
 * by core/tx, sent over JSON-RPC: Core → eSpace to a new and to an existing eSpace account, and
 * eSpace → Core through the mapped address and withdrawFromMapped. Balances are checked on both
 * sides to the drip: each side moves by the amount plus exactly the fee the receipt reports, and
 * that fee is gasUsed × price (the planned limits are tight enough that Conflux's
 * 3/4-of-the-limit minimum never applies). Storage: the node estimates 0 and nothing is
 * collateralized.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../../core/address/cip37.js';
import { encodeStaticCall } from '../../core/abi/encode.js';
import { chargedGas, mappedAddress, planCrossSpaceTransfer, transferStatus, type CrossSpacePlan, type ObservedReceipt, type TransactionDraft } from '../../core/crossspace/index.js';
import { bytesToHex, toQuantity } from '../../core/encoding/hex.js';
import { espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { privateKeyFromHex, type PrivateKey } from '../../core/keys/private-key.js';
import { GENESIS_PRIVATE_KEY, rpcCall } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { coreAccount, coreBalance, deployEspace, espaceBalance, observedCoreReceipt, observedEspaceReceipt, sendCore, sendDraft, type CoreReceiptJson, type EspaceReceiptJson } from '../support/chain-tx.js';
import artifacts from '../fixtures/contracts/artifacts.json' with { type: 'json' };

const node = sharedDevNode();
const NET = { coreChainId: node.chainId, espaceChainId: node.evmChainId };
const CFX = 10n ** 18n;
const GAS_PRICE = 2_000_000_000n;
const keyOf = (label: string) => privateKeyFromHex(bytesToHex(keccak_256(utf8ToBytes(`wayfarer e2e cross-space ${label}`))));

const genesis = privateKeyFromHex(GENESIS_PRIVATE_KEY);
const coreSender = keyOf('core sender');
const coreReceiver = keyOf('core receiver');
const espaceKey = keyOf('espace account');
const A = coreAccount(node, coreSender);
const B = coreAccount(node, coreReceiver);
const E = espaceAddressFromPrivateKey(espaceKey);

async function signAndSendCore(key: PrivateKey, draft: TransactionDraft): Promise<{ hash: string; receipt: CoreReceiptJson }> {
  const sent = await sendDraft(node, key, draft, GAS_PRICE);
  return { hash: sent.hash, receipt: sent.core! };
}

async function signAndSendEspace(key: PrivateKey, draft: TransactionDraft): Promise<{ hash: string; receipt: EspaceReceiptJson }> {
  const sent = await sendDraft(node, key, draft, GAS_PRICE);
  return { hash: sent.hash, receipt: sent.espace! };
}

const observedCore = (r: { receipt: CoreReceiptJson }): ObservedReceipt => observedCoreReceipt(r.receipt, 'single-source');
const observedEspace = (r: { receipt: EspaceReceiptJson }): ObservedReceipt => observedEspaceReceipt(r.receipt, GAS_PRICE, 'single-source');

async function espaceRecipientFacts(address: string): Promise<{ exists: boolean; hasCode: boolean }> {
  const [balance, nonce, code] = await Promise.all([
    rpcCall<string>(node.espaceRpc, 'eth_getBalance', [address, 'latest']),
    rpcCall<string>(node.espaceRpc, 'eth_getTransactionCount', [address, 'latest']),
    rpcCall<string>(node.espaceRpc, 'eth_getCode', [address, 'latest']),
  ]);
  return { exists: BigInt(balance) > 0n || BigInt(nonce) > 0n || code !== '0x', hasCode: code !== '0x' };
}

/** CrossSpaceCall.mappedBalance(core): the node's Core-side view of the mapped account's balance. */
async function mappedBalanceOnCore(core: string): Promise<bigint> {
  const data = encodeStaticCall('0x142b37c7', [{ type: 'address', value: decodeCfxAddressToBytes(core).bytes }]);
  return BigInt(await rpcCall<string>(node.coreRpc, 'cfx_call', [{ to: encodeCfxAddress('0x0888000000000000000000000000000000000006', node.chainId), data }, 'latest_state']));
}

/** The node's estimate: its `gasLimit` is gas used × 7/6 plus the base cost (conflux-rust `estimated_gas_limit`), not the gas used. */
async function estimate_(draft: TransactionDraft): Promise<{ gasLimit: bigint; storageCollateralized: bigint }> {
  const r = await rpcCall<{ gasLimit: string; storageCollateralized: string }>(node.coreRpc, 'cfx_estimateGasAndCollateral', [{ from: draft.from, to: draft.to, value: toQuantity(draft.value), data: draft.data }, 'latest_state']);
  return { gasLimit: BigInt(r.gasLimit), storageCollateralized: BigInt(r.storageCollateralized) };
}

beforeAll(async () => {
  for (const [to, value] of [[A, 50n * CFX], [B, CFX]] as const) {
    const { receipt } = await sendCore(node, genesis, { type: 0, gasPrice: GAS_PRICE, gas: 21_000n, to, value, storageLimit: 0n, data: '0x' });
    expect(receipt.outcomeStatus).toBe('0x0');
  }
  // CrossSpaceCall must be active (the addon patch): mappedBalance answers a word, not `0x`.
  expect(await rpcCall<string>(node.coreRpc, 'cfx_call', [{ to: encodeCfxAddress('0x0888000000000000000000000000000000000006', node.chainId), data: encodeStaticCall('0x142b37c7', [{ type: 'address', value: decodeCfxAddressToBytes(A).bytes }]) }, 'latest_state'])).toMatch(/^0x[0-9a-f]{64}$/);
});

async function coreToEspace(amount: bigint, expectNew: boolean): Promise<void> {
  const recipient = await espaceRecipientFacts(E);
  expect(recipient.exists).toBe(!expectNew);
  const plan = planCrossSpaceTransfer({ kind: 'core_to_espace', from: A, to: E, amount }, { network: NET, ownCoreAccounts: [A], espaceRecipient: recipient });
  const [draft] = plan.drafts;
  const estimated = await estimate_(draft!);
  expect(estimated.storageCollateralized).toBe(0n);

  const [coreBefore, espaceBefore] = await Promise.all([coreBalance(node, A), espaceBalance(node, E)]);
  const sent = await signAndSendCore(coreSender, draft!);
  expect(sent.receipt.outcomeStatus).toBe('0x0');
  expect(BigInt(sent.receipt.storageCollateralized)).toBe(0n);
  const gasUsed = BigInt(sent.receipt.gasUsed);
  expect(gasUsed).toBeLessThanOrEqual(draft!.gas);
  expect(chargedGas(draft!.gas, gasUsed)).toBe(gasUsed);
  // The 300 000 limit often used for transferEVM would have been charged 225 000.
  expect(chargedGas(300_000n, gasUsed)).toBe(225_000n);
  console.log(`transferEVM (${expectNew ? 'new' : 'existing'} receiver): planned ${draft!.gas}, used ${gasUsed}, node estimate ${estimated.gasLimit}`);
  expect(BigInt(sent.receipt.gasFee)).toBe(gasUsed * GAS_PRICE);
  expect(await espaceBalance(node, E)).toBe(espaceBefore + amount);
  expect(await coreBalance(node, A)).toBe(coreBefore - amount - BigInt(sent.receipt.gasFee));

  const status = transferStatus(plan, [{ hash: sent.hash, receipt: observedCore(sent) }]);
  expect(status).toMatchObject({ state: 'completed', credited: { space: 'espace', address: E, amount }, fees: { core: BigInt(sent.receipt.gasFee), espace: 0n }, trust: 'single-source' });
}

describe('Core → eSpace (transferEVM)', () => {
  test('to a new eSpace account: credited exactly, fee = gasUsed × price with the planned limit, nothing stored', async () => {
    await coreToEspace(10n * CFX, true);
  });

  test('to an existing eSpace account: the smaller planned limit is enough and still charged as used', async () => {
    await coreToEspace(CFX, false);
  });
});

describe('Core → eSpace to a contract whose receive() needs more than the stipend', () => {
  test('with the formula\'s limit the transfer fails and the value stays on Core; with the node\'s estimate it arrives', async () => {
    const sink = await deployEspace(node, espaceKey, artifacts.contracts.TestSink.bytecode as `0x${string}`);
    const recipient = await espaceRecipientFacts(sink);
    expect(recipient).toEqual({ exists: true, hasCode: true });
    const amount = CFX / 10n;

    const bare = planCrossSpaceTransfer({ kind: 'core_to_espace', from: A, to: sink, amount }, { network: NET, ownCoreAccounts: [A], espaceRecipient: recipient });
    expect(bare.notes).toEqual([{ code: 'recipient_is_contract', params: { to: sink, estimated: 'false' } }]);
    const failed = await signAndSendCore(coreSender, bare.drafts[0]!);
    expect(failed.receipt.outcomeStatus).toBe('0x1');
    expect(await espaceBalance(node, sink)).toBe(0n);
    expect(transferStatus(bare, [{ hash: failed.hash, receipt: observedCore(failed) }]).state).toBe('failed');

    const estimate = (await estimate_(bare.drafts[0]!)).gasLimit;
    const planned = planCrossSpaceTransfer({ kind: 'core_to_espace', from: A, to: sink, amount }, { network: NET, ownCoreAccounts: [A], espaceRecipient: recipient, nodeGasEstimate: estimate });
    expect(planned.drafts[0]!.gas).toBe(estimate);
    const sent = await signAndSendCore(coreSender, planned.drafts[0]!);
    expect(sent.receipt.outcomeStatus).toBe('0x0');
    expect(await espaceBalance(node, sink)).toBe(amount);
    expect(BigInt(sent.receipt.gasFee)).toBe(chargedGas(estimate, BigInt(sent.receipt.gasUsed)) * GAS_PRICE);
    expect(transferStatus(planned, [{ hash: sent.hash, receipt: observedCore(sent) }])).toMatchObject({ state: 'completed', credited: { space: 'espace', address: sink, amount } });
    console.log(`transferEVM to a contract: formula ${bare.drafts[0]!.gas}, node estimate ${estimate}, used ${BigInt(sent.receipt.gasUsed)}`);
  });
});

describe('eSpace → Core (mapped address, then withdrawFromMapped)', () => {
  test('both steps: the mapped address holds the amount in between, then the Core account receives it', async () => {
    const amount = 5n * CFX;
    const plan: CrossSpacePlan = planCrossSpaceTransfer({ kind: 'espace_to_core', from: E, to: B, amount }, { network: NET, ownCoreAccounts: [A, B] });
    const mapped = mappedAddress(B);
    expect(plan.mapped).toEqual({ coreAccount: B, address: mapped });
    const [fund, withdraw] = plan.drafts;

    const [espaceBefore, coreBefore] = await Promise.all([espaceBalance(node, E), coreBalance(node, B)]);
    expect(await mappedBalanceOnCore(B)).toBe(0n);
    const first = await signAndSendEspace(espaceKey, fund!);
    expect(first.receipt.status).toBe('0x1');
    expect(BigInt(first.receipt.gasUsed)).toBe(21_000n);
    expect(await espaceBalance(node, E)).toBe(espaceBefore - amount - 21_000n * GAS_PRICE);
    // The node's own view of the mapped account, from both spaces.
    expect(await espaceBalance(node, mapped)).toBe(amount);
    await expect.poll(() => mappedBalanceOnCore(B), { timeout: 30_000 }).toBe(amount);
    expect(transferStatus(plan, [{ hash: first.hash, receipt: observedEspace(first) }]).state).toBe('awaiting_withdraw');

    const estimated = await estimate_(withdraw!);
    expect(estimated.storageCollateralized).toBe(0n);
    const second = await signAndSendCore(coreReceiver, withdraw!);
    expect(second.receipt.outcomeStatus).toBe('0x0');
    const gasUsed = BigInt(second.receipt.gasUsed);
    expect(gasUsed).toBeLessThanOrEqual(withdraw!.gas);
    expect(BigInt(second.receipt.gasFee)).toBe(gasUsed * GAS_PRICE);
    console.log(`withdrawFromMapped: planned ${withdraw!.gas}, used ${gasUsed}, node estimate ${estimated.gasLimit}`);
    expect(await coreBalance(node, B)).toBe(coreBefore + amount - BigInt(second.receipt.gasFee));
    expect(await espaceBalance(node, mapped)).toBe(0n);
    expect(await mappedBalanceOnCore(B)).toBe(0n);

    const status = transferStatus(plan, [{ hash: first.hash, receipt: observedEspace(first) }, { hash: second.hash, receipt: observedCore(second) }]);
    expect(status).toMatchObject({ state: 'completed', credited: { space: 'core', address: B, amount }, fees: { core: BigInt(second.receipt.gasFee), espace: 21_000n * GAS_PRICE } });
  });

  test('a withdrawal of more than the mapped address holds fails on chain and is reported as not done (awaiting_withdraw), not as completed', async () => {
    const plan = planCrossSpaceTransfer({ kind: 'withdraw_mapped', to: B, amount: CFX }, { network: NET, ownCoreAccounts: [B] });
    const sent = await signAndSendCore(coreReceiver, plan.drafts[0]!);
    expect(sent.receipt.outcomeStatus).toBe('0x1');
    expect(transferStatus(plan, [{ hash: sent.hash, receipt: observedCore(sent) }]).state).toBe('awaiting_withdraw');
  });
});
