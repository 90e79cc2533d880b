/**
 * Token allowances the user has granted: `Approval` logs of the user as owner over a bounded recent
 * range → distinct (token, spender) pairs → each pair's current `allowance(owner, spender)` read
 * through the caller's trusted reader (at the verified epoch, cross-checked) → the non-zero ones,
 * unlimited ones flagged. Also the calldata of the revoke, `approve(spender, 0)`.
 *
 * Pure: the caller supplies {@link AllowanceSource} (which node answers the log queries, how the
 * allowance is read and labelled).
 *
 * Threat model: logs are one node's word (see approval-logs.ts): hidden logs hide rows, invented
 * logs only cost a read. The value shown is the allowance read, never the event's value, and it
 * carries the read's trust label; an answer that is not one 32-byte word is a typed failure of that
 * row (`activity.malformed_answer`), not a zero and not a guess. A pair whose allowance reads zero
 * is dropped; a pair nodes disagree about is kept (value unknown) so it is not silently hidden.
 * @module
 */
import { encodeStaticCall } from '../abi/encode.js';
import { isUnlimited } from '../effects/unlimited.js';
import { hexToBytes, type Hex } from '../encoding/hex.js';
import type { Trust, TrustedValue } from '../trust/types.js';
import { approvalPairs, readApprovalLogs, type ApprovalPair } from './approval-logs.js';
import { ActivityError } from './errors.js';
import type { LogQuery } from './log-queries.js';

/** `allowance(address owner, address spender)`. */
export const ALLOWANCE_SELECTOR = '0xdd62ed3e';
/** `approve(address spender, uint256 amount)`. */
export const APPROVE_SELECTOR = '0x095ea7b3';

/** What the scan reads through. */
export interface AllowanceSource {
  /** A node's raw answer to one planned log query (`query.method` with `query.params`). */
  logs(query: LogQuery): Promise<unknown>;
  /** The raw return data of `call` (to `token`) read at the verified epoch, with its trust. */
  call(token: string, data: Hex, owner: string): Promise<TrustedValue<string>>;
}

export interface FoundAllowance extends ApprovalPair {
  /** Raw token units; null when nodes disagree and nothing settles it. */
  amount: bigint | null;
  unlimited: boolean;
  trust: Trust;
  epoch: number;
  read: TrustedValue<string>;
}

export interface UnreadableAllowance extends ApprovalPair {
  /** The typed failure's code (e.g. `activity.malformed_answer`, an RPC error code). */
  code: string;
  message: string;
}

export interface AllowanceScan {
  allowances: FoundAllowance[];
  unreadable: UnreadableAllowance[];
  /** Logs a node returned that did not match its query (wrong event, owner, range, shape). */
  rejectedLogs: number;
  /** The range searched (inclusive). */
  from: number;
  to: number;
}

/** Calldata of `allowance(owner, spender)` (20-byte hex addresses). */
export function encodeAllowanceCall(ownerHex: string, spenderHex: string): Hex {
  return encodeStaticCall(ALLOWANCE_SELECTOR, [{ type: 'address', value: hexToBytes(ownerHex, 20, 'owner') }, { type: 'address', value: hexToBytes(spenderHex, 20, 'spender') }]);
}

/** Calldata of the revoke: `approve(spender, 0)`. */
export function encodeRevokeCall(spenderHex: string): Hex {
  return encodeStaticCall(APPROVE_SELECTOR, [{ type: 'address', value: hexToBytes(spenderHex, 20, 'spender') }, { type: 'uint256', value: 0n }]);
}

/**
 * An `allowance()` answer: exactly one 32-byte word.
 * @throws {ActivityError} `activity.malformed_answer`
 */
export function decodeAllowance(data: unknown): bigint {
  if (typeof data !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(data)) {
    const size = typeof data === 'string' && /^0x[0-9a-fA-F]*$/.test(data) ? `${Math.floor((data.length - 2) / 2)} bytes` : 'not hex';
    throw new ActivityError('activity.malformed_answer', `allowance() returned ${size}, expected one 32-byte word`, { details: 'allowance' });
  }
  return BigInt(data);
}

/**
 * Runs the queries (one at a time, in order), collects the pairs, reads each pair's allowance and
 * keeps the non-zero ones, newest event first.
 * @throws {ActivityError} `activity.malformed_answer` when a node's answer to a log query is not a list; whatever `source.logs` throws
 */
export async function scanAllowances(queries: readonly LogQuery[], chainId: number, source: AllowanceSource): Promise<AllowanceScan> {
  if (queries.length === 0) throw new ActivityError('activity.input', 'queries: expected at least one approvals query', { details: 'queries' });
  const found = [];
  let rejectedLogs = 0;
  for (const query of queries) {
    const { approvals, rejected } = readApprovalLogs(query, await source.logs(query));
    found.push(...approvals);
    rejectedLogs += rejected.length;
  }
  const allowances: FoundAllowance[] = [];
  const unreadable: UnreadableAllowance[] = [];
  for (const pair of approvalPairs(found, chainId)) {
    let read: TrustedValue<string>;
    let amount: bigint | null;
    try {
      read = await source.call(pair.token, encodeAllowanceCall(pair.ownerHex, pair.spenderHex), pair.owner);
      amount = read.value === undefined ? null : decodeAllowance(read.value);
    } catch (error) {
      const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'internal';
      unreadable.push({ ...pair, code, message: error instanceof Error ? error.message.slice(0, 200) : 'the read failed' });
      continue;
    }
    if (amount === 0n) continue;
    allowances.push({ ...pair, amount, unlimited: amount !== null && isUnlimited(amount), trust: read.trust, epoch: read.epoch, read });
  }
  return { allowances, unreadable, rejectedLogs, from: Math.min(...queries.map((q) => q.from)), to: Math.max(...queries.map((q) => q.to)) };
}
