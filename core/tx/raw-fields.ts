/**
 * Reading transaction fields out of decoded RLP, shared by the Core and eSpace decoders. Every
 * RLP-level failure (wrong shape, non-canonical integer, too wide) becomes a `tx.raw` error that
 * names the field, with the RLP error as its cause.
 * @module
 */
import { bytesToHex } from '../encoding/hex.js';
import { decodeRlp, RlpError, rlpBytes, rlpList, rlpToBigInt, type RlpDecoded } from '../encoding/rlp.js';
import { KeyError } from '../keys/errors.js';
import { assertCanonicalSignature, recoverPublicKey, type RecoverableSignature } from '../keys/signature.js';
import { TxError } from './errors.js';

function wrap<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    if (cause instanceof RlpError) throw new TxError('tx.raw', `${field}: ${cause.message}`, { cause, details: field });
    throw cause;
  }
}

/** Decodes one RLP list spanning all of `bytes`, with exactly one of the allowed lengths. */
export function readList(bytes: Uint8Array, field: string, lengths: readonly number[]): RlpDecoded[] {
  const list = wrap(field, () => rlpList(decodeRlp(bytes), field));
  return checkLength(list, field, lengths);
}

export function readNestedList(item: RlpDecoded | undefined, field: string, lengths: readonly number[]): RlpDecoded[] {
  return checkLength(wrap(field, () => rlpList(item, field)), field, lengths);
}

function checkLength(list: RlpDecoded[], field: string, lengths: readonly number[]): RlpDecoded[] {
  if (!lengths.includes(list.length)) {
    throw new TxError('tx.raw', `${field}: expected ${lengths.join(' or ')} items, got ${list.length}`, { details: field });
  }
  return list;
}

/** A canonical unsigned integer of at most `maxBytes` bytes. */
export function readInt(item: RlpDecoded | undefined, field: string, maxBytes: number): bigint {
  return wrap(field, () => rlpToBigInt(item, field, maxBytes));
}

/** A canonical integer that must fit a JavaScript number (chain ids, `v`). */
export function readSmallInt(item: RlpDecoded | undefined, field: string, maxBytes: number): number {
  return Number(readInt(item, field, maxBytes));
}

export function readHex(item: RlpDecoded | undefined, field: string): string {
  return bytesToHex(wrap(field, () => rlpBytes(item, field)));
}

/** `to`: empty string (contract creation) or exactly 20 bytes. */
export function readTo(item: RlpDecoded | undefined): string | null {
  const bytes = wrap('to', () => rlpBytes(item, 'to'));
  if (bytes.length === 0) return null;
  if (bytes.length !== 20) throw new TxError('tx.raw', `to: expected 0 or 20 bytes, got ${bytes.length}`, { details: 'to' });
  return bytesToHex(bytes);
}

/** r and s as canonical integers, checked for range and low-s. */
export function readSignature(rItem: RlpDecoded | undefined, sItem: RlpDecoded | undefined, yParity: number): RecoverableSignature {
  const r = readInt(rItem, 'r', 32);
  const s = readInt(sItem, 's', 32);
  if (yParity !== 0 && yParity !== 1) throw new TxError('tx.signature', `recovery bit must be 0 or 1, got ${yParity}`, { details: 'v' });
  const signature: RecoverableSignature = { r, s, yParity };
  try {
    return assertCanonicalSignature(signature);
  } catch (cause) {
    throw new TxError('tx.signature', `transaction signature is not canonical: ${(cause as Error).message}`, { cause });
  }
}

/** The signer's uncompressed public key. */
export function recoverSigner(signingHash: Uint8Array, signature: RecoverableSignature): Uint8Array {
  try {
    return recoverPublicKey(signingHash, signature);
  } catch (cause) {
    if (cause instanceof KeyError) throw new TxError('tx.signature', 'no sender recovers from this signature', { cause });
    throw cause;
  }
}
