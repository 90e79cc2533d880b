/**
 * Shapes shared by signed Core and eSpace transactions, and raw-input parsing.
 * @module
 */
import { hexToBytes } from '../encoding/hex.js';
import type { RecoverableSignature } from '../keys/signature.js';
import { TxError } from './errors.js';

export interface SignedTransaction<T> {
  /** The validated, normalised transaction that was signed. */
  transaction: T;
  /** Hash the signature covers: keccak256 of the unsigned encoding (with any type prefix). */
  signingHash: string;
  signature: RecoverableSignature;
  /** The `v` written into the raw transaction (Core: 0/1; eSpace legacy: chainId·2+35+yParity; eSpace typed: 0/1). */
  v: number;
  /** Signed raw transaction, 0x hex, ready for `*_sendRawTransaction`. */
  raw: string;
  /** Transaction hash: keccak256 of the raw bytes. */
  hash: string;
}

export interface DecodedTransaction<T> extends SignedTransaction<T> {
  /** Sender recovered from the signature (Core: base32 on the transaction's network; eSpace: EIP-55). */
  from: string;
}

/** Raw transaction bytes from bytes or 0x hex. */
export function readRawTransaction(raw: Uint8Array | string): Uint8Array {
  if (raw instanceof Uint8Array) return raw;
  if (typeof raw !== 'string') throw new TxError('tx.raw', 'raw transaction: expected bytes or 0x hex');
  try {
    return hexToBytes(raw, undefined, 'raw transaction');
  } catch (cause) {
    throw new TxError('tx.raw', 'raw transaction: not 0x hex', { cause });
  }
}
