import { describe, expect, test } from 'vitest';
import { array, cfxAddress, data, hash32, hexAddress, nullable, object, optional, quantity, record, ResultSchemaError, string, union } from './validators.js';

function rejects(fn: () => unknown, path: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ResultSchemaError);
    expect((error as ResultSchemaError).path).toBe(path);
    return;
  }
  throw new Error('expected a ResultSchemaError');
}

describe('quantity', () => {
  const q64 = quantity(64);
  test.each(['0x0', '0x1', '0xffffffffffffffff', '0xABC'])('accepts %s', (v) => expect(q64.parse(v, 'r')).toBe(v));
  test.each([
    ['leading zero', '0x01'],
    ['empty', '0x'],
    ['no prefix', '12'],
    ['too wide', '0x10000000000000000'],
    ['not hex', '0xzz'],
    ['number', 12],
    ['null', null],
    ['negative', '-0x1'],
  ])('rejects %s', (_, v) => rejects(() => q64.parse(v, 'r'), 'r'));
  test('256-bit bound', () => {
    expect(quantity().parse(`0x${'f'.repeat(64)}`, 'r')).toHaveLength(66);
    rejects(() => quantity().parse(`0x1${'0'.repeat(64)}`, 'r'), 'r');
  });
});

describe('data', () => {
  test('fixed length', () => {
    expect(hash32().parse(`0x${'ab'.repeat(32)}`, 'h')).toBeDefined();
    rejects(() => hash32().parse(`0x${'ab'.repeat(31)}`, 'h'), 'h');
    rejects(() => hash32().parse(`0x${'ab'.repeat(33)}`, 'h'), 'h');
    rejects(() => hash32().parse(`${'ab'.repeat(32)}`, 'h'), 'h');
  });
  test('odd digits and caps', () => {
    rejects(() => data().parse('0xabc', 'd'), 'd');
    rejects(() => data({ maxBytes: 2 }).parse('0xaabbcc', 'd'), 'd');
    expect(data({ maxBytes: 2, allowPrefixless: true }).parse('aabb', 'd')).toBe('aabb');
  });
});

describe('addresses', () => {
  test('node-printed base32 forms, including eSpace accounts typed UNKNOWN', () => {
    for (const a of ['net1024:aar8jzybzv0fhzreav49syxnzut8s0jt1ap8jtnn6w', 'NET1024:TYPE.USER:AAR8JZYBZV0FHZREAV49SYXNZUT8S0JT1AP8JTNN6W', 'NET1024:TYPE.NULL:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH174C3AB', 'NET1024:TYPE.UNKNOWN:AB9F8VMWBERGWEW7N18NTSGCP0JCWSM556ZB1M1AMH']) {
      expect(cfxAddress().parse(a, 'a')).toBe(a);
    }
  });
  test.each([
    ['bad checksum', 'net1024:aar8jzybzv0fhzreav49syxnzut8s0jt1ap8jtnn6x'],
    ['mixed case', 'net1024:AAR8jzybzv0fhzreav49syxnzut8s0jt1ap8jtnn6w'],
    ['wrong type option', 'NET1024:TYPE.CONTRACT:AAR8JZYBZV0FHZREAV49SYXNZUT8S0JT1AP8JTNN6W'],
    ['hex', '0x1234567890123456789012345678901234567890'],
  ])('rejects %s', (_, a) => rejects(() => cfxAddress().parse(a, 'a'), 'a'));
  test('hex addresses', () => {
    expect(hexAddress().parse('0x7e5f4552091a69125d5dfcb7b8c2659029395bdf', 'a')).toBeDefined();
    rejects(() => hexAddress().parse('0x7E5F4552091A69125d5DfCb7b8C2659029395Bdx', 'a'), 'a');
    rejects(() => hexAddress().parse('0x7e5f4552091a69125d5dfcb7b8c2659029395b', 'a'), 'a');
  });
});

describe('object', () => {
  const schema = object({ a: quantity(8), b: optional(hash32()), c: nullable(quantity()) });
  test('keeps declared fields, drops unknown ones', () => {
    expect(schema.parse({ a: '0x1', c: null, extra: 'x' }, 'r')).toEqual({ a: '0x1', c: null });
  });
  test('names the missing or bad field', () => {
    rejects(() => schema.parse({ c: null }, 'r'), 'r.a');
    rejects(() => schema.parse({ a: '0x1' }, 'r'), 'r.c');
    rejects(() => schema.parse({ a: '0x1', c: '0x01' }, 'r'), 'r.c');
    rejects(() => schema.parse([], 'r'), 'r');
  });
  test('arrays and records are bounded', () => {
    rejects(() => array(quantity(), { max: 2 }).parse(['0x1', '0x2', '0x3'], 'r'), 'r');
    rejects(() => array(quantity()).parse(['0x1', 'x'], 'r'), 'r[1]');
    rejects(() => record(hash32(), quantity(), { max: 1 }).parse({ a: '0x1', b: '0x2' }, 'r'), 'r');
    rejects(() => record(hash32(), quantity()).parse({ notahash: '0x1' }, 'r'), 'r{key}');
  });
  test('a record cannot smuggle a prototype', () => {
    const parsed = record(string(), quantity()).parse(JSON.parse('{"__proto__": "0x1"}'), 'r');
    expect(Object.getPrototypeOf(parsed)).toBe(null);
  });
  test('union reports both problems', () => {
    expect(() => union(hash32(), quantity(8)).parse('zz', 'r')).toThrow(/or/);
  });
});
