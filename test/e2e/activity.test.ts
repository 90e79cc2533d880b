/**
 * Incoming activity on the dev node: a test token (test/fixtures/contracts) deployed on Core and on
 * eSpace sends to the user and to someone else, and CFX reaches the user's eSpace address from Core;
 * core/activity plans the log queries, the node answers them (`cfx_getLogs`, `eth_getLogs` with the
 * planned params as they are), and the reader finds exactly the user's incoming transfers.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { encodeAbiParameters, encodeFunctionData, type Abi } from 'viem';
import { decodeCfxAddress, encodeCfxAddress } from '../../core/address/cip37.js';
import { planIncomingCrossSpaceQueries, planIncomingTransferQueries, readIncomingLogs, scanBalanceChanges, splitLogQuery, type IncomingTransfer, type LogQuery } from '../../core/activity/index.js';
import { planCrossSpaceTransfer, coreTransactionFromDraft } from '../../core/crossspace/index.js';
import { bytesToHex, toQuantity } from '../../core/encoding/hex.js';
import { espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { privateKeyFromHex } from '../../core/keys/private-key.js';
import { GENESIS_PRIVATE_KEY, rpcCall } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { coreAccount, deployCore, deployEspace, sendCore, sendEspace } from '../support/chain-tx.js';
import artifacts from '../fixtures/contracts/artifacts.json' with { type: 'json' };

const node = sharedDevNode();
const genesis = privateKeyFromHex(GENESIS_PRIVATE_KEY);
const keyOf = (label: string) => privateKeyFromHex(bytesToHex(keccak_256(utf8ToBytes(`wayfarer e2e activity ${label}`))));
const espaceKey = keyOf('espace deployer');
const tokenAbi = artifacts.contracts.TestToken.abi as Abi;
const deployData = `${artifacts.contracts.TestToken.bytecode}${encodeAbiParameters([{ type: 'string' }, { type: 'string' }, { type: 'uint256' }], ['Test', 'TST', 10n ** 24n]).slice(2)}` as `0x${string}`;

const USER_CORE = encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', node.chainId);
const STRANGER_CORE = encodeCfxAddress('0x1b2f80341409639ea6a35bbcab8299066109aa55', node.chainId);
const USER_ESPACE = '0xFCAd0B19bB29D4674531d6f115237E16AfCE377c';
const STRANGER_ESPACE = '0x00000000000000000000000000000000000000aa';

let startEpoch = 0;
let coreToken = '';
let espaceToken = '';
const sentCore: string[] = [];
const sentEspace: string[] = [];
let crossSpaceHash = '';

async function epochNow(): Promise<number> {
  return Number(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state'])));
}

async function runQueries(queries: LogQuery[]): Promise<IncomingTransfer[]> {
  const found: IncomingTransfer[] = [];
  for (const query of queries) {
    const answer = await rpcCall<unknown[]>(query.space === 'core' ? node.coreRpc : node.espaceRpc, query.method, query.params);
    const { transfers, rejected } = readIncomingLogs(query, answer);
    expect(rejected).toEqual([]);
    found.push(...transfers);
  }
  return found;
}

beforeAll(async () => {
  startEpoch = await epochNow();
  coreToken = await deployCore(node, genesis, deployData);
  for (const [to, value] of [[USER_CORE, 7n], [STRANGER_CORE, 8n], [USER_CORE, 9n]] as const) {
    const { hash, receipt } = await sendCore(node, genesis, { type: 0, gasPrice: 2_000_000_000n, gas: 200_000n, to: coreToken, value: 0n, storageLimit: 1_000n, data: encodeFunctionData({ abi: tokenAbi, functionName: 'transfer', args: [decodeCfxAddress(to).hex, value] }) });
    expect(receipt.outcomeStatus).toBe('0x0');
    if (to === USER_CORE) sentCore.push(hash);
  }
  // Fund the eSpace deployer from Core through transferEVM, and send CFX to the user's eSpace address the same way.
  for (const [to, amount] of [[espaceAddressFromPrivateKey(espaceKey), 10n ** 19n], [USER_ESPACE, 3n * 10n ** 17n]] as const) {
    const plan = planCrossSpaceTransfer({ kind: 'core_to_espace', from: coreAccount(node, genesis), to, amount }, { network: { coreChainId: node.chainId, espaceChainId: node.evmChainId }, ownCoreAccounts: [] });
    const { nonce: _n, epochHeight: _e, chainId: _c, ...fields } = coreTransactionFromDraft(plan.drafts[0]!, { nonce: 0n, epochHeight: 0n, fee: { type: 0, gasPrice: 2_000_000_000n } });
    const { hash, receipt } = await sendCore(node, genesis, fields);
    expect(receipt.outcomeStatus).toBe('0x0');
    if (to === USER_ESPACE) crossSpaceHash = hash;
  }
  espaceToken = await deployEspace(node, espaceKey, deployData);
  for (const [to, value] of [[USER_ESPACE, 11n], [STRANGER_ESPACE, 12n]] as const) {
    const { hash, receipt } = await sendEspace(node, espaceKey, { type: 0, gasPrice: 2_000_000_000n, gas: 200_000n, to: espaceToken, value: 0n, data: encodeFunctionData({ abi: tokenAbi, functionName: 'transfer', args: [to, value] }) });
    expect(receipt.status).toBe('0x1');
    if (to === USER_ESPACE) sentEspace.push(hash);
  }
});

describe('incoming transfers found through planned log queries', () => {
  test('Core: the two token transfers to the user, none to the stranger, in windows of 7 epochs', async () => {
    const end = await epochNow();
    const queries = planIncomingTransferQueries({ space: 'core', chainId: node.chainId, recipients: [USER_CORE], from: startEpoch, to: end, maxRange: 7 });
    expect(queries.length).toBeGreaterThan(1);
    const found = await runQueries(queries);
    expect(found.map((t) => [t.kind, t.contract, t.from, t.to, t.amount, t.transactionHash])).toEqual([
      ['token', coreToken, coreAccount(node, genesis), USER_CORE, 7n, sentCore[0]],
      ['token', coreToken, coreAccount(node, genesis), USER_CORE, 9n, sentCore[1]],
    ]);
  });

  test('eSpace: the token transfer to the user; split queries find the same', async () => {
    const end = await epochNow();
    const [whole] = planIncomingTransferQueries({ space: 'espace', chainId: node.evmChainId, recipients: [USER_ESPACE, STRANGER_ESPACE.replace('aa', 'ab')], from: startEpoch, to: end, maxRange: 1_000_000 });
    const found = await runQueries([whole!]);
    expect(found.map((t) => [t.kind, t.contract, t.to, t.amount, t.transactionHash])).toEqual([['token', espaceToken, USER_ESPACE, 11n, sentEspace[0]]]);
    expect(await runQueries(splitLogQuery(whole!))).toEqual(found);
  });

  test('CFX from Core to the user\'s eSpace address, read from CrossSpaceCall events on Core', async () => {
    const end = await epochNow();
    const found = await runQueries(planIncomingCrossSpaceQueries({ coreChainId: node.chainId, espaceRecipients: [USER_ESPACE], from: startEpoch, to: end }));
    expect(found.map((t) => [t.kind, t.to, t.amount, t.transactionHash])).toEqual([['cross_space', USER_ESPACE, 3n * 10n ** 17n, crossSpaceHash]]);
  });
});

describe('plain CFX arriving, found by the balance scan (no log records it)', () => {
  test('Core: the epochs of two transfers to a fresh account, with the amounts received', async () => {
    const receiver = coreAccount(node, keyOf('plain cfx receiver'));
    const from = startEpoch;
    const epochs: number[] = [];
    for (const value of [123n, 456n]) {
      const { receipt } = await sendCore(node, genesis, { type: 0, gasPrice: 2_000_000_000n, gas: 21_000n, to: receiver, value, storageLimit: 0n, data: '0x' });
      expect(receipt.outcomeStatus).toBe('0x0');
      epochs.push(Number(BigInt(receipt.epochNumber)));
    }
    const to = await epochNow();
    const result = await scanBalanceChanges({ from, to }, async (epoch) => ({
      balance: BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [receiver, toQuantity(epoch)])),
      nonce: BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [receiver, toQuantity(epoch)])),
    }));
    expect(result.complete).toBe(true);
    expect(result.changes.map((c) => [c.epoch, c.received])).toEqual([[epochs[0], 123n], [epochs[1], 456n]]);
    console.log(`balance scan over ${to - from} epochs: ${result.reads} reads`);
  });

  test('eSpace: a transfer to a fresh address is found at its block', async () => {
    const receiver = espaceAddressFromPrivateKey(keyOf('plain cfx espace receiver'));
    const from = (await epochNow()) - 1;
    const { receipt } = await sendEspace(node, espaceKey, { type: 0, gasPrice: 2_000_000_000n, gas: 21_000n, to: receiver, value: 789n, data: '0x' });
    expect(receipt.status).toBe('0x1');
    const to = await epochNow();
    const result = await scanBalanceChanges({ from, to }, async (block) => ({
      balance: BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [receiver, toQuantity(block)])),
      nonce: BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getTransactionCount', [receiver, toQuantity(block)])),
    }));
    expect(result.changes.map((c) => [c.epoch, c.received])).toEqual([[Number(BigInt(receipt.blockNumber)), 789n]]);
  });
});
