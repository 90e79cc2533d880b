import { describe, expect, test } from 'vitest';
import { array, boolean, hex, json, literal, none, nullable, number, object, oneOf, optional, quantity, record, SchemaError, string, union } from './schema.js';

describe('schema', () => {
  const tx = object({ from: string({ max: 64 }), value: optional(quantity()), data: optional(hex({ maxBytes: 4 })), flag: optional(boolean()) });

  test('parses valid objects and drops nothing but undefined', () => {
    expect(tx.parse({ from: 'a', value: '0x10' })).toEqual({ from: 'a', value: '0x10' });
  });

  const bad: [string, unknown][] = [
    ['not an object', 'x'],
    ['array', []],
    ['missing required', {}],
    ['unknown key', { from: 'a', extra: 1 }],
    ['quantity with leading zero', { from: 'a', value: '0x01' }],
    ['quantity over 256 bits', { from: 'a', value: '0x1' + '0'.repeat(64) }],
    ['odd hex', { from: 'a', data: '0x123' }],
    ['hex too long', { from: 'a', data: '0x' + '00'.repeat(5) }],
    ['wrong type', { from: 1 }],
    ['class instance', new (class X { from = 'a'; })()],
    ['string too long', { from: 'a'.repeat(65) }],
  ];
  test.each(bad)('rejects %s', (_name, value) => {
    expect(() => tx.parse(value)).toThrow(SchemaError);
  });

  test('error names the path', () => {
    expect(() => object({ a: array(number({ integer: true })) }).parse({ a: [1, 1.5] })).toThrow('a[1]: expected a safe integer');
  });

  test('other combinators', () => {
    expect(union(literal('a'), number()).parse(3)).toBe(3);
    expect(() => union(literal('a'), number()).parse('b')).toThrow(/no alternative/);
    expect(oneOf(['x', 'y'] as const).parse('y')).toBe('y');
    expect(nullable(string()).parse(null)).toBeNull();
    expect(record(string({ max: 3 }), number()).parse({ abc: 1 })).toEqual({ abc: 1 });
    expect(() => record(string({ max: 3 }), number()).parse({ abcd: 1 })).toThrow(SchemaError);
    expect(() => array(number(), { max: 2 }).parse([1, 2, 3])).toThrow(/more than 2/);
    expect(() => json({ maxBytes: 10 }).parse({ a: 'x'.repeat(20) })).toThrow(/larger/);
    expect(() => json().parse({ a: 1n })).toThrow(SchemaError);
    none().parse(undefined);
    expect(() => none().parse([1])).toThrow(SchemaError);
    expect(() => object({}).parse(JSON.parse('{"__proto__": {"x": 1}}'))).toThrow(/unexpected key/);
  });
});
