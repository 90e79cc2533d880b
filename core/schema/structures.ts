/**
 * Schemas that combine others: optional and nullable values, arrays, records (maps), objects with
 * declared keys, unions and refinements.
 *
 * Threat model: see domain.ts. Sizes are checked before any element is parsed; only own
 * properties are read; results are fresh objects holding only declared (or key-checked) entries,
 * and records have no prototype, so `__proto__` or `constructor` keys can never reach one.
 * @module
 */
import { fieldPath, isPlainObject, kindOf, quoteKey, type Infer, type OptionalSchema, type ResolvedDomain, type Schema } from './domain.js';

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optional: true } ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type InferShape<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> };
/** The object type a shape parses to, flattened for readable hovers. */
export type ObjectOf<S extends Shape> = { [K in keyof InferShape<S>]: InferShape<S>[K] };

export function structureSchemas(d: ResolvedDomain) {
  const fail: (path: string, problem: string) => never = d.fail;

  /** A key that may be absent (and, where the domain says so, null); parsed as undefined. */
  function optional<T>(inner: Schema<T>): OptionalSchema<T> {
    return {
      optional: true,
      parse(value, path = '') {
        return value === undefined || (d.nullIsAbsent && value === null) ? undefined : inner.parse(value, path);
      },
    };
  }

  /** `null` or a value of the inner schema. */
  function nullable<T>(inner: Schema<T>): Schema<T | null> {
    return {
      parse(value, path = '') {
        return value === null ? null : inner.parse(value, path);
      },
    };
  }

  function array<T>(item: Schema<T>, options: { max?: number; min?: number } = {}): Schema<T[]> {
    const max = options.max ?? d.limits.array;
    return {
      parse(value, path = '') {
        if (!Array.isArray(value)) fail(path, `expected an array, got ${kindOf(value)}`);
        if (value.length > max) fail(path, `more than ${max} items`);
        if (options.min !== undefined && value.length < options.min) fail(path, `fewer than ${options.min} items`);
        const out: T[] = [];
        for (let i = 0; i < value.length; i++) out.push(item.parse(value[i], `${path}[${i}]`));
        return out;
      },
    };
  }

  /** A plain object used as a map: every key and value checked; the result has no prototype. */
  function record<V>(key: Schema<string>, value: Schema<V>, options: { max?: number } = {}): Schema<Record<string, V>> {
    const max = options.max ?? d.limits.record;
    return {
      parse(input, path = '') {
        if (!isPlainObject(input)) fail(path, `expected an object, got ${kindOf(input)}`);
        const keys = Object.keys(input);
        if (keys.length > max) fail(path, `more than ${max} entries`);
        const out = Object.create(null) as Record<string, V>;
        for (const k of keys) out[key.parse(k, `${path}{key}`)] = value.parse(input[k], `${path}[${quoteKey(k)}]`);
        return out;
      },
    };
  }

  /**
   * A plain object with the declared keys; absent keys must be `optional`. Keys it does not declare
   * are rejected or dropped (the domain's policy, or `unknownKeys` here); the result holds exactly
   * the declared, validated fields.
   */
  function object<S extends Shape>(shape: S, options: { unknownKeys?: 'reject' | 'drop' } = {}): Schema<ObjectOf<S>> {
    const unknownKeys = options.unknownKeys ?? d.unknownKeys;
    const entries = Object.entries(shape);
    return {
      parse(value, path = '') {
        if (!isPlainObject(value)) fail(path, `expected an object, got ${kindOf(value)}`);
        if (unknownKeys === 'reject') {
          for (const k in value) if (!Object.hasOwn(shape, k)) fail(path, `unexpected key ${quoteKey(k)}`);
        }
        const out: Record<string, unknown> = {};
        for (const [k, schema] of entries) {
          const present = Object.hasOwn(value, k);
          if (!present && !schema.optional) fail(fieldPath(path, k), 'missing');
          const parsed = schema.parse(present ? value[k] : undefined, fieldPath(path, k));
          if (parsed !== undefined) out[k] = parsed;
        }
        return out as ObjectOf<S>;
      },
    };
  }

  /** The first alternative that parses wins; the error lists why each failed. */
  function union<const T extends readonly Schema<unknown>[]>(...alternatives: T): Schema<Infer<T[number]>> {
    if (alternatives.length === 0) throw new TypeError('union: no alternatives');
    return {
      parse(value, path = '') {
        const reasons: string[] = [];
        for (const alternative of alternatives) {
          try {
            return alternative.parse(value, path) as Infer<T[number]>;
          } catch (error) {
            if (!d.owns(error)) throw error;
            reasons.push((error as Error).message);
          }
        }
        return fail(path, `matches no alternative (${reasons.join('; or ')})`);
      },
    };
  }

  /** Adds a cross-field check after the inner schema succeeded; `check` returns the problem, if any. */
  function refine<T>(inner: Schema<T>, check: (value: T) => string | undefined): Schema<T> {
    return {
      ...(inner.optional ? { optional: true as const } : {}),
      parse(value, path = '') {
        const parsed = inner.parse(value, path);
        const problem = check(parsed);
        if (problem !== undefined) fail(path, problem);
        return parsed;
      },
    };
  }

  return { optional, nullable, array, record, object, union, refine };
}
