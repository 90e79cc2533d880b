/**
 * EIP-712 `encodeData` / `hashStruct` with strict value checking (also used for CIP-23).
 *
 * Values arrive as JSON. Each is checked against its declared type before it is encoded, so what
 * is signed is exactly what the types say: integers in range (numbers only when they are safe
 * integers, otherwise decimal or 0x strings), `bytesN` of exactly N bytes, booleans as booleans,
 * structs with every declared field and no undeclared one, fixed arrays of their declared length.
 * Addresses are read by the caller's space (CIP-23 also accepts base32).
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bigIntToBytes, concatBytes, hexToBytes, padBytes } from '../encoding/hex.js';
import { MessageError } from './errors.js';
import { utf8Exact } from './personal.js';
import { typeHash, type FieldType, type TypedDataSchema } from './typed-data-schema.js';

/** Reads an address value into 20 bytes, throwing MessageError with the given path. */
export type AddressReader = (value: unknown, path: string) => Uint8Array;

const MAX_DEPTH = 32;
const DECIMAL = /^-?[0-9]{1,80}$/;
const HEX_QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;

export class StructHasher {
  readonly #typeHashes = new Map<string, Uint8Array>();

  constructor(
    private readonly schema: TypedDataSchema,
    private readonly readAddress: AddressReader,
  ) {}

  /** hashStruct(name, value) = keccak256(typeHash ‖ encodeData(value)). */
  hashStruct(name: string, value: unknown, path: string, depth = 0): Uint8Array {
    if (depth > MAX_DEPTH) throw new MessageError('typed.depth', `${path}: nested deeper than ${MAX_DEPTH}`, { details: path });
    const fields = this.schema.structs.get(name);
    if (fields === undefined) throw new MessageError('typed.unknown_type', `${path}: type "${name}" is not declared`, { details: path });
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MessageError('typed.value', `${path}: expected an object of type ${name}`, { details: path });
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!fields.some((f) => f.name === key)) throw new MessageError('typed.extra_field', `${path}.${key}: not a field of ${name}, so it would not be signed`, { details: `${path}.${key}` });
    }
    const parts: Uint8Array[] = [this.#typeHash(name)];
    for (const field of fields) {
      const fieldPath = `${path}.${field.name}`;
      if (!(field.name in record) || record[field.name] === undefined) throw new MessageError('typed.missing_field', `${fieldPath}: missing`, { details: fieldPath });
      parts.push(this.encodeValue(field.type, record[field.name], fieldPath, depth + 1));
    }
    return keccak_256(concatBytes(...parts));
  }

  /** The 32-byte encoding of one value (atomic inline, dynamic and composite hashed). */
  encodeValue(type: FieldType, value: unknown, path: string, depth: number): Uint8Array {
    switch (type.kind) {
      case 'address':
        return padBytes(this.readAddress(value, path), 32);
      case 'bool':
        if (typeof value !== 'boolean') throw new MessageError('typed.value', `${path}: expected true or false`, { details: path });
        return padBytes(Uint8Array.of(value ? 1 : 0), 32);
      case 'string':
        if (typeof value !== 'string') throw new MessageError('typed.value', `${path}: expected a string`, { details: path });
        return keccak_256(utf8Exact(value, path));
      case 'bytes':
        return keccak_256(readHexBytes(value, path));
      case 'fixedBytes': {
        const bytes = readHexBytes(value, path);
        if (bytes.length !== type.size) throw new MessageError('typed.value', `${path}: expected ${type.size} bytes, got ${bytes.length}`, { details: path });
        const out = new Uint8Array(32);
        out.set(bytes);
        return out;
      }
      case 'uint':
      case 'int':
        return encodeInteger(readInteger(value, path), type.kind === 'int', type.bits, path);
      case 'struct':
        return this.hashStruct(type.name, value, path, depth);
      case 'array': {
        if (!Array.isArray(value)) throw new MessageError('typed.value', `${path}: expected an array`, { details: path });
        if (type.length !== null && value.length !== type.length) {
          throw new MessageError('typed.array_length', `${path}: expected ${type.length} elements, got ${value.length}`, { details: path });
        }
        if (depth > MAX_DEPTH) throw new MessageError('typed.depth', `${path}: nested deeper than ${MAX_DEPTH}`, { details: path });
        return keccak_256(concatBytes(...value.map((element: unknown, i) => this.encodeValue(type.element, element, `${path}[${i}]`, depth + 1))));
      }
    }
  }

  #typeHash(name: string): Uint8Array {
    let hash = this.#typeHashes.get(name);
    if (hash === undefined) {
      hash = typeHash(this.schema, name);
      this.#typeHashes.set(name, hash);
    }
    return hash;
  }
}

function readHexBytes(value: unknown, path: string): Uint8Array {
  if (typeof value !== 'string') throw new MessageError('typed.value', `${path}: expected 0x hex bytes`, { details: path });
  try {
    return hexToBytes(value, undefined, path);
  } catch (cause) {
    throw new MessageError('typed.value', `${path}: expected 0x-prefixed even-length hex`, { cause, details: path });
  }
}

/** Integers: bigint, safe-integer number, decimal string (optionally negative) or 0x hex string. */
export function readInteger(value: unknown, path: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new MessageError('typed.value', `${path}: number ${value} is not a safe integer; pass it as a string`, { details: path });
    return BigInt(value);
  }
  if (typeof value === 'string' && (DECIMAL.test(value) || HEX_QUANTITY.test(value))) return BigInt(value);
  throw new MessageError('typed.value', `${path}: expected an integer (number, decimal or 0x string)`, { details: path });
}

function encodeInteger(n: bigint, signed: boolean, bits: number, path: string): Uint8Array {
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  if (n < min || n > max) throw new MessageError('typed.range', `${path}: ${n} is outside ${signed ? 'int' : 'uint'}${bits} (${min}..${max})`, { details: path });
  // Two's complement in 256 bits for negative values.
  return padBytes(bigIntToBytes(n < 0n ? (1n << 256n) + n : n), 32);
}
