/**
 * Decoded effects of transactions and typed data, and spending-cap rewriting: the local analysis
 * the approval page and the send review show. Nothing here does IO.
 * @module
 */
export * from './errors.js';
export type * from './types.js';
export { UNLIMITED_THRESHOLD, isUnlimited } from './unlimited.js';
export { describeTransaction, type TransactionRequest } from './transaction.js';
export { describeTypedData } from './typed-data.js';
export { rewriteApprovalCap, rewritePermitCap } from './spending-cap.js';
export { CROSS_SPACE_CALL_ADDRESS } from './internal-contracts.js';
export { COMMON_SIGNATURES } from './signatures.js';
export { isForeignCoreAddress } from './address-form.js';
export { effectsToJson, type JsonEffect, type Jsonified } from './json.js';
export { effectTokens, type TokenRef } from './tokens.js';
