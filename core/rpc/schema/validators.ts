/**
 * Result validators for JSON-RPC answers.
 *
 * A node's answer is untrusted input. Each method has one schema built from these combinators; a
 * schema either returns the value narrowed to its declared JSON type or throws a
 * {@link ResultSchemaError} naming the path of the first offending field. Values stay in their JSON
 * form (hex strings) so the same validated object can be hashed by the light client or handed to a
 * dApp unchanged; conversion to bigint happens where the value is used, with the same strict rules
 * (`quantityToBigInt`).
 *
 * Objects allow unknown keys (node versions add fields; they are never read) but every key the
 * wallet reads is declared and checked. Strings, arrays and maps are bounded so a hostile node
 * cannot make the wallet allocate without limit even inside the response byte cap.
 * @module
 */
import { WayfarerError } from '../../errors.js';
import { isValidEspaceAddress } from '../../address/eip55.js';
import { parseNodeCfxAddress } from './node-address.js';

/** A field of a node's answer failed its schema. Wrapped into `RpcInvalidResultError` by the client. */
export class ResultSchemaError extends WayfarerError {
  readonly path: string;
  readonly problem: string;
  constructor(path: string, problem: string) {
    super('rpc.schema', `${path}: ${problem}`);
    this.path = path;
    this.problem = problem;
  }
}

export interface Schema<T> {
  parse(value: unknown, path: string): T;
  /** Set by {@link optional}: the key may be absent or null. */
  readonly optionalKey?: true;
}

/** What {@link optional} returns; the marker type lets {@link object} infer optional keys. */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optionalKey: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Hex strings longer than this are refused unless a schema allows more (bytecode, call results). */
export const DEFAULT_MAX_HEX_BYTES = 64 * 1024;
export const DEFAULT_MAX_ARRAY = 10_000;

const HEX_BODY = /^[0-9a-fA-F]*$/;

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function fail(path: string, problem: string): never {
  throw new ResultSchemaError(path, problem);
}

/**
 * A JSON-RPC quantity: `0x` + hex digits without leading zeros (`0x0` for zero), at most `maxBits`.
 * @example quantity(64).parse('0x1a', 'result') // '0x1a'
 */
export function quantity(maxBits = 256): Schema<string> {
  const maxDigits = Math.ceil(maxBits / 4);
  return {
    parse(value, path) {
      if (typeof value !== 'string') fail(path, `expected a hex quantity, got ${kind(value)}`);
      if (!value.startsWith('0x')) fail(path, 'quantity lacks 0x prefix');
      const body = value.slice(2);
      if (body.length === 0 || !HEX_BODY.test(body)) fail(path, 'not a hex quantity');
      if (body.length > 1 && body[0] === '0') fail(path, 'quantity has leading zeros');
      if (body.length > maxDigits || BigInt(value) >> BigInt(maxBits) !== 0n) fail(path, `quantity wider than ${maxBits} bits`);
      return value;
    },
  };
}

/**
 * `0x`-prefixed byte string. With `length`, exactly that many bytes; otherwise at most `maxBytes`.
 * @example data({ length: 32 }).parse(hash, 'result.hash')
 */
export function data(options: { length?: number; maxBytes?: number; allowPrefixless?: boolean } = {}): Schema<string> {
  const maxBytes = options.length ?? options.maxBytes ?? DEFAULT_MAX_HEX_BYTES;
  return {
    parse(value, path) {
      if (typeof value !== 'string') fail(path, `expected hex bytes, got ${kind(value)}`);
      let body: string;
      if (value.startsWith('0x')) body = value.slice(2);
      else if (options.allowPrefixless) body = value;
      else fail(path, 'hex bytes lack 0x prefix');
      if (body.length % 2 !== 0) fail(path, 'odd number of hex digits');
      if (body.length > maxBytes * 2) fail(path, `longer than ${maxBytes} bytes`);
      if (!HEX_BODY.test(body)) fail(path, 'not hex');
      if (options.length !== undefined && body.length !== options.length * 2) fail(path, `expected ${options.length} bytes, got ${body.length / 2}`);
      return value;
    },
  };
}

/** A 32-byte hash. */
export const hash32 = (): Schema<string> => data({ length: 32 });

/**
 * A CIP-37 base32 address as nodes print it (plain or verbose form), checksum verified; any type
 * nibble (see node-address.ts for why).
 */
export function cfxAddress(): Schema<string> {
  return {
    parse(value, path) {
      if (typeof value !== 'string') fail(path, `expected a base32 address, got ${kind(value)}`);
      if (parseNodeCfxAddress(value) === undefined) fail(path, 'not a valid CIP-37 address');
      return value;
    },
  };
}

