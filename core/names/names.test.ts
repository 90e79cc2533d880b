/**
 * Names against viem (ENSIP-15 normalize, EIP-137 namehash) and CNS resolution over a working fake
 * registry/resolver pair that answers calldata the way the contracts do (and, for the hostile
 * cases, the way a lying node might).
 */
import fc from 'fast-check';
import { encodeAbiParameters, decodeFunctionData, namehash as viemNamehash, parseAbi } from 'viem';
import { normalize as viemNormalize } from 'viem/ens';
import { describe, expect, test } from 'vitest';
import { decodeCfxAddress, encodeCfxAddress } from '../address/cip37.js';
import { CNS_DEPLOYMENTS, cnsDeployment, contractCallFrom, isNameOf, namehash, NamesError, normalizeName, resolveCnsName, type CallAnswer, type ContractCall } from './index.js';

const SEED = 0xc45;

describe('normalize and namehash against viem', () => {
  test.each([
    ['alice.web3', 'alice.web3'],
    ['Alice.WEB3', 'alice.web3'],
    ['ＡＬＩＣＥ.web3', 'alice.web3'],
    ['💩.web3', '💩.web3'],
    ['sub.name.web3', 'sub.name.web3'],
    ['vitalik.eth', 'vitalik.eth'],
  ])('%s → %s', (input, normalized) => {
    const ours = normalizeName(input);
    expect(ours.normalized).toBe(normalized);
    expect(ours.normalized).toBe(viemNormalize(input));
    expect(ours.changed).toBe(input !== normalized);
    expect(namehash(ours.normalized)).toBe(viemNamehash(ours.normalized));
  });

  test('the EIP-137 examples', () => {
    expect(namehash('')).toBe('0x0000000000000000000000000000000000000000000000000000000000000000');
    expect(namehash('eth')).toBe('0x93cdeb708b7545dc668eb9280176169d1c33cfd8ed6f04690a0bcc88a93fc4ae');
    expect(namehash('foo.eth')).toBe('0xde9b09fd7c5f901e23a3f19fecc54828e9c848539801e86591bd9801b019f84f');
  });

  test.each([
    ['empty', ''],
    ['empty label', 'a..web3'],
    ['trailing dot', 'alice.web3.'],
    ['a disallowed character', 'ali ce.web3'],
    ['mixed-script confusable', 'аlice.web3'], // Cyrillic а
    ['an underscore inside a label', 'al_ice.web3'],
    ['too long', `${'a'.repeat(600)}.web3`],
  ])('refuses %s', (_name, input) => {
    expect(() => normalizeName(input)).toThrow(expect.objectContaining({ code: 'names.invalid' }));
  });

  test(`random ASCII names normalize and hash as viem does (seed ${SEED})`, () => {
    const label = fc.stringMatching(/^[a-zA-Z0-9-]{1,20}$/).filter((l) => !/^..--/.test(l));
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), (labels) => {
      const name = labels.join('.');
      const ours = normalizeName(name).normalized;
      expect(ours).toBe(viemNormalize(name));
      expect(namehash(ours)).toBe(viemNamehash(ours));
    }), { seed: SEED, numRuns: 300 });
  });
});

describe('CNS deployments', () => {
  test('mainnet and testnet registries are contract addresses on their networks, the same hex on both', () => {
    const main = decodeCfxAddress(CNS_DEPLOYMENTS[1029]!.registry);
    const test_ = decodeCfxAddress(CNS_DEPLOYMENTS[1]!.registry);
    expect(main).toEqual({ hex: '0x88a6c3a585e1e0b5f45e4ed78097ea4221e983fc', networkId: 1029, type: 'contract' });
    expect(test_).toEqual({ hex: '0x88a6c3a585e1e0b5f45e4ed78097ea4221e983fc', networkId: 1, type: 'contract' });
    expect(() => cnsDeployment(1024)).toThrow(expect.objectContaining({ code: 'names.unsupported_network' }));
  });

  test.each([
    ['alice.web3', true], ['ALICE.WEB3', true], ['alice.eth', false], ['web3', false],
    ['cfx:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg', false], ['0x1a2f80341409639ea6a35bbcab8299066109aa55', false],
  ])('isNameOf(%s) = %s', (input, expected) => {
    expect(isNameOf(input, CNS_DEPLOYMENTS[1029]!)).toBe(expected);
  });
});

const NET = 1029;
const REGISTRY_HEX = '0x88a6c3a585e1e0b5f45e4ed78097ea4221e983fc';
const RESOLVER_HEX = '0x80e036113175a73b9d64ea575c938a3a9c468ff7';
const ALICE_HEX = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const abi = parseAbi(['function resolver(bytes32 node) view returns (address)', 'function addr(bytes32 node, uint256 coinType) view returns (bytes)']);
const deployment = { networkId: NET, registry: encodeCfxAddress(REGISTRY_HEX, NET) };

interface FakeChain {
  resolvers: Record<string, string>;
  addrs: Record<string, Record<string, string>>;
  /** Overrides of raw answers (a lying or broken node). */
  raw?: { registry?: string; resolver?: string };
  trust?: CallAnswer['trust'][];
}

