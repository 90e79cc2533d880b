/**
 * Public API of the trust layer: reads cross-checked across independent nodes, with the trust
 * level each value earned (core/rpc's pool asks the nodes; this decides what to believe).
 * @module
 */
export { TRUST_EXPLANATION, type Trust, type TrustedValue, type SourceAnswer, type ConflictCandidate } from './types.js';
export { crossCheckedRead, type CrossCheckRequest } from './cross-check.js';
export { AccountReader, TokenCallError, addressKeyOf, type AccountReaderOptions } from './account-reader.js';
