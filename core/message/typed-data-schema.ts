/**
 * Typed-data type declarations (EIP-712 `types`, shared by CIP-23): parsing, validation and
 * `encodeType` / `typeHash`.
 *
 * Every type name and field name must be an identifier (a name containing `,` `(` `)` or a space
 * would let two different declarations produce the same `encodeType` string); every field type
 * must be built in or declared; struct names must not shadow built-in types; field names are
 * unique per struct. Arrays (`T[]`, `T[n]`, nested) of any type are allowed.
 * Spec: https://eips.ethereum.org/EIPS/eip-712
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { MessageError } from './errors.js';

export type FieldType =
  | { kind: 'address' }
  | { kind: 'bool' }
  | { kind: 'string' }
  | { kind: 'bytes' }
  | { kind: 'fixedBytes'; size: number }
  | { kind: 'uint' | 'int'; bits: number }
  | { kind: 'struct'; name: string }
  | { kind: 'array'; element: FieldType; length: number | null };

export interface StructField {
  name: string;
  /** The type as declared, e.g. `Person[]`. */
  typeName: string;
  type: FieldType;
}

export interface TypedDataSchema {
  structs: ReadonlyMap<string, readonly StructField[]>;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ARRAY_SUFFIX = /\[([1-9][0-9]{0,5})?\]$/;
const MAX_STRUCTS = 256;
const MAX_FIELDS = 256;

/** A built-in (non-struct) type by name, or undefined. Aliases such as `uint` are not EIP-712 types. */
export function builtinType(name: string): FieldType | undefined {
  if (name === 'address' || name === 'bool' || name === 'string' || name === 'bytes') return { kind: name };
  let match = /^bytes([1-9][0-9]?)$/.exec(name);
  if (match !== null) {
    const size = Number(match[1]);
    return size <= 32 ? { kind: 'fixedBytes', size } : undefined;
  }
  match = /^(u?int)([1-9][0-9]{0,2})$/.exec(name);
  if (match !== null) {
    const bits = Number(match[2]);
    return bits % 8 === 0 && bits <= 256 ? { kind: match[1] === 'uint' ? 'uint' : 'int', bits } : undefined;
  }
  return undefined;
}

function resolveType(typeName: string, declared: ReadonlySet<string>, path: string): FieldType {
  const array = ARRAY_SUFFIX.exec(typeName);
  if (array !== null) {
    const element = resolveType(typeName.slice(0, array.index), declared, path);
    return { kind: 'array', element, length: array[1] === undefined ? null : Number(array[1]) };
  }
  const builtin = builtinType(typeName);
  if (builtin !== undefined) return builtin;
  if (!IDENTIFIER.test(typeName)) throw new MessageError('typed.unknown_type', `${path}: "${typeName}" is not a valid type`, { details: path });
  if (!declared.has(typeName)) throw new MessageError('typed.unknown_type', `${path}: type "${typeName}" is not declared`, { details: path });
  return { kind: 'struct', name: typeName };
}

/**
 * Validates `types` and resolves every field type.
 * @throws {MessageError} `typed.shape`, `typed.type_definition`, `typed.unknown_type`
 */
export function parseTypes(types: unknown): TypedDataSchema {
  if (typeof types !== 'object' || types === null || Array.isArray(types)) throw new MessageError('typed.shape', 'types: expected an object', { details: 'types' });
  const entries = Object.entries(types as Record<string, unknown>);
  if (entries.length > MAX_STRUCTS) throw new MessageError('typed.type_definition', `types: more than ${MAX_STRUCTS} types`, { details: 'types' });
  const declared = new Set<string>();
  for (const [name] of entries) {
    if (!IDENTIFIER.test(name)) throw new MessageError('typed.type_definition', `types: "${name}" is not a valid type name`, { details: `types.${name}` });
    if (builtinType(name) !== undefined) throw new MessageError('typed.type_definition', `types: "${name}" shadows a built-in type`, { details: `types.${name}` });
    declared.add(name);
  }
  const structs = new Map<string, StructField[]>();
  for (const [name, fieldsValue] of entries) {
    const path = `types.${name}`;
    if (!Array.isArray(fieldsValue)) throw new MessageError('typed.type_definition', `${path}: expected an array of {name, type}`, { details: path });
    if (fieldsValue.length > MAX_FIELDS) throw new MessageError('typed.type_definition', `${path}: more than ${MAX_FIELDS} fields`, { details: path });
    const seen = new Set<string>();
    const fields = fieldsValue.map((field: unknown, i): StructField => {
      const fieldPath = `${path}[${i}]`;
      if (typeof field !== 'object' || field === null || Array.isArray(field)) throw new MessageError('typed.type_definition', `${fieldPath}: expected {name, type}`, { details: fieldPath });
      const record = field as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length !== 2 || typeof record['name'] !== 'string' || typeof record['type'] !== 'string') {
        throw new MessageError('typed.type_definition', `${fieldPath}: expected exactly {name: string, type: string}`, { details: fieldPath });
      }
      const fieldName = record['name'];
      if (!IDENTIFIER.test(fieldName)) throw new MessageError('typed.type_definition', `${fieldPath}: "${fieldName}" is not a valid field name`, { details: fieldPath });
      if (seen.has(fieldName)) throw new MessageError('typed.type_definition', `${path}: field "${fieldName}" is declared twice`, { details: fieldPath });
      seen.add(fieldName);
      return { name: fieldName, typeName: record['type'], type: resolveType(record['type'], declared, fieldPath) };
    });
    structs.set(name, fields);
  }
  return { structs };
}

function baseStruct(type: FieldType): string | undefined {
  if (type.kind === 'struct') return type.name;
  if (type.kind === 'array') return baseStruct(type.element);
  return undefined;
}

/** The struct types `name` refers to, directly or indirectly, excluding itself. */
function dependencies(schema: TypedDataSchema, name: string): string[] {
  const found = new Set<string>();
  const pending = [name];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const field of schema.structs.get(current) ?? []) {
      const dep = baseStruct(field.type);
      if (dep !== undefined && dep !== name && !found.has(dep)) {
        found.add(dep);
        pending.push(dep);
      }
    }
  }
  return [...found];
}

/** EIP-712 `encodeType`: the primary struct, then its dependencies sorted by name. */
export function encodeType(schema: TypedDataSchema, name: string): string {
  const order = [name, ...dependencies(schema, name).sort()];
  return order.map((n) => `${n}(${(schema.structs.get(n) ?? []).map((f) => `${f.typeName} ${f.name}`).join(',')})`).join('');
}

/** keccak256 of {@link encodeType}. */
export function typeHash(schema: TypedDataSchema, name: string): Uint8Array {
  return keccak_256(utf8ToBytes(encodeType(schema, name)));
}
