/**
 * Lying-node suite: for each attack, a wallet configured with a lying proxy (asked first) and
 * honest nodes must detect the lie, ban the liar with the right reason, keep working through the
 * honest nodes, and report the right trust level. Runs against the shared real dev node.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { coreAddressFromPrivateKey, encodeCfxAddress, privateKeyFromHex, toQuantity } from '../../core/index.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality, waitForReceiptEpoch } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { DIRECT, HONEST_PROXY, LIAR, walletWithLiar, type Wallet, type WalletOptions } from './setup.js';
import { makeEndpoint } from '../../core/rpc/pool/endpoint.js';

const node = sharedDevNode();
const GENESIS = encodeCfxAddress(coreAddressFromPrivateKey(privateKeyFromHex(GENESIS_PRIVATE_KEY)), node.chainId);
const ESPACE_ADDRESS = '0x1234567890123456789012345678901234567890';
let wallet: Wallet | undefined;

async function setup(options: WalletOptions): Promise<Wallet> {
  wallet = await walletWithLiar(node, options);
  return wallet;
}

afterEach(async () => {
  await wallet?.close();
  wallet = undefined;
});

beforeAll(async () => {
  // At least one PoS epoch change must have happened so committee rotation is exercised.
  await waitForFinality(node, 1);
  for (let i = 0; Number(BigInt((await rpcCall<{ epoch: string }>(node.coreRpc, 'pos_getStatus')).epoch)) < 2; i++) {
    if (i > 120) throw new Error('PoS epoch 2 not reached');
    await new Promise((r) => setTimeout(r, 1000));
  }
});

function banOf(w: Wallet, nodeId = w.liarNode.id) {
  return w.pool.bans().find((b) => b.nodeId === nodeId);
}

/** After the liar is banned the wallet still works: verified epoch, and balances cross-checked by the honest operators. */
async function stillWorks(w: Wallet): Promise<void> {
  const epoch = await w.chain.verifiedEpoch('core');
  expect(epoch).toBeGreaterThan(0);
  const balance = await w.reader.getBalance('core', GENESIS);
  expect(balance.trust).toBe('cross-checked');
  expect(balance.value).toBe(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [GENESIS, toQuantity(balance.epoch)])));
  expect(new Set(balance.sources.map((s) => s.operator))).toEqual(new Set([HONEST_PROXY, DIRECT]));
}

describe('PoS and header lies (proven: banned for a day)', () => {
  test('forged header field → forged_header', async () => {
    const w = await setup({ attack: 'forge_header_field' });
    const report = await w.chain.sync();
    expect(report.finalized).not.toBeNull();
    expect(banOf(w)).toMatchObject({ reason: 'forged_header', severity: 'proven_lie', nodeLabel: w.liarNode.label });
    expect(banOf(w)!.evidence).toMatch(/cfx_getBlockByHash/);
    await stillWorks(w);
  });

  test('broken parent link → broken_parent_link', async () => {
    const w = await setup({ attack: 'break_parent_link' });
    await w.chain.sync();
    const finalized = w.chain.client.finalizedPivot!;
    // Operations start at successive nodes (round robin): within a few, one starts at the liar
    // (each at another height, so none is answered from what an earlier one verified).
    for (let i = 0; i < 6 && banOf(w) === undefined && finalized.height - 7 - 3 * i > 0; i++) {
      const target = finalized.height - 7 - 3 * i;
      const real = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', [toQuantity(target), false]);
      const { value: { header } } = await w.chain.runner.run((transport) => w.chain.client.pivotHeaderAt(target, { transport }));
      expect(header.hash).toBe(real.hash);
    }
    expect(banOf(w)).toMatchObject({ reason: 'broken_parent_link', severity: 'proven_lie' });
    await stillWorks(w);
  });

  test('bad BLS signature → bad_signature', async () => {
    const w = await setup({ attack: 'bad_bls_signature' });
    const report = await w.chain.sync();
    expect(report.finalized).not.toBeNull();
    expect(banOf(w)).toMatchObject({ reason: 'bad_signature', severity: 'proven_lie' });
    await stillWorks(w);
  });

  test('signers dropped below quorum → insufficient_quorum', async () => {
    const w = await setup({ attack: 'drop_signers' });
    await w.chain.sync();
    expect(banOf(w)).toMatchObject({ reason: 'insufficient_quorum', severity: 'proven_lie' });
    await stillWorks(w);
  });

  test('swapped committee key in the next epoch state → the epoch change no longer verifies (bad_signature)', async () => {
    const w = await setup({ attack: 'swap_committee_key' });
    const report = await w.chain.sync();
    expect(report.committeeEpoch).toBeGreaterThanOrEqual(2);
    expect(banOf(w)).toMatchObject({ reason: 'bad_signature', severity: 'proven_lie' });
    expect(banOf(w)!.evidence).toMatch(/pos_getLedgerInfosByEpoch/);
    // The committee the client adopted is the real one.
    const real = await rpcCall<{ verifier: { addressToValidatorInfo: Record<string, { publicKey: string }> } }>(node.coreRpc, 'pos_getEpochState', [toQuantity(report.committeeEpoch)]);
    const adopted = w.chain.client.posState.committee;
    expect(Object.keys(real.verifier.addressToValidatorInfo)).toHaveLength(adopted.state.validators.length);
    await stillWorks(w);
  });
});

