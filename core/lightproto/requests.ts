/**
 * The `clp` requests a light client sends, built only from validated input.
 *
 * Threat model: the node is a peer we must not harm (and a crashed node is no use to anyone): a
 * `GetStateEntries` key that is not one of the four well-formed shapes crashes the 0.3.2 build,
 * and the node silently truncates lists beyond its limits. So {@link validateLightRequest} is the
 * single entry for every request: it copies the input, checks kinds, counts, integer ranges,
 * hash sizes and key shapes, and only its result can be encoded. A state key goes on the wire the
 * way the node's RLP derive expects a `Vec<u8>` field: as a list of single-byte integers.
 * @module
 */
import { bigIntToBytes, bytesToHex } from '../encoding/hex.js';
import { encodeRlp, rlpInt, type RlpItem } from '../encoding/rlp.js';
import { InvalidInputError } from '../errors.js';
import type { Space } from '../space.js';
import { accountKey, parseStateKeyBytes, stateKeyBytes, storageKey, type StateKey } from '../state/keys.js';
import { LightProtocolError } from './errors.js';
import { MSG, withMessageId } from './message-id.js';

export type LightRequest =
  | { readonly kind: 'state_roots'; readonly epochs: readonly number[] }
  | { readonly kind: 'state_entries'; readonly entries: readonly { readonly epoch: number; readonly key: StateKey }[] }
  | { readonly kind: 'witness_info'; readonly heights: readonly number[] }
  | { readonly kind: 'block_headers'; readonly hashes: readonly Uint8Array[] };

export type LightRequestKind = LightRequest['kind'];

/** Most items per request: what the node answers at most (`cfx_parameters::light`). */
export const REQUEST_LIMITS: Readonly<Record<LightRequestKind, number>> = { state_roots: 50, state_entries: 50, witness_info: 100, block_headers: 512 };

function invalid(message: string, cause?: unknown): LightProtocolError {
  return new LightProtocolError('lightproto.request_invalid', message, cause === undefined ? {} : { cause });
}

function epochNumber(value: unknown, title: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid(`${title} must be a non-negative safe integer`);
  return value;
}

function list<T>(value: unknown, kind: LightRequestKind, title: string): readonly T[] {
  if (!Array.isArray(value)) throw invalid(`${title} must be an array`);
  if (value.length === 0) throw invalid(`${title} must not be empty`);
  if (value.length > REQUEST_LIMITS[kind]) throw invalid(`${title} has ${value.length} items, at most ${REQUEST_LIMITS[kind]} are answered`);
  return value as readonly T[];
}

function stateKey(value: unknown): StateKey {
  if (typeof value !== 'object' || value === null) throw invalid('state key must be an object');
  const k = value as Record<string, unknown>;
  try {
    if (k.kind === 'account') return parseStateKeyBytes(stateKeyBytes(accountKey(k.address as Uint8Array, k.space as Space)));
    if (k.kind === 'storage') return parseStateKeyBytes(stateKeyBytes(storageKey(k.address as Uint8Array, k.space as Space, k.slot as Uint8Array)));
    throw new InvalidInputError('state key kind must be "account" or "storage"');
  } catch (cause) {
    throw invalid(cause instanceof InvalidInputError ? cause.message : 'malformed state key', cause);
  }
}

/** Refuses an item asked twice (the node would answer it twice; answers are matched per item). */
function unique<T>(items: readonly T[], id: (item: T) => string, title: string): readonly T[] {
  const seen = new Set<string>();
  for (const item of items) {
    const key = id(item);
    if (seen.has(key)) throw invalid(`${title}: ${key.slice(0, 24)} is asked twice`);
    seen.add(key);
  }
  return items;
}

/**
 * Checks and copies a request. Nothing else produces an encodable request.
 * @throws {LightProtocolError} `lightproto.request_invalid`
 */
