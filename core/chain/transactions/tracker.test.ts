import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../address/cip37.js';
import { coreAddressFromPrivateKey } from '../../keys/address.js';
import { privateKeyFromHex } from '../../keys/private-key.js';
import { LightClientError } from '../../lightclient/errors.js';
import { decodeCoreTransaction } from '../../tx/core-decode.js';
import { signCoreTransaction } from '../../tx/core-sign.js';
import { makeEndpoint } from '../../rpc/pool/endpoint.js';
import { NodePool } from '../../rpc/pool/node-pool.js';
import { NoNodeAvailableError } from '../../rpc/pool/errors.js';
import { FakeClock } from '../../rpc/testing/fake-clock.js';
import { fakeNetwork, FakeRpcError, type FakeMethodHandler } from '../../rpc/testing/fake-fetch.js';
import { bumpedPrice, coreReplacement } from './replacement.js';
import { TxTracker } from './tracker.js';
import type { InclusionProof, InclusionProver } from './types.js';

const CHAIN = 1024;
const key = privateKeyFromHex('0x46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f');
const FROM = encodeCfxAddress(coreAddressFromPrivateKey(key), CHAIN);
const BLOCK = `0x${'ab'.repeat(32)}`;

function signed(nonce: bigint, gasPrice = 10n) {
  return signCoreTransaction({ type: 0, chainId: CHAIN, nonce, gas: 21000n, to: FROM, value: 1n, storageLimit: 0n, epochHeight: 100n, data: '0x', gasPrice }, key, CHAIN);
}

/** A node that knows the transactions in `known` (hash → epoch) and accepts sends. */
function node(state: { known: Map<string, number>; sent: string[]; hide?: boolean; wrongHash?: boolean; refuse?: string }): FakeMethodHandler {
  return (method, params) => {
    const hash = String(params[0]);
    switch (method) {
      case 'cfx_sendRawTransaction': {
        if (state.refuse) throw new FakeRpcError(-32602, state.refuse);
        const h = decodeCoreTransaction(hash).hash;
        state.sent.push(h);
        return state.wrongHash ? `0x${'11'.repeat(32)}` : h;
      }
      case 'cfx_getTransactionReceipt':
        if (state.hide || !state.known.has(hash)) return null;
        return receipt(hash, state.known.get(hash)!);
      case 'cfx_getTransactionByHash':
        return state.hide || !state.known.has(hash) ? null : transaction(hash);
      default:
        throw new Error(`unexpected ${method}`);
    }
  };
}

function transaction(hash: string) {
  return {
    hash, nonce: '0x0', blockHash: BLOCK, transactionIndex: '0x0', from: FROM, to: FROM, value: '0x1', gasPrice: '0xa', gas: '0x5208', contractCreated: null, data: '0x',
    storageLimit: '0x0', epochHeight: '0x64', chainId: '0x400', status: '0x0', v: '0x0', r: '0x1', s: '0x1',
  };
}

function receipt(hash: string, epoch: number) {
  return {
    transactionHash: hash, index: '0x0', blockHash: BLOCK, epochNumber: `0x${epoch.toString(16)}`, from: FROM, to: FROM, gasUsed: '0x5208', gasFee: '0x5208', contractCreated: null,
    logs: [], logsBloom: `0x${'00'.repeat(256)}`, stateRoot: `0x${'00'.repeat(32)}`, outcomeStatus: '0x0', txExecErrorMsg: null, gasCoveredBySponsor: false, storageCoveredBySponsor: false,
    storageCollateralized: '0x0', storageReleased: [],
  };
}

function setup(states: Parameters<typeof node>[0][], prove: InclusionProver, timeoutMs = 60_000) {
  const endpoints = states.map((_, i) => makeEndpoint({ network: 'local', space: 'core', url: `https://n${i}.example`, operator: `op${i}` }));
  const net = fakeNetwork(Object.fromEntries(endpoints.map((e, i) => [e.url, node(states[i]!)])));
  const clock = new FakeClock();
  const pool = new NodePool({ network: 'local', endpoints, fetch: net.fetch, clock });
  const changes: string[] = [];
  const tracker = new TxTracker({ pool, clock, prove, chainIds: { core: CHAIN, espace: 1025 }, censorshipTimeoutMs: timeoutMs, onChange: (r) => changes.push(r.status) });
  return { pool, clock, tracker, endpoints, changes };
}

const proof = (epoch: number, outcome: InclusionProof['outcome'] = 'success', finality: InclusionProof['finality'] = 'finalized'): InclusionProof => ({ blockHash: BLOCK, epoch, outcome, gasUsed: 21000n, finality });
const state = (extra: Partial<Parameters<typeof node>[0]> = {}) => ({ known: new Map<string, number>(), sent: [] as string[], ...extra });

