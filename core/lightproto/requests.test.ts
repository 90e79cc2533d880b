import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { accountKey, storageKey } from '../state/keys.js';
import { encodeLightRequest, encodeStatusPing, REQUEST_LIMITS, validateLightRequest } from './requests.js';

const address = hexToBytes('0x1be45681ac6c53d5a40475f7526bac1fe7590fb8');

describe('requests', () => {
  test('a state key goes out as a list of single-byte integers (0 as 0x80, ≥ 0x80 as 81 xx)', () => {
    const key = accountKey(hexToBytes('0x00017f80ff0000000000000000000000000000ff'), 'core');
    const encoded = encodeLightRequest(7, { kind: 'state_entries', entries: [{ epoch: 300, key }] });
    // [rid 7, [[epoch 300, [0, 1, 0x7f, 0x80, 0xff, 0 ×14, 0xff]]]] and message id 3
    expect(bytesToHex(encoded)).toBe('0xde' + '07' + 'dc' + 'db' + '82012c' + 'd7' + '80' + '01' + '7f' + '8180' + '81ff' + '80'.repeat(14) + '81ff' + '03');
  });

  test('requests of each kind', () => {
    expect(bytesToHex(encodeLightRequest(1, { kind: 'state_roots', epochs: [0, 2001] }))).toBe('0xc601c4808207d101');
    expect(bytesToHex(encodeLightRequest(2, { kind: 'witness_info', heights: [70] }))).toBe('0xc302c14610');
    expect(bytesToHex(encodeLightRequest(3, { kind: 'block_headers', hashes: [new Uint8Array(32).fill(1)] }))).toBe(`0xe303e1a0${'01'.repeat(32)}07`);
    expect(bytesToHex(encodeStatusPing(1024, new Uint8Array(32)))).toBe(`0xe6c3820400a0${'00'.repeat(32)}0218`);
  });

  test('only the four well-formed key shapes are ever encoded', () => {
    const good = [accountKey(address, 'core'), accountKey(address, 'espace'), storageKey(address, 'core', new Uint8Array(32)), storageKey(address, 'espace', new Uint8Array(32))];
    for (const key of good) expect(() => validateLightRequest({ kind: 'state_entries', entries: [{ epoch: 1, key }] })).not.toThrow();
    const bad: unknown[] = [
      null,
      {},
      { kind: 'account', space: 'core', address: new Uint8Array(0) },
      { kind: 'account', space: 'core', address: new Uint8Array(19) },
      { kind: 'account', space: 'core', address: new Uint8Array(21) },
      { kind: 'account', space: 'evm', address },
      { kind: 'storage', space: 'core', address, slot: new Uint8Array(31) },
      { kind: 'storage', space: 'espace', address, slot: 'x' },
      { kind: 'code', space: 'core', address },
    ];
    for (const key of bad) {
      expect(() => encodeLightRequest(1, { kind: 'state_entries', entries: [{ epoch: 1, key: key as never }] }), JSON.stringify(key)).toThrow(expect.objectContaining({ code: 'lightproto.request_invalid' }));
    }
  });

  test('counts, epochs and hashes are checked', () => {
    const invalid = expect.objectContaining({ code: 'lightproto.request_invalid' });
    expect(() => validateLightRequest({ kind: 'state_roots', epochs: [] })).toThrow(invalid);
    expect(() => validateLightRequest({ kind: 'state_roots', epochs: Array(REQUEST_LIMITS.state_roots + 1).fill(1) })).toThrow(invalid);
    expect(() => validateLightRequest({ kind: 'state_roots', epochs: [-1] })).toThrow(invalid);
    expect(() => validateLightRequest({ kind: 'state_roots', epochs: [1.5] })).toThrow(invalid);
    expect(() => validateLightRequest({ kind: 'witness_info', heights: ['1'] })).toThrow(invalid);
    expect(() => validateLightRequest({ kind: 'block_headers', hashes: [new Uint8Array(31)] })).toThrow(invalid);
    expect(() => validateLightRequest({ kind: 'send_raw_tx', raw: [] })).toThrow(invalid);
    expect(() => encodeLightRequest(-1, { kind: 'state_roots', epochs: [1] })).toThrow(invalid);
  });

  test('validation copies its input', () => {
    const epochs = [1, 2];
    const valid = validateLightRequest({ kind: 'state_roots', epochs });
    epochs.push(3);
    expect(valid).toEqual({ kind: 'state_roots', epochs: [1, 2] });
  });
});

test('an item asked twice is refused (the node would answer it twice)', () => {
  const key = accountKey(address, 'core');
  for (const request of [
    { kind: 'state_roots', epochs: [1, 1] },
    { kind: 'witness_info', heights: [2, 3, 2] },
    { kind: 'block_headers', hashes: [new Uint8Array(32), new Uint8Array(32)] },
    { kind: 'state_entries', entries: [{ epoch: 1, key }, { epoch: 1, key }] },
  ]) {
    expect(() => validateLightRequest(request), request.kind).toThrow(expect.objectContaining({ code: 'lightproto.request_invalid' }));
  }
  expect(() => validateLightRequest({ kind: 'state_entries', entries: [{ epoch: 1, key }, { epoch: 2, key }] })).not.toThrow();
});
