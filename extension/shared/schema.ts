/**
 * The schema domain of every message that crosses a context boundary (page ↔ content script ↔
 * background ↔ UI). A message is parsed into a typed value or rejected with a {@link SchemaError}
 * naming the offending path; nothing downstream ever sees an unchecked value.
 *
 * The combinators are the kernel's (`core/schema/`); this domain's policy: strict objects (unknown
 * keys are rejected unless `strict: false`), `null` is not an absent key, bounded strings and
 * arrays. Types are inferred from the schema so the declaration exists once.
 * @module
 */
import { WayfarerError } from '../../core/errors.js';
import { schemaKit, type ObjectOf, type Schema } from '../../core/schema/index.js';

export type { Infer, InferShape, Schema } from '../../core/schema/index.js';

/** A message failed its schema (`schema.invalid`); `path` names the offending field. */
export class SchemaError extends WayfarerError {
  declare readonly code: 'schema.invalid';
  readonly path: string;
  readonly problem: string;
  constructor(path: string, problem: string) {
    super('schema.invalid', `${path || 'value'}: ${problem}`);
    this.path = path;
    this.problem = problem;
  }
}

const kit = schemaKit({ error: (path, problem) => new SchemaError(path, problem), owns: (error) => error instanceof SchemaError });

export const { string, number, boolean, literal, oneOf, hex, quantity, optional, nullable, array, record, union, json, none } = kit;

/**
 * A plain object with exactly these keys (unknown keys are rejected unless `strict: false`, in
 * which case they are dropped). Optional keys use `optional(...)`.
 */
export function object<S extends Record<string, Schema<unknown>>>(shape: S, options: { strict?: boolean } = {}): Schema<ObjectOf<S>> {
  return kit.object(shape, { unknownKeys: options.strict === false ? 'drop' : 'reject' });
}
