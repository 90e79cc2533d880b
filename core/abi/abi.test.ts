/**
 * ABI types and the decoder: selectors and canonical encodings checked against viem (an
 * independent encoder), including a property test over random nested types; every kind of
 * irregularity is reported; truncated and inflated data is refused with a typed error.
 */
import fc from 'fast-check';
import { encodeAbiParameters, toFunctionSelector, type AbiParameter as ViemParameter } from 'viem';
import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { decodeAbiParameters, type AbiValue } from './decode.js';
import { AbiError } from './errors.js';
import { formatAbiType, parseAbiFunction, parseAbiType, type AbiType } from './types.js';

const SEED = 0x5afe_ab1;
const RUNS = 300;

function toViem(type: AbiType): ViemParameter {
  if (type.kind === 'tuple') return { type: 'tuple', components: type.components.map(toViem) };
  if (type.kind === 'array') {
    const inner = toViem(type.element);
    return { ...inner, type: `${inner.type}[${type.length ?? ''}]` } as ViemParameter;
  }
  return { type: formatAbiType(type) };
}

const word = (hex: string) => hex.replace(/^0x/, '').padStart(64, '0');
const decode = (types: string[], hex: string) => decodeAbiParameters(types.map(parseAbiType), hexToBytes(hex));

describe('types and selectors', () => {
  test.each([
    'transfer(address,uint256)', 'approve(address,uint256)', 'setApprovalForAll(address,bool)', 'callEVM(bytes20,bytes)',
    'castVote(uint64,(uint16,uint256[3])[])', 'register(bytes32,uint64,bytes,bytes,bytes[2])', 'aggregate3((address,bool,bytes)[])',
  ])('selector of %s matches viem', (signature) => {
    expect(parseAbiFunction(signature).selector).toBe(toFunctionSelector(`function ${signature}`));
  });

  test('parameter names are read and left out of the canonical signature', () => {
    const fn = parseAbiFunction('swapExactTokensForTokens(uint256 amountIn,uint256 amountOutMin,address[] path,address to,uint256 deadline)');
    expect(fn.inputs.map((p) => p.name)).toEqual(['amountIn', 'amountOutMin', 'path', 'to', 'deadline']);
    expect(fn.signature).toBe('swapExactTokensForTokens(uint256,uint256,address[],address,uint256)');
    expect(fn.selector).toBe('0x38ed1739');
  });

  test.each(['uint', 'int7', 'uint264', 'bytes33', 'bytes0', 'address[01]', '(uint256', 'uint256)', 'foo', ''])('"%s" is not a canonical type', (text) => {
    expect(() => parseAbiType(text)).toThrow(AbiError);
  });

  test.each(['approve', '(address)', 'a b(uint256)', 'f(uint256 1x)'])('"%s" is not a signature', (text) => {
    expect(() => parseAbiFunction(text)).toThrow(AbiError);
  });
});

describe('decoding', () => {
  test('canonical static arguments decode with no irregularity', () => {
    const hex = `0x${word('0x00000000000000000000000000000000000000aa')}${word('0x0de0b6b3a7640000')}${word('0x1')}`;
    expect(decode(['address', 'uint256', 'bool'], hex)).toEqual({ values: ['0x00000000000000000000000000000000000000aa', 10n ** 18n, true], irregularities: [] });
  });

  test.each<[string, string[], string, string]>([
    ['address with high bits set', ['address'], `0x${'ff'.repeat(12)}${'11'.repeat(20)}`, 'dirty_padding'],
    ['uint8 above 255', ['uint8'], `0x${word('0x100')}`, 'dirty_padding'],
    ['int8 not sign-extended', ['int8'], `0x${word('0xff')}`, 'dirty_padding'],
    ['bool 2', ['bool'], `0x${word('0x2')}`, 'bad_bool'],
    ['bytes4 with bytes after it', ['bytes4'], `0x${'aabbccdd'}${'00'.repeat(27)}01`, 'dirty_padding'],
    ['bytes with non-zero padding', ['bytes'], `0x${word('0x20')}${word('0x1')}${'ab'}${'00'.repeat(30)}01`, 'dirty_padding'],
    ['trailing bytes', ['uint256'], `0x${word('0x1')}dead`, 'trailing_data'],
    ['offset out of order', ['bytes'], `0x${word('0x40')}${word('0x0')}${word('0x0')}`, 'non_canonical_offset'],
    ['invalid UTF-8 string', ['string'], `0x${word('0x20')}${word('0x1')}ff${'00'.repeat(31)}`, 'invalid_utf8'],
  ])('%s is reported', (_name, types, hex, code) => {
    expect(decode(types, hex).irregularities.map((i) => i.code)).toContain(code);
  });

  test('dirty words are read as the low bits, as ABI coder v1 reads them', () => {
    expect(decode(['address'], `0x${'ff'.repeat(12)}${'11'.repeat(20)}`).values).toEqual([`0x${'11'.repeat(20)}`]);
    expect(decode(['int8'], `0x${word('0xff')}`).values).toEqual([-1n]);
  });

  test.each<[string, string[], string, string]>([
    ['missing word', ['uint256', 'uint256'], `0x${word('0x1')}`, 'abi.out_of_bounds'],
    ['empty data', ['address'], '0x', 'abi.out_of_bounds'],
    ['offset beyond the data', ['bytes'], `0x${word('0x1000')}`, 'abi.out_of_bounds'],
    ['huge offset', ['bytes'], `0x${'ff'.repeat(32)}`, 'abi.offset'],
    ['bytes longer than the data', ['bytes'], `0x${word('0x20')}${word('0x21')}${'00'.repeat(32)}`, 'abi.out_of_bounds'],
    ['array length inflating an allocation', ['uint256[]'], `0x${word('0x20')}${word('0xffffffff')}`, 'abi.out_of_bounds'],
    ['huge array length', ['uint256[]'], `0x${word('0x20')}${'ff'.repeat(32)}`, 'abi.offset'],
  ])('%s is refused', (_name, types, hex, code) => {
    expect(() => decode(types, hex)).toThrow(expect.objectContaining({ code }));
  });
});

