/**
 * Address-poisoning defences: look-alike addresses, recipient checks, and Activity classification.
 * @module
 */
export * from './errors.js';
export { addressBody, looksLike, HEAD_CHARS, TAIL_CHARS, type AddressBody } from './looks-like.js';
export { checkRecipient, classifyTransfer, type KnownAddress, type RecipientCheck, type TransferClass, type TransferToClassify } from './recipients.js';
