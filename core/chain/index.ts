/**
 * Public API of the chain layer: the light client driven over the node pool (verified headers,
 * eSpace anchoring) and the wallet's transactions on it (broadcast, tracking, replacement).
 * @module
 */
export { FINAL_STATUSES, type TxStatus, type TrackedTransaction, type InclusionProof, type InclusionProver } from './transactions/types.js';
export { broadcastRaw, BROADCAST_FANOUT, type BroadcastReport } from './transactions/broadcast.js';
export { TxTracker, DEFAULT_CENSORSHIP_TIMEOUT_MS, type TxTrackerOptions } from './transactions/tracker.js';
export { coreReplacement, espaceReplacement, bumpedPrice, REPLACEMENT_BUMP_PERCENT, type ReplacementKind } from './transactions/replacement.js';
export { VerifiedRunner, type RunResult } from './verified/runner.js';
export { VerifiedChain, type VerifiedChainOptions } from './verified/chain.js';
export { checkEspaceBlock } from './verified/espace-anchor.js';
