/**
 * The validation kernel's vocabulary: what a schema is, what a domain supplies (the typed error a
 * failed check raises, and its few policies), and the small helpers every combinator shares.
 *
 * Threat model: every value handed to a schema is untrusted (a web page's message, a node's
 * answer, a stored record). Checks look only at own properties, bound every size before any
 * per-element work, and never call methods of the value. A failure names the path of the failing
 * field; the path quotes keys only after bounding them, so a hostile key cannot bloat a message.
 * Pure: no platform globals.
 * @module
 */

/** Parses an untrusted value into `T` or throws its domain's error. */
export interface Schema<T> {
  parse(value: unknown, path?: string): T;
  /** Set by `optional()`: the key may be absent from an object. */
  readonly optional?: true;
}

/** What `optional()` returns; the marker lets `object()` infer optional keys. */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Size bounds a domain may change; each combinator also takes its own. */
export interface SchemaLimits {
  /** Characters of a string. */
  readonly string: number;
  /** Items of an array. */
  readonly array: number;
  /** Entries of a record. */
  readonly record: number;
  /** Bytes of a hex byte string. */
  readonly hexBytes: number;
}

export const DEFAULT_LIMITS: SchemaLimits = { string: 100_000, array: 1_000, record: 1_000, hexBytes: 1024 * 1024 };

/**
 * A domain of validation (page messages, node answers, stored records…): which typed error a failed
 * check raises — a {@link WayfarerError} subclass with its own code — and its policies.
 */
export interface SchemaDomain {
  /** Builds the error for a failed check: `path` of the failing field, `problem` in words. */
  readonly error: (path: string, problem: string) => Error;
  /** Whether a thrown value is this domain's check failure (`union` tries the next alternative only then). */
  readonly owns: (error: unknown) => boolean;
  /** Keys an object schema does not declare: rejected (the default) or dropped from the result. */
  readonly unknownKeys?: 'reject' | 'drop';
  /** Whether `null` counts as an absent optional key (nodes print either). */
  readonly nullIsAbsent?: boolean;
  readonly limits?: Partial<SchemaLimits>;
}

/** A domain with its defaults filled in, and the one way its combinators fail. */
export interface ResolvedDomain {
  readonly fail: (path: string, problem: string) => never;
  readonly owns: (error: unknown) => boolean;
  readonly unknownKeys: 'reject' | 'drop';
  readonly nullIsAbsent: boolean;
  readonly limits: SchemaLimits;
}

export function resolveDomain(domain: SchemaDomain): ResolvedDomain {
  if (typeof domain !== 'object' || domain === null || typeof domain.error !== 'function' || typeof domain.owns !== 'function') {
    throw new TypeError('a schema domain needs an error factory and an owns test');
  }
  const limits = { ...DEFAULT_LIMITS, ...domain.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`schema limit ${name} must be a non-negative integer`);
  }
  return {
    fail: (path, problem) => {
      throw domain.error(path, problem);
    },
    owns: domain.owns,
    unknownKeys: domain.unknownKeys ?? 'reject',
    nullIsAbsent: domain.nullIsAbsent ?? false,
    limits,
  };
}

/** A short name of a value's JSON type for messages (never the value itself). */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** An object literal or `JSON.parse` result: not an array, a class instance or a proxy of one. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Keys quoted in paths and messages are cut to this many characters. */
export const MAX_QUOTED_KEY = 40;

export const quoteKey = (key: string): string => JSON.stringify(key.slice(0, MAX_QUOTED_KEY));

/** `a.b` (or `b` at the root). */
export const fieldPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);
