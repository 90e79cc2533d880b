/**
 * The few CRC-20 / ERC-20 ABI pieces the wallet speaks: the `transfer(address,uint256)` call it
 * signs, the `Transfer` event it looks for in logs, and the answers of `symbol()`, `name()` and
 * `decimals()`.
 *
 * Threat model: return data and logs come from nodes and from arbitrary contracts. Decoding is
 * strict (exact lengths, zero padding where the ABI requires it, bounded strings, no control
 * characters) and returns `null` for anything else instead of guessing: a token whose name cannot
 * be decoded is shown without one, never with bytes a contract chose to make look like text.
 * @module
 */
import { bytesToHex, hexToBytes, type Hex } from '../../../core/encoding/hex.js';

export const TOKEN_SELECTORS = {
  transfer: '0xa9059cbb',
  balanceOf: '0x70a08231',
  symbol: '0x95d89b41',
  name: '0x06fdde03',
  decimals: '0x313ce567',
} as const;

/** keccak256("Transfer(address,address,uint256)"). */
export const TRANSFER_EVENT_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

/** Longest token symbol or name shown (characters). */
export const MAX_TOKEN_TEXT = 64;

/** Control and bidirectional-override characters: they can disguise what a token's name shows. */
export const DISGUISING = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const WORD = 32;
const MAX_UINT256 = (1n << 256n) - 1n;

function word(value: bigint): string {
  return value.toString(16).padStart(64, '0');
}

function assertAddressHex(addressHex: string): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(addressHex)) throw new TypeError('"recipient" expected a 20-byte 0x hex address');
  return addressHex.slice(2).toLowerCase();
}

/**
 * The call data of `transfer(recipient, amount)`.
 * @example encodeTransferCall('0x1a2f…aa55', 10n ** 18n) // '0xa9059cbb000…1a2f…aa550…de0b6b3a7640000'
 */
export function encodeTransferCall(recipientHex: string, amount: bigint): Hex {
  const address = assertAddressHex(recipientHex);
  if (typeof amount !== 'bigint' || amount < 0n || amount > MAX_UINT256) throw new RangeError('"amount" expected a uint256');
  return `${TOKEN_SELECTORS.transfer}${address.padStart(64, '0')}${word(amount)}`;
}

/** The recipient (lower-case 20-byte hex) and amount of `transfer` call data, or null if it is not exactly one. */
export function decodeTransferCall(data: string): { toHex: string; amount: bigint } | null {
  if (typeof data !== 'string' || data.length !== 2 + 8 + 128 || !data.toLowerCase().startsWith(TOKEN_SELECTORS.transfer)) return null;
  const body = data.slice(10).toLowerCase();
  if (!/^[0-9a-f]{128}$/.test(body)) return null;
  const addressWord = body.slice(0, 64);
  if (!addressWord.startsWith('0'.repeat(24))) return null;
  return { toHex: `0x${addressWord.slice(24)}`, amount: BigInt(`0x${body.slice(64)}`) };
}

/** A 32-byte log topic holding an address, or null when its upper 12 bytes are not zero. */
export function topicToAddressHex(topic: string): string | null {
  if (!/^0x[0-9a-fA-F]{64}$/.test(topic) || !/^0x0{24}/.test(topic)) return null;
  return `0x${topic.slice(26).toLowerCase()}`;
}

/** The topic that filters logs by an address (left-padded to 32 bytes). */
export function addressTopic(addressHex: string): Hex {
  return `0x${assertAddressHex(addressHex).padStart(64, '0')}`;
}

/** One 32-byte word as an unsigned integer, or null when the data is not exactly one word. */
export function decodeUintWord(data: string): bigint | null {
  if (typeof data !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(data)) return null;
  return BigInt(data);
}

function cleanText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (DISGUISING.test(text)) return null;
  text = text.trim();
  if (text.length === 0 || text.length > MAX_TOKEN_TEXT) return null;
  return text;
}

/**
 * The answer of `symbol()` / `name()`: an ABI `string` (offset 32, length, zero-padded bytes), or
 * the `bytes32` some early tokens return (text padded with zeros). Null for anything else.
 */
export function decodeAbiText(data: string): string | null {
  let bytes: Uint8Array;
  try {
    bytes = hexToBytes(data);
  } catch {
    return null;
  }
  if (bytes.length === WORD) {
    let end = WORD;
    while (end > 0 && bytes[end - 1] === 0) end--;
    if (bytes.subarray(0, end).includes(0)) return null;
    return cleanText(bytes.subarray(0, end));
  }
  if (bytes.length < 2 * WORD || bytes.length % WORD !== 0) return null;
  const offset = BigInt(bytesToHex(bytes.subarray(0, WORD)));
  if (offset !== BigInt(WORD)) return null;
  const length = BigInt(bytesToHex(bytes.subarray(WORD, 2 * WORD)));
  if (length > BigInt(MAX_TOKEN_TEXT * 4)) return null;
  const n = Number(length);
  const padded = Math.ceil(n / WORD) * WORD;
  if (bytes.length !== 2 * WORD + padded) return null;
  const text = bytes.subarray(2 * WORD, 2 * WORD + n);
  if (bytes.subarray(2 * WORD + n).some((b) => b !== 0)) return null;
  return cleanText(text);
}

/** The answer of `decimals()`: one word holding 0–255 (uint8), else null. */
export function decodeDecimals(data: string): number | null {
  const value = decodeUintWord(data);
  if (value === null || value > 255n) return null;
  return Number(value);
}
