/**
 * The wallet-side gateway client against a working fake gateway that serves answers recorded from
 * a dev node (validating params with the same schema as the real gateway), honest and lying.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../encoding/hex.js';
import { StateProofError } from '../state/errors.js';
import { stateKeyBytes } from '../state/keys.js';
import { headerSourceOf, recordedEntries, recordedHeaders, type RecordedStateVector } from '../state/testing/recorded-state.js';
import { proveAccountsViaGateway, proveStorageViaGateway, type GatewayRequest } from './client.js';
import { ProofGatewayError } from './errors.js';
import { lightRequestFromParams, type ItemMethod } from './schema.js';

const DIR = join(import.meta.dirname, '../../test/vectors/lightproto');
const vectors = readdirSync(DIR)
  .filter((f) => /^dev-state-epoch\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RecordedStateVector);

/** A fake gateway answering clp_getStateEntries from the vector, like the real one (unknown keys left out). */
function fakeGateway(vector: RecordedStateVector, lie: (items: string[]) => unknown = (items) => items): GatewayRequest {
  const byKey = new Map(vector.entries.map((e) => [e.key, e.raw]));
  return async (method: ItemMethod, params: readonly unknown[]) => {
    const request = lightRequestFromParams(method, params);
    if (request.kind !== 'state_entries') return [];
    return lie(request.entries.flatMap(({ key }) => byKey.get(bytesToHex(stateKeyBytes(key))) ?? []));
  };
}

function client(vector: RecordedStateVector, lie?: (items: string[]) => unknown) {
  return { request: fakeGateway(vector, lie), headers: headerSourceOf(recordedHeaders(vector)) };
}

function accounts(vector: RecordedStateVector) {
  return recordedEntries(vector)
    .filter((e) => e.item.key.kind === 'account')
    .map((e) => ({ label: e.label, address: e.item.key.address, space: e.item.key.space }));
}

async function failure(promise: Promise<unknown>): Promise<StateProofError | ProofGatewayError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error instanceof StateProofError || error instanceof ProofGatewayError).toBe(true);
  return error as StateProofError | ProofGatewayError;
}

describe.each(vectors.map((v) => [v.epoch, v] as const))('through a gateway at epoch %i', (epoch, vector) => {
  test('accounts and a token balance slot, proved, equal the node’s JSON-RPC values', async () => {
    const list = accounts(vector);
    const proved = await proveAccountsViaGateway(client(vector), epoch, list);
    for (const [i, p] of proved.entries()) {
      const truth = vector.rpc[list[i]!.label]!;
      expect([p.balance, p.nonce], list[i]!.label).toEqual([BigInt(truth.balance!), BigInt(truth.nonce!)]);
      expect(p.witness.height).toBe(epoch + 5);
      expect(p.account === null).toBe(list[i]!.label === 'absent');
    }
    const slot = recordedEntries(vector).find((e) => e.item.key.kind === 'storage')!.item.key;
    if (slot.kind !== 'storage') throw new Error('unreachable');
    const [storage] = await proveStorageViaGateway(client(vector), epoch, { address: slot.address, space: slot.space }, [slot.slot]);
    expect(storage!.value).toBe(BigInt(vector.rpc['token balance slot']!.storage!));
  });

  test('an account listed twice is asked once and reported twice', async () => {
    const [first] = accounts(vector);
    const proved = await proveAccountsViaGateway(client(vector), epoch, [first!, first!]);
    expect(proved).toHaveLength(2);
    expect(proved[0]).toEqual(proved[1]);
  });

  test('a lying gateway is caught with evidence: the method, its params and the false item', async () => {
    const flip = (items: string[]) => items.map((raw, i) => (i === 0 ? `${raw.slice(0, -2)}${(parseInt(raw.slice(-2), 16) ^ 1).toString(16).padStart(2, '0')}` : raw));
    const error = await failure(proveAccountsViaGateway(client(vector, flip), epoch, accounts(vector)));
    expect(error.sourceAtFault).toBe(true);
    expect(error.evidence?.request).toBe('clp_getStateEntries');
    expect(error.evidence?.answer).not.toBeNull();
    expect(vector.entries.map((e) => e.raw)).not.toContain(error.evidence?.answer);
  });

  test('answers that are not items, or more items than asked, are the gateway’s fault', async () => {
    for (const lie of [() => 'nope', (items: string[]) => [...items, ...items], (items: string[]) => items.map(() => '0xc0')]) {
      const error = await failure(proveAccountsViaGateway(client(vector, lie), epoch, accounts(vector)));
      expect([error.code, error.sourceAtFault]).toEqual(['proofgateway.bad_answer', true]);
    }
  });

  test('a dropped item is unavailable, and a gateway that fails is not at fault', async () => {
    const dropped = await failure(proveAccountsViaGateway(client(vector, (items) => items.slice(1)), epoch, accounts(vector)));
    expect([dropped.code, dropped.sourceAtFault]).toEqual(['state.unavailable', false]);
    const down = await failure(proveAccountsViaGateway({ request: async () => Promise.reject(new Error('ECONNREFUSED')), headers: headerSourceOf(recordedHeaders(vector)) }, epoch, accounts(vector)));
    expect([down.code, down.sourceAtFault]).toEqual(['proofgateway.request_failed', false]);
  });
});

