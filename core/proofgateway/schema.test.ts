import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { accountKey, stateKeyBytes, storageKey } from '../state/keys.js';
import { GATEWAY_LIMITS, lightRequestFromParams, paramsFromLightRequest, readItems } from './schema.js';

const address = hexToBytes('0x1be45681ac6c53d5a40475f7526bac1fe7590fb8');
const invalid = expect.objectContaining({ code: 'proofgateway.invalid_params' });

describe('gateway params', () => {
  test('round trip: a request becomes params and back', () => {
    const requests = [
      { kind: 'state_roots', epochs: [0, 2001] },
      { kind: 'witness_info', heights: [7] },
      { kind: 'block_headers', hashes: [new Uint8Array(32).fill(9)] },
      { kind: 'state_entries', entries: [{ epoch: 300, key: accountKey(address, 'espace') }, { epoch: 300, key: storageKey(address, 'core', new Uint8Array(32)) }] },
    ] as const;
    for (const request of requests) {
      const { method, params } = paramsFromLightRequest(request);
      expect(lightRequestFromParams(method, JSON.parse(JSON.stringify(params)))).toEqual(request);
    }
    expect(paramsFromLightRequest(requests[3])).toEqual({ method: 'clp_getStateEntries', params: ['0x12c', [bytesToHex(stateKeyBytes(accountKey(address, 'espace'))), bytesToHex(stateKeyBytes(storageKey(address, 'core', new Uint8Array(32))))]] });
  });

  test('a malformed state key never becomes a request', () => {
    for (const key of ['0x', '0x1234', `${bytesToHex(address)}80`, `${bytesToHex(address)}64617461`, `${bytesToHex(address)}6461746100`, 'not hex', 42, null]) {
      expect(() => lightRequestFromParams('clp_getStateEntries', ['0x1', [key]]), String(key)).toThrow(invalid);
    }
  });

  test.each([
    ['params not an array', 'clp_getStateRoots', { epochs: ['0x1'] }],
    ['wrong arity', 'clp_getStateEntries', ['0x1']],
    ['decimal epoch', 'clp_getStateRoots', [[1]]],
    ['leading zeros', 'clp_getStateRoots', [['0x01']]],
    ['huge epoch', 'clp_getWitnessInfo', [['0xffffffffffffffffff']]],
    ['empty list', 'clp_getWitnessInfo', [[]]],
    ['too many', 'clp_getStateRoots', [Array.from({ length: GATEWAY_LIMITS.clp_getStateRoots + 1 }, () => '0x1')]],
    ['short hash', 'clp_getBlockHeaders', [['0x1234']]],
    ['too many keys', 'clp_getStateEntries', ['0x1', Array.from({ length: 51 }, () => bytesToHex(address))]],
  ] as const)('refused: %s', (_, method, params) => {
    expect(() => lightRequestFromParams(method, params)).toThrow(invalid);
  });

  test('results: an array of hex items, no more than asked', () => {
    const where = { request: 'clp_getStateRoots', params: [] };
    expect(readItems(['0xc0', '0x8180'], 2, where)).toEqual([hexToBytes('0xc0'), hexToBytes('0x8180')]);
    for (const bad of [null, {}, ['0xc0', '0xc0', '0xc0'], ['c0'], ['0x'], ['0xc'], [1]]) {
      expect(() => readItems(bad, 2, where), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'proofgateway.bad_answer', sourceAtFault: true }));
    }
  });
});
