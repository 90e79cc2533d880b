/**
 * Strict RLP (Recursive Length Prefix) encoding and decoding.
 *
 * Transactions, headers and receipts are all RLP. A lenient decoder lets two different byte strings
 * mean the same transaction, which breaks hash-based identity, so decoding here accepts only the
 * canonical form: shortest length prefixes, no single byte below 0x80 wrapped in a string header,
 * no trailing bytes, bounded size and depth. Integers are minimal big-endian (zero = empty string).
 * @module
 */
import { WayfarerError } from '../errors.js';
import { bigIntToBytes, bytesToBigInt } from './hex.js';

export type RlpErrorCode = 'rlp.non_canonical' | 'rlp.truncated' | 'rlp.trailing' | 'rlp.too_large' | 'rlp.too_deep' | 'rlp.shape' | 'rlp.integer';

export class RlpError extends WayfarerError {
  declare readonly code: RlpErrorCode;
  constructor(code: RlpErrorCode, message: string) {
    super(code, message);
  }
}

/**
 * Pre-encoded RLP bytes spliced into an encoding verbatim. Conflux headers before CIP-112 store
 * their custom items this way; nothing else should need it.
 */
export class RlpRaw {
  constructor(readonly encoded: Uint8Array) {}
}

export type RlpItem = Uint8Array | RlpRaw | readonly RlpItem[];
/** What {@link decodeRlp} returns: byte strings and lists only. */
export type RlpDecoded = Uint8Array | RlpDecoded[];

export interface RlpDecodeOptions {
  /** Reject inputs longer than this (bytes). Default 16 MiB. */
  maxBytes?: number;
  /** Reject lists nested deeper than this. Default 64. */
  maxDepth?: number;
}

const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 64;

function encodeLength(length: number, offset: number): Uint8Array {
  if (length <= 55) return Uint8Array.of(offset + length);
  const lenBytes = bigIntToBytes(BigInt(length));
  const out = new Uint8Array(1 + lenBytes.length);
  out[0] = offset + 55 + lenBytes.length;
  out.set(lenBytes, 1);
  return out;
}

function encodeInto(item: RlpItem, parts: Uint8Array[]): number {
  if (item instanceof RlpRaw) {
    parts.push(item.encoded);
    return item.encoded.length;
  }
  if (item instanceof Uint8Array) {
    if (item.length === 1 && item[0]! < 0x80) {
      parts.push(item);
      return 1;
    }
    const header = encodeLength(item.length, 0x80);
    parts.push(header, item);
    return header.length + item.length;
  }
  if (!Array.isArray(item)) throw new RlpError('rlp.shape', 'RLP item must be bytes or a list');
  const headerAt = parts.length;
  parts.push(new Uint8Array(0)); // placeholder for the list header
  let payload = 0;
  for (const child of item) payload += encodeInto(child, parts);
  const header = encodeLength(payload, 0xc0);
  parts[headerAt] = header;
  return header.length + payload;
}

