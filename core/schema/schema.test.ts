import { describe, expect, test } from 'vitest';
import { WayfarerError } from '../errors.js';
import { schemaKit, type Schema } from './index.js';

class TestSchemaError extends WayfarerError {
  constructor(readonly path: string, readonly problem: string) {
    super('test.schema', `${path || 'value'}: ${problem}`);
  }
}

const strict = schemaKit({ error: (path, problem) => new TestSchemaError(path, problem), owns: (e) => e instanceof TestSchemaError });
const loose = schemaKit({ error: (path, problem) => new TestSchemaError(path, problem), owns: (e) => e instanceof TestSchemaError, unknownKeys: 'drop', nullIsAbsent: true });

/** The failure a schema raises: the domain's typed error, with the failing field's path. */
function failure(schema: Schema<unknown>, value: unknown, path?: string): TestSchemaError {
  try {
    schema.parse(value, path);
  } catch (error) {
    expect(error).toBeInstanceOf(TestSchemaError);
    return error as TestSchemaError;
  }
  throw new Error('expected the schema to fail');
}

describe('the domain decides the error', () => {
  test('each failure is the domain error with its code, path and problem', () => {
    const error = failure(strict.object({ a: strict.array(strict.number({ integer: true })) }), { a: [1, 1.5] });
    expect(error.code).toBe('test.schema');
    expect(error.path).toBe('a[1]');
    expect(error.message).toBe('a[1]: expected a safe integer');
  });
  test('nested paths name objects, arrays and record entries', () => {
    const schema = strict.object({ list: strict.array(strict.object({ map: strict.record(strict.string(), strict.boolean()) })) });
    expect(failure(schema, { list: [{ map: {} }, { map: { k: 1 } }] }, 'params').path).toBe('params.list[1].map["k"]');
    expect(failure(schema, { list: [{}] }).path).toBe('list[0].map');
  });
  test('a domain without an error factory is refused', () => {
    expect(() => schemaKit({} as never)).toThrow(TypeError);
    expect(() => schemaKit({ error: () => new Error('x'), owns: () => true, limits: { array: -1 } })).toThrow(TypeError);
  });
  test('union tries the next alternative only on its own domain failures', () => {
    const boom: Schema<never> = { parse: () => { throw new RangeError('not a check'); } };
    expect(() => strict.union(boom, strict.string()).parse('x')).toThrow(RangeError);
    expect(failure(strict.union(strict.literal('a'), strict.number()), 'b').message).toMatch(/no alternative.*or/);
  });
});

describe('policies', () => {
  const shape = { a: strict.quantity(8) };
  test('unknown keys: rejected by default, dropped where the domain or the call says so', () => {
    expect(failure(strict.object(shape), { a: '0x1', b: 1 }).message).toMatch(/unexpected key "b"/);
    expect(strict.object(shape, { unknownKeys: 'drop' }).parse({ a: '0x1', b: 1 })).toEqual({ a: '0x1' });
    expect(loose.object({ a: loose.quantity(8) }).parse({ a: '0x1', b: 1 })).toEqual({ a: '0x1' });
  });
  test('absent keys must be optional; null is absent only where the domain says so', () => {
    expect(failure(strict.object(shape), {}).message).toBe('a: missing');
    expect(failure(strict.object({ a: strict.optional(strict.string()) }), { a: null }).path).toBe('a');
    expect(loose.object({ a: loose.optional(loose.string()) }).parse({ a: null })).toEqual({});
  });
});

