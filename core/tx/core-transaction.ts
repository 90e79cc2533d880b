/**
 * Conflux Core space transactions: field types and validation.
 *
 * Three formats (CIP-1559 text, conflux-rust `NativeTransaction`, `Cip2930Transaction`,
 * `Cip1559Transaction`):
 * - type 0: `rlp([nonce, gasPrice, gas, to, value, storageLimit, epochHeight, chainId, data])`
 * - type 1: `"cfx" 01 ‖ rlp([… same 9 …, accessList])`
 * - type 2: `"cfx" 02 ‖ rlp([nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, storageLimit,
 *   epochHeight, chainId, data, accessList])`
 * Bounds follow conflux-rust: U256 for nonce/prices/gas/value, u64 for storageLimit/epochHeight,
 * u32 for chainId. `to` must be a real Core address type (user/contract/builtin/null), as the node
 * requires, and a base32 `to` must name the transaction's own network.
 *
 * Threat model: the object validated here is exactly what gets signed and shown; a dApp-supplied
 * request with an extra, missing or mistyped field is refused rather than guessed at.
 * @module
 */
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../address/cip37.js';
import { cfxAddressType } from '../address/type.js';
import { hexToBytes } from '../encoding/hex.js';
import { rlpInt, type RlpItem } from '../encoding/rlp.js';
import { readAccessList, type AccessList, type AddressCodec } from './access-list.js';
import { TxError } from './errors.js';
import { assertShape, dataToHex, readChainId, readData, readUint, UINT256_MAX, UINT64_MAX, type Quantity } from './fields.js';

interface CoreTransactionCommon<Q> {
  chainId: number;
  nonce: Q;
  gas: Q;
  /** base32 (must match chainId's network) or 20-byte hex on input; lower-case base32 after validation; null creates a contract. */
  to: string | null;
  value: Q;
  storageLimit: Q;
  epochHeight: Q;
  /** 0x hex bytes. */
  data: string;
}

export interface CoreLegacyTransaction<Q = bigint> extends CoreTransactionCommon<Q> {
  type: 0;
  gasPrice: Q;
}
export interface Core2930Transaction<Q = bigint> extends CoreTransactionCommon<Q> {
  type: 1;
  gasPrice: Q;
  accessList: AccessList;
}
export interface Core1559Transaction<Q = bigint> extends CoreTransactionCommon<Q> {
  type: 2;
  maxPriorityFeePerGas: Q;
  maxFeePerGas: Q;
  accessList: AccessList;
}

/** A validated Core transaction: bigints, base32 addresses, lower-case hex data. */
export type CoreTransaction = CoreLegacyTransaction | Core2930Transaction | Core1559Transaction;
/** What callers pass in: quantities as bigint or safe integers, `to` as base32 or hex. */
export type CoreTransactionInput = CoreLegacyTransaction<Quantity> | Core2930Transaction<Quantity> | Core1559Transaction<Quantity>;

/** The bytes `cfx` that start every typed Core transaction, before the type byte. */
export const CORE_TYPED_PREFIX = Uint8Array.of(0x63, 0x66, 0x78);

const COMMON_FIELDS = ['type', 'chainId', 'nonce', 'gas', 'to', 'value', 'storageLimit', 'epochHeight', 'data'] as const;
const FIELDS_BY_TYPE: Readonly<Record<0 | 1 | 2, readonly string[]>> = {
  0: [...COMMON_FIELDS, 'gasPrice'],
  1: [...COMMON_FIELDS, 'gasPrice', 'accessList'],
  2: [...COMMON_FIELDS, 'maxPriorityFeePerGas', 'maxFeePerGas', 'accessList'],
};

/** Validated transaction plus the RLP items of its unsigned field list and its type prefix. */
export interface PreparedCoreTransaction {
  tx: CoreTransaction;
  fields: RlpItem[];
  /** Empty for type 0, `cfx` ‖ type otherwise. */
  prefix: Uint8Array;
}

/** Base32 on output; base32 (same network) or hex with a valid Core type nibble on input. */
export function coreAddressCodec(chainId: number): AddressCodec {
  return {
    parse(address, field) {
      if (address.startsWith('0x') || address.startsWith('0X')) {
        let bytes: Uint8Array;
        try {
          bytes = hexToBytes(address, 20, field);
          cfxAddressType(bytes);
        } catch (cause) {
          throw new TxError('tx.address', `${field}: not a Core address (20-byte hex starting 0x0, 0x1 or 0x8)`, { cause, details: field });
        }
        return bytes;
      }
      let decoded: ReturnType<typeof decodeCfxAddressToBytes>;
      try {
        decoded = decodeCfxAddressToBytes(address);
      } catch (cause) {
        throw new TxError('tx.address', `${field}: not a valid Core address`, { cause, details: field });
      }
      if (decoded.networkId !== chainId) {
        throw new TxError('tx.network', `${field}: address is for network ${decoded.networkId} but the transaction is for chain ${chainId}`, { details: field });
      }
      return decoded.bytes;
    },
    format(bytes, field) {
      try {
        return encodeCfxAddress(bytes, chainId);
      } catch (cause) {
        throw new TxError('tx.address', `${field}: not a Core address type`, { cause, details: field });
      }
    },
  };
}

