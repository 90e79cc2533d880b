/**
 * Static call encoding against viem's encodeFunctionData, and its range checks.
 */
import fc from 'fast-check';
import { encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../encoding/hex.js';
import { encodeStaticCall } from './encode.js';
import { selectorOf } from './types.js';

const SEED = 0xe1c0de;
const abi = parseAbi(['function f(uint256 a, address b, bytes20 c, bytes32 d, bool e)']);

describe('encodeStaticCall', () => {
  test(`equals viem for random arguments (seed ${SEED})`, () => {
    const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), bytes(20), bytes(20), bytes(32), fc.boolean(), (a, b, c, d, e) => {
      const ours = encodeStaticCall(selectorOf('f(uint256,address,bytes20,bytes32,bool)'), [
        { type: 'uint256', value: a }, { type: 'address', value: b }, { type: 'bytes20', value: c }, { type: 'bytes32', value: d }, { type: 'bool', value: e },
      ]);
      expect(ours).toBe(encodeFunctionData({ abi, functionName: 'f', args: [a, bytesToHex(b), bytesToHex(c), bytesToHex(d), e] }));
    }), { seed: SEED, numRuns: 200 });
  });

  test.each([
    ['a negative uint', { type: 'uint256', value: -1n }],
    ['a uint above 2^256', { type: 'uint256', value: 1n << 256n }],
    ['a 19-byte address', { type: 'address', value: new Uint8Array(19) }],
    ['a 21-byte bytes20', { type: 'bytes20', value: new Uint8Array(21) }],
    ['a number for a uint', { type: 'uint256', value: 1 }],
  ])('refuses %s', (_name, arg) => {
    expect(() => encodeStaticCall('0x12345678', [arg as never])).toThrow(expect.objectContaining({ code: 'abi.type' }));
  });

  test('refuses a selector that is not 4 bytes', () => {
    expect(() => encodeStaticCall('0x123456', [])).toThrow();
  });
});
