/**
 * Runtime schemas for every message that crosses a context boundary (page ↔ content script ↔
 * background ↔ UI). A message is parsed into a typed value or rejected with a SchemaError naming
 * the offending path; nothing downstream ever sees an unchecked value.
 *
 * Deliberately tiny: strict objects (unknown keys are rejected), bounded strings and arrays, hex
 * and quantity strings. Types are inferred from the schema so the declaration exists once.
 * @module
 */
import type { Hex } from '../../core/encoding/hex.js';
import { WayfarerError } from '../../core/errors.js';

export class SchemaError extends WayfarerError {
  readonly path: string;
  constructor(path: string, message: string) {
    super('schema.invalid', `${path || 'value'}: ${message}`);
    this.path = path;
  }
}

export interface Schema<T> {
  parse(value: unknown, path?: string): T;
  /** Set by `optional()`: the key may be absent from an object. */
  readonly optional?: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const DEFAULT_MAX_STRING = 100_000;
const DEFAULT_MAX_ARRAY = 1_000;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function string(options: { max?: number; min?: number; pattern?: RegExp } = {}): Schema<string> {
  const max = options.max ?? DEFAULT_MAX_STRING;
  return {
    parse(value, path = '') {
      if (typeof value !== 'string') throw new SchemaError(path, `expected a string, got ${describe(value)}`);
      if (value.length > max) throw new SchemaError(path, `string longer than ${max}`);
      if (options.min !== undefined && value.length < options.min) throw new SchemaError(path, `string shorter than ${options.min}`);
      if (options.pattern && !options.pattern.test(value)) throw new SchemaError(path, 'string has the wrong format');
      return value;
    },
  };
}

export function number(options: { integer?: boolean; min?: number; max?: number } = {}): Schema<number> {
  return {
    parse(value, path = '') {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new SchemaError(path, `expected a finite number, got ${describe(value)}`);
      if (options.integer && !Number.isSafeInteger(value)) throw new SchemaError(path, 'expected a safe integer');
      if (options.min !== undefined && value < options.min) throw new SchemaError(path, `must be at least ${options.min}`);
      if (options.max !== undefined && value > options.max) throw new SchemaError(path, `must be at most ${options.max}`);
      return value;
    },
  };
}

export function boolean(): Schema<boolean> {
  return {
    parse(value, path = '') {
      if (typeof value !== 'boolean') throw new SchemaError(path, `expected a boolean, got ${describe(value)}`);
      return value;
    },
  };
}

export function literal<const T extends string | number | boolean | null>(expected: T): Schema<T> {
  return {
    parse(value, path = '') {
      if (value !== expected) throw new SchemaError(path, `expected ${JSON.stringify(expected)}`);
      return expected;
    },
  };
}

export function oneOf<const T extends readonly (string | number)[]>(values: T): Schema<T[number]> {
  return {
    parse(value, path = '') {
      if (!values.includes(value as T[number])) throw new SchemaError(path, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
      return value as T[number];
    },
  };
}

const HEX_RE = /^0x[0-9a-fA-F]*$/;
/** A `0x` hex byte string (even length). `bytes` fixes the length, `maxBytes` bounds it. */
export function hex(options: { bytes?: number; maxBytes?: number } = {}): Schema<Hex> {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  return {
    parse(value, path = '') {
      if (typeof value !== 'string' || !HEX_RE.test(value)) throw new SchemaError(path, 'expected 0x-prefixed hex');
      if (value.length % 2 !== 0) throw new SchemaError(path, 'hex has an odd number of digits');
      const length = (value.length - 2) / 2;
      if (options.bytes !== undefined && length !== options.bytes) throw new SchemaError(path, `expected ${options.bytes} bytes`);
      if (length > maxBytes) throw new SchemaError(path, `longer than ${maxBytes} bytes`);
      return value as Hex;
    },
  };
}

const QUANTITY_RE = /^0x(0|[1-9a-fA-F][0-9a-fA-F]{0,63})$/;
/** A JSON-RPC quantity: `0x0` or `0x` + hex without leading zeros, at most 256 bits. */
export function quantity(): Schema<Hex> {
  return {
    parse(value, path = '') {
      if (typeof value !== 'string' || !QUANTITY_RE.test(value)) throw new SchemaError(path, 'expected a hex quantity');
      return value as Hex;
    },
  };
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  return {
    optional: true,
    parse(value, path = '') {
      return value === undefined ? undefined : inner.parse(value, path);
    },
  };
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return {
    parse(value, path = '') {
      return value === null ? null : inner.parse(value, path);
    },
  };
}

export function array<T>(item: Schema<T>, options: { max?: number; min?: number } = {}): Schema<T[]> {
  const max = options.max ?? DEFAULT_MAX_ARRAY;
  return {
    parse(value, path = '') {
      if (!Array.isArray(value)) throw new SchemaError(path, `expected an array, got ${describe(value)}`);
      if (value.length > max) throw new SchemaError(path, `more than ${max} items`);
      if (options.min !== undefined && value.length < options.min) throw new SchemaError(path, `fewer than ${options.min} items`);
      return value.map((v, i) => item.parse(v, `${path}[${i}]`));
    },
  };
}

/** A plain-object map with validated keys and values. */
export function record<V>(key: Schema<string>, valueSchema: Schema<V>, options: { max?: number } = {}): Schema<Record<string, V>> {
  const max = options.max ?? DEFAULT_MAX_ARRAY;
  return {
    parse(value, path = '') {
      if (!isPlainObject(value)) throw new SchemaError(path, `expected an object, got ${describe(value)}`);
      const keys = Object.keys(value);
      if (keys.length > max) throw new SchemaError(path, `more than ${max} entries`);
      const out: Record<string, V> = Object.create(null) as Record<string, V>;
      for (const k of keys) out[key.parse(k, `${path}{key}`)] = valueSchema.parse(value[k], `${path}.${k}`);
      return out;
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optional: true } ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type InferShape<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A plain object with exactly these keys (unknown keys are rejected unless `strict: false`, in
 * which case they are dropped). Optional keys use `optional(...)`.
 */
export function object<S extends Shape>(shape: S, options: { strict?: boolean } = {}): Schema<{ [K in keyof InferShape<S>]: InferShape<S>[K] }> {
  const strict = options.strict ?? true;
  return {
    parse(value, path = '') {
      if (!isPlainObject(value)) throw new SchemaError(path, `expected an object, got ${describe(value)}`);
      if (strict) {
        for (const k of Object.keys(value)) if (!Object.hasOwn(shape, k)) throw new SchemaError(path, `unexpected key ${JSON.stringify(k.slice(0, 40))}`);
      }
      const out: Record<string, unknown> = {};
      for (const [k, schema] of Object.entries(shape)) {
        const parsed = schema.parse(value[k], path ? `${path}.${k}` : k);
        if (parsed !== undefined) out[k] = parsed;
      }
      return out as { [K in keyof InferShape<S>]: InferShape<S>[K] };
    },
  };
}

/** The first alternative that parses wins; the error lists why each failed. */
export function union<T extends readonly Schema<unknown>[]>(...alternatives: T): Schema<Infer<T[number]>> {
  return {
    parse(value, path = '') {
      const reasons: string[] = [];
      for (const alt of alternatives) {
        try {
          return alt.parse(value, path) as Infer<T[number]>;
        } catch (error) {
          if (!(error instanceof SchemaError)) throw error;
          reasons.push(error.message);
        }
      }
      throw new SchemaError(path, `matches no alternative (${reasons.join('; ')})`);
    },
  };
}

/** Accepts anything JSON-shaped up to a size bound (for opaque payloads checked later). */
export function json(options: { maxBytes?: number } = {}): Schema<unknown> {
  const maxBytes = options.maxBytes ?? 512 * 1024;
  return {
    parse(value, path = '') {
      let text: string | undefined;
      try {
        text = JSON.stringify(value);
      } catch {
        throw new SchemaError(path, 'not JSON-serialisable');
      }
      if (text === undefined) throw new SchemaError(path, 'not JSON-serialisable');
      if (text.length > maxBytes) throw new SchemaError(path, `larger than ${maxBytes} bytes`);
      return JSON.parse(text) as unknown;
    },
  };
}

/** No parameters: accepts `undefined`, `null` or `{}`. */
export function none(): Schema<void> {
  return {
    parse(value, path = '') {
      if (value === undefined || value === null) return;
      if (isPlainObject(value) && Object.keys(value).length === 0) return;
      throw new SchemaError(path, 'expected no parameters');
    },
  };
}