function readType(value: unknown): 0 | 1 | 2 {
  if (value === 0 || value === 1 || value === 2) return value;
  throw new TxError('tx.type', `type: expected 0, 1 or 2 for a Core transaction, got ${String(value)}`, { details: 'type' });
}

/**
 * Validates a Core transaction and builds its RLP field list.
 * @throws {TxError} one code per failed rule; `details` names the field
 */
export function prepareCoreTransaction(input: CoreTransactionInput): PreparedCoreTransaction {
  if (typeof input !== 'object' || input === null) throw new TxError('tx.field', 'transaction: expected an object');
  const type = readType((input as { type?: unknown }).type);
  const fieldNames = FIELDS_BY_TYPE[type];
  // `to: null` (contract creation) counts as present; only a missing key fails.
  const record = assertShape(input, fieldNames, fieldNames, 'transaction');

  const chainId = readChainId(record['chainId']);
  const codec = coreAddressCodec(chainId);
  const nonce = readUint(record['nonce'], 'nonce', UINT256_MAX);
  const gas = readUint(record['gas'], 'gas', UINT256_MAX);
  const value = readUint(record['value'], 'value', UINT256_MAX);
  const storageLimit = readUint(record['storageLimit'], 'storageLimit', UINT64_MAX);
  const epochHeight = readUint(record['epochHeight'], 'epochHeight', UINT64_MAX);
  const data = readData(record['data']);
  const toValue = record['to'];
  if (toValue !== null && typeof toValue !== 'string') throw new TxError('tx.field', 'to: expected an address string or null', { details: 'to' });
  const toBytes = toValue === null ? null : codec.parse(toValue, 'to');
  const to = toBytes === null ? null : codec.format(toBytes, 'to');
  const toItem = toBytes ?? new Uint8Array(0);
  const dataHex = dataToHex(data);
  const tail: RlpItem[] = [toItem, rlpInt(value), rlpInt(storageLimit), rlpInt(epochHeight), rlpInt(chainId), data];

  if (type === 0 || type === 1) {
    const gasPrice = readUint(record['gasPrice'], 'gasPrice', UINT256_MAX);
    const fields: RlpItem[] = [rlpInt(nonce), rlpInt(gasPrice), rlpInt(gas), ...tail];
    const common = { chainId, nonce, gasPrice, gas, to, value, storageLimit, epochHeight, data: dataHex };
    if (type === 0) return { tx: { type, ...common }, fields, prefix: new Uint8Array(0) };
    const accessList = readAccessList(record['accessList'], codec);
    fields.push(accessList.rlp);
    return { tx: { type, ...common, accessList: accessList.list }, fields, prefix: typedPrefix(type) };
  }

  const maxPriorityFeePerGas = readUint(record['maxPriorityFeePerGas'], 'maxPriorityFeePerGas', UINT256_MAX);
  const maxFeePerGas = readUint(record['maxFeePerGas'], 'maxFeePerGas', UINT256_MAX);
  if (maxPriorityFeePerGas > maxFeePerGas) {
    throw new TxError('tx.fee_cap', `maxPriorityFeePerGas (${maxPriorityFeePerGas}) exceeds maxFeePerGas (${maxFeePerGas})`, { details: 'maxPriorityFeePerGas' });
  }
  const accessList = readAccessList(record['accessList'], codec);
  const fields: RlpItem[] = [rlpInt(nonce), rlpInt(maxPriorityFeePerGas), rlpInt(maxFeePerGas), rlpInt(gas), ...tail, accessList.rlp];
  const tx: Core1559Transaction = {
    type, chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, storageLimit, epochHeight, data: dataHex, accessList: accessList.list,
  };
  return { tx, fields, prefix: typedPrefix(type) };
}

function typedPrefix(type: 1 | 2): Uint8Array {
  return Uint8Array.of(...CORE_TYPED_PREFIX, type);
}

/** Validates and normalises a Core transaction (see {@link prepareCoreTransaction}). */
export function validateCoreTransaction(input: CoreTransactionInput): CoreTransaction {
  return prepareCoreTransaction(input).tx;
}
