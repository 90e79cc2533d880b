/**
 * Planning the log queries that find transfers *to* the user's addresses, for any token: the
 * ERC-20 / CRC-20 (and ERC-721) `Transfer(address indexed from, address indexed to, …)` event with
 * the recipient in topic 2, and on Core also CrossSpaceCall `Call` events whose receiver (topic 2,
 * a left-aligned bytes20) is one of the user's eSpace addresses — CFX arriving in eSpace from Core.
 * The same plans, with the user in topic 1, find the `Approval(owner, spender, value)` events of
 * allowances the user granted (approval-logs.ts).
 *
 * Paging: node limits bound each query — the epoch/block range (eSpace public RPC: at most 1 000
 * blocks per `eth_getLogs`, Conflux docs `espace/build/jsonrpc-compatibility.md`; Core nodes set
 * `get_logs_filter_max_epoch_range`, often 1 000 on public endpoints) and the number of logs
 * returned (`get_logs_filter_max_limit`, 5 000 in the documented sample configuration). Queries are
 * cut into windows of at most `maxRange` and groups of at most `maxRecipients` addresses (topics
 * OR-lists); a query a node refuses as too large is halved with {@link splitLogQuery}.
 *
 * Threat model: the node answering is not trusted to filter honestly; transfer-logs.ts checks every
 * returned log against the query that asked for it. A plan never asks for more than the range given.
 * @module
 */
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../address/cip37.js';
import { parseEspaceAddress } from '../address/eip55.js';
import { cfxAddressType } from '../address/type.js';
import { bytesToHex, hexToBytes, toQuantity } from '../encoding/hex.js';
import { isSpace, type Space } from '../space.js';
import { ActivityError } from './errors.js';

/** keccak256("Transfer(address,address,uint256)"), shared by ERC-20, CRC-20 and ERC-721. */
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
/** keccak256("Call(bytes20,bytes20,uint256,uint256,bytes)") of CrossSpaceCall. */
export const CROSS_SPACE_CALL_TOPIC = '0x124d1efd3ac32fa6aadb7a06e066c113471e0411fb56a5079cedbc3cdf7796e4';
export const CROSS_SPACE_CALL_HEX = '0x0888000000000000000000000000000000000006';
/** keccak256("Approval(address,address,uint256)") of ERC-20 / CRC-20 (ERC-721 shares it, with 4 topics). */
export const APPROVAL_TOPIC = '0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925';

export const DEFAULT_MAX_RANGE = 1000;
export const DEFAULT_MAX_RECIPIENTS = 16;

export type LogQueryKind = 'token_transfers_in' | 'cross_space_in' | 'token_approvals_out';

export interface LogQuery {
  kind: LogQueryKind;
  space: Space;
  /** Core network id, or eSpace chain id. */
  chainId: number;
  method: 'cfx_getLogs' | 'eth_getLogs';
  /** Inclusive epoch (Core) or block (eSpace) range. */
  from: number;
  to: number;
  /** 32-byte topics the user's position may hold (lower-case hex): topic 2 (recipient), or topic 1 (owner) for approvals. */
  recipientTopics: string[];
  /** The JSON-RPC params, ready to send. */
  params: [Record<string, unknown>];
}

export interface IncomingPlanInput {
  space: Space;
  /** Core network id, or eSpace chain id. */
  chainId: number;
  /** The user's addresses in that space (base32 or Core hex on Core, hex on eSpace). */
  recipients: readonly string[];
  /** Inclusive range. */
  from: number;
  to: number;
  maxRange?: number;
  maxRecipients?: number;
}

function readRange(from: unknown, to: unknown): void {
  const ok = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!ok(from) || !ok(to) || (from as number) > (to as number)) throw new ActivityError('activity.input', 'range: expected 0 ≤ from ≤ to (safe integers)', { details: 'range' });
}

function readLimit(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new ActivityError('activity.input', `${field}: expected a positive integer`, { details: field });
  return value;
}

/** The 20 bytes of a user address of the space (Core: base32 of `chainId`, or hex with a Core type). */
export function recipientBytes(address: string, space: Space, chainId: number): Uint8Array {
  try {
    if (space === 'espace') return hexToBytes(parseEspaceAddress(address), 20);
    if (address.startsWith('0x')) {
      const bytes = hexToBytes(address, 20);
      cfxAddressType(bytes);
      return bytes;
    }
    const decoded = decodeCfxAddressToBytes(address);
    if (decoded.networkId !== chainId) throw new Error(`network ${decoded.networkId}`);
    return decoded.bytes;
  } catch (cause) {
    throw new ActivityError('activity.input', `recipient: not a ${space} address of chain ${chainId}`, { cause, details: 'recipients' });
  }
}

/** An `address` topic: the 20 bytes right-aligned. */
export function addressTopic(bytes: Uint8Array): string {
  const out = new Uint8Array(32);
  out.set(bytes, 12);
  return bytesToHex(out);
}

/** A `bytes20` topic: the 20 bytes left-aligned. */
export function bytes20Topic(bytes: Uint8Array): string {
  const out = new Uint8Array(32);
  out.set(bytes, 0);
  return bytesToHex(out);
}

