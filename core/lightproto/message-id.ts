/**
 * `clp` message ids and how a message sits in a user packet: its RLP, then its id in a
 * little-endian base-128 form of at most two bytes read from the end (ids below 128 take one
 * byte; 0xfe, Throttled, takes two: `01 fe`).
 * @module
 */
import { concatBytes } from '../encoding/hex.js';
import { LightProtocolError } from './errors.js';

export const MSG = {
  GET_STATE_ROOTS: 0x01,
  STATE_ROOTS: 0x02,
  GET_STATE_ENTRIES: 0x03,
  STATE_ENTRIES: 0x04,
  GET_BLOCK_HEADERS: 0x07,
  BLOCK_HEADERS: 0x08,
  NEW_BLOCK_HASHES: 0x09,
  GET_WITNESS_INFO: 0x10,
  WITNESS_INFO: 0x11,
  STATUS_PING_V2: 0x18,
  STATUS_PONG_V2: 0x19,
  THROTTLED: 0xfe,
} as const;

/** Appends the message id to a message's RLP. */
export function withMessageId(rlp: Uint8Array, id: number): Uint8Array {
  if (!Number.isInteger(id) || id < 0 || id >= 1 << 14) throw new RangeError('message id out of range');
  return id < 0x80 ? concatBytes(rlp, Uint8Array.of(id)) : concatBytes(rlp, Uint8Array.of(id >> 7, 0x80 | (id & 0x7f)));
}

/**
 * Splits a user packet body into message id and RLP.
 * @throws {LightProtocolError} `lightproto.message`
 */
export function splitMessageId(body: Uint8Array): { id: number; rlp: Uint8Array } {
  if (body.length < 2) throw new LightProtocolError('lightproto.message', 'message shorter than an id and an RLP item');
  const last = body[body.length - 1]!;
  if ((last & 0x80) === 0) return { id: last, rlp: body.subarray(0, body.length - 1) };
  if (body.length < 3) throw new LightProtocolError('lightproto.message', 'message shorter than a two-byte id and an RLP item');
  const high = body[body.length - 2]!;
  if (high === 0 || high & 0x80) throw new LightProtocolError('lightproto.message', 'non-canonical message id');
  return { id: (high << 7) | (last & 0x7f), rlp: body.subarray(0, body.length - 2) };
}