describe('state lies (outvoted by independent nodes)', () => {
  test('wrong balance → conflict shown, liar banned (wrong_balance), then cross-checked', async () => {
    const w = await setup({ attack: 'wrong_balance' });
    await w.chain.sync();
    const first = await w.reader.getBalance('core', GENESIS);
    expect(first.trust).toBe('conflict');
    expect(first.conflict?.resolution).toBe('majority');
    const truth = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [GENESIS, toQuantity(first.epoch)]));
    expect(first.value).toBe(truth);
    expect(first.sources.find((s) => s.operator === LIAR)?.answer).toBe((truth + 10n ** 18n).toString());
    expect(banOf(w)).toMatchObject({ reason: 'wrong_balance', severity: 'outvoted' });
    const second = await w.reader.getBalance('core', GENESIS);
    expect(second).toMatchObject({ trust: 'cross-checked', value: truth });
    // eSpace: the same at a verified block number.
    const espace = await w.reader.getBalance('espace', ESPACE_ADDRESS);
    expect(espace.trust).toBe('conflict');
    expect(banOf(w, w.liarEspaceNode.id)).toMatchObject({ reason: 'wrong_balance' });
    expect((await w.reader.getBalance('espace', ESPACE_ADDRESS)).trust).toBe('cross-checked');
  });

  test('wrong nonce → outvoted (wrong_nonce)', async () => {
    const w = await setup({ attack: 'wrong_nonce' });
    await w.chain.sync();
    const nonce = await w.reader.getNonce('core', GENESIS);
    expect(nonce.trust).toBe('conflict');
    expect(nonce.value).toBe(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [GENESIS, toQuantity(nonce.epoch)])));
    expect(banOf(w)).toMatchObject({ reason: 'wrong_nonce', severity: 'outvoted' });
    await stillWorks(w);
  });

  test('with only one honest node, a disagreement stays an unresolved conflict and nobody is banned', async () => {
    const w = await setup({ attack: 'wrong_balance', honest: ['direct'] });
    await w.chain.sync();
    const result = await w.reader.getBalance('core', GENESIS);
    expect(result).toMatchObject({ trust: 'conflict', value: undefined, conflict: { resolution: 'unresolved' } });
    expect(banOf(w)).toBeUndefined();
  });
});

describe('stale and wrong-chain nodes', () => {
  test('stale epoch → stale (short ban)', async () => {
    const w = await setup({ attack: 'honest' });
    await w.chain.sync();
    w.liar.setAttack('stale');
    await w.chain.checkNodes();
    expect(banOf(w)).toMatchObject({ reason: 'stale', severity: 'unavailable' });
    // A stale node asked to sync a client that already verified more is refused too.
    w.pool.liftBan(w.liarNode.id);
    const error = await w.chain.client.sync({ now: Date.now(), transport: w.chain.runner.transportFor(w.liarNode, undefined) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'stale' });
    expect(w.pool.report(w.liarNode.id, error)).toMatchObject({ kind: 'ban', reason: 'stale' });
    expect(banOf(w)).toMatchObject({ reason: 'stale' });
    await stillWorks(w);
  });

  test('wrong chain → wrong_chain', async () => {
    const w = await setup({ attack: 'honest' });
    await w.chain.sync();
    w.liar.setAttack('wrong_chain');
    w.liarEspace.setAttack('wrong_chain');
    await w.chain.checkNodes();
    expect(banOf(w)).toMatchObject({ reason: 'wrong_chain', severity: 'misbehaviour' });
    expect(banOf(w, w.liarEspaceNode.id)).toMatchObject({ reason: 'wrong_chain' });
    await stillWorks(w);
  });
});

