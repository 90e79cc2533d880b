/**
 * The one validation kernel: combinators that parse an untrusted value into a typed one or raise
 * the domain's typed error naming the failing field's path. Each domain (page messages in
 * `extension/shared/schema.ts`, node answers in `core/rpc/schema/validators.ts`, light-client
 * readers in `core/lightclient/json.ts`, stored records in `core/vault/json.ts`) makes its kit
 * once with {@link schemaKit}, choosing its error and policies, and its callers use that kit.
 *
 * Threat model: see domain.ts. Pure: no platform globals, no I/O.
 * @module
 */
import { resolveDomain, type SchemaDomain } from './domain.js';
import { scalarSchemas } from './scalars.js';
import { structureSchemas } from './structures.js';

export { DEFAULT_LIMITS, fieldPath, isPlainObject, kindOf, quoteKey, type Infer, type OptionalSchema, type Schema, type SchemaDomain, type SchemaLimits } from './domain.js';
export type { HexOptions } from './scalars.js';
export type { InferShape, ObjectOf } from './structures.js';

/**
 * The combinators of one domain, and `fail` for the domain's own checks.
 * @example
 * const kit = schemaKit({ error: (path, problem) => new MyError(path, problem), owns: (e) => e instanceof MyError });
 * kit.object({ to: kit.hex({ bytes: 20 }) }).parse(input, 'params');
 */
export function schemaKit(domain: SchemaDomain) {
  const resolved = resolveDomain(domain);
  return { ...scalarSchemas(resolved), ...structureSchemas(resolved), fail: resolved.fail };
}

export type SchemaKit = ReturnType<typeof schemaKit>;