describe('TxTracker', () => {
  test('a transaction no node has put in a block is offered to a node added after it was sent, at the next refresh, once', async () => {
    const only = state();
    const later = state();
    const { tracker, pool, endpoints } = setup([only, later], async () => proof(1));
    pool.remove(endpoints[1]!.id);
    const tx = signed(0n);
    await tracker.send('core', tx.raw as `0x${string}`);
    expect(later.sent).toEqual([]);
    pool.add(endpoints[1]!);
    const refreshed = await tracker.refresh(tx.hash);
    expect(later.sent).toEqual([tx.hash]);
    expect(refreshed.acceptedBy).toEqual([endpoints[0]!.id, endpoints[1]!.id]);
    await tracker.refresh(tx.hash);
    expect(later.sent).toEqual([tx.hash]);
    expect(only.sent).toEqual([tx.hash]);
  });

  test('broadcasts to independent nodes; a node acknowledging a wrong hash is banned', async () => {
    const a = state();
    const b = state({ wrongHash: true });
    const { tracker, pool, endpoints } = setup([a, b], async () => proof(1));
    const tx = signed(0n);
    const record = await tracker.send('core', tx.raw as `0x${string}`);
    expect(record).toMatchObject({ hash: tx.hash, status: 'pending', nonce: '0', acceptedBy: [endpoints[0]!.id] });
    expect(a.sent).toEqual([tx.hash]);
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: endpoints[1]!.id, reason: 'wrong_transaction_hash', severity: 'proven_lie' })]);
  });

  test('refused by every node: rejected, with the reason', async () => {
    const { tracker } = setup([state({ refuse: 'nonce too stale' }), state({ refuse: 'nonce too stale' })], async () => proof(1));
    const record = await tracker.send('core', signed(0n).raw as `0x${string}`);
    expect(record.status).toBe('rejected');
    expect(record.note).toContain('nonce too stale');
  });

  test('nobody includes it: possibly censored after the timeout; resend goes out again', async () => {
    const a = state();
    const { tracker, clock } = setup([a], async () => proof(1), 10_000);
    const tx = signed(0n);
    await tracker.send('core', tx.raw as `0x${string}`);
    await clock.advance(5_000);
    expect((await tracker.refresh(tx.hash)).status).toBe('pending');
    await clock.advance(6_000);
    const censored = await tracker.refresh(tx.hash);
    expect(censored.status).toBe('possibly_censored');
    expect(censored.note).toMatch(/withholding/);
    const resent = await tracker.resend(tx.hash);
    expect(resent.status).toBe('pending');
    expect(a.sent).toHaveLength(2);
  });

  test('found but not final yet: included; proved and final: included_verified; a node that accepted it and denies it is banned', async () => {
    const honest = state();
    const withholding = state({ hide: true });
    let finality: InclusionProof['finality'] = 'unfinalized';
    const { tracker, pool, endpoints, changes } = setup([honest, withholding], async (q) => {
      if (finality === 'unfinalized') throw new LightClientError('not_finalized', 'later');
      expect(q).toMatchObject({ blockHash: BLOCK, epoch: 42 });
      return proof(42);
    });
    const tx = signed(3n);
    await tracker.send('core', tx.raw as `0x${string}`);
    honest.known.set(tx.hash, 42);
    expect((await tracker.refresh(tx.hash)).status).toBe('included');
    finality = 'finalized';
    const done = await tracker.refresh(tx.hash);
    expect(done).toMatchObject({ status: 'included_verified', proof: { epoch: 42, outcome: 'success', gasUsed: '21000' } });
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: endpoints[1]!.id, reason: 'withheld_transaction', severity: 'proven_lie' })]);
    expect(changes).toContain('included_verified');
    expect(tracker.nonceFloor('core', done.addressKey, 41)).toBeUndefined();
    expect(tracker.nonceFloor('core', done.addressKey, 42)).toBe(4n);
  });

  test('the proved receipt\'s fee, collateral and sponsor flags and the finalized pivot are kept with the record', async () => {
    const a = state();
    const pivot = { height: 120, blockHash: `0x${'cd'.repeat(32)}` };
    const receipt = { space: 'native' as const, outcome: 'success' as const, gasUsed: 21000n, accumulatedGasUsed: 21000n, gasFee: 21000n * 7n, burntGasFee: null, gasCoveredBySponsor: false, storageCoveredBySponsor: true, storageCollateralized: 64n, logs: [], logsBloom: new Uint8Array(256) };
    const { tracker } = setup([a], async () => ({ ...proof(9), receipt, finalizedPivot: pivot }));
    const tx = signed(0n);
    await tracker.send('core', tx.raw as `0x${string}`);
    a.known.set(tx.hash, 9);
    const done = await tracker.refresh(tx.hash);
    expect(done.proof).toMatchObject({ epoch: 9, gasFee: '147000', gasCoveredBySponsor: false, storageCollateralized: '64', storageCoveredBySponsor: true, finalizedPivot: pivot });
  });

  test('found, but no node serves what the proof needs: included, with the reason, never verified', async () => {
    const a = state();
    const { tracker } = setup([a], async () => {
      throw new NoNodeAvailableError('core', 'local', [{ node: 'https://n0.example', problem: 'rpc.node_error' }]);
    });
    const tx = signed(0n);
    await tracker.send('core', tx.raw as `0x${string}`);
    a.known.set(tx.hash, 7);
    const record = await tracker.refresh(tx.hash);
    expect(record).toMatchObject({ status: 'included', location: { epoch: 7 } });
    expect(record.note).toContain('pool.no_node');
    expect(record.proof).toBeUndefined();
  });

  test('a failed execution is proved as failed_verified', async () => {
    const a = state();
    const { tracker } = setup([a], async () => proof(7, 'failure'));
    const tx = signed(0n);
    await tracker.send('core', tx.raw as `0x${string}`);
    a.known.set(tx.hash, 7);
    expect((await tracker.refresh(tx.hash)).status).toBe('failed_verified');
  });

  test('a false location claim is a proven lie', async () => {
    const liar = state();
    const { tracker, pool, endpoints } = setup([liar, state()], async () => {
      throw new LightClientError('not_included', 'not in that block');
    });
    const tx = signed(0n);
    await tracker.send('core', tx.raw as `0x${string}`);
    liar.known.set(tx.hash, 9);
    expect((await tracker.refresh(tx.hash)).status).toBe('pending');
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: endpoints[0]!.id, reason: 'bad_inclusion_proof' })]);
  });

  test('nonces: pending nonce counts own transactions in flight; a proved replacement marks the original replaced', async () => {
    const a = state();
    const { tracker } = setup([a], async () => proof(5));
    const original = signed(8n);
    const first = await tracker.send('core', original.raw as `0x${string}`);
    expect(tracker.pendingNonce('core', FROM, 8n)).toBe(9n);
    expect(tracker.pendingNonce('core', FROM, 20n)).toBe(20n);
    const unsigned = coreReplacement(first, 'cancel', 11n, 200n);
    expect(unsigned).toMatchObject({ nonce: 8n, to: FROM, value: 0n, data: '0x', gas: 21000n, gasPrice: 12n, epochHeight: 200n });
    const replacement = signCoreTransaction(unsigned, key, CHAIN);
    await tracker.send('core', replacement.raw as `0x${string}`, { replaces: original.hash });
    a.known.set(replacement.hash, 5);
    expect((await tracker.refresh(replacement.hash)).status).toBe('included_verified');
    expect(tracker.get(original.hash)).toMatchObject({ status: 'replaced', replacedBy: replacement.hash });
  });

  test('records survive a restart (plain data in, same state out)', async () => {
    const a = state();
    const { tracker, pool, clock } = setup([a], async () => proof(5));
    const tx = signed(1n);
    await tracker.send('core', tx.raw as `0x${string}`);
    const restored = new TxTracker({ pool, clock, prove: async () => proof(5), chainIds: { core: CHAIN, espace: 1025 }, records: tracker.list() });
    expect(restored.get(tx.hash)).toEqual(tracker.get(tx.hash));
    // A transaction signed for another chain is refused before anything is sent.
    const foreign = signCoreTransaction({ type: 0, chainId: 1, nonce: 0n, gas: 21000n, to: null, value: 0n, storageLimit: 0n, epochHeight: 1n, data: '0x', gasPrice: 1n }, key, 1);
    const sentBefore = a.sent.length;
    await expect(restored.send('core', foreign.raw as `0x${string}`)).rejects.toThrow(/chain/);
    expect(a.sent).toHaveLength(sentBefore);
  });
});

describe('replacement prices', () => {
  test('at least 15% more, and at least the current price', () => {
    expect(bumpedPrice(100n, 1n)).toBe(115n);
    expect(bumpedPrice(1n, 1n)).toBe(2n);
    expect(bumpedPrice(100n, 500n)).toBe(500n);
  });
});
