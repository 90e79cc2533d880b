/**
 * Solidity ABI types: parsing canonical type strings (`uint256`, `address[]`,
 * `(uint16,uint256[3])[]`) and function signatures (`approve(address spender,uint256 amount)`),
 * static sizes, and 4-byte selectors.
 *
 * Threat model: signatures come from the wallet's own bundled table, never from a dApp, but the
 * parser is still strict (canonical names only: `uint256`, not `uint`) so the selector computed from
 * a signature is the one the contract dispatches on.
 * Spec: https://docs.soliditylang.org/en/latest/abi-spec.html
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesToHex } from '../encoding/hex.js';
import { AbiError } from './errors.js';

export type AbiType =
  | { kind: 'uint' | 'int'; bits: number }
  | { kind: 'address' }
  | { kind: 'bool' }
  | { kind: 'fixedBytes'; size: number }
  | { kind: 'bytes' }
  | { kind: 'string' }
  | { kind: 'array'; element: AbiType; length: number | null }
  | { kind: 'tuple'; components: readonly AbiType[] };

export interface AbiParameter {
  /** Empty when the signature gives no name. */
  name: string;
  type: AbiType;
}

export interface AbiFunction {
  name: string;
  inputs: readonly AbiParameter[];
  /** Canonical signature without names, e.g. `approve(address,uint256)`. */
  signature: string;
  /** `0x` + 8 hex digits. */
  selector: string;
}

const MAX_DEPTH = 8;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Splits a comma-separated list at top-level commas only. */
function splitTopLevel(list: string, source: string): string[] {
  if (list === '') return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth < 0) throw new AbiError('abi.type', `unbalanced parentheses in "${source}"`, { details: source });
    if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw new AbiError('abi.type', `unbalanced parentheses in "${source}"`, { details: source });
  parts.push(list.slice(start));
  return parts;
}

function parseTypeAt(text: string, depth: number): AbiType {
  if (depth > MAX_DEPTH) throw new AbiError('abi.limit', `type nests deeper than ${MAX_DEPTH}: "${text}"`, { details: text });
  const array = /\[([0-9]*)\]$/.exec(text);
  if (array !== null) {
    const digits = array[1]!;
    if (digits !== '' && (digits.startsWith('0') || digits.length > 6)) throw new AbiError('abi.type', `bad array length in "${text}"`, { details: text });
    return { kind: 'array', element: parseTypeAt(text.slice(0, array.index), depth + 1), length: digits === '' ? null : Number(digits) };
  }
  if (text.startsWith('(') && text.endsWith(')')) {
    return { kind: 'tuple', components: splitTopLevel(text.slice(1, -1), text).map((t) => parseTypeAt(t, depth + 1)) };
  }
  if (text === 'address' || text === 'bool' || text === 'bytes' || text === 'string') return { kind: text };
  let match = /^bytes([1-9][0-9]?)$/.exec(text);
  if (match !== null && Number(match[1]) <= 32) return { kind: 'fixedBytes', size: Number(match[1]) };
  match = /^(u?int)([1-9][0-9]{0,2})$/.exec(text);
  if (match !== null) {
    const bits = Number(match[2]);
    if (bits % 8 === 0 && bits <= 256) return { kind: match[1] === 'uint' ? 'uint' : 'int', bits };
  }
  throw new AbiError('abi.type', `"${text}" is not a canonical ABI type`, { details: text });
}

/**
 * Parses one canonical ABI type.
 * @example parseAbiType('(address,uint256)[]') // { kind: 'array', element: { kind: 'tuple', … }, length: null }
 */
export function parseAbiType(text: string): AbiType {
  if (typeof text !== 'string' || text.length === 0 || text.length > 512) throw new AbiError('abi.type', 'type: expected a non-empty string of at most 512 characters');
  return parseTypeAt(text, 0);
}

/** The canonical string of a type (what enters the selector). */
export function formatAbiType(type: AbiType): string {
  switch (type.kind) {
    case 'uint':
    case 'int':
      return `${type.kind}${type.bits}`;
    case 'fixedBytes':
      return `bytes${type.size}`;
    case 'array':
      return `${formatAbiType(type.element)}[${type.length ?? ''}]`;
    case 'tuple':
      return `(${type.components.map(formatAbiType).join(',')})`;
    default:
      return type.kind;
  }
}

/**
 * Parses `name(type name, type name, …)`; parameter names are optional. Tuple parameters are
 * written as `(t1,t2)`, with no component names.
 * @example parseAbiFunction('approve(address spender,uint256 amount)').selector // '0x095ea7b3'
 */
export function parseAbiFunction(text: string): AbiFunction {
  if (typeof text !== 'string' || text.length > 1024) throw new AbiError('abi.type', 'signature: expected a string of at most 1024 characters');
  const open = text.indexOf('(');
  if (open < 1 || !text.endsWith(')')) throw new AbiError('abi.type', `"${text}" is not a function signature`, { details: text });
  const name = text.slice(0, open);
  if (!IDENTIFIER.test(name)) throw new AbiError('abi.type', `"${name}" is not a function name`, { details: text });
  const inputs = splitTopLevel(text.slice(open + 1, -1), text).map((part): AbiParameter => {
    const trimmed = part.trim();
    // A name follows the type after the last space outside parentheses.
    const space = trimmed.lastIndexOf(' ');
    const typeText = space > trimmed.lastIndexOf(')') && space > 0 ? trimmed.slice(0, space) : trimmed;
    const paramName = typeText === trimmed ? '' : trimmed.slice(space + 1);
    if (paramName !== '' && !IDENTIFIER.test(paramName)) throw new AbiError('abi.type', `"${paramName}" is not a parameter name`, { details: text });
    return { name: paramName, type: parseAbiType(typeText) };
  });
  const signature = `${name}(${inputs.map((p) => formatAbiType(p.type)).join(',')})`;
  return { name, inputs, signature, selector: selectorOf(signature) };
}

/** First four bytes of keccak256 of a canonical signature, as `0x` + 8 hex digits. */
export function selectorOf(signature: string): string {
  return bytesToHex(keccak_256(utf8ToBytes(signature)).subarray(0, 4));
}

/** True when the type's encoding has a length that depends on the value. */
export function isDynamic(type: AbiType): boolean {
  switch (type.kind) {
    case 'bytes':
    case 'string':
      return true;
    case 'array':
      return type.length === null || isDynamic(type.element);
    case 'tuple':
      return type.components.some(isDynamic);
    default:
      return false;
  }
}

/** Bytes a value of this type takes in its enclosing head: 32 for dynamic types (the offset). */
export function headSize(type: AbiType): number {
  if (isDynamic(type)) return 32;
  if (type.kind === 'array') return type.length! * headSize(type.element);
  if (type.kind === 'tuple') return type.components.reduce((sum, t) => sum + headSize(t), 0);
  return 32;
}
