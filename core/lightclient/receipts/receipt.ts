/**
 * Rebuilds the consensus RLP of a Conflux receipt from its JSON-RPC form
 * (`cfx_getEpochReceipts(epoch, true)`), so that receipts can be checked against the deferred
 * receipts root of a verified header.
 *
 * Receipt RLP (conflux-rust `primitives/src/receipt.rs`): `[accumulated_gas_used, gas_fee,
 * gas_sponsor_paid, log_bloom, logs, outcome_status, storage_sponsor_paid,
 * storage_collateralized, storage_released, (burnt_gas_fee)]`. The two booleans are single raw
 * bytes 0x00/0x01; outcome_status is 0 success, 1 failure, 2 skipped (eSpace receipts print
 * 1 = success, 0 = failure, 0xff = skipped); a log is `[address, topics, data]` plus the space
 * byte 2 for eSpace logs; a storage change is `[address, collaterals]`.
 *
 * The JSON is lossy in one place: `storageCollateralized` gives only the first entry's amount and
 * no address. The owner is then the contract when storage is sponsored, otherwise the sender;
 * other owners are tried as further candidates. A receipt whose storage vector cannot be
 * reproduced makes the epoch `unprovable_receipt` (a limit of JSON-RPC, not proof of a bad node).
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import { encodeRlp, rlpInt, type RlpItem } from '../../encoding/rlp.js';
import { LightClientError, malformed } from '../errors.js';
import { asArray, asBoolean, asBytes, asObject, asQuantity, asSafeNumber, type JsonObject } from '../json.js';
import { readRpcAddress } from '../rpc-address.js';
import { BLOOM_BYTES, logsBloom } from './bloom.js';

/** A log's space as receipts spell it: `native` is Core space, `evm` is eSpace. */
export type ReceiptSpace = 'native' | 'evm';
export type Outcome = 'success' | 'failure' | 'skipped';

export interface ReceiptLog {
  readonly address: Uint8Array;
  readonly topics: readonly Uint8Array[];
  readonly data: Uint8Array;
  readonly space: ReceiptSpace;
}

/** A receipt as read from JSON, with every field the consensus encoding needs. */
export interface ReceiptView {
  readonly transactionHash: string;
  readonly blockHash: string;
  /** Position in the block among all transactions (Core and eSpace). */
  readonly index: number;
  readonly space: ReceiptSpace;
  readonly outcome: Outcome;
  readonly gasUsed: bigint;
  readonly accumulatedGasUsed: bigint;
  readonly gasFee: bigint;
  readonly burntGasFee: bigint | null;
  readonly gasCoveredBySponsor: boolean;
  readonly storageCoveredBySponsor: boolean;
  readonly storageCollateralized: bigint;
  readonly storageReleased: readonly { address: Uint8Array; collaterals: bigint }[];
  readonly logs: readonly ReceiptLog[];
  readonly logsBloom: Uint8Array;
  readonly from: Uint8Array;
  readonly to: Uint8Array | null;
  readonly contractCreated: Uint8Array | null;
}

const readAddress = readRpcAddress;

function readSpace(value: unknown, title: string): ReceiptSpace {
  if (value === 'native' || value === 'evm') return value;
  throw malformed(`${title}: expected "native" or "evm" (query with includeEspaceReceipts = true)`);
}

function readOutcome(status: bigint, space: ReceiptSpace, title: string): Outcome {
  if (space === 'native') {
    if (status === 0n) return 'success';
    if (status === 1n) return 'failure';
    if (status === 2n) return 'skipped';
  } else {
    if (status === 1n) return 'success';
    if (status === 0n) return 'failure';
    if (status === 0xffn) return 'skipped';
  }
  throw malformed(`${title}: unknown outcome status ${status} for a ${space} receipt`);
}

function readLog(value: unknown, title: string): ReceiptLog {
  const log = asObject(value, title);
  const topics = asArray(log.topics, `${title}.topics`).map((t, i) => asBytes(t, `${title}.topics[${i}]`, 32));
  if (topics.length > 4) throw malformed(`${title}: more than 4 topics`);
  return {
    address: readAddress(log.address, `${title}.address`),
    topics,
    data: asBytes(log.data, `${title}.data`),
    space: log.space === undefined ? 'native' : readSpace(log.space, `${title}.space`),
  };
}

function optionalAddress(json: JsonObject, key: string, title: string): Uint8Array | null {
  const value = json[key];
  return value === undefined || value === null ? null : readAddress(value, `${title}.${key}`);
}

/**
 * Reads one receipt of `cfx_getEpochReceipts(epoch, true)`.
 * @throws {LightClientError} `malformed`
 */