describe('hostile inputs', () => {
  test('prototype-pollution keys never reach a result or a prototype', () => {
    const polluted: unknown = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    expect(failure(strict.object({}), polluted).message).toMatch(/unexpected key "__proto__"/);
    const map = strict.record(strict.string(), strict.json()).parse(polluted);
    expect(Object.getPrototypeOf(map)).toBe(null);
    const dropped = loose.object({ a: loose.optional(loose.string()) }).parse(polluted);
    expect(Object.getPrototypeOf(dropped)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  test('inherited properties are never read as fields', () => {
    const proto = { a: 'inherited' };
    expect(failure(strict.object({ a: strict.string() }), Object.create(proto)).message).toMatch(/expected an object/);
    expect(failure(strict.object({ toString: strict.string() }), {}).message).toBe('toString: missing');
  });
  test('huge arrays and strings are refused by their length before any element is read', () => {
    let touched = 0;
    const counting: Schema<unknown> = { parse: (v) => { touched++; return v; } };
    expect(failure(strict.array(counting), new Array(10_000_000)).message).toMatch(/more than 1000 items/);
    expect(touched).toBe(0);
    expect(failure(strict.string(), 'x'.repeat(5_000_000)).message).toMatch(/longer than 100000/);
    expect(failure(strict.hex(), `0x${'zz'.repeat(1024 * 1024 + 1)}`).message).toMatch(/longer than/);
    expect(failure(strict.quantity(), `0x${'f'.repeat(1_000_000)}`).message).toMatch(/wider than 256 bits/);
    const keys = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 1]));
    expect(failure(strict.record(strict.string(), counting), keys).message).toMatch(/more than 1000 entries/);
    expect(touched).toBe(0);
  });
  test('a huge key is cut in messages and paths', () => {
    const key = 'k'.repeat(100_000);
    expect(failure(strict.object({}), { [key]: 1 }).message.length).toBeLessThan(100);
    expect(failure(strict.record(strict.string(), strict.boolean()), { [key]: 1 }).path.length).toBeLessThan(60);
  });
  test('deep nesting and cycles fail as checks, not crashes', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(failure(strict.json(), deep).message).toMatch(/not JSON-serialisable/);
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(failure(strict.json(), cycle).path).toBe('');
    expect(failure(strict.json(), { a: 1n }).message).toMatch(/not JSON-serialisable/);
  });
  test.each([
    ['string', strict.string(), 1],
    ['number', strict.number(), '1'],
    ['NaN', strict.number(), Number.NaN],
    ['Infinity', strict.number(), Number.POSITIVE_INFINITY],
    ['boolean', strict.boolean(), 'true'],
    ['array', strict.array(strict.number()), { length: 1, 0: 1 }],
    ['object', strict.object({}), []],
    ['class instance', strict.object({}), new Date(0)],
    ['record', strict.record(strict.string(), strict.number()), null],
    ['hex', strict.hex(), 0x12],
    ['odd hex', strict.hex(), '0xabc'],
    ['prefixless hex', strict.hex(), 'abcd'],
    ['quantity with leading zero', strict.quantity(), '0x01'],
    ['empty quantity', strict.quantity(), '0x'],
    ['literal', strict.literal('a'), 'A'],
    ['oneOf', strict.oneOf(['a', 'b']), 'c'],
    ['none', strict.none(), { a: 1 }],
  ] as const)('wrong type or form: %s', (_, schema, value) => {
    expect(failure(schema as Schema<unknown>, value, 'v').path).toBe('v');
  });
});

describe('values that pass', () => {
  test('results are fresh copies holding declared fields only', () => {
    const input = { a: '0x1', nested: { b: [true] } };
    const parsed = strict.object({ a: strict.quantity(), nested: strict.object({ b: strict.array(strict.boolean()) }) }).parse(input);
    expect(parsed).toEqual(input);
    expect(parsed.nested).not.toBe(input.nested);
  });
  test('hex forms', () => {
    expect(strict.hex({ bytes: 2 }).parse('0xABcd')).toBe('0xABcd');
    expect(failure(strict.hex({ bytes: 2 }), '0xab').message).toMatch(/expected 2 bytes/);
    expect(strict.hex({ allowPrefixless: true }).parse('abcd')).toBe('abcd');
    expect(strict.quantity(64).parse('0xffffffffffffffff')).toBe('0xffffffffffffffff');
    expect(failure(strict.quantity(64), '0x10000000000000000').message).toMatch(/wider than 64 bits/);
  });
  test('refine keeps optionality and adds a check', () => {
    const even = strict.refine(strict.optional(strict.number()), (n) => (n !== undefined && n % 2 ? 'must be even' : undefined));
    expect(strict.object({ n: even }).parse({})).toEqual({});
    expect(failure(strict.object({ n: even }), { n: 3 }).message).toBe('n: must be even');
  });
});