export function validateLightRequest(request: unknown): LightRequest {
  const valid = validateShape(request);
  switch (valid.kind) {
    case 'state_roots':
      unique(valid.epochs, String, 'epochs');
      break;
    case 'witness_info':
      unique(valid.heights, String, 'heights');
      break;
    case 'state_entries':
      unique(valid.entries, (e) => `${e.epoch}:${bytesToHex(stateKeyBytes(e.key))}`, 'entries');
      break;
    case 'block_headers':
      unique(valid.hashes, bytesToHex, 'hashes');
      break;
  }
  return valid;
}

function validateShape(request: unknown): LightRequest {
  if (typeof request !== 'object' || request === null) throw invalid('request must be an object');
  const r = request as Record<string, unknown>;
  switch (r.kind) {
    case 'state_roots':
      return { kind: 'state_roots', epochs: list<unknown>(r.epochs, 'state_roots', 'epochs').map((e) => epochNumber(e, 'epoch')) };
    case 'witness_info':
      return { kind: 'witness_info', heights: list<unknown>(r.heights, 'witness_info', 'heights').map((h) => epochNumber(h, 'height')) };
    case 'state_entries':
      return {
        kind: 'state_entries',
        entries: list<unknown>(r.entries, 'state_entries', 'entries').map((e) => {
          if (typeof e !== 'object' || e === null) throw invalid('entry must be an object');
          const entry = e as Record<string, unknown>;
          return { epoch: epochNumber(entry.epoch, 'epoch'), key: stateKey(entry.key) };
        }),
      };
    case 'block_headers':
      return {
        kind: 'block_headers',
        hashes: list<unknown>(r.hashes, 'block_headers', 'hashes').map((h) => {
          if (!(h instanceof Uint8Array) || h.length !== 32) throw invalid('block hash must be 32 bytes');
          return Uint8Array.from(h);
        }),
      };
    default:
      throw invalid('unknown request kind');
  }
}

/** A byte vector the way the node's RLP derive encodes a `Vec<u8>` field: a list of integers. */
function byteList(bytes: Uint8Array): RlpItem[] {
  return Array.from(bytes, (b) => bigIntToBytes(BigInt(b)));
}

/**
 * Encodes a validated request as a `clp` message (RLP and message id).
 * @throws {LightProtocolError} `lightproto.request_invalid` (the request is validated again)
 */
export function encodeLightRequest(requestId: number, request: LightRequest): Uint8Array {
  const rid = rlpInt(epochNumber(requestId, 'request id'));
  const r = validateLightRequest(request);
  switch (r.kind) {
    case 'state_roots':
      return withMessageId(encodeRlp([rid, r.epochs.map((e) => rlpInt(e))]), MSG.GET_STATE_ROOTS);
    case 'witness_info':
      return withMessageId(encodeRlp([rid, r.heights.map((h) => rlpInt(h))]), MSG.GET_WITNESS_INFO);
    case 'state_entries':
      return withMessageId(encodeRlp([rid, r.entries.map((e) => [rlpInt(e.epoch), byteList(stateKeyBytes(e.key))])]), MSG.GET_STATE_ENTRIES);
    case 'block_headers':
      return withMessageId(encodeRlp([rid, r.hashes]), MSG.GET_BLOCK_HEADERS);
  }
}

/** Light node type in `StatusPingV2` (archive 0, full 1, light 2). */
export const NODE_TYPE_LIGHT = 2;

/** `StatusPingV2`: `[[chain_id], genesis_hash, node_type]`; also the heartbeat. */
export function encodeStatusPing(chainId: number, genesisHash: Uint8Array): Uint8Array {
  if (!Number.isSafeInteger(chainId) || chainId < 0 || chainId > 0xffffffff) throw invalid('chain id must be a 32-bit unsigned integer');
  if (!(genesisHash instanceof Uint8Array) || genesisHash.length !== 32) throw invalid('genesis hash must be 32 bytes');
  return withMessageId(encodeRlp([[rlpInt(chainId)], genesisHash, rlpInt(NODE_TYPE_LIGHT)]), MSG.STATUS_PING_V2);
}