/** Answers calldata as the registry and resolver contracts would, at epoch 100. */
function fakeCall(chain: FakeChain): ContractCall & { calls: { to: string; data: string }[] } {
  const calls: { to: string; data: string }[] = [];
  const fn = async ({ to, data }: { to: string; data: `0x${string}` }): Promise<CallAnswer> => {
    calls.push({ to, data });
    const trust = chain.trust?.[calls.length - 1] ?? 'cross-checked';
    const hex = decodeCfxAddress(to).hex;
    const decoded = decodeFunctionData({ abi, data });
    if (hex === REGISTRY_HEX && decoded.functionName === 'resolver') {
      const answer = chain.raw?.registry ?? encodeAbiParameters([{ type: 'address' }], [(chain.resolvers[decoded.args[0]] ?? `0x${'00'.repeat(20)}`) as `0x${string}`]);
      return { data: answer, trust, epoch: 100 };
    }
    if (decoded.functionName === 'addr') {
      const [node, coin] = decoded.args as [string, bigint];
      const answer = chain.raw?.resolver ?? encodeAbiParameters([{ type: 'bytes' }], [(chain.addrs[hex]?.[`${node}/${coin}`] ?? '0x') as `0x${string}`]);
      return { data: answer, trust, epoch: 100 };
    }
    return { data: '0x', trust, epoch: 100 };
  };
  return Object.assign(fn, { calls });
}

const ALICE_NODE = viemNamehash('alice.web3');
const healthy = (): FakeChain => ({ resolvers: { [ALICE_NODE]: RESOLVER_HEX }, addrs: { [RESOLVER_HEX]: { [`${ALICE_NODE}/503`]: ALICE_HEX } } });

describe('resolveCnsName over a fake registry and resolver', () => {
  test('resolved: registry → resolver → address, each step shown with its call and answer', async () => {
    const call = fakeCall(healthy());
    const result = await resolveCnsName('Alice.web3', deployment, call);
    expect(result).toMatchObject({ status: 'resolved', address: encodeCfxAddress(ALICE_HEX, NET), normalized: 'alice.web3', changed: true, node: ALICE_NODE, trust: 'cross-checked', epochs: [100] });
    expect(result.steps.map((s) => [s.step, s.contract, s.result])).toEqual([
      ['registry.resolver', deployment.registry, encodeCfxAddress(RESOLVER_HEX, NET)],
      ['resolver.addr', encodeCfxAddress(RESOLVER_HEX, NET), encodeCfxAddress(ALICE_HEX, NET)],
    ]);
    expect(decodeFunctionData({ abi, data: call.calls[1]!.data as `0x${string}` }).args).toEqual([ALICE_NODE, 503n]);
  });

  test('the weakest trust of the steps is the result\'s', async () => {
    const result = await resolveCnsName('alice.web3', deployment, fakeCall({ ...healthy(), trust: ['verified', 'single-source'] }));
    expect(result.trust).toBe('single-source');
  });

  test.each<[string, FakeChain, string, string]>([
    ['no resolver set', { resolvers: {}, addrs: {} }, 'not_found', 'no_resolver'],
    ['resolver without a Core address', { resolvers: { [ALICE_NODE]: RESOLVER_HEX }, addrs: {} }, 'not_found', 'no_address'],
    ['registry answers nothing (no contract there)', { ...healthy(), raw: { registry: '0x' } }, 'invalid_answer', 'malformed'],
    ['registry answer with dirty padding', { ...healthy(), raw: { registry: `0xff${'00'.repeat(11)}${RESOLVER_HEX.slice(2)}` } }, 'invalid_answer', 'malformed'],
    ['resolver is a user address', { ...healthy(), resolvers: { [ALICE_NODE]: ALICE_HEX } }, 'invalid_answer', 'resolver_not_contract'],
    ['address of 32 bytes', { ...healthy(), addrs: { [RESOLVER_HEX]: { [`${ALICE_NODE}/503`]: `0x${'11'.repeat(32)}` } } }, 'invalid_answer', 'address_length'],
    ['an eSpace-style address (no Core type)', { ...healthy(), addrs: { [RESOLVER_HEX]: { [`${ALICE_NODE}/503`]: '0x2a2f80341409639ea6a35bbcab8299066109aa55' } } }, 'invalid_answer', 'address_type'],
    ['resolver answers garbage', { ...healthy(), raw: { resolver: '0x1234' } }, 'invalid_answer', 'malformed'],
  ])('%s → %s (%s), no address', async (_name, chain, status, reason) => {
    const result = await resolveCnsName('alice.web3', deployment, fakeCall(chain));
    expect(result).toMatchObject({ status, reason });
    expect('address' in result).toBe(false);
  });

  test('an unresolved conflict from a trusted read is reported, not resolved', async () => {
    const call = contractCallFrom(async () => ({ value: undefined, trust: 'conflict', epoch: 100 }));
    expect(await resolveCnsName('alice.web3', deployment, call)).toMatchObject({ status: 'invalid_answer', reason: 'malformed', trust: 'conflict' });
  });

  test('a call function answering nonsense is an input error', async () => {
    await expect(resolveCnsName('alice.web3', deployment, async () => ({ data: 42, trust: 'verified', epoch: 1 }) as never)).rejects.toThrow(expect.objectContaining({ code: 'names.input' }));
    await expect(resolveCnsName('alice.web3', deployment, async () => ({ data: '0x', trust: 'sure', epoch: 1 }) as never)).rejects.toThrow(expect.objectContaining({ code: 'names.input' }));
  });

  test('bad arguments are input errors', async () => {
    await expect(resolveCnsName('alice.web3', { networkId: 1, registry: deployment.registry }, fakeCall(healthy()))).rejects.toThrow(NamesError);
    await expect(resolveCnsName('alice.web3', deployment, 'nope' as unknown as ContractCall)).rejects.toThrow(expect.objectContaining({ code: 'names.input' }));
    await expect(resolveCnsName('al ice.web3', deployment, fakeCall(healthy()))).rejects.toThrow(expect.objectContaining({ code: 'names.invalid' }));
  });
});
