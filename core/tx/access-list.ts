/**
 * Access lists (`[{address, storageKeys}]`), shared by Core CIP-2930/1559 and eSpace EIP-2930/1559
 * transactions. RLP form: `[[addr20, [key32, …]], …]`. Addresses are parsed and formatted by the
 * caller's space (base32 on Core, hex on eSpace).
 * @module
 */
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { rlpBytes, rlpList, type RlpDecoded, type RlpItem } from '../encoding/rlp.js';
import { TxError } from './errors.js';
import { assertShape, describeValue } from './fields.js';

export interface AccessListEntry {
  address: string;
  storageKeys: string[];
}
export type AccessList = AccessListEntry[];

/** Address parser/formatter of one space. */
export interface AddressCodec {
  /** Validated 20 bytes of an address string (throws TxError). */
  parse(address: string, field: string): Uint8Array;
  /** Display form of 20 address bytes (throws TxError when not representable). */
  format(bytes: Uint8Array, field: string): string;
}

/** Validates an access list; returns its normalised form and RLP item. */
export function readAccessList(value: unknown, codec: AddressCodec): { list: AccessList; rlp: RlpItem[] } {
  if (!Array.isArray(value)) throw new TxError('tx.access_list', `accessList: expected an array, got ${describeValue(value)}`, { details: 'accessList' });
  const list: AccessList = [];
  const rlp: RlpItem[] = [];
  value.forEach((entry: unknown, i) => {
    const field = `accessList[${i}]`;
    let record: Record<string, unknown>;
    try {
      record = assertShape(entry, ['address', 'storageKeys'], ['address', 'storageKeys'], field);
    } catch (cause) {
      throw new TxError('tx.access_list', `${field}: expected {address, storageKeys}`, { cause, details: field });
    }
    if (typeof record['address'] !== 'string') throw new TxError('tx.access_list', `${field}.address: expected a string`, { details: field });
    const address = codec.parse(record['address'], `${field}.address`);
    const keysValue = record['storageKeys'];
    if (!Array.isArray(keysValue)) throw new TxError('tx.access_list', `${field}.storageKeys: expected an array`, { details: field });
    const keys = keysValue.map((key: unknown, k) => readStorageKey(key, `${field}.storageKeys[${k}]`));
    list.push({ address: codec.format(address, `${field}.address`), storageKeys: keys.map((b) => bytesToHex(b)) });
    rlp.push([address, keys]);
  });
  return { list, rlp };
}

function readStorageKey(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string') throw new TxError('tx.access_list', `${field}: expected a 32-byte hex string`, { details: field });
  try {
    return hexToBytes(value, 32, field);
  } catch (cause) {
    throw new TxError('tx.access_list', `${field}: expected 32 bytes of 0x hex`, { cause, details: field });
  }
}

/** Reads a decoded RLP access list back into its normalised form. */
export function decodeAccessList(item: RlpDecoded | undefined, codec: AddressCodec): AccessList {
  try {
    return rlpList(item, 'accessList').map((entryItem, i) => {
      const entry = rlpList(entryItem, `accessList[${i}]`);
      if (entry.length !== 2) throw new TxError('tx.access_list', `accessList[${i}]: expected [address, storageKeys]`);
      const address = rlpBytes(entry[0], `accessList[${i}].address`);
      if (address.length !== 20) throw new TxError('tx.access_list', `accessList[${i}].address: expected 20 bytes`);
      const keys = rlpList(entry[1], `accessList[${i}].storageKeys`).map((keyItem, k) => {
        const key = rlpBytes(keyItem, `accessList[${i}].storageKeys[${k}]`);
        if (key.length !== 32) throw new TxError('tx.access_list', `accessList[${i}].storageKeys[${k}]: expected 32 bytes`);
        return bytesToHex(key);
      });
      return { address: codec.format(address, `accessList[${i}].address`), storageKeys: keys };
    });
  } catch (cause) {
    if (cause instanceof TxError) throw cause;
    throw new TxError('tx.access_list', 'access list is not [[address, [key…]]…]', { cause, details: 'accessList' });
  }
}