/** A 20-byte hex address (eSpace). Mixed case must carry a valid EIP-55 checksum. */
export function hexAddress(): Schema<string> {
  return {
    parse(value, path) {
      if (typeof value !== 'string') fail(path, `expected a hex address, got ${kind(value)}`);
      if (!isValidEspaceAddress(value)) fail(path, 'not a valid 20-byte hex address');
      return value;
    },
  };
}

/** A plain JSON number in a range (fee-history ratios are the only ones nodes send). */
export function jsonNumber(options: { min: number; max: number }): Schema<number> {
  return {
    parse(value, path) {
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `expected a number, got ${kind(value)}`);
      if (value < options.min || value > options.max) fail(path, `must be within ${options.min}..${options.max}`);
      return value;
    },
  };
}

export function boolean(): Schema<boolean> {
  return {
    parse(value, path) {
      if (typeof value !== 'boolean') fail(path, `expected a boolean, got ${kind(value)}`);
      return value;
    },
  };
}

export function string(options: { maxLength?: number; pattern?: RegExp } = {}): Schema<string> {
  const maxLength = options.maxLength ?? 1024;
  return {
    parse(value, path) {
      if (typeof value !== 'string') fail(path, `expected a string, got ${kind(value)}`);
      if (value.length > maxLength) fail(path, `string longer than ${maxLength}`);
      if (options.pattern && !options.pattern.test(value)) fail(path, 'string has the wrong format');
      return value;
    },
  };
}

export function literal<const T extends string | number | boolean>(expected: T): Schema<T> {
  return {
    parse(value, path) {
      if (value !== expected) fail(path, `expected ${JSON.stringify(expected)}`);
      return expected;
    },
  };
}

/** `null` or a value of the inner schema (the key itself must be present). */
export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return {
    parse(value, path) {
      return value === null ? null : inner.parse(value, path);
    },
  };
}

/** A key that may be absent (or null, which nodes use interchangeably); parsed as undefined. */
export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return {
    optionalKey: true,
    parse(value, path) {
      return value === undefined || value === null ? undefined : inner.parse(value, path);
    },
  };
}

export function array<T>(item: Schema<T>, options: { maxLength?: number } = {}): Schema<T[]> {
  const maxLength = options.maxLength ?? DEFAULT_MAX_ARRAY;
  return {
    parse(value, path) {
      if (!Array.isArray(value)) fail(path, `expected an array, got ${kind(value)}`);
      if (value.length > maxLength) fail(path, `array longer than ${maxLength}`);
      return value.map((entry, i) => item.parse(entry, `${path}[${i}]`));
    },
  };
}

/** A JSON object used as a map (e.g. PoS validator sets keyed by account). Keys and values checked. */
export function record<V>(key: Schema<string>, value: Schema<V>, options: { maxEntries?: number } = {}): Schema<Record<string, V>> {
  const maxEntries = options.maxEntries ?? 1000;
  return {
    parse(input, path) {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) fail(path, `expected an object, got ${kind(input)}`);
      const entries = Object.entries(input);
      if (entries.length > maxEntries) fail(path, `more than ${maxEntries} entries`);
      const out: Record<string, V> = Object.create(null) as Record<string, V>;
      for (const [k, v] of entries) {
        key.parse(k, `${path}{key}`);
        out[k] = value.parse(v, `${path}[${JSON.stringify(k)}]`);
      }
      return out;
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optionalKey: true } ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> };

/**
 * A JSON object with the declared keys. Unknown keys are ignored (not copied): the returned object
 * holds exactly the declared, validated fields.
 */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return {
    parse(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `expected an object, got ${kind(value)}`);
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(shape)) {
        const present = Object.hasOwn(input, key);
        if (!present && !schema.optionalKey) fail(`${path}.${key}`, 'missing');
        const parsed = schema.parse(present ? input[key] : undefined, `${path}.${key}`);
        if (parsed !== undefined) out[key] = parsed;
      }
      return out as ObjectOf<S>;
    },
  };
}

/** The first schema that accepts the value wins; the error names every alternative's problem. */
export function union<A, B>(a: Schema<A>, b: Schema<B>): Schema<A | B> {
  return {
    parse(value, path) {
      try {
        return a.parse(value, path);
      } catch (first) {
        if (!(first instanceof ResultSchemaError)) throw first;
        try {
          return b.parse(value, path);
        } catch (second) {
          if (!(second instanceof ResultSchemaError)) throw second;
          fail(path, `${first.problem}; or ${second.problem}`);
        }
      }
    },
  };
}

/** Adds a cross-field check after the inner schema succeeded. */
export function refine<T>(inner: Schema<T>, check: (value: T) => string | undefined): Schema<T> {
  return {
    ...(inner.optionalKey ? { optionalKey: true as const } : {}),
    parse(value, path) {
      const parsed = inner.parse(value, path);
      const problem = check(parsed);
      if (problem !== undefined) fail(path, problem);
      return parsed;
    },
  };
}
