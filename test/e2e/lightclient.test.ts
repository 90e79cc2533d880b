/**
 * The light client against a real conflux-rust dev node: PoS ledger infos and committee rotations
 * from the node's genesis committee (trust on first use), pivot headers back from the finalized
 * pivot (every one of them through the last PoS epoch boundary and the sent transactions; down to
 * genesis while the shared node is young), and inclusion of real Core and eSpace transactions and
 * their receipts.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../core/address/cip37.js';
import { bytesToHex } from '../../core/encoding/hex.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { PrivateKey } from '../../core/keys/private-key.js';
import { decodeCheckpointRecord } from '../../core/lightclient/checkpoint/record.js';
import { MemoryCheckpointStore } from '../../core/lightclient/checkpoint/store.js';
import { fetchTofuCheckpoint, LightClient } from '../../core/lightclient/client/light-client.js';
import { transportFromRequest, type LightClientTransport } from '../../core/lightclient/transport.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import { signEspaceTransaction } from '../../core/tx/espace-sign.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { transferToEspace } from '../support/cross-space.js';

const node = sharedDevNode();
const CHAIN_ID = node.chainId;
/** Chains up to this height are verified down to genesis (a few seconds of header requests). */
const YOUNG_CHAIN = 2_000;
/** Otherwise at least this many pivot headers below the finalized pivot are verified one by one. */
const WINDOW = 600;

/** Test-only transport: one dev node, Core and eSpace endpoints. */
function nodeTransport(): LightClientTransport {
  return transportFromRequest((method, params) => rpcCall(method.startsWith('eth_') ? node.espaceRpc : node.coreRpc, method, params));
}

interface SentTx {
  name: string;
  hash: string;
  space: 'native' | 'evm';
  blockHash: string;
  epoch: number;
  gasUsed: bigint;
  logs: number;
}

const key = PrivateKey.fromHex(GENESIS_PRIVATE_KEY);
const sender = encodeCfxAddress(coreAddressFromPrivateKey(key), CHAIN_ID);
const espaceKey = PrivateKey.fromHex(bytesToHex(keccak_256(new TextEncoder().encode('wayfarer light client e2e'))));

interface RpcReceipt {
  outcomeStatus: string;
  blockHash: string;
  epochNumber: string;
  gasUsed: string;
  logs: unknown[];
}