/** Random ABI types (bounded depth) with values of that type. */
const leafType: fc.Arbitrary<AbiType> = fc.oneof(
  fc.integer({ min: 1, max: 32 }).map((n): AbiType => ({ kind: 'uint', bits: n * 8 })),
  fc.integer({ min: 1, max: 32 }).map((n): AbiType => ({ kind: 'int', bits: n * 8 })),
  fc.constant<AbiType>({ kind: 'address' }),
  fc.constant<AbiType>({ kind: 'bool' }),
  fc.integer({ min: 1, max: 32 }).map((size): AbiType => ({ kind: 'fixedBytes', size })),
  fc.constant<AbiType>({ kind: 'bytes' }),
  fc.constant<AbiType>({ kind: 'string' }),
);
const anyType: fc.Arbitrary<AbiType> = fc.letrec<{ type: AbiType }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafType,
    fc.record({ element: tie('type'), length: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) }).map((r): AbiType => ({ kind: 'array', ...r })),
    fc.array(tie('type'), { minLength: 1, maxLength: 3 }).map((components): AbiType => ({ kind: 'tuple', components })),
  ),
})).type;

function valueOf(type: AbiType): fc.Arbitrary<AbiValue> {
  switch (type.kind) {
    case 'uint':
      return fc.bigInt({ min: 0n, max: (1n << BigInt(type.bits)) - 1n });
    case 'int':
      return fc.bigInt({ min: -(1n << BigInt(type.bits - 1)), max: (1n << BigInt(type.bits - 1)) - 1n });
    case 'address':
      return fc.uint8Array({ minLength: 20, maxLength: 20 }).map(bytesToHex);
    case 'bool':
      return fc.boolean();
    case 'fixedBytes':
      return fc.uint8Array({ minLength: type.size, maxLength: type.size }).map(bytesToHex);
    case 'bytes':
      return fc.uint8Array({ maxLength: 70 }).map(bytesToHex);
    case 'string':
      return fc.string({ unit: 'grapheme', maxLength: 20 });
    case 'array':
      return fc.array(valueOf(type.element), type.length === null ? { maxLength: 3 } : { minLength: type.length, maxLength: type.length });
    case 'tuple':
      return fc.tuple(...type.components.map(valueOf));
  }
}

test(`random canonical encodings by viem decode to their values with no irregularity (seed ${SEED})`, () => {
  const typed = fc.array(anyType, { minLength: 1, maxLength: 4 }).chain((types) => fc.tuple(fc.constant(types), fc.tuple(...types.map(valueOf))));
  fc.assert(
    fc.property(typed, ([types, values]) => {
      const encoded = encodeAbiParameters(types.map(toViem), values as never);
      const decoded = decodeAbiParameters(types, hexToBytes(encoded));
      expect(decoded.irregularities).toEqual([]);
      expect(decoded.values).toEqual(values);
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test(`random bytes never crash the decoder: a value or an AbiError (seed ${SEED})`, () => {
  fc.assert(
    fc.property(fc.array(anyType, { minLength: 1, maxLength: 3 }), fc.uint8Array({ maxLength: 200 }), (types, data) => {
      try {
        decodeAbiParameters(types, data);
      } catch (error) {
        expect(error).toBeInstanceOf(AbiError);
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
