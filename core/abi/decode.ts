/**
 * ABI decoding of calldata arguments, bounded and exact, that reports every departure from the
 * canonical encoding instead of hiding it.
 *
 * Threat model: calldata comes from a dApp and may be built to make a wallet show something other
 * than what the contract does. The decoder follows offsets the way Solidity does (so it reads what
 * the contract reads), bounds every read and every length by the data actually present (no
 * allocation a length word could inflate), and lists each irregularity it meets — dirty padding
 * bits, a bool other than 0/1, offsets out of the canonical order, bytes after the arguments — so
 * the caller can warn, and can refuse to rewrite anything that is not canonical. Values from dirty
 * words are read as ABI coder v1 contracts read them (the low bits); coder v2 contracts revert.
 * Spec: https://docs.soliditylang.org/en/latest/abi-spec.html
 * @module
 */
import { bytesToBigInt, bytesToHex } from '../encoding/hex.js';
import { AbiError } from './errors.js';
import { headSize, isDynamic, type AbiType } from './types.js';

/** uint/int → bigint, address → lower-case hex, bool → boolean, bytes/bytesN → hex, string → string, arrays/tuples → arrays. */
export type AbiValue = bigint | boolean | string | readonly AbiValue[];

export type AbiIrregularityCode = 'dirty_padding' | 'bad_bool' | 'non_canonical_offset' | 'trailing_data' | 'invalid_utf8';

export interface AbiIrregularity {
  code: AbiIrregularityCode;
  /** Byte offset into the decoded data. */
  at: number;
}

export interface AbiDecoded {
  values: AbiValue[];
  /** Empty exactly when the data is the canonical encoding of `values`. */
  irregularities: AbiIrregularity[];
}

/** Offsets and lengths above this are not real (no calldata is 4 GiB). */
const MAX_WORD_NUMBER = 0xffff_ffffn;
const utf8 = new TextDecoder('utf-8', { fatal: true });

class Reader {
  readonly irregularities: AbiIrregularity[] = [];
  constructor(readonly data: Uint8Array) {}

  word(at: number): Uint8Array {
    if (at + 32 > this.data.length) throw new AbiError('abi.out_of_bounds', `data ends at byte ${this.data.length}, a word at ${at} is missing`, { details: String(at) });
    return this.data.subarray(at, at + 32);
  }

  number(at: number, what: string): number {
    const n = bytesToBigInt(this.word(at));
    if (n > MAX_WORD_NUMBER) throw new AbiError('abi.offset', `${what} at byte ${at} is ${n}, beyond any real calldata`, { details: String(at) });
    return Number(n);
  }

  note(code: AbiIrregularityCode, at: number): void {
    this.irregularities.push({ code, at });
  }
}

function allZero(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0);
}

function decodeStatic(reader: Reader, type: AbiType, at: number): AbiValue {
  const word = reader.word(at);
  switch (type.kind) {
    case 'uint': {
      const pad = 32 - type.bits / 8;
      if (!allZero(word.subarray(0, pad))) reader.note('dirty_padding', at);
      return bytesToBigInt(word.subarray(pad));
    }
    case 'int': {
      const bytes = type.bits / 8;
      const low = bytesToBigInt(word.subarray(32 - bytes));
      const value = low >> BigInt(type.bits - 1) === 1n ? low - (1n << BigInt(type.bits)) : low;
      const fill = value < 0n ? 0xff : 0x00;
      if (!word.subarray(0, 32 - bytes).every((b) => b === fill)) reader.note('dirty_padding', at);
      return value;
    }
    case 'address':
      if (!allZero(word.subarray(0, 12))) reader.note('dirty_padding', at);
      return bytesToHex(word.subarray(12));
    case 'bool': {
      const value = bytesToBigInt(word);
      if (value > 1n) reader.note('bad_bool', at);
      return value !== 0n;
    }
    case 'fixedBytes':
      if (!allZero(word.subarray(type.size))) reader.note('dirty_padding', at);
      return bytesToHex(word.subarray(0, type.size));
    default:
      throw new AbiError('abi.type', `${type.kind} is not a static type`);
  }
}