export function readReceipt(value: unknown, title = 'receipt'): ReceiptView {
  const json = asObject(value, title);
  const space = readSpace(json.space, `${title}.space`);
  if (json.accumulatedGasUsed === undefined) throw malformed(`${title}.accumulatedGasUsed: missing`);
  const bloom = asBytes(json.logsBloom, `${title}.logsBloom`, BLOOM_BYTES);
  return {
    transactionHash: bytesToHex(asBytes(json.transactionHash, `${title}.transactionHash`, 32)),
    blockHash: bytesToHex(asBytes(json.blockHash, `${title}.blockHash`, 32)),
    index: asSafeNumber(json.index, `${title}.index`),
    space,
    outcome: readOutcome(asQuantity(json.outcomeStatus, `${title}.outcomeStatus`, 64), space, `${title}.outcomeStatus`),
    gasUsed: asQuantity(json.gasUsed, `${title}.gasUsed`),
    accumulatedGasUsed: asQuantity(json.accumulatedGasUsed, `${title}.accumulatedGasUsed`),
    gasFee: asQuantity(json.gasFee, `${title}.gasFee`),
    burntGasFee: json.burntGasFee === undefined || json.burntGasFee === null ? null : asQuantity(json.burntGasFee, `${title}.burntGasFee`),
    gasCoveredBySponsor: asBoolean(json.gasCoveredBySponsor, `${title}.gasCoveredBySponsor`),
    storageCoveredBySponsor: asBoolean(json.storageCoveredBySponsor, `${title}.storageCoveredBySponsor`),
    storageCollateralized: asQuantity(json.storageCollateralized, `${title}.storageCollateralized`, 64),
    storageReleased: asArray(json.storageReleased, `${title}.storageReleased`).map((entry, i) => {
      const change = asObject(entry, `${title}.storageReleased[${i}]`);
      return { address: readAddress(change.address, `${title}.storageReleased[${i}].address`), collaterals: asQuantity(change.collaterals, `${title}.storageReleased[${i}].collaterals`, 64) };
    }),
    logs: asArray(json.logs, `${title}.logs`).map((log, i) => readLog(log, `${title}.logs[${i}]`)),
    logsBloom: bloom,
    from: readAddress(json.from, `${title}.from`),
    to: optionalAddress(json, 'to', title),
    contractCreated: optionalAddress(json, 'contractCreated', title),
  };
}

const STATUS_CODE: Record<Outcome, number> = { success: 0, failure: 1, skipped: 2 };
const strictBool = (b: boolean): Uint8Array => Uint8Array.of(b ? 1 : 0);

function logItem(log: ReceiptLog): RlpItem {
  const item: RlpItem[] = [log.address, log.topics, log.data];
  if (log.space === 'evm') item.push(rlpInt(2));
  return item;
}

/** The storage owners that `storageCollateralized` may belong to, most likely first. */
export function collateralOwnerCandidates(r: ReceiptView): Uint8Array[] {
  if (r.storageCollateralized === 0n) return [];
  const ordered = r.storageCoveredBySponsor ? [r.to, r.from, r.contractCreated] : [r.from, r.to, r.contractCreated];
  const out: Uint8Array[] = [];
  for (const a of ordered) {
    if (a !== null && !out.some((b) => bytesToHex(b) === bytesToHex(a))) out.push(a);
  }
  return out;
}

/** Consensus RLP of the receipt, given the owner of its collateralized storage (if any). */
export function encodeReceipt(r: ReceiptView, collateralOwner: Uint8Array | null): Uint8Array {
  if (r.storageCollateralized > 0n && collateralOwner === null) throw new LightClientError('unprovable_receipt', 'collateral owner needed');
  const items: RlpItem[] = [
    rlpInt(r.accumulatedGasUsed),
    rlpInt(r.gasFee),
    strictBool(r.gasCoveredBySponsor),
    r.logsBloom,
    r.logs.map(logItem),
    rlpInt(STATUS_CODE[r.outcome]),
    strictBool(r.storageCoveredBySponsor),
    r.storageCollateralized === 0n || collateralOwner === null ? [] : [[collateralOwner, rlpInt(r.storageCollateralized)]],
    r.storageReleased.map((c) => [c.address, rlpInt(c.collaterals)]),
  ];
  if (r.burntGasFee !== null) items.push(rlpInt(r.burntGasFee));
  return encodeRlp(items);
}

/** Every consensus encoding the receipt may have (one unless storage was collateralized). */
export function receiptEncodingCandidates(r: ReceiptView): Uint8Array[] {
  if (r.storageCollateralized === 0n) return [encodeReceipt(r, null)];
  return collateralOwnerCandidates(r).map((owner) => encodeReceipt(r, owner));
}

/**
 * Checks that the logs shown for a receipt are consistent with its bloom (every address and topic
 * sets its bits, and the bloom has no bits beyond them).
 */
export function receiptLogsMatchBloom(r: ReceiptView): boolean {
  return bytesToHex(logsBloom(r.logs)) === bytesToHex(r.logsBloom);
}
