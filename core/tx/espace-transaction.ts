/**
 * Conflux eSpace transactions (plain Ethereum formats): field types and validation.
 *
 * - type 0 (EIP-155): signing hash over `rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])`
 * - type 1 (EIP-2930): `01 ‖ rlp([chainId, nonce, gasPrice, gas, to, value, data, accessList])`
 * - type 2 (EIP-1559): `02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to,
 *   value, data, accessList])`
 * Bounds follow conflux-rust's `Eip155Transaction`/`Eip2930Transaction`/`Eip1559Transaction`:
 * U256 for nonce/prices/gas/value, u32 for chainId. No storageLimit or epochHeight on eSpace.
 *
 * Threat model: as for Core — exact shapes, no guessing, and mixed-case addresses must carry a
 * valid EIP-55 checksum. Unprotected (pre-EIP-155) transactions are never produced.
 * @module
 */
import { parseEspaceAddress, toChecksumAddress } from '../address/eip55.js';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { rlpInt, type RlpItem } from '../encoding/rlp.js';
import { readAccessList, type AccessList, type AddressCodec } from './access-list.js';
import { TxError } from './errors.js';
import { assertShape, dataToHex, readChainId, readData, readUint, UINT256_MAX, type Quantity } from './fields.js';

interface EspaceTransactionCommon<Q> {
  chainId: number;
  nonce: Q;
  gas: Q;
  /** 0x hex (EIP-55 checked when mixed case) on input; EIP-55 after validation; null creates a contract. */
  to: string | null;
  value: Q;
  /** 0x hex bytes. */
  data: string;
}

export interface EspaceLegacyTransaction<Q = bigint> extends EspaceTransactionCommon<Q> {
  type: 0;
  gasPrice: Q;
}
export interface Espace2930Transaction<Q = bigint> extends EspaceTransactionCommon<Q> {
  type: 1;
  gasPrice: Q;
  accessList: AccessList;
}
export interface Espace1559Transaction<Q = bigint> extends EspaceTransactionCommon<Q> {
  type: 2;
  maxPriorityFeePerGas: Q;
  maxFeePerGas: Q;
  accessList: AccessList;
}

export type EspaceTransaction = EspaceLegacyTransaction | Espace2930Transaction | Espace1559Transaction;
export type EspaceTransactionInput = EspaceLegacyTransaction<Quantity> | Espace2930Transaction<Quantity> | Espace1559Transaction<Quantity>;

const COMMON_FIELDS = ['type', 'chainId', 'nonce', 'gas', 'to', 'value', 'data'] as const;
const FIELDS_BY_TYPE: Readonly<Record<0 | 1 | 2, readonly string[]>> = {
  0: [...COMMON_FIELDS, 'gasPrice'],
  1: [...COMMON_FIELDS, 'gasPrice', 'accessList'],
  2: [...COMMON_FIELDS, 'maxPriorityFeePerGas', 'maxFeePerGas', 'accessList'],
};

/** Validated transaction with the RLP items the encoders need. */
export interface PreparedEspaceTransaction {
  tx: EspaceTransaction;
  /** Type 0: `[nonce, gasPrice, gas, to, value, data]`; typed: the full unsigned field list. */
  fields: RlpItem[];
  /** Empty for type 0, the type byte otherwise. */
  prefix: Uint8Array;
}

export const espaceAddressCodec: AddressCodec = {
  parse(address, field) {
    try {
      return hexToBytes(parseEspaceAddress(address), 20, field);
    } catch (cause) {
      throw new TxError('tx.address', `${field}: not a valid eSpace address`, { cause, details: field });
    }
  },
  format(bytes) {
    return toChecksumAddress(bytesToHex(bytes));
  },
};

function readType(value: unknown): 0 | 1 | 2 {
  if (value === 0 || value === 1 || value === 2) return value;
  throw new TxError('tx.type', `type: expected 0, 1 or 2 for an eSpace transaction, got ${String(value)}`, { details: 'type' });
}

/**
 * Validates an eSpace transaction and builds its RLP field list.
 * @throws {TxError} one code per failed rule; `details` names the field
 */
export function prepareEspaceTransaction(input: EspaceTransactionInput): PreparedEspaceTransaction {
  if (typeof input !== 'object' || input === null) throw new TxError('tx.field', 'transaction: expected an object');
  const type = readType((input as { type?: unknown }).type);
  const fieldNames = FIELDS_BY_TYPE[type];
  const record = assertShape(input, fieldNames, fieldNames, 'transaction');

  const chainId = readChainId(record['chainId']);
  const nonce = readUint(record['nonce'], 'nonce', UINT256_MAX);
  const gas = readUint(record['gas'], 'gas', UINT256_MAX);
  const value = readUint(record['value'], 'value', UINT256_MAX);
  const data = readData(record['data']);
  const toValue = record['to'];
  if (toValue !== null && typeof toValue !== 'string') throw new TxError('tx.field', 'to: expected an address string or null', { details: 'to' });
  const toBytes = toValue === null ? null : espaceAddressCodec.parse(toValue, 'to');
  const common = { chainId, nonce, gas, to: toBytes === null ? null : espaceAddressCodec.format(toBytes, 'to'), value, data: dataToHex(data) };
  const toItem = toBytes ?? new Uint8Array(0);

  if (type === 0) {
    const gasPrice = readUint(record['gasPrice'], 'gasPrice', UINT256_MAX);
    return {
      tx: { type, ...common, gasPrice },
      fields: [rlpInt(nonce), rlpInt(gasPrice), rlpInt(gas), toItem, rlpInt(value), data],
      prefix: new Uint8Array(0),
    };
  }
  const accessList = readAccessList(record['accessList'], espaceAddressCodec);
  if (type === 1) {
    const gasPrice = readUint(record['gasPrice'], 'gasPrice', UINT256_MAX);
    return {
      tx: { type, ...common, gasPrice, accessList: accessList.list },
      fields: [rlpInt(chainId), rlpInt(nonce), rlpInt(gasPrice), rlpInt(gas), toItem, rlpInt(value), data, accessList.rlp],
      prefix: Uint8Array.of(1),
    };
  }
  const maxPriorityFeePerGas = readUint(record['maxPriorityFeePerGas'], 'maxPriorityFeePerGas', UINT256_MAX);
  const maxFeePerGas = readUint(record['maxFeePerGas'], 'maxFeePerGas', UINT256_MAX);
  if (maxPriorityFeePerGas > maxFeePerGas) {
    throw new TxError('tx.fee_cap', `maxPriorityFeePerGas (${maxPriorityFeePerGas}) exceeds maxFeePerGas (${maxFeePerGas})`, { details: 'maxPriorityFeePerGas' });
  }
  return {
    tx: { type, ...common, maxPriorityFeePerGas, maxFeePerGas, accessList: accessList.list },
    fields: [rlpInt(chainId), rlpInt(nonce), rlpInt(maxPriorityFeePerGas), rlpInt(maxFeePerGas), rlpInt(gas), toItem, rlpInt(value), data, accessList.rlp],
    prefix: Uint8Array.of(2),
  };
}

/** Validates and normalises an eSpace transaction (see {@link prepareEspaceTransaction}). */
export function validateEspaceTransaction(input: EspaceTransactionInput): EspaceTransaction {
  return prepareEspaceTransaction(input).tx;
}
