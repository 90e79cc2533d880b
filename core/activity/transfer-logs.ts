/**
 * Reading the logs a node returned for a planned query into incoming transfers, checking each log
 * against the query that asked for it.
 *
 * A log is kept only when it is what was asked for: the event topic of the query, a recipient
 * among the query's, a position inside the query's range, and the exact shape of the event —
 * ERC-20/CRC-20 `Transfer`: 3 topics and 32 bytes of data (the amount); ERC-721 `Transfer`: 4
 * topics (the token id indexed) and no data; CrossSpaceCall `Call`: from the internal contract,
 * bytes20 topics, and ABI data (value, nonce, bytes). Everything else is listed under `rejected`
 * with the reason, so the caller can blame a node that answers outside its filter.
 *
 * Threat model: the node is untrusted. A kept log is still only the node's claim until the caller
 * proves the receipt of its transaction (the receipt carries the logs), which is what turns an
 * activity row from single-source into verified. Token contracts are untrusted too: any contract
 * can emit a `Transfer` naming the user (fake or dust tokens); rows say which contract emitted it
 * and core/poisoning classifies look-alike senders.
 * @module
 */
import { decodeAbiParameters } from '../abi/decode.js';
import { decodeCfxAddressAnyType } from '../address/cip37.js';
import { toChecksumAddress } from '../address/eip55.js';
import { formatAddress } from '../effects/address-form.js';
import { bytesToBigInt, bytesToHex, hexToBytes } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { CROSS_SPACE_CALL_HEX, type LogQuery } from './log-queries.js';

export interface IncomingTransfer {
  /** `token`: ERC-20/CRC-20 amount; `nft`: ERC-721 token id; `cross_space`: CFX from Core to an eSpace address. */
  kind: 'token' | 'nft' | 'cross_space';
  space: Space;
  /** The contract that emitted the event (space form). For cross_space, the Core CrossSpaceCall contract. */
  contract: string;
  /** Sender in the space's form (for cross_space: the Core sender's mapped eSpace address). */
  from: string;
  /** Recipient: one of the user's addresses (for cross_space: in eSpace). */
  to: string;
  /** Token amount or CFX (drip); null for an NFT. */
  amount: bigint | null;
  tokenId: bigint | null;
  transactionHash: string;
  blockHash: string;
  /** Core epoch or eSpace block number. */
  position: number;
  logIndex: number | null;
}

export interface RejectedLog {
  index: number;
  reason: 'not_an_object' | 'wrong_event' | 'wrong_recipient' | 'out_of_range' | 'malformed' | 'wrong_contract' | 'removed';
}

/** A 32-byte hash (or word) in 0x hex, as logs carry them. */
export const HASH = /^0x[0-9a-fA-F]{64}$/;

/** A log's Core epoch or eSpace block number, or null when malformed. */
export function readPosition(log: Record<string, unknown>, space: Space): number | null {
  const value = log[space === 'core' ? 'epochNumber' : 'blockNumber'];
  if (typeof value !== 'string' || !/^0x[0-9a-f]{1,13}$/i.test(value)) return null;
  return Number(BigInt(value));
}

/** A log's `address` as 0x hex (Core answers may give it in CIP-37 form), or null when malformed. */
export function readLogAddress(value: unknown, space: Space): string | null {
  if (typeof value !== 'string') return null;
  try {
    if (space === 'core' && !value.startsWith('0x')) return bytesToHex(decodeCfxAddressAnyType(value).bytes);
    return bytesToHex(hexToBytes(value, 20));
  } catch {
    return null;
  }
}

function topicBytes(topics: unknown[], i: number): Uint8Array | null {
  const t = topics[i];
  if (typeof t !== 'string') return null;
  try {
    return hexToBytes(t, 32);
  } catch {
    return null;
  }
}

/**
 * Incoming transfers from the logs a node returned for `query`, in the order given.
 * @example readIncomingLogs(query, await rpc(query.method, query.params)).transfers
 */
