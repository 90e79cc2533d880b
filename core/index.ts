/**
 * Public API of Wayfarer's core: pure TypeScript, no browser-extension APIs.
 * @module
 */
export * from './errors.js';
export * from './space.js';
export * from './encoding/hex.js';
export * from './encoding/rlp.js';
export * from './address/errors.js';
export * from './address/network.js';
export * from './address/type.js';
export * from './address/cip37.js';
export * from './address/eip55.js';
export * from './keys/errors.js';
export * from './keys/mnemonic.js';
export * from './keys/signature.js';
export * from './keys/private-key.js';
export * from './keys/address.js';
export * from './keys/hd.js';
export * from './tx/errors.js';
export type { Quantity } from './tx/fields.js';
export type { AccessList, AccessListEntry } from './tx/access-list.js';
export type { SignedTransaction, DecodedTransaction } from './tx/signed.js';
export * from './tx/core-transaction.js';
export { encodeCoreTransactionUnsigned, coreTransactionSigningHash, serializeCoreTransaction, signCoreTransaction } from './tx/core-sign.js';
export * from './tx/core-decode.js';
export * from './tx/espace-transaction.js';
export { encodeEspaceTransactionUnsigned, espaceTransactionSigningHash, serializeEspaceTransaction, signEspaceTransaction, espaceV } from './tx/espace-sign.js';
export * from './tx/espace-decode.js';
export * from './vault/index.js';
export * from './message/errors.js';
export * from './message/signature-format.js';
export * from './message/personal.js';
export { parseTypes, encodeType, typeHash, type TypedDataSchema, type FieldType, type StructField } from './message/typed-data-schema.js';
export * from './message/typed-data.js';
export * from './lightclient/index.js';
export * from './rpc/index.js';
export * from './trust/index.js';
export * from './chain/index.js';