/** Decodes a value whose encoding starts at `at`; returns it and the canonical end of its encoding. */
function decodeAt(reader: Reader, type: AbiType, at: number, depth: number): { value: AbiValue; end: number } {
  if (depth > 16) throw new AbiError('abi.limit', 'values nest too deeply');
  switch (type.kind) {
    case 'bytes':
    case 'string': {
      const length = reader.number(at, 'length');
      const start = at + 32;
      const padded = Math.ceil(length / 32) * 32;
      if (start + length > reader.data.length) throw new AbiError('abi.out_of_bounds', `${type.kind} of ${length} bytes at byte ${at} runs past the data`, { details: String(at) });
      const content = reader.data.subarray(start, start + length);
      const padding = reader.data.subarray(start + length, Math.min(start + padded, reader.data.length));
      if (!allZero(padding) || start + padded > reader.data.length) reader.note('dirty_padding', start + length);
      if (type.kind === 'bytes') return { value: bytesToHex(content), end: start + padded };
      try {
        return { value: utf8.decode(content), end: start + padded };
      } catch {
        reader.note('invalid_utf8', start);
        return { value: new TextDecoder('utf-8').decode(content), end: start + padded };
      }
    }
    case 'array': {
      let length = type.length;
      let start = at;
      if (length === null) {
        length = reader.number(at, 'array length');
        start = at + 32;
      }
      // Every element takes at least one 32-byte head slot: a length the data cannot hold is refused
      // before anything is allocated.
      const slot = headSize(type.element);
      if (start + length * slot > reader.data.length) throw new AbiError('abi.out_of_bounds', `array of ${length} elements at byte ${at} runs past the data`, { details: String(at) });
      return decodeTuple(reader, Array.from({ length }, () => type.element), start, depth + 1);
    }
    case 'tuple':
      return decodeTuple(reader, type.components, at, depth + 1);
    default:
      return { value: decodeStatic(reader, type, at), end: at + 32 };
  }
}

function decodeTuple(reader: Reader, types: readonly AbiType[], base: number, depth: number): { value: AbiValue[]; end: number } {
  const values: AbiValue[] = [];
  let head = base;
  let canonicalTail = base + types.reduce((sum, t) => sum + headSize(t), 0);
  let end = canonicalTail;
  for (const type of types) {
    if (isDynamic(type)) {
      const offset = reader.number(head, 'offset');
      const target = base + offset;
      if (target !== canonicalTail) reader.note('non_canonical_offset', head);
      if (target > reader.data.length) throw new AbiError('abi.out_of_bounds', `offset at byte ${head} points past the data`, { details: String(head) });
      const decoded = decodeAt(reader, type, target, depth);
      values.push(decoded.value);
      canonicalTail = decoded.end;
      end = Math.max(end, decoded.end);
    } else {
      const decoded = decodeAt(reader, type, head, depth);
      values.push(decoded.value);
    }
    head += headSize(type);
  }
  return { value: values, end };
}

/**
 * Decodes ABI-encoded values of `types` from `data` (calldata without its selector).
 * @throws {AbiError} `abi.out_of_bounds`, `abi.offset`, `abi.limit` when the data cannot hold what it declares
 * @example decodeAbiParameters([{ kind: 'address' }, { kind: 'uint', bits: 256 }], data).values // ['0x…', 1000n]
 */
export function decodeAbiParameters(types: readonly AbiType[], data: Uint8Array): AbiDecoded {
  if (!(data instanceof Uint8Array)) throw new AbiError('abi.out_of_bounds', 'data: expected bytes');
  const reader = new Reader(data);
  const { value, end } = decodeTuple(reader, types, 0, 0);
  if (end < data.length) reader.note('trailing_data', end);
  return { values: value, irregularities: reader.irregularities };
}
