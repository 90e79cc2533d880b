/**
 * Conflux Name Service (CNS) on Core: where its registry is, and resolving a name to a Core address
 * through an injected contract-call function, step by step (registry → resolver → address).
 *
 * Facts (sources):
 * - CNS is the ENS contract suite deployed on Conflux Core; its names end in `.web3` (the CNS FAQ
 *   and Fluent's send form: "valid cfx address or .web3 username"). There is no `.cfx` top-level
 *   name in CNS; the resolver works for any name the registry knows.
 * - Registry (`ENS_REGISTRY`): mainnet `cfx:acemru7fu1u8brtyn3hrtae17kbcd4pd9uwbspvnnm`, testnet
 *   `cfxtest:acemru7fu1u8brtyn3hrtae17kbcd4pd9u2m761bta` (both hex 0x88a6c3a5…83fc), from
 *   web3-identity/cns-docs `dev-tutorial/deployment.md` (commit 64df7111) and the same addresses in
 *   Conflux-Chain/helios `packages/did/cns/index.js` (commit 73f932e9).
 * - `resolver(bytes32 node) returns (address)` on the registry; on the resolver
 *   `addr(bytes32 node, uint256 coinType) returns (bytes)`. `CNSPublicResolver` fixes coin type
 *   503 (SLIP-44 CFX) for Core addresses and answers `addr(node)` from it
 *   (web3-identity/cns-contracts `contracts/resolvers/CNSPublicResolver.sol`, commit 3f1919dd);
 *   Fluent reads `addr(node, 503)` and encodes the 20 bytes as base32 for the network.
 * - eSpace has no CNS convention; ENSIP-11 would give coin type 0x80000000 | 1030. Only Core
 *   addresses are resolved here.
 *
 * Threat model: every answer is a node's word. Each step's raw call and answer is kept so the UI
 * can show it; its trust is what the injected call reports (cross-checked across operators today,
 * verified once state proofs exist); the result's trust is the weakest step's. Answers that are not
 * canonical ABI, a resolver that is not a contract, or an address that is not a Core user or
 * contract address give `invalid_answer`, never an address.
 * @module
 */
import { decodeAbiParameters } from '../abi/decode.js';
import { encodeStaticCall } from '../abi/encode.js';
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../address/cip37.js';
import { cfxAddressType } from '../address/type.js';
import { bytesToHex, hexToBytes, type Hex } from '../encoding/hex.js';
import type { Trust } from '../trust/types.js';
import { NamesError } from './errors.js';
import { namehashBytes, normalizeName } from './namehash.js';

/** SLIP-44 coin type of CFX, the one CNS stores Core addresses under. */
export const COIN_TYPE_CONFLUX_CORE = 503n;

export interface CnsDeployment {
  /** Core network id. */
  networkId: number;
  /** base32 registry address on that network. */
  registry: string;
  /** Top-level names the deployment registers (without the dot). */
  tlds: readonly string[];
}

/** The CNS deployments the wallet knows, by Core network id. */
export const CNS_DEPLOYMENTS: Readonly<Record<number, CnsDeployment>> = {
  1029: { networkId: 1029, registry: 'cfx:acemru7fu1u8brtyn3hrtae17kbcd4pd9uwbspvnnm', tlds: ['web3'] },
  1: { networkId: 1, registry: 'cfxtest:acemru7fu1u8brtyn3hrtae17kbcd4pd9u2m761bta', tlds: ['web3'] },
};

/** `resolver(bytes32)` and `addr(bytes32,uint256)` selectors. */
export const RESOLVER_SELECTOR = '0x0178b8bf';
export const ADDR_COIN_SELECTOR = '0xf1cb7e06';

/** One contract call the caller made for the resolver: to a Core contract, at an epoch. */
export interface CallAnswer {
  /** Raw return data (`0x` hex). */
  data: string;
  trust: Trust;
  /** Core epoch the call ran at. */
  epoch: number;
}

/** Makes an eth_call-style read (`cfx_call`) on Core; IO stays with the caller. */
export type ContractCall = (request: { to: string; data: Hex }) => Promise<CallAnswer>;

export interface ResolutionStep {
  step: 'registry.resolver' | 'resolver.addr';
  /** base32 contract called. */
  contract: string;
  data: Hex;
  answer: string;
  /** Decoded result: the resolver (registry step) or the address (resolver step), base32; null for none. */
  result: string | null;
  trust: Trust;
  epoch: number;
}

interface ResolutionBase {
  name: string;
  normalized: string;
  /** True when normalization changed what the user typed. */
  changed: boolean;
  node: Hex;
  registry: string;
  steps: ResolutionStep[];
  /** Weakest trust of the steps. */
  trust: Trust;
  /** Epochs the steps ran at (one value when the caller pinned them). */
  epochs: number[];
}

export type NameResolution =
  | (ResolutionBase & { status: 'resolved'; address: string })
  | (ResolutionBase & { status: 'not_found'; reason: 'no_resolver' | 'no_address' })
  | (ResolutionBase & { status: 'invalid_answer'; reason: 'malformed' | 'resolver_not_contract' | 'address_length' | 'address_type' });

const TRUST_ORDER: readonly Trust[] = ['conflict', 'single-source', 'cross-checked', 'verified'];

/** The deployment for a network, or an error saying there is none. */
export function cnsDeployment(networkId: number): CnsDeployment {
  const deployment = CNS_DEPLOYMENTS[networkId];
  if (deployment === undefined) throw new NamesError('names.unsupported_network', `no name service is known on network ${networkId}`, { details: String(networkId) });
  return deployment;
}

