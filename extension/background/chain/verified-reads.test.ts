/**
 * The verified reader against working fakes: gateways serving answers recorded from a dev node
 * (honest, lying, down), a real node pool holding them (bans, privacy ranking), recorded verified
 * headers, and a fallback reader that says what it was asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { bytesToHex, hexToBytes } from '../../../core/encoding/hex.js';
import type { GatewayRequest } from '../../../core/proofgateway/client.js';
import { lightRequestFromParams, type ItemMethod } from '../../../core/proofgateway/schema.js';
import { makeEndpoint, type NodeEndpoint } from '../../../core/rpc/pool/endpoint.js';
import { NodePool } from '../../../core/rpc/pool/node-pool.js';
import { fakeNetwork, type FakeMethodHandler } from '../../../core/rpc/testing/fake-fetch.js';
import { FakeClock } from '../../../core/rpc/testing/fake-clock.js';
import type { TrustedValue } from '../../../core/trust/types.js';
import type { Space } from '../../../core/space.js';
import { stateKeyBytes } from '../../../core/state/keys.js';
import { headerSourceOf, recordedHeaders, type RecordedStateVector } from '../../../core/state/testing/recorded-state.js';
import { mappingSlot } from '../../../core/state/token-slot.js';
import { PROOF_EPOCH_LAG, VerifiedAccountReader, type AccountReads, type StoredSlot } from './verified-reads.js';

const vector = JSON.parse(readFileSync(join(import.meta.dirname, '../../../test/vectors/lightproto/dev-state-epoch4120.json'), 'utf8')) as RecordedStateVector;
const entry = (label: string) => vector.entries.find((e) => e.label === label)!;
const coreUser = encodeCfxAddress(entry('core user').key, vector.chainId);
const espace = `0x${entry('espace account').key.slice(2, 42)}`;
const token = encodeCfxAddress(entry('token contract').key, vector.chainId);

type Behaviour = 'honest' | 'lying' | 'down';

function fakeGateway(behaviour: Behaviour, asked: string[]): GatewayRequest {
  const byKey = new Map(vector.entries.map((e) => [e.key, e.raw]));
  return async (method: ItemMethod, params: readonly unknown[]) => {
    asked.push(method);
    if (behaviour === 'down') throw new Error('ECONNREFUSED');
    const request = lightRequestFromParams(method, params);
    if (request.kind !== 'state_entries') return [];
    const items = request.entries.flatMap(({ key }) => byKey.get(bytesToHex(stateKeyBytes(key))) ?? []);
    // A lie: one bit of the last proof byte flipped.
    return behaviour === 'lying' ? items.map((raw) => `${raw.slice(0, -2)}${(parseInt(raw.slice(-2), 16) ^ 1).toString(16).padStart(2, '0')}`) : items;
  };
}

function setup(gateways: Behaviour[], options: { privacy?: boolean; network?: 'local' | 'testnet'; coreNode?: FakeMethodHandler } = {}) {
  const clock = new FakeClock(1_000_000);
  const network = options.network ?? 'local';
  const gatewayHost = (i: number) => (network === 'local' ? `http://127.0.0.1:${20000 + i}` : `https://gateway${i}.example`);
  const endpoints = gateways.map((_, i) => makeEndpoint({ network, space: 'gateway', url: gatewayHost(i), operator: `gateway operator ${i}` }));
  const coreNodes = options.coreNode ? [makeEndpoint({ network, space: 'core', url: 'https://node.example', operator: 'one operator' })] : [];
  const rpc = fakeNetwork(options.coreNode ? { 'https://node.example/': options.coreNode } : {});
  const pool = new NodePool({ network, endpoints: [...endpoints, ...coreNodes], fetch: rpc.fetch, clock, ...(options.privacy ? { privacy: { enabled: true, secret: new Uint8Array(32).fill(7) } } : {}) });
  const asked = new Map<string, string[]>(endpoints.map((e) => [e.id, []]));
  const fallbackCalls: string[] = [];
  const answer = async (what: string): Promise<TrustedValue<bigint>> => {
    fallbackCalls.push(what);
    return { value: 42n, epoch: vector.epoch + PROOF_EPOCH_LAG, trust: 'single-source', sources: [] };
  };
  const fallback: AccountReads = {
    getBalance: () => answer('balance'),
    getNonce: () => answer('nonce'),
    getTokenBalance: () => answer('token'),
    call: () => Promise.reject(new Error('not used')),
  };
  const slots = new Map<string, StoredSlot>();
  const reader = new VerifiedAccountReader({
    pool,
    fallback,
    anchor: async () => ({ finalized: { height: vector.epoch + PROOF_EPOCH_LAG, hash: `0x${'ab'.repeat(32)}` }, headers: headerSourceOf(recordedHeaders(vector)) }),
    request: (g: NodeEndpoint) => fakeGateway(gateways[endpoints.indexOf(g)]!, asked.get(g.id)!),
    slots: { get: async (n, s, t) => slots.get(`${n}/${s}/${t}`), put: async (n, s, t, v) => void slots.set(`${n}/${s}/${t}`, v) },
    now: () => clock.now(),
  });
  return { reader, pool, endpoints, asked, fallbackCalls, slots };
}

describe('verified reads through proof gateways', () => {
  test.each([
    ['core', coreUser, 'core user'],
    ['espace', espace, 'espace account'],
  ] as const)('a %s balance and nonce are proved: trust verified, the proof anchored at the epoch, its witness header and the finalized pivot', async (space: Space, address, label) => {
    const { reader, fallbackCalls } = setup(['honest']);
    const balance = await reader.getBalance(space, address);
    const nonce = await reader.getNonce(space, address);
    expect(balance.value).toBe(BigInt(vector.rpc[label]!.balance!));
    expect(nonce.value).toBe(BigInt(vector.rpc[label]!.nonce!));
    expect(balance).toMatchObject({ trust: 'verified', epoch: vector.epoch, proof: { epoch: vector.epoch, witness: { height: vector.epoch + 5 }, finalized: { height: vector.epoch + PROOF_EPOCH_LAG } } });
    expect(balance.sources).toEqual([expect.objectContaining({ node: 'http://127.0.0.1:20000', answer: balance.value!.toString() })]);
    expect(fallbackCalls).toEqual([]);
  });

  test('a lying gateway is banned with evidence and the next gateway proves the value', async () => {
    const { reader, pool, endpoints } = setup(['lying', 'honest']);
    // Privacy off: both are candidates; the liar is asked first whichever way the health sorts, or not at all.
    for (let i = 0; i < 2; i++) {
      const read = await reader.getBalance('core', coreUser);
      expect([read.trust, read.value]).toEqual(['verified', BigInt(vector.rpc['core user']!.balance!)]);
    }
    const bans = pool.bans();
    expect(bans.every((b) => b.nodeId === endpoints[0]!.id && b.reason === 'bad_state_proof' && b.severity === 'proven_lie')).toBe(true);
  });

  test('the only gateway lying: banned, the value is the nodes’ word, saying so; never the false value', async () => {
    const { reader, pool, endpoints, fallbackCalls } = setup(['lying']);
    const read = await reader.getBalance('core', coreUser);
    expect(read).toMatchObject({ value: 42n, trust: 'single-source', fallback: { reason: 'banned', gateways: ['http://127.0.0.1:20000'] } });
    expect(pool.bans()).toEqual([expect.objectContaining({ nodeId: endpoints[0]!.id, reason: 'bad_state_proof', evidence: expect.stringMatching(/^clp_getStateEntries at epoch 4120: state\./) })]);
    expect(fallbackCalls).toEqual(['balance']);
    // Banned: not asked again while the ban lasts; the note stays.
    const again = await reader.getNonce('core', coreUser);
    expect(again.fallback).toEqual({ reason: 'banned', gateways: ['http://127.0.0.1:20000'] });
  });

  test('a gateway that is down is unavailable (no ban); no gateway configured reads as before, without a note', async () => {
    const down = setup(['down']);
    const read = await down.reader.getBalance('core', coreUser);
    expect(read).toMatchObject({ trust: 'single-source', fallback: { reason: 'unavailable', gateways: ['http://127.0.0.1:20000'] } });
    expect(down.pool.bans()).toEqual([]);
    const none = setup([]);
    const plain = await none.reader.getBalance('core', coreUser);
    expect(plain.fallback).toBeUndefined();
    expect(none.fallbackCalls).toEqual(['balance']);
  });

  test('privacy mode: each address is asked of its own gateways only', async () => {
    const { reader, asked, endpoints } = setup(['honest', 'honest', 'honest', 'honest'], { privacy: true });
    await reader.getBalance('core', coreUser);
    await reader.getBalance('espace', espace);
    const used = endpoints.filter((e) => asked.get(e.id)!.length > 0);
    expect(used.length).toBeGreaterThanOrEqual(1);
    expect(used.length).toBeLessThanOrEqual(2);
  });

  test('a token balance is proved at its remembered balance slot', async () => {
    const { reader, slots } = setup(['honest']);
    // The recorded token holder (test/support/state-fixtures.ts).
    const holder = hexToBytes(`0x1${bytesToHex(keccak_256(new TextEncoder().encode('token holder'))).slice(3, 42)}`);
    const holderAddress = encodeCfxAddress(holder, vector.chainId);
    const slotKey = entry('token balance slot').key;
    const found = [...Array(10).keys()].flatMap((index) => (['solidity', 'vyper'] as const).map((layout) => ({ index, layout }))).find((c) => slotKey.endsWith(bytesToHex(mappingSlot(holder, c.index, c.layout)).slice(2)));
    expect(found).toBeDefined();
    slots.set(`local/core/${entry('token contract').key}`, found!);
    const read = await reader.getTokenBalance('core', token, holderAddress);
    expect([read.trust, read.value]).toEqual(['verified', BigInt(vector.rpc['token balance slot']!.storage!)]);
    // A token whose slot is known not to be found is read from the nodes without trying.
    slots.set(`local/core/${entry('token contract').key}`, { none: 'no_match' });
    expect((await reader.getTokenBalance('core', token, holderAddress)).trust).toBe('single-source');
  });

  test.each([
    ['local', 'is located from the one node (the user\'s own): candidate slots are proved', true],
    ['testnet', 'is never located from one operator\'s word (it could point at another address-keyed slot)', false],
  ] as const)('a token balance slot on %s %s', async (network, _what, located) => {
    const holder = hexToBytes(`0x1${bytesToHex(keccak_256(new TextEncoder().encode('token holder'))).slice(3, 42)}`);
    const balance = BigInt(vector.rpc['token balance slot']!.storage!);
    const { reader, asked, endpoints } = setup(['honest'], { network, coreNode: (method) => (method === 'cfx_call' ? `0x${balance.toString(16).padStart(64, '0')}` : null) });
    const read = await reader.getTokenBalance('core', token, encodeCfxAddress(holder, vector.chainId));
    // The recorded gateway holds only the real slot's entry, so a location attempt ends unavailable.
    expect(asked.get(endpoints[0]!.id)!.length > 0).toBe(located);
    expect(read.trust).toBe('single-source');
    expect(read.fallback).toEqual(located ? { reason: 'unavailable', gateways: [endpoints[0]!.label] } : undefined);
  });
});