describe('broken answers', () => {
  test('truncated / garbage JSON → malformed_response', async () => {
    const w = await setup({ attack: 'garbage_json' });
    await w.chain.sync();
    expect(banOf(w)).toMatchObject({ reason: 'malformed_response', severity: 'misbehaviour' });
    await stillWorks(w);
  });

  test('huge response → oversized_response, reading stops at the cap', async () => {
    const w = await setup({ attack: 'huge_response' });
    await w.chain.sync();
    expect(banOf(w)).toMatchObject({ reason: 'oversized_response' });
    await stillWorks(w);
  });

  test('very slow answers → unresponsive (short ban) after repeated timeouts', async () => {
    const w = await setup({ attack: 'slow', timeoutMs: 600, slowMs: 5_000 });
    await w.chain.sync();
    expect(banOf(w)).toMatchObject({ reason: 'unresponsive', severity: 'unavailable' });
    await stillWorks(w);
  });

  test('mismatched answer ids → mismatched_answers', async () => {
    const w = await setup({ attack: 'mismatched_ids' });
    await w.chain.sync();
    expect(banOf(w)).toMatchObject({ reason: 'mismatched_answers' });
    await stillWorks(w);
  });

  test('batch answers out of order are matched by id and accepted (no ban)', async () => {
    const w = await setup({ attack: 'reorder_batch' });
    const client = w.pool.client(w.liarNode.id);
    const [epoch, status, balance] = await client.batch([
      { method: 'cfx_epochNumber', params: ['latest_state'] },
      { method: 'cfx_getStatus', params: [] },
      { method: 'cfx_getBalance', params: [GENESIS, 'latest_state'] },
    ] as const);
    expect(epoch.ok && status.ok && balance.ok).toBe(true);
    expect(status.ok && BigInt(status.value.chainId)).toBe(BigInt(node.chainId));
    expect(w.pool.bans()).toEqual([]);
  });
});

describe('censorship', () => {
  test('withheld transaction → possibly_censored, resend through an honest node, included — verified, liar banned (withheld_transaction); a nonce below it is a proven lie', async () => {
    const w = await setup({ attack: 'withhold_transaction', honest: [], censorshipTimeoutMs: 1_500 });
    await w.chain.sync();
    const key = privateKeyFromHex(GENESIS_PRIVATE_KEY);
    const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [GENESIS]));
    const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
    const signed = signCoreTransaction({ type: 2, chainId: node.chainId, nonce, gas: 21000n, to: GENESIS, value: 1n, storageLimit: 0n, epochHeight, data: '0x', maxFeePerGas: 10n ** 9n, maxPriorityFeePerGas: 1n, accessList: [] }, key, node.chainId);
    const sent = await w.tracker.send('core', signed.raw as `0x${string}`);
    expect(sent.acceptedBy).toEqual([w.liarNode.id]);
    expect(w.liar.withheld.has(signed.hash)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_600));
    expect((await w.tracker.refresh(signed.hash)).status).toBe('possibly_censored');

    // The user adds an honest node and resends.
    w.pool.add(makeEndpoint({ network: 'local', space: 'core', url: node.coreRpc, operator: DIRECT }));
    const resent = await w.tracker.resend(signed.hash);
    expect(resent.status).toBe('pending');
    expect(resent.acceptedBy).toContain(`local/core/${new URL(node.coreRpc).href}`);
    const epoch = await waitForReceiptEpoch(node, signed.hash);
    await waitForFinality(node, epoch + 11);
    await w.chain.sync();
    const tracked = await w.tracker.refresh(signed.hash);
    expect(tracked.status).toBe('included_verified');
    expect(banOf(w)).toMatchObject({ reason: 'withheld_transaction', severity: 'proven_lie' });

    // Next the liar lies about the nonce: below a verified transaction it is proof, not a vote.
    w.pool.liftBan(w.liarNode.id);
    w.liar.setAttack('wrong_nonce');
    const read = await w.reader.getNonce('core', GENESIS);
    expect(read.value).toBeGreaterThan(nonce);
    expect(read.trust).toBe('single-source');
    expect(banOf(w)).toMatchObject({ reason: 'wrong_nonce', severity: 'proven_lie' });
  });
});