function windows(from: number, to: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = from; start <= to; start += size) out.push([start, Math.min(to, start + size - 1)]);
  return out;
}

function groups<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function buildQuery(kind: LogQueryKind, space: Space, chainId: number, from: number, to: number, recipientTopics: string[]): LogQuery {
  const topics = kind === 'token_approvals_out' ? [APPROVAL_TOPIC, recipientTopics] : [kind === 'token_transfers_in' ? TRANSFER_TOPIC : CROSS_SPACE_CALL_TOPIC, null, recipientTopics];
  const filter: Record<string, unknown> = space === 'core'
    ? { fromEpoch: toQuantity(from), toEpoch: toQuantity(to), topics }
    : { fromBlock: toQuantity(from), toBlock: toQuantity(to), topics };
  // On Core, asking the internal contract's address keeps other contracts' look-alike events out.
  // Core RPC takes base32 addresses only.
  if (kind === 'cross_space_in') filter['address'] = encodeCfxAddress(CROSS_SPACE_CALL_HEX, chainId);
  return { kind, space, chainId, method: space === 'core' ? 'cfx_getLogs' : 'eth_getLogs', from, to, recipientTopics, params: [filter] };
}

/**
 * Queries for token transfers to the user's addresses in one space over a range, in ascending
 * order of range.
 * @throws {ActivityError} `activity.input`
 */
export function planIncomingTransferQueries(input: IncomingPlanInput): LogQuery[] {
  if (typeof input !== 'object' || input === null) throw new ActivityError('activity.input', 'plan: expected an object');
  if (!isSpace(input.space)) throw new ActivityError('activity.input', 'space: expected core or espace', { details: 'space' });
  readRange(input.from, input.to);
  const maxRange = readLimit(input.maxRange, DEFAULT_MAX_RANGE, 'maxRange');
  const maxRecipients = readLimit(input.maxRecipients, DEFAULT_MAX_RECIPIENTS, 'maxRecipients');
  if (!Array.isArray(input.recipients) || input.recipients.length === 0) throw new ActivityError('activity.input', 'recipients: expected at least one address', { details: 'recipients' });
  const topics = [...new Set(input.recipients.map((a) => addressTopic(recipientBytes(a, input.space, input.chainId))))];
  return windows(input.from, input.to, maxRange).flatMap(([from, to]) => groups(topics, maxRecipients).map((g) => buildQuery('token_transfers_in', input.space, input.chainId, from, to, g)));
}

/**
 * Core queries for CrossSpaceCall `Call` events crediting the user's eSpace addresses (CFX sent to
 * them from Core with transferEVM or callEVM).
 * @throws {ActivityError} `activity.input`
 */
export function planIncomingCrossSpaceQueries(input: { coreChainId: number; espaceRecipients: readonly string[]; from: number; to: number; maxRange?: number; maxRecipients?: number }): LogQuery[] {
  readRange(input.from, input.to);
  if (!Number.isInteger(input.coreChainId) || input.coreChainId < 1) throw new ActivityError('activity.input', 'coreChainId: expected a network id', { details: 'coreChainId' });
  const maxRange = readLimit(input.maxRange, DEFAULT_MAX_RANGE, 'maxRange');
  const maxRecipients = readLimit(input.maxRecipients, DEFAULT_MAX_RECIPIENTS, 'maxRecipients');
  if (!Array.isArray(input.espaceRecipients) || input.espaceRecipients.length === 0) throw new ActivityError('activity.input', 'espaceRecipients: expected at least one address', { details: 'recipients' });
  const topics = [...new Set(input.espaceRecipients.map((a) => bytes20Topic(recipientBytes(a, 'espace', 0))))];
  return windows(input.from, input.to, maxRange).flatMap(([from, to]) => groups(topics, maxRecipients).map((g) => buildQuery('cross_space_in', 'core', input.coreChainId, from, to, g)));
}

/**
 * Queries for `Approval` events the user's addresses emitted as owner (topic 1), of any token, over
 * a range: the allowances they may have granted.
 * @throws {ActivityError} `activity.input`
 */
export function planApprovalQueries(input: IncomingPlanInput): LogQuery[] {
  return planIncomingTransferQueries(input).map((q) => buildQuery('token_approvals_out', q.space, q.chainId, q.from, q.to, q.recipientTopics));
}

/**
 * Halves a query's range, for a node that refused it as too large (too many logs, range limit).
 * @throws {ActivityError} `activity.unsplittable` for a one-epoch query
 */
export function splitLogQuery(query: LogQuery): [LogQuery, LogQuery] {
  if (query.from >= query.to) throw new ActivityError('activity.unsplittable', `the query covers one ${query.space === 'core' ? 'epoch' : 'block'} only`, { details: String(query.from) });
  const middle = query.from + Math.floor((query.to - query.from) / 2);
  return [buildQuery(query.kind, query.space, query.chainId, query.from, middle, query.recipientTopics), buildQuery(query.kind, query.space, query.chainId, middle + 1, query.to, query.recipientTopics)];
}