export function readIncomingLogs(query: LogQuery, answer: unknown): { transfers: IncomingTransfer[]; rejected: RejectedLog[] } {
  const transfers: IncomingTransfer[] = [];
  const rejected: RejectedLog[] = [];
  if (!Array.isArray(answer)) return { transfers, rejected: [{ index: -1, reason: 'malformed' }] };
  const wanted = new Set(query.recipientTopics.map((t) => t.toLowerCase()));
  const topic0 = (query.params[0]['topics'] as unknown[])[0] as string;
  answer.forEach((raw, index) => {
    const reject = (reason: RejectedLog['reason']) => rejected.push({ index, reason });
    if (typeof raw !== 'object' || raw === null) return reject('not_an_object');
    const log = raw as Record<string, unknown>;
    if (log['removed'] === true) return reject('removed');
    const topics = log['topics'];
    if (!Array.isArray(topics) || typeof topics[0] !== 'string' || topics[0].toLowerCase() !== topic0) return reject('wrong_event');
    if (typeof topics[2] !== 'string' || !wanted.has(topics[2].toLowerCase())) return reject('wrong_recipient');
    const position = readPosition(log, query.space);
    if (position === null) return reject('malformed');
    if (position < query.from || position > query.to) return reject('out_of_range');
    const contractHex = readLogAddress(log['address'], query.space);
    const data = typeof log['data'] === 'string' ? (() => { try { return hexToBytes(log['data'] as string); } catch { return null; } })() : null;
    const from = topicBytes(topics, 1);
    const to = topicBytes(topics, 2);
    const transactionHash = log['transactionHash'];
    const blockHash = log['blockHash'];
    if (contractHex === null || data === null || from === null || to === null || typeof transactionHash !== 'string' || !HASH.test(transactionHash) || typeof blockHash !== 'string' || !HASH.test(blockHash)) return reject('malformed');
    const logIndexRaw = log['logIndex'];
    const logIndex = typeof logIndexRaw === 'string' && /^0x[0-9a-f]{1,8}$/i.test(logIndexRaw) ? Number(BigInt(logIndexRaw)) : null;
    const base = { space: query.space, transactionHash: transactionHash.toLowerCase(), blockHash: blockHash.toLowerCase(), position, logIndex };

    if (query.kind === 'cross_space_in') {
      if (contractHex !== CROSS_SPACE_CALL_HEX) return reject('wrong_contract');
      if (topics.length !== 3 || from.subarray(20).some((b) => b !== 0)) return reject('malformed');
      let values: ReturnType<typeof decodeAbiParameters>['values'];
      try {
        values = decodeAbiParameters([{ kind: 'uint', bits: 256 }, { kind: 'uint', bits: 256 }, { kind: 'bytes' }], data).values;
      } catch {
        return reject('malformed');
      }
      transfers.push({
        kind: 'cross_space', ...base, contract: formatAddress(contractHex, 'core', query.chainId),
        from: toChecksumAddress(bytesToHex(from.subarray(0, 20))), to: toChecksumAddress(bytesToHex(to.subarray(0, 20))),
        amount: values[0] as bigint, tokenId: null,
      });
      return;
    }
    if (from.subarray(0, 12).some((b) => b !== 0)) return reject('malformed');
    const fromText = formatAddress(bytesToHex(from.subarray(12)), query.space, query.chainId);
    const toText = formatAddress(bytesToHex(to.subarray(12)), query.space, query.chainId);
    const contract = formatAddress(contractHex, query.space, query.chainId);
    if (topics.length === 3 && data.length === 32) {
      transfers.push({ kind: 'token', ...base, contract, from: fromText, to: toText, amount: bytesToBigInt(data), tokenId: null });
    } else if (topics.length === 4 && data.length === 0) {
      const id = topicBytes(topics, 3);
      if (id === null) return reject('malformed');
      transfers.push({ kind: 'nft', ...base, contract, from: fromText, to: toText, amount: null, tokenId: bytesToBigInt(id) });
    } else {
      reject('malformed');
    }
  });
  return { transfers, rejected };
}
