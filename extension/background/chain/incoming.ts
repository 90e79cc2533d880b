/**
 * What can honestly be said about money that came in, without an address index (Conflux nodes keep
 * none, so "list the transactions to this address" cannot be asked):
 * - token transfers: `Transfer(from, to, value)` events of the user's tokens with the address as
 *   `to`, found with `cfx_getLogs` / `eth_getLogs` over a bounded range of recent epochs, then proved
 *   by finding the same event in the proved receipt of its transaction;
 * - CFX: an increase of the cross-checked balance between two reads — the net change, with no
 *   sender, because none was seen.
 *
 * Threat model: the log comes from one node, which may invent it, hide it, or alter it. An invented
 * or altered event is caught by the receipt proof (it is then dropped, never shown as verified);
 * a hidden one cannot be detected this way, which the UI says. This module is pure: the service does
 * the reading and proving.
 * @module
 */
import { bytesToHex } from '../../../core/encoding/hex.js';
import type { Trust } from '../../../core/trust/types.js';
import type { VerifiedReceipt } from '../../../core/lightclient/client/proofs.js';
import type { Space } from '../../../core/space.js';
import type { BalanceIncrease, IncomingTransfer } from './store.js';
import { decodeUintWord, topicToAddressHex, TRANSFER_EVENT_TOPIC } from './token-abi.js';

/** Epochs asked for in one log query (public nodes refuse wide ranges). */
export const LOG_WINDOW = 1000;
/** How far back a scan looks at most: older transfers are not searched for. */
export const MAX_LOOKBACK = 5 * LOG_WINDOW;
/** Entries kept per address. */
export const MAX_ENTRIES = 100;

/** The epoch ranges still to scan, oldest first, from what was scanned up to the verified epoch. */
export function rangesToScan(verifiedEpoch: number, scannedTo: number | undefined): { from: number; to: number }[] {
  const start = Math.max(scannedTo === undefined ? 0 : scannedTo + 1, verifiedEpoch - MAX_LOOKBACK + 1, 0);
  const out: { from: number; to: number }[] = [];
  for (let from = start; from <= verifiedEpoch; from += LOG_WINDOW) out.push({ from, to: Math.min(from + LOG_WINDOW - 1, verifiedEpoch) });
  return out;
}

/** A log as the node gave it, reduced to what is checked. */
export interface FoundLog {
  /** Contract address bytes as lower-case hex. */
  contractHex: string;
  topics: readonly string[];
  data: string;
  transactionHash: string;
  blockHash: string;
  epoch: number;
}

/** Sender, recipient and amount of a `Transfer` log to `ownerHex`, or null when it is not one. */
export function readTransfer(log: FoundLog, ownerHex: string): { fromHex: string; amount: bigint } | null {
  if (log.topics.length !== 3 || log.topics[0]?.toLowerCase() !== TRANSFER_EVENT_TOPIC) return null;
  const from = topicToAddressHex(log.topics[1]!);
  const to = topicToAddressHex(log.topics[2]!);
  const amount = decodeUintWord(log.data);
  if (from === null || to === null || amount === null || to !== ownerHex.toLowerCase()) return null;
  return { fromHex: from, amount };
}

/** Whether the proved receipt holds exactly this event (same contract, topics and data). */
export function receiptHasLog(receipt: Pick<VerifiedReceipt, 'logs'>, log: FoundLog): boolean {
  return receipt.logs.some(
    (l) =>
      bytesToHex(l.address).toLowerCase() === log.contractHex.toLowerCase() &&
      l.topics.length === log.topics.length &&
      l.topics.every((t, i) => bytesToHex(t).toLowerCase() === log.topics[i]!.toLowerCase()) &&
      bytesToHex(l.data).toLowerCase() === log.data.toLowerCase(),
  );
}

const TRUST_ORDER: readonly Trust[] = ['conflict', 'single-source', 'cross-checked', 'verified'];

/** The weaker of two trust levels. */
export function weakerTrust(a: Trust, b: Trust): Trust {
  return TRUST_ORDER.indexOf(a) <= TRUST_ORDER.indexOf(b) ? a : b;
}

/**
 * A balance increase between two reads of the same address, or null (no increase, an older or
 * equal epoch, or a value missing because nodes disagreed).
 */
export function balanceIncrease(
  space: Space,
  address: string,
  before: { value: string | null; epoch: number; trust: Trust },
  after: { value: string | null; epoch: number; trust: Trust },
  observedAt: number,
): BalanceIncrease | null {
  if (before.value === null || after.value === null || after.epoch <= before.epoch) return null;
  const amount = BigInt(after.value) - BigInt(before.value);
  if (amount <= 0n) return null;
  return { kind: 'balance_increase', id: `${space}/${address.toLowerCase()}/${before.epoch}-${after.epoch}`, space, address, fromEpoch: before.epoch, toEpoch: after.epoch, amount: amount.toString(), trust: weakerTrust(before.trust, after.trust), observedAt };
}

/** Adds found entries, a found one replacing a kept one with the same id (e.g. now proved), keeping the newest {@link MAX_ENTRIES}. */
export function mergeEntries<T extends { id: string }>(existing: readonly T[], found: readonly T[]): T[] {
  const ids = new Set(found.map((f) => f.id));
  const merged = [...existing.filter((e) => !ids.has(e.id)), ...found];
  return merged.slice(Math.max(0, merged.length - MAX_ENTRIES));
}

export type { IncomingTransfer };