async function coreReceipt(hash: string): Promise<RpcReceipt> {
  for (let i = 0; i < 200; i++) {
    const r = await rpcCall<RpcReceipt | null>(node.coreRpc, 'cfx_getTransactionReceipt', [hash]);
    if (r !== null) return r;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no receipt for ${hash}`);
}

async function sendCore(name: string, tx: { to: string | null; value: bigint; data?: string; gas?: bigint; storageLimit?: bigint }): Promise<SentTx> {
  const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [sender]));
  const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
  const signed = signCoreTransaction(
    { type: 2, chainId: CHAIN_ID, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10_000_000_000n, gas: tx.gas ?? 21_000n, to: tx.to, value: tx.value, storageLimit: tx.storageLimit ?? 0n, epochHeight, data: tx.data ?? '0x', accessList: [] },
    key,
    CHAIN_ID,
  );
  await rpcCall(node.coreRpc, 'cfx_sendRawTransaction', [signed.raw]);
  const r = await coreReceipt(signed.hash);
  expect(r.outcomeStatus, `${name} outcome`).toBe('0x0');
  return { name, hash: signed.hash, space: 'native', blockHash: r.blockHash, epoch: Number(r.epochNumber), gasUsed: BigInt(r.gasUsed), logs: r.logs.length };
}

async function sendEspace(name: string): Promise<SentTx> {
  const from = espaceAddressFromPrivateKey(espaceKey);
  const nonce = BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getTransactionCount', [from, 'latest']));
  const signed = signEspaceTransaction(
    { type: 2, chainId: node.evmChainId, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10_000_000_000n, gas: 21_000n, to: `0x${'34'.repeat(20)}`, value: 5n, data: '0x', accessList: [] },
    espaceKey,
    node.evmChainId,
  );
  await rpcCall(node.espaceRpc, 'eth_sendRawTransaction', [signed.raw]);
  for (let i = 0; i < 200; i++) {
    const r = await rpcCall<{ status: string; blockHash: string; blockNumber: string; gasUsed: string } | null>(node.espaceRpc, 'eth_getTransactionReceipt', [signed.hash]);
    if (r !== null) {
      expect(r.status).toBe('0x1');
      return { name, hash: signed.hash, space: 'evm', blockHash: r.blockHash, epoch: Number(r.blockNumber), gasUsed: BigInt(r.gasUsed), logs: 0 };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('eSpace transaction not executed');
}

const sent: SentTx[] = [];
let client: LightClient;
const store = new MemoryCheckpointStore();

beforeAll(async () => {
  await waitForFinality(node);
  // At least one committee rotation must exist to verify (PoS epoch 2 starts ~30 s after the node).
  for (let i = 0; i < 120 && Number((await rpcCall<{ epoch: string }>(node.coreRpc, 'pos_getStatus')).epoch) < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  sent.push(await sendCore('Core transfer', { to: encodeCfxAddress(`0x1${'2'.repeat(39)}`, CHAIN_ID), value: 1000n }));
  // CrossSpaceCall.transferEVM(bytes20): funds the eSpace account, emits two logs.
  sent.push(await sendCore('CrossSpaceCall transferEVM', { ...transferToEspace(espaceAddressFromPrivateKey(espaceKey), CHAIN_ID), value: 10n ** 19n, gas: 300_000n }));
  // A contract creation that stores one word: collateralized storage in the receipt.
  sent.push(await sendCore('contract creation with storage', { to: null, value: 0n, data: '0x600160005560006000f3', gas: 200_000n, storageLimit: 1000n }));
  sent.push(await sendEspace('eSpace transfer'));
  const client0 = await LightClient.create({ chainId: CHAIN_ID, checkpoint: await fetchTofuCheckpoint(nodeTransport(), CHAIN_ID), transport: nodeTransport(), store, parallelRequests: 12 }, Date.now());
  client = client0;
  // Receipts of epoch e are committed at e+5; the blame look-ahead needs a few more headers.
  const needed = Math.max(...sent.map((s) => s.epoch)) + 5 + client.blameLookahead;
  await waitForFinality(node, needed);
  // The dev node's PoS commits the new pivot decision shortly after cfx_getStatus reports it.
  for (let i = 0; i < 60; i++) {
    await client.sync({ now: Date.now() });
    if ((client.finalizedPivot?.height ?? 0) >= needed) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}, 240_000);

describe('PoS finality from the dev node', () => {
  test('the genesis committee is trusted on first use and every rotation since verifies', async () => {
    expect(client.trust).toBe('tofu');
    const status = await rpcCall<{ epoch: string }>(node.coreRpc, 'pos_getStatus');
    expect(client.committeeEpoch).toBeGreaterThanOrEqual(2);
    expect(client.committeeEpoch).toBeLessThanOrEqual(Number(status.epoch));
    const pivot = client.finalizedPivot!;
    const finalizedBlock = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', [`0x${pivot.height.toString(16)}`, false]);
    expect(finalizedBlock.hash).toBe(pivot.blockHash);
    const latestFinalized = await rpcCall<{ latestFinalized: string }>(node.coreRpc, 'cfx_getStatus');
    expect(Number(latestFinalized.latestFinalized)).toBeGreaterThanOrEqual(pivot.height);
  });

  test('progress is persisted and a restarted client resumes from it', async () => {
    const restored = decodeCheckpointRecord(await store.load(CHAIN_ID), CHAIN_ID);
    expect(restored.committee.epoch).toBe(client.committeeEpoch);
    const again = await LightClient.create({ chainId: CHAIN_ID, checkpoint: await fetchTofuCheckpoint(nodeTransport(), CHAIN_ID), transport: nodeTransport(), store }, Date.now());
    expect(again.committeeEpoch).toBe(client.committeeEpoch);
    const report = await again.sync({ now: Date.now() });
    expect(report.fromEpoch).toBe(client.committeeEpoch);
  });

  test('a forged ledger info from the node is refused and attributed', async () => {
    const honest = nodeTransport();
    type Li = { ledgerInfo: { commitInfo: { pivot: { height: string } } } };
    const lying: LightClientTransport = {
      ...honest,
      pos_getLedgerInfosByEpoch: async (start, end) => {
        const list = structuredClone((await honest.pos_getLedgerInfosByEpoch(start, end)) as Li[]);
        const pivot = list[0]!.ledgerInfo.commitInfo.pivot;
        pivot.height = `0x${(BigInt(pivot.height) + 60n).toString(16)}`;
        return list;
      },
    };
    const fresh = await LightClient.create({ chainId: CHAIN_ID, checkpoint: await fetchTofuCheckpoint(honest, CHAIN_ID), transport: lying, store: new MemoryCheckpointStore() }, Date.now());
    await expect(fresh.sync({ now: Date.now() })).rejects.toMatchObject({ kind: 'bad_signature', nodeAtFault: true, request: { method: 'pos_getLedgerInfosByEpoch' } });
    expect(fresh.committeeEpoch).toBe(1);
    expect(fresh.finalizedPivot).toBeNull();
  });
});

describe('headers back from the finalized pivot', () => {
  test('an old header is reached from the closest verified pivot decision', async () => {
    const target = Math.max(0, (client.finalizedPivot?.height ?? 0) - 150);
    const { header, status } = await client.pivotHeaderAt(target);
    expect(status).toBe('finalized');
    const block = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', [`0x${target.toString(16)}`, false]);
    expect(header.hash).toBe(block.hash);
  });

  test('every pivot header verifies from the finalized pivot through the last PoS epoch boundary and the sent transactions', async () => {
    const top = await client.finalizedHeader();
    // The pivot decided by the ledger info that ended the previous PoS epoch: walking down to it
    // joins two independently signed decisions by hash links.
    const boundary = client.posState.previousEnding?.pivot;
    if (boundary === null || boundary === undefined) throw new Error('the previous PoS epoch ending decided no pivot');
    const lowest = Math.min(boundary.height, ...sent.map((tx) => tx.epoch));
    // The whole chain while it is young; otherwise a fixed window, so the cost does not grow with
    // the age of the shared node (20 blocks/s).
    const floor = top.height <= YOUNG_CHAIN ? 0 : Math.max(0, Math.min(lowest, top.height - WINDOW) - 1);
    const header = await client.verifyFinalizedChainDownTo(floor);
    expect(header.height).toBe(floor);
    const atFloor = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', [`0x${floor.toString(16)}`, false]);
    expect(header.hash).toBe(atFloor.hash);
    // The walk's header at the boundary height is the block that PoS decided there.
    expect(await client.pivotHeaderAt(boundary.height)).toMatchObject({ status: 'finalized', header: { hash: boundary.blockHash } });
    for (const h of [...sent.map((tx) => tx.epoch), floor + 1, Math.floor((floor + top.height) / 2), top.height - 1]) {
      const block = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', [`0x${h.toString(16)}`, false]);
      expect(client.headerStatus(block.hash), `pivot header ${h}`).toBe('finalized');
    }
  });

  test('genesis is linked by hashes to the earliest verified PoS decision', async () => {
    const { header, status } = await client.pivotHeaderAt(0);
    expect(status).toBe('finalized');
    const genesis = await rpcCall<{ hash: string }>(node.coreRpc, 'cfx_getBlockByEpochNumber', ['0x0', false]);
    expect(header.hash).toBe(genesis.hash);
  });

  test('headers above the finalized pivot are tracked as unfinalized', async () => {
    const tip = Number(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
    const { header, status } = await client.pivotHeaderAt(tip);
    expect(status).toBe('unfinalized');
    expect(client.headerStatus(header.hash)).toBe('unfinalized');
  });
});

describe('transactions and receipts', () => {
  test('every sent transaction is proved in its block, and its receipt in its epoch', async () => {
    for (const tx of sent) {
      const inclusion = await client.proveTransaction({ transactionHash: tx.hash, blockHash: tx.blockHash });
      expect(inclusion, tx.name).toMatchObject({ blockHash: tx.blockHash, epoch: tx.epoch, finality: 'finalized' });
      const proof = await client.proveReceipt({ transactionHash: tx.hash, blockHash: tx.blockHash, epoch: tx.epoch });
      expect(proof, tx.name).toMatchObject({ finality: 'finalized', witnessHeight: tx.epoch + 5, blockPositionVerified: true });
      expect(proof.receipt, tx.name).toMatchObject({ space: tx.space, outcome: 'success', gasUsed: tx.gasUsed });
      expect(proof.receipt.logs, tx.name).toHaveLength(tx.logs);
    }
  });

  test('the Core RPC hides eSpace transactions; their hashes come from the epoch receipts', async () => {
    const espace = sent.find((s) => s.space === 'evm')!;
    const block = await rpcCall<{ transactions: string[] }>(node.coreRpc, 'cfx_getBlockByHash', [espace.blockHash, false]);
    expect(block.transactions).not.toContain(espace.hash);
    expect(await client.proveTransaction({ transactionHash: espace.hash, blockHash: espace.blockHash })).toMatchObject({ hashesSource: 'epoch_receipts' });
    const core = sent[0]!;
    expect(await client.proveTransaction({ transactionHash: core.hash, blockHash: core.blockHash })).toMatchObject({ hashesSource: 'block' });
  });

  test('collateralized storage is proved with the owner JSON-RPC does not report', async () => {
    const created = sent.find((s) => s.name.startsWith('contract creation'))!;
    const proof = await client.proveReceipt({ transactionHash: created.hash, blockHash: created.blockHash });
    expect(proof.receipt.storageCollateralized).toBe(64n);
  });

  test('a tampered receipt, a hidden transaction or a wrong block are refused with the call to blame', async () => {
    const tx = sent[1]!;
    const honest = nodeTransport();
    const lying: LightClientTransport = {
      ...honest,
      cfx_getEpochReceipts: async (epoch, withEspace) => {
        const receipts = structuredClone((await honest.cfx_getEpochReceipts(epoch, withEspace)) as Record<string, unknown>[][]);
        if (epoch === tx.epoch) receipts[0]![0]!.outcomeStatus = '0x1';
        return receipts;
      },
    };
    await expect(client.proveReceipt({ transactionHash: tx.hash, blockHash: tx.blockHash }, { transport: lying })).rejects.toMatchObject({
      kind: 'bad_receipts_root',
      nodeAtFault: true,
      request: { method: 'cfx_getEpochReceipts', params: [tx.epoch, true] },
    });
    await expect(client.proveTransaction({ transactionHash: tx.hash, blockHash: sent[0]!.blockHash })).rejects.toMatchObject({ kind: 'not_included' });
    await expect(client.proveTransaction({ transactionHash: `0x${'ab'.repeat(32)}`, blockHash: tx.blockHash })).rejects.toMatchObject({ kind: 'not_included' });
  });

  test('a fresh transaction is included before finality and reported as unfinalized', async () => {
    const fresh = await sendCore('fresh transfer', { to: encodeCfxAddress(`0x1${'3'.repeat(39)}`, CHAIN_ID), value: 1n });
    const inclusion = await client.proveTransaction({ transactionHash: fresh.hash, blockHash: fresh.blockHash });
    expect(inclusion.finality).toBe('unfinalized');
  });
});
