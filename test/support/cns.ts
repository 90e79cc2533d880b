/**
 * A CNS-compatible registry and resolver (test/fixtures/contracts) deployed on the dev node, with a
 * name registered the way CNS does it: root → TLD → name, resolver set, the Core address stored
 * under coin type 503.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { encodeAbiParameters, encodeFunctionData, type Abi } from 'viem';
import { decodeCfxAddress } from '../../core/address/cip37.js';
import { bytesToHex } from '../../core/encoding/hex.js';
import type { PrivateKey } from '../../core/keys/private-key.js';
import { namehash } from '../../core/names/index.js';
import artifacts from '../fixtures/contracts/artifacts.json' with { type: 'json' };
import { coreAccount, deployCore, sendCore } from './chain-tx.js';
import type { DevNodeEndpoints } from './shared-devnode.js';

const hex = (base32: string) => decodeCfxAddress(base32).hex as `0x${string}`;
const labelhash = (label: string) => bytesToHex(keccak_256(utf8ToBytes(label)));

/** Deploys a registry and resolver from `owner` and points `<label>.<tld>` at `target`; returns the registry and the last epoch written. */
export async function deployCnsName(node: DevNodeEndpoints, owner: PrivateKey, name: { label: string; tld: string; target: string }): Promise<{ registry: string; resolver: string; epoch: number }> {
  const registryAbi = artifacts.contracts.TestCnsRegistry.abi as Abi;
  const resolverAbi = artifacts.contracts.TestCnsResolver.abi as Abi;
  const registry = await deployCore(node, owner, artifacts.contracts.TestCnsRegistry.bytecode as `0x${string}`);
  const resolver = await deployCore(node, owner, `${artifacts.contracts.TestCnsResolver.bytecode}${encodeAbiParameters([{ type: 'address' }], [hex(registry)]).slice(2)}` as `0x${string}`);
  const me = hex(coreAccount(node, owner));
  const call = async (to: string, abi: Abi, functionName: string, args: unknown[]): Promise<number> => {
    const { receipt } = await sendCore(node, owner, { type: 0, gasPrice: 2_000_000_000n, gas: 500_000n, to, value: 0n, storageLimit: 2_000n, data: encodeFunctionData({ abi, functionName, args }) });
    if (receipt.outcomeStatus !== '0x0') throw new Error(`${functionName} failed`);
    return Number(BigInt(receipt.epochNumber));
  };
  const full = `${name.label}.${name.tld}`;
  await call(registry, registryAbi, 'setSubnodeOwner', [`0x${'00'.repeat(32)}`, labelhash(name.tld), me]);
  await call(registry, registryAbi, 'setSubnodeOwner', [namehash(name.tld), labelhash(name.label), me]);
  await call(registry, registryAbi, 'setResolver', [namehash(full), hex(resolver)]);
  const epoch = await call(resolver, resolverAbi, 'setAddr', [namehash(full), 503n, hex(name.target)]);
  return { registry, resolver, epoch };
}