/** True when the input looks like a name of the deployment (a dotted name ending in one of its TLDs). */
export function isNameOf(input: string, deployment: Pick<CnsDeployment, 'tlds'>): boolean {
  if (typeof input !== 'string' || !input.includes('.') || input.includes(':') || input.startsWith('0x')) return false;
  const tld = input.slice(input.lastIndexOf('.') + 1).toLowerCase();
  return deployment.tlds.includes(tld);
}

/** Guards what the caller's call function answered. */
function checkAnswer(answer: CallAnswer): CallAnswer {
  if (typeof answer !== 'object' || answer === null || typeof answer.data !== 'string' || !TRUST_ORDER.includes(answer.trust) || !Number.isSafeInteger(answer.epoch) || answer.epoch < 0) {
    throw new NamesError('names.input', 'call: expected { data, trust, epoch } from the contract-call function', { details: 'call' });
  }
  return answer;
}

function readWord(answer: string, type: 'address' | 'bytes'): { value: string } | null {
  try {
    const decoded = decodeAbiParameters([{ kind: type }], hexToBytes(answer));
    if (decoded.irregularities.length > 0) return null;
    return { value: decoded.values[0] as string };
  } catch {
    return null;
  }
}

/**
 * Resolves `name` to a Core address with the registry of `deployment`.
 * @throws {NamesError} `names.invalid` for a name that does not normalize, `names.input` for bad arguments
 */
export async function resolveCnsName(name: string, deployment: Pick<CnsDeployment, 'networkId' | 'registry'>, call: ContractCall): Promise<NameResolution> {
  if (typeof call !== 'function') throw new NamesError('names.input', 'call: expected a function');
  let registryBytes: Uint8Array;
  try {
    const decoded = decodeCfxAddressToBytes(deployment.registry);
    if (decoded.networkId !== deployment.networkId) throw new Error('network');
    registryBytes = decoded.bytes;
  } catch (cause) {
    throw new NamesError('names.input', 'registry: expected a base32 address on the deployment\'s network', { cause, details: 'registry' });
  }
  const { normalized, changed } = normalizeName(name);
  const nodeBytes = namehashBytes(normalized);
  const node = bytesToHex(nodeBytes);
  const registry = encodeCfxAddress(registryBytes, deployment.networkId);
  const steps: ResolutionStep[] = [];
  const finish = <R extends Record<string, unknown>>(rest: R) => {
    const trust = steps.map((s) => s.trust).reduce((a, b) => (TRUST_ORDER.indexOf(a) <= TRUST_ORDER.indexOf(b) ? a : b));
    return { name, normalized, changed, node, registry, steps, trust, epochs: [...new Set(steps.map((s) => s.epoch))], ...rest };
  };

  const resolverCall = encodeStaticCall(RESOLVER_SELECTOR, [{ type: 'bytes32', value: nodeBytes }]);
  const first = checkAnswer(await call({ to: registry, data: resolverCall }));
  const resolverWord = readWord(first.data, 'address');
  const resolverStep: ResolutionStep = { step: 'registry.resolver', contract: registry, data: resolverCall, answer: first.data, result: null, trust: first.trust, epoch: first.epoch };
  steps.push(resolverStep);
  if (resolverWord === null) return finish({ status: 'invalid_answer' as const, reason: 'malformed' as const });
  const resolverBytes = hexToBytes(resolverWord.value);
  if (resolverBytes.every((b) => b === 0)) return finish({ status: 'not_found' as const, reason: 'no_resolver' as const });
  if ((resolverBytes[0]! & 0xf0) !== 0x80) return finish({ status: 'invalid_answer' as const, reason: 'resolver_not_contract' as const });
  const resolver = encodeCfxAddress(resolverBytes, deployment.networkId);
  resolverStep.result = resolver;

  const addrCall = encodeStaticCall(ADDR_COIN_SELECTOR, [{ type: 'bytes32', value: nodeBytes }, { type: 'uint256', value: COIN_TYPE_CONFLUX_CORE }]);
  const second = checkAnswer(await call({ to: resolver, data: addrCall }));
  const addrStep: ResolutionStep = { step: 'resolver.addr', contract: resolver, data: addrCall, answer: second.data, result: null, trust: second.trust, epoch: second.epoch };
  steps.push(addrStep);
  const addrWord = readWord(second.data, 'bytes');
  if (addrWord === null) return finish({ status: 'invalid_answer' as const, reason: 'malformed' as const });
  const addressBytes = hexToBytes(addrWord.value);
  if (addressBytes.length === 0) return finish({ status: 'not_found' as const, reason: 'no_address' as const });
  if (addressBytes.length !== 20) return finish({ status: 'invalid_answer' as const, reason: 'address_length' as const });
  let type: string;
  try {
    type = cfxAddressType(addressBytes);
  } catch {
    type = 'invalid';
  }
  if (type !== 'user' && type !== 'contract') return finish({ status: 'invalid_answer' as const, reason: 'address_type' as const });
  const address = encodeCfxAddress(addressBytes, deployment.networkId);
  addrStep.result = address;
  return finish({ status: 'resolved' as const, address });
}

/**
 * Adapts a trusted read (such as the account reader's cross-checked contract `call`, which answers
 * `{ value, trust, epoch }`) to the resolver's {@link ContractCall}. An unresolved conflict (no value)
 * answers `0x` with trust `conflict`, which the resolver reports as `invalid_answer`.
 */
export function contractCallFrom(read: (request: { to: string; data: Hex }) => Promise<{ value: string | undefined; trust: Trust; epoch: number }>): ContractCall {
  return async (request) => {
    const answer = await read(request);
    return { data: answer.value ?? '0x', trust: answer.trust, epoch: answer.epoch };
  };
}
