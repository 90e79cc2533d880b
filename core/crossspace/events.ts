/**
 * The events CrossSpaceCall writes into a Core receipt, read back so a receipt proves what moved:
 * `Call(bytes20 indexed sender, bytes20 indexed receiver, uint256 value, uint256 nonce, bytes data)`
 * for `transferEVM`, `Withdraw(bytes20 indexed sender, address indexed receiver, uint256 value,
 * uint256 nonce)` for `withdrawFromMapped`, and `Outcome(bool success)` after the eSpace call.
 * Signatures and topic hashes: conflux-rust `internal_contract/contracts/cross_space.rs`
 * (`test_cross_space_contract_sig`). The `sender` of both is the mapped eSpace address; `bytes20`
 * topics are left-aligned in their 32 bytes, `address` topics right-aligned.
 *
 * Threat model: logs are taken only from the CrossSpaceCall address; anything malformed is
 * skipped (a receipt whose logs do not say what the plan expects is reported as a mismatch by
 * status.ts, never read loosely).
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeAbiParameters } from '../abi/decode.js';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';

export const CROSS_SPACE_CALL_HEX = '0x0888000000000000000000000000000000000006';

const topicOf = (signature: string) => bytesToHex(keccak_256(utf8ToBytes(signature)));
export const CALL_EVENT_TOPIC = topicOf('Call(bytes20,bytes20,uint256,uint256,bytes)');
export const WITHDRAW_EVENT_TOPIC = topicOf('Withdraw(bytes20,address,uint256,uint256)');
export const OUTCOME_EVENT_TOPIC = topicOf('Outcome(bool)');

/** A log as the caller read it from a receipt: hex strings, the address as 20-byte hex. */
export interface LogInput {
  /** 20-byte hex (any case). */
  address: string;
  topics: readonly string[];
  data: string;
}

export interface CallEvent {
  /** Mapped eSpace address of the Core sender (lower-case hex). */
  mappedSender: string;
  /** eSpace receiver (lower-case hex). */
  receiver: string;
  value: bigint;
  nonce: bigint;
}

export interface WithdrawEvent {
  mappedSender: string;
  /** Core receiver (lower-case hex). */
  receiver: string;
  value: bigint;
  nonce: bigint;
}

function safeBytes(hex: string, length?: number): Uint8Array | null {
  try {
    return hexToBytes(hex, length);
  } catch {
    return null;
  }
}

function fromCrossSpaceCall(log: LogInput): boolean {
  return typeof log.address === 'string' && log.address.toLowerCase() === CROSS_SPACE_CALL_HEX;
}

function leftBytes20(topic: string): string | null {
  const bytes = safeBytes(topic, 32);
  if (bytes === null || bytes.subarray(20).some((b) => b !== 0)) return null;
  return bytesToHex(bytes.subarray(0, 20));
}

function rightAddress(topic: string): string | null {
  const bytes = safeBytes(topic, 32);
  if (bytes === null || bytes.subarray(0, 12).some((b) => b !== 0)) return null;
  return bytesToHex(bytes.subarray(12));
}

function isTopic(log: LogInput, topic: string, count: number): boolean {
  return fromCrossSpaceCall(log) && Array.isArray(log.topics) && log.topics.length === count && typeof log.topics[0] === 'string' && log.topics[0].toLowerCase() === topic;
}

/** The `Call` events of a receipt's logs (malformed ones skipped). */
export function readCallEvents(logs: readonly LogInput[]): CallEvent[] {
  const out: CallEvent[] = [];
  for (const log of logs) {
    if (!isTopic(log, CALL_EVENT_TOPIC, 3)) continue;
    const mappedSender = leftBytes20(log.topics[1]!);
    const receiver = leftBytes20(log.topics[2]!);
    const data = safeBytes(log.data);
    if (mappedSender === null || receiver === null || data === null) continue;
    try {
      const { values } = decodeAbiParameters([{ kind: 'uint', bits: 256 }, { kind: 'uint', bits: 256 }, { kind: 'bytes' }], data);
      out.push({ mappedSender, receiver, value: values[0] as bigint, nonce: values[1] as bigint });
    } catch {
      continue;
    }
  }
  return out;
}

/** The `Withdraw` events of a receipt's logs (malformed ones skipped). */
export function readWithdrawEvents(logs: readonly LogInput[]): WithdrawEvent[] {
  const out: WithdrawEvent[] = [];
  for (const log of logs) {
    if (!isTopic(log, WITHDRAW_EVENT_TOPIC, 3)) continue;
    const mappedSender = leftBytes20(log.topics[1]!);
    const receiver = rightAddress(log.topics[2]!);
    const data = safeBytes(log.data, 64);
    if (mappedSender === null || receiver === null || data === null) continue;
    const { values } = decodeAbiParameters([{ kind: 'uint', bits: 256 }, { kind: 'uint', bits: 256 }], data);
    out.push({ mappedSender, receiver, value: values[0] as bigint, nonce: values[1] as bigint });
  }
  return out;
}

/** The `Outcome(bool)` values of a receipt's logs, in order. */
export function readOutcomes(logs: readonly LogInput[]): boolean[] {
  const out: boolean[] = [];
  for (const log of logs) {
    if (!isTopic(log, OUTCOME_EVENT_TOPIC, 1)) continue;
    const data = safeBytes(log.data, 32);
    if (data === null || data.subarray(0, 31).some((b) => b !== 0) || data[31]! > 1) continue;
    out.push(data[31] === 1);
  }
  return out;
}
