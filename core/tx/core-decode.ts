/**
 * Decodes a signed raw Core transaction back into validated fields and its sender, so the user can
 * be shown exactly what a signature commits to.
 *
 * Threat model: the bytes may come from a dApp or a node. Decoding accepts only canonical RLP and
 * canonical integers, the exact field counts of each type, v ∈ {0, 1}, r/s in range with low s, and
 * fields that pass the same validation as signing; finally the transaction is re-encoded and must
 * reproduce the input byte for byte, so a decoded transaction has exactly one encoding.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { encodeCfxAddress } from '../address/cip37.js';
import { coreAddressFromPublicKey } from '../keys/address.js';
import { bytesToHex } from '../encoding/hex.js';
import { decodeAccessList } from './access-list.js';
import { coreAddressCodec, CORE_TYPED_PREFIX, prepareCoreTransaction, type CoreTransaction, type CoreTransactionInput } from './core-transaction.js';
import { assembleSignedCore, unsignedBytes } from './core-sign.js';
import { TxError } from './errors.js';
import { assertActiveChain, readChainId } from './fields.js';
import { readHex, readInt, readList, readNestedList, readSignature, readSmallInt, readTo, recoverSigner } from './raw-fields.js';
import { readRawTransaction, type DecodedTransaction } from './signed.js';
import type { RlpDecoded } from '../encoding/rlp.js';

const FIELD_COUNTS = { 0: 9, 1: 10, 2: 11 } as const;

function startsWithCfx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === CORE_TYPED_PREFIX[0] && bytes[1] === CORE_TYPED_PREFIX[1] && bytes[2] === CORE_TYPED_PREFIX[2];
}

/**
 * Decodes and verifies a signed raw Core transaction.
 * @param options.chainId when given, the transaction must be for this chain
 * @throws {TxError} `tx.raw`, `tx.type`, `tx.signature`, or any field validation code
 */
export function decodeCoreTransaction(raw: Uint8Array | string, options: { chainId?: number } = {}): DecodedTransaction<CoreTransaction> {
  const bytes = readRawTransaction(raw);
  if (bytes.length === 0) throw new TxError('tx.raw', 'raw transaction is empty');
  let type: 0 | 1 | 2;
  let body: Uint8Array;
  if (bytes[0]! >= 0xc0) {
    type = 0;
    body = bytes;
  } else if (startsWithCfx(bytes)) {
    const typeByte = bytes[3]!;
    if (typeByte !== 1 && typeByte !== 2) throw new TxError('tx.type', `unsupported Core transaction type ${typeByte}`, { details: 'type' });
    type = typeByte;
    body = bytes.subarray(4);
  } else {
    throw new TxError('tx.raw', 'not a Core transaction (expected an RLP list or the "cfx" type prefix)');
  }

  const [fieldsItem, vItem, rItem, sItem] = readList(body, 'transaction', [4]);
  const f = readNestedList(fieldsItem, 'transaction fields', [FIELD_COUNTS[type]]);
  const input = coreInputFromFields(type, f);
  const prepared = prepareCoreTransaction(input);
  if (options.chainId !== undefined) assertActiveChain(prepared.tx.chainId, options.chainId);

  const signature = readSignature(rItem, sItem, readSmallInt(vItem, 'v', 1));
  const signingHash = keccak_256(unsignedBytes(prepared));
  const signed = assembleSignedCore(prepared, signingHash, signature);
  if (signed.raw !== bytesToHex(bytes)) {
    throw new TxError('tx.raw', 'raw transaction is not in canonical form');
  }
  const from = encodeCfxAddress(coreAddressFromPublicKey(recoverSigner(signingHash, signature)), prepared.tx.chainId);
  return { ...signed, from };
}

function coreInputFromFields(type: 0 | 1 | 2, f: RlpDecoded[]): CoreTransactionInput {
  // Offsets of the fields after the fee fields: type 2 has two fee fields, the others one.
  const o = type === 2 ? 1 : 0;
  const chainId = readChainId(readSmallInt(f[7 + o], 'chainId', 4));
  const common = {
    chainId,
    nonce: readInt(f[0], 'nonce', 32),
    gas: readInt(f[2 + o], 'gas', 32),
    to: readTo(f[3 + o]),
    value: readInt(f[4 + o], 'value', 32),
    storageLimit: readInt(f[5 + o], 'storageLimit', 8),
    epochHeight: readInt(f[6 + o], 'epochHeight', 8),
    data: readHex(f[8 + o], 'data'),
  };
  if (type === 0) return { type, ...common, gasPrice: readInt(f[1], 'gasPrice', 32) };
  const accessList = decodeAccessList(f[9 + o], coreAddressCodec(chainId));
  if (type === 1) return { type, ...common, gasPrice: readInt(f[1], 'gasPrice', 32), accessList };
  return { type, ...common, maxPriorityFeePerGas: readInt(f[1], 'maxPriorityFeePerGas', 32), maxFeePerGas: readInt(f[2], 'maxFeePerGas', 32), accessList };
}
