/**
 * Reading the `Approval(address indexed owner, address indexed spender, uint256 value)` logs a node
 * returned for a planned approvals query (log-queries.ts `planApprovalQueries`) into the distinct
 * (token, spender) pairs the user's addresses have approved.
 *
 * A log is kept only when it is what was asked for: the `Approval` topic, an owner among the
 * query's, a position inside the query's range, and the ERC-20/CRC-20 shape — 3 topics and 32
 * bytes of data. ERC-721 `Approval` (4 topics, the token id indexed, no data) is not an allowance
 * and is set aside as `wrong_event`; everything else is listed under `rejected` with the reason.
 *
 * Threat model: the node answering is untrusted: it may hide logs (an allowance then goes unseen —
 * the list is "found in recent logs", never "all"), invent them, or answer outside its filter. An
 * invented pair costs only an allowance read, which the caller does at the verified epoch and
 * cross-checked: a pair whose allowance is zero is not shown, so a fake log cannot make a fake row.
 * Any contract can emit `Approval` naming the user; the allowance read is what counts.
 * @module
 */
import { formatAddress } from '../effects/address-form.js';
import type { Space } from '../space.js';
import { ActivityError } from './errors.js';
import { APPROVAL_TOPIC, type LogQuery } from './log-queries.js';
import { HASH, readLogAddress, readPosition, type RejectedLog } from './transfer-logs.js';

/** One `Approval` event of the user as owner, as found. */
export interface FoundApproval {
  space: Space;
  /** Lower-case 20-byte hex of the emitting contract, of the owner and of the spender. */
  tokenHex: string;
  ownerHex: string;
  spenderHex: string;
  /** The value the event claims (the allowance read later is what counts). */
  value: bigint;
  /** Core epoch or eSpace block number. */
  position: number;
  transactionHash: string;
}

/** A distinct (token, spender) pair of one owner, with its newest event. */
export interface ApprovalPair {
  space: Space;
  /** Space form (base32 on Core, EIP-55 on eSpace). */
  token: string;
  owner: string;
  spender: string;
  tokenHex: string;
  ownerHex: string;
  spenderHex: string;
  /** Position and transaction of the newest event of the pair. */
  position: number;
  transactionHash: string;
}

function addressOfTopic(topic: unknown): string | null {
  if (typeof topic !== 'string' || !/^0x0{24}[0-9a-fA-F]{40}$/.test(topic)) return null;
  return `0x${topic.slice(26).toLowerCase()}`;
}

/**
 * The `Approval` events in a node's answer to `query`, in the order given.
 * @throws {ActivityError} `activity.malformed_answer` when the answer is not a list of logs at all; `activity.input` for a query that is not an approvals query
 */
export function readApprovalLogs(query: LogQuery, answer: unknown): { approvals: FoundApproval[]; rejected: RejectedLog[] } {
  if (query.kind !== 'token_approvals_out') throw new ActivityError('activity.input', 'query: expected an approvals query', { details: 'query' });
  if (!Array.isArray(answer)) throw new ActivityError('activity.malformed_answer', `${query.method}: the answer is not a list of logs`, { details: query.method });
  const owners = new Set(query.recipientTopics.map((t) => t.toLowerCase()));
  const approvals: FoundApproval[] = [];
  const rejected: RejectedLog[] = [];
  answer.forEach((raw: unknown, index) => {
    const reject = (reason: RejectedLog['reason']) => rejected.push({ index, reason });
    if (typeof raw !== 'object' || raw === null) return reject('not_an_object');
    const log = raw as Record<string, unknown>;
    if (log['removed'] === true) return reject('removed');
    const topics = log['topics'];
    if (!Array.isArray(topics) || typeof topics[0] !== 'string' || topics[0].toLowerCase() !== APPROVAL_TOPIC || topics.length !== 3) return reject('wrong_event');
    if (typeof topics[1] !== 'string' || !owners.has(topics[1].toLowerCase())) return reject('wrong_recipient');
    const position = readPosition(log, query.space);
    if (position === null) return reject('malformed');
    if (position < query.from || position > query.to) return reject('out_of_range');
    const tokenHex = readLogAddress(log['address'], query.space);
    const ownerHex = addressOfTopic(topics[1]);
    const spenderHex = addressOfTopic(topics[2]);
    const data = log['data'];
    const transactionHash = log['transactionHash'];
    if (tokenHex === null || ownerHex === null || spenderHex === null || typeof data !== 'string' || !HASH.test(data) || typeof transactionHash !== 'string' || !HASH.test(transactionHash)) return reject('malformed');
    approvals.push({ space: query.space, tokenHex, ownerHex, spenderHex, value: BigInt(data), position, transactionHash: transactionHash.toLowerCase() });
  });
  return { approvals, rejected };
}

/**
 * The distinct (token, owner, spender) pairs of `approvals`, each with its newest event, newest
 * first. Addresses are written in the space's form for `chainId` (Core network id).
 */
export function approvalPairs(approvals: readonly FoundApproval[], chainId: number): ApprovalPair[] {
  const newest = new Map<string, FoundApproval>();
  for (const a of approvals) {
    const key = `${a.space}/${a.tokenHex}/${a.ownerHex}/${a.spenderHex}`;
    const kept = newest.get(key);
    if (kept === undefined || a.position >= kept.position) newest.set(key, a);
  }
  return [...newest.values()]
    .sort((a, b) => b.position - a.position)
    .map((a) => ({
      space: a.space,
      token: formatAddress(a.tokenHex, a.space, chainId),
      owner: formatAddress(a.ownerHex, a.space, chainId),
      spender: formatAddress(a.spenderHex, a.space, chainId),
      tokenHex: a.tokenHex,
      ownerHex: a.ownerHex,
      spenderHex: a.spenderHex,
      position: a.position,
      transactionHash: a.transactionHash,
    }));
}