/** Encodes bytes and (nested) lists of bytes. */
export function encodeRlp(item: RlpItem): Uint8Array {
  const parts: Uint8Array[] = [];
  const total = encodeInto(item, parts);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Minimal big-endian encoding of a non-negative integer as an RLP byte string (0 → empty). */
export function rlpInt(value: bigint | number): Uint8Array {
  const n = typeof value === 'number' ? BigInt(value) : value;
  if (n < 0n) throw new RlpError('rlp.integer', 'RLP integers must be non-negative');
  return bigIntToBytes(n);
}

interface Cursor {
  readonly bytes: Uint8Array;
  pos: number;
  readonly maxDepth: number;
}

function readLength(c: Cursor, lenOfLen: number): number {
  if (c.pos + lenOfLen > c.bytes.length) throw new RlpError('rlp.truncated', 'RLP length runs past the end of input');
  if (c.bytes[c.pos] === 0) throw new RlpError('rlp.non_canonical', 'RLP length has a leading zero byte');
  let len = 0;
  for (let i = 0; i < lenOfLen; i++) len = len * 256 + c.bytes[c.pos + i]!;
  c.pos += lenOfLen;
  if (len <= 55) throw new RlpError('rlp.non_canonical', 'RLP long form used for a length of 55 or less');
  if (!Number.isSafeInteger(len)) throw new RlpError('rlp.too_large', 'RLP length is too large');
  return len;
}

function decodeItem(c: Cursor, depth: number): RlpDecoded {
  if (c.pos >= c.bytes.length) throw new RlpError('rlp.truncated', 'unexpected end of RLP input');
  const prefix = c.bytes[c.pos++]!;
  if (prefix < 0x80) return c.bytes.slice(c.pos - 1, c.pos);
  if (prefix <= 0xbf) {
    const len = prefix <= 0xb7 ? prefix - 0x80 : readLength(c, prefix - 0xb7);
    if (c.pos + len > c.bytes.length) throw new RlpError('rlp.truncated', 'RLP string runs past the end of input');
    const out = c.bytes.slice(c.pos, c.pos + len);
    c.pos += len;
    if (len === 1 && out[0]! < 0x80) throw new RlpError('rlp.non_canonical', 'single byte below 0x80 must be encoded as itself');
    return out;
  }
  if (depth >= c.maxDepth) throw new RlpError('rlp.too_deep', `RLP lists nested deeper than ${c.maxDepth}`);
  const len = prefix <= 0xf7 ? prefix - 0xc0 : readLength(c, prefix - 0xf7);
  const end = c.pos + len;
  if (end > c.bytes.length) throw new RlpError('rlp.truncated', 'RLP list runs past the end of input');
  const items: RlpDecoded[] = [];
  while (c.pos < end) {
    items.push(decodeItem(c, depth + 1));
    if (c.pos > end) throw new RlpError('rlp.truncated', 'RLP list item runs past the end of its list');
  }
  return items;
}

/** Decodes one canonical RLP item that spans the whole input. */
export function decodeRlp(bytes: Uint8Array, options: RlpDecodeOptions = {}): RlpDecoded {
  if (!(bytes instanceof Uint8Array)) throw new RlpError('rlp.shape', 'RLP input must be a Uint8Array');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw new RlpError('rlp.too_large', `RLP input of ${bytes.length} bytes exceeds ${maxBytes}`);
  if (bytes.length === 0) throw new RlpError('rlp.truncated', 'empty RLP input');
  const c: Cursor = { bytes, pos: 0, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH };
  const item = decodeItem(c, 0);
  if (c.pos !== bytes.length) throw new RlpError('rlp.trailing', `${bytes.length - c.pos} trailing bytes after RLP item`);
  return item;
}

/** Reads a decoded item as a byte string, failing on a list. */
export function rlpBytes(item: RlpDecoded | undefined, title = 'field'): Uint8Array {
  if (!(item instanceof Uint8Array)) throw new RlpError('rlp.shape', `${title}: expected a byte string`);
  return item;
}

/** Reads a decoded item as a list, failing on a byte string. */
export function rlpList(item: RlpDecoded | undefined, title = 'field'): RlpDecoded[] {
  if (!Array.isArray(item)) throw new RlpError('rlp.shape', `${title}: expected a list`);
  return item;
}

/** Reads a decoded canonical integer: no leading zero bytes, at most `maxBytes` long. */
export function rlpToBigInt(item: RlpDecoded | undefined, title = 'integer', maxBytes = 32): bigint {
  const bytes = rlpBytes(item, title);
  if (bytes.length > maxBytes) throw new RlpError('rlp.integer', `${title}: longer than ${maxBytes} bytes`);
  if (bytes.length > 0 && bytes[0] === 0) throw new RlpError('rlp.integer', `${title}: integer has a leading zero byte`);
  return bytesToBigInt(bytes);
}
