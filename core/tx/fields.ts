/**
 * Field validators shared by Core and eSpace transactions: integers with protocol bounds, data
 * bytes, chain ids, and exact object shapes (an unexpected field is an error, not ignored, so a
 * dApp cannot smuggle a field the user never sees).
 * @module
 */
import { bytesToHex, hexToBytes, MAX_UINT256 } from '../encoding/hex.js';
import { TxError } from './errors.js';

/** Integer widths used by conflux-rust's transaction structs. */
export const UINT256_MAX = MAX_UINT256;
export const UINT64_MAX = (1n << 64n) - 1n;
export const UINT32_MAX = 0xffff_ffff;

/** A quantity as callers may give it: a bigint, or a safe non-negative integer number. */
export type Quantity = bigint | number;

/** Reads an unsigned integer field and checks it fits `max`. */
export function readUint(value: unknown, field: string, max: bigint): bigint {
  let n: bigint;
  if (typeof value === 'bigint') n = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value);
  else throw new TxError('tx.field', `${field}: expected a bigint or safe integer, got ${describeValue(value)}`, { details: field });
  if (n < 0n || n > max) throw new TxError('tx.range', `${field}: ${n} is outside 0..${max}`, { details: field });
  return n;
}

/** Chain ids are u32 in conflux-rust for both spaces; 0 names no real network. */
export function readChainId(value: unknown, field = 'chainId'): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TxError('tx.field', `${field}: expected an integer, got ${describeValue(value)}`, { details: field });
  if (value < 1 || value > UINT32_MAX) throw new TxError('tx.chain_id', `${field}: ${value} is outside 1..${UINT32_MAX}`, { details: field });
  return value;
}

/** Checks that a transaction's chain id is the chain the wallet is on. */
export function assertActiveChain(chainId: number, activeChainId: number): void {
  readChainId(activeChainId, 'activeChainId');
  if (chainId !== activeChainId) {
    throw new TxError('tx.chain_id', `transaction is for chain ${chainId} but the active chain is ${activeChainId}`, { details: 'chainId' });
  }
}

/** Parses `data` (0x hex, any case) to bytes. */
export function readData(value: unknown, field = 'data'): Uint8Array {
  if (typeof value !== 'string') throw new TxError('tx.field', `${field}: expected a 0x hex string, got ${describeValue(value)}`, { details: field });
  try {
    return hexToBytes(value, undefined, field);
  } catch (cause) {
    throw new TxError('tx.data', `${field}: not 0x-prefixed even-length hex`, { cause, details: field });
  }
}

/** Normalised `data`: lower-case hex. */
export function dataToHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** Fails on any key outside `allowed`, and on a missing key from `required`. */
export function assertShape(input: unknown, allowed: readonly string[], required: readonly string[], title: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TxError('tx.field', `${title}: expected an object`);
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw new TxError('tx.field', `${title}: unexpected field "${key}"`, { details: key });
  }
  for (const key of required) {
    if (record[key] === undefined) throw new TxError('tx.field', `${title}: missing field "${key}"`, { details: key });
  }
  return record;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
