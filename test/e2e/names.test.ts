/**
 * Name resolution on the dev node: a CNS-compatible registry and resolver (test/fixtures/contracts,
 * compiled with the pinned solc-js) deployed on Core, names registered the way CNS does (root →
 * TLD → name, resolver set, Core address under coin type 503), then resolved by core/names over
 * plain `cfx_call` at one pinned epoch.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { encodeAbiParameters, encodeFunctionData, type Abi } from 'viem';
import { decodeCfxAddress, encodeCfxAddress } from '../../core/address/cip37.js';
import { bytesToHex, toQuantity } from '../../core/encoding/hex.js';
import { privateKeyFromHex } from '../../core/keys/private-key.js';
import { contractCallFrom, namehash, resolveCnsName, type ContractCall } from '../../core/names/index.js';
import { GENESIS_PRIVATE_KEY, rpcCall, waitForFinality } from '../support/devnode.js';
import { verifyingStack } from '../support/verified-chain.js';
import { sharedDevNode } from '../support/shared-devnode.js';
import { coreAccount, deployCore, sendCore } from '../support/chain-tx.js';
import artifacts from '../fixtures/contracts/artifacts.json' with { type: 'json' };

const node = sharedDevNode();
const owner = privateKeyFromHex(GENESIS_PRIVATE_KEY);
const registryAbi = artifacts.contracts.TestCnsRegistry.abi as Abi;
const resolverAbi = artifacts.contracts.TestCnsResolver.abi as Abi;
const hex = (base32: string) => decodeCfxAddress(base32).hex as `0x${string}`;
const labelhash = (label: string) => bytesToHex(keccak_256(utf8ToBytes(label)));
const ALICE_TARGET = encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', node.chainId);

let registry = '';
let resolver = '';
/** The epoch before alice.web3 got its address (recent, so every node still holds its state). */
let beforeAddr = 0;

async function call(to: string, abi: Abi, functionName: string, args: unknown[]): Promise<void> {
  const { receipt } = await sendCore(node, owner, { type: 0, gasPrice: 2_000_000_000n, gas: 500_000n, to, value: 0n, storageLimit: 2_000n, data: encodeFunctionData({ abi, functionName, args }) });
  expect(receipt.outcomeStatus, `${functionName} failed`).toBe('0x0');
}

/** `cfx_call` at one pinned epoch for every step; one node, so single-source. */
function pinnedCall(epoch: number): ContractCall & { count: number } {
  const fn = Object.assign(async ({ to, data }: { to: string; data: `0x${string}` }) => {
    fn.count++;
    return { data: await rpcCall<string>(node.coreRpc, 'cfx_call', [{ to, data }, toQuantity(epoch)]), trust: 'single-source' as const, epoch };
  }, { count: 0 });
  return fn;
}

async function latestEpoch(): Promise<number> {
  return Number(BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state'])));
}

beforeAll(async () => {
  registry = await deployCore(node, owner, artifacts.contracts.TestCnsRegistry.bytecode as `0x${string}`);
  resolver = await deployCore(node, owner, `${artifacts.contracts.TestCnsResolver.bytecode}${encodeAbiParameters([{ type: 'address' }], [hex(registry)]).slice(2)}` as `0x${string}`);
  const me = hex(coreAccount(node, owner));
  const zero = `0x${'00'.repeat(32)}`;
  for (const tld of ['web3', 'cfx']) await call(registry, registryAbi, 'setSubnodeOwner', [zero, labelhash(tld), me]);
  // alice.web3 → resolver → ALICE_TARGET; bob.cfx → resolver with no address; carol.web3 → no resolver.
  await call(registry, registryAbi, 'setSubnodeOwner', [namehash('web3'), labelhash('alice'), me]);
  await call(registry, registryAbi, 'setResolver', [namehash('alice.web3'), hex(resolver)]);
  beforeAddr = await latestEpoch();
  await call(resolver, resolverAbi, 'setAddr', [namehash('alice.web3'), 503n, hex(ALICE_TARGET)]);
  await call(registry, registryAbi, 'setSubnodeOwner', [namehash('cfx'), labelhash('bob'), me]);
  await call(registry, registryAbi, 'setResolver', [namehash('bob.cfx'), hex(resolver)]);
  await call(registry, registryAbi, 'setSubnodeOwner', [namehash('web3'), labelhash('carol'), me]);
});

describe('CNS resolution on the dev node', () => {
  test('alice.web3 resolves through the deployed registry and resolver, every step at the pinned epoch', async () => {
    const epoch = await latestEpoch();
    const callFn = pinnedCall(epoch);
    const result = await resolveCnsName('Alice.web3', { networkId: node.chainId, registry }, callFn);
    expect(result).toMatchObject({ status: 'resolved', address: ALICE_TARGET, normalized: 'alice.web3', changed: true, trust: 'single-source', epochs: [epoch] });
    expect(result.steps.map((s) => [s.step, s.contract, s.result])).toEqual([
      ['registry.resolver', registry, resolver],
      ['resolver.addr', resolver, ALICE_TARGET],
    ]);
    expect(callFn.count).toBe(2);
    // The resolver's own addr(node) (coin type 503) agrees.
    const single = await rpcCall<string>(node.coreRpc, 'cfx_call', [{ to: resolver, data: encodeFunctionData({ abi: resolverAbi, functionName: 'addr', args: [namehash('alice.web3')] }) }, toQuantity(epoch)]);
    expect(`0x${single.slice(-40)}`).toBe(hex(ALICE_TARGET));
  });

  test('a name with a resolver but no Core address, and a name with no resolver, are not found', async () => {
    const epoch = await latestEpoch();
    expect(await resolveCnsName('bob.cfx', { networkId: node.chainId, registry }, pinnedCall(epoch))).toMatchObject({ status: 'not_found', reason: 'no_address' });
    expect(await resolveCnsName('carol.web3', { networkId: node.chainId, registry }, pinnedCall(epoch))).toMatchObject({ status: 'not_found', reason: 'no_resolver' });
    expect(await resolveCnsName('nobody.web3', { networkId: node.chainId, registry }, pinnedCall(epoch))).toMatchObject({ status: 'not_found', reason: 'no_resolver' });
  });

  test('at an epoch before its address was set the name did not resolve (the epoch pins the state read)', async () => {
    const result = await resolveCnsName('alice.web3', { networkId: node.chainId, registry }, pinnedCall(beforeAddr));
    expect(result).toMatchObject({ status: 'not_found', reason: 'no_address', epochs: [beforeAddr] });
  });

  test('a registry address with no contract behind it gives invalid_answer, not an address', async () => {
    const result = await resolveCnsName('alice.web3', { networkId: node.chainId, registry: coreAccount(node, owner) }, pinnedCall(await latestEpoch()));
    expect(result).toMatchObject({ status: 'invalid_answer', reason: 'malformed' });
  });
});

describe('CNS resolution through the wallet\'s cross-checking reader', () => {
  test('at the verified epoch, both steps answered alike by two operators: resolved, cross-checked', async () => {
    await waitForFinality(node, (await latestEpoch()) + 11);
    const { chain, reader } = await verifyingStack(node);
    await chain.sync();
    const verified = await chain.verifiedEpoch('core');
    const result = await resolveCnsName('alice.web3', { networkId: node.chainId, registry }, contractCallFrom((request) => reader.call('core', request)));
    expect(result).toMatchObject({ status: 'resolved', address: ALICE_TARGET, trust: 'cross-checked', epochs: [verified] });
  });
});
