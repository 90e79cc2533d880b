/**
 * Public API of Wayfarer's core: pure TypeScript, no browser-extension APIs.
 * @module
 */
export * from './errors.js';
export * from './encoding/hex.js';
export * from './encoding/rlp.js';
