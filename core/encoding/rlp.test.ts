import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeRlp, encodeRlp, rlpInt, rlpToBigInt, RlpError, RlpRaw, type RlpDecoded, type RlpItem } from './rlp.js';
import { bytesToHex, hexToBytes } from './hex.js';

const h = (hex: string) => hexToBytes(hex);

// Ethereum's canonical RLP test cases (ethereum/tests RLPTests/rlptest.json), re-typed here.
const valid: [RlpItem, string][] = [
  [h('0x'), '0x80'],
  [h('0x00'), '0x00'],
  [h('0x7f'), '0x7f'],
  [h('0x80'), '0x8180'],
  [new TextEncoder().encode('dog'), '0x83646f67'],
  [new TextEncoder().encode('Lorem ipsum dolor sit amet, consectetur adipisicing eli'), '0xb7' + bytesToHex(new TextEncoder().encode('Lorem ipsum dolor sit amet, consectetur adipisicing eli')).slice(2)],
  [new TextEncoder().encode('Lorem ipsum dolor sit amet, consectetur adipisicing elit'), '0xb838' + bytesToHex(new TextEncoder().encode('Lorem ipsum dolor sit amet, consectetur adipisicing elit')).slice(2)],
  [[], '0xc0'],
  [[[], [[]], [[], [[]]]], '0xc7c0c1c0c3c0c1c0'],
  [rlpInt(0), '0x80'],
  [rlpInt(15), '0x0f'],
  [rlpInt(1024), '0x820400'],
  [rlpInt(2n ** 256n - 1n), '0xa0' + 'ff'.repeat(32)],
];

describe('encodeRlp / decodeRlp', () => {
  test.each(valid)('vector %#', (item, hex) => {
    expect(bytesToHex(encodeRlp(item))).toBe(hex);
    expect(encodeRlp(decodeRlp(h(hex)))).toEqual(h(hex));
  });

  test('raw items are spliced verbatim', () => {
    expect(bytesToHex(encodeRlp([h('0x01'), new RlpRaw(h('0xc20102'))]))).toBe('0xc401c20102');
  });

  test('integers reject leading zeros and oversize', () => {
    expect(rlpToBigInt(decodeRlp(h('0x820400')))).toBe(1024n);
    expect(() => rlpToBigInt(decodeRlp(h('0x820004')))).toThrow(RlpError);
    expect(() => rlpToBigInt(h('0x' + '01'.repeat(33)))).toThrow(/longer than 32/);
    expect(() => rlpToBigInt([])).toThrow(/expected a byte string/);
    expect(() => rlpInt(-1)).toThrow(RlpError);
  });

  const long = 'aa'.repeat(56);
  const invalid: [string, string, RegExp][] = [
    ['empty input', '0x', /empty/],
    ['single byte wrapped', '0x8100', /single byte/],
    ['single byte 0x7f wrapped', '0x817f', /single byte/],
    ['long form for short string', '0xb801aa', /long form/],
    ['long form with leading zero length', '0xb90038' + long, /leading zero/],
    ['long form for short list', '0xf801c0', /long form/],
    ['string runs past end', '0x83646f', /past the end/],
    ['list runs past end', '0xc3c0c0', /past the end/],
    ['length of length runs past end', '0xb9', /past the end/],
    ['trailing bytes', '0x8000', /trailing/],
    ['trailing after list', '0xc0c0', /trailing/],
    ['child longer than list', '0xc283646f67', /past the end/],
  ];
  test.each(invalid)('rejects %s', (_name, hex, message) => {
    expect(() => decodeRlp(h(hex))).toThrow(RlpError);
    expect(() => decodeRlp(h(hex))).toThrow(message);
  });

  test('rejects oversized input and deep nesting', () => {
    expect(() => decodeRlp(new Uint8Array(100), { maxBytes: 10 })).toThrow(/exceeds/);
    const deep = h('0x' + 'c1'.repeat(10) + 'c0');
    expect(() => decodeRlp(deep, { maxDepth: 5 })).toThrow(/nested deeper/);
    expect(() => decodeRlp('0x00' as unknown as Uint8Array)).toThrow(RlpError);
  });

  const itemArb: fc.Arbitrary<RlpDecoded> = fc.letrec<{ item: RlpDecoded }>((tie) => ({
    item: fc.oneof({ depthSize: 'small' }, fc.uint8Array({ maxLength: 80 }), fc.array(tie('item'), { maxLength: 5 })),
  })).item;

  test('round-trips random items (property)', () => {
    fc.assert(
      fc.property(itemArb, (item) => {
        const encoded = encodeRlp(item);
        expect(decodeRlp(encoded)).toEqual(item);
      }),
      { numRuns: 500 },
    );
  });

  test('any byte string either decodes to a canonical item or throws RlpError (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          const item = decodeRlp(bytes);
          expect(encodeRlp(item)).toEqual(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(RlpError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
