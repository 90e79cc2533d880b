/**
 * Trust levels: how much each value the wallet shows can be believed, and who said it.
 *
 * - `verified`: proved against a header that chains to a PoS-finalized pivot block (transactions,
 *   receipts, logs; balances, nonces and token balances proved through a proof gateway). No node
 *   needs to be trusted.
 * - `cross-checked`: cannot be proved over JSON-RPC (balances, nonces, contract reads), but nodes of
 *   at least two independent operators gave the same answer for the same verified epoch.
 * - `single-source`: one operator's word (only one answered, or only one is configured).
 * - `conflict`: nodes disagreed. Never resolved silently: the candidates are listed; when a
 *   majority of independent operators agrees, their value is given as `value` and the outvoted
 *   nodes are banned, but the trust stays `conflict` for this answer.
 * @module
 */

export type Trust = 'verified' | 'cross-checked' | 'single-source' | 'conflict';

/** What one node answered (or why it did not). */
export interface SourceAnswer {
  nodeId: string;
  /** Redacted endpoint, as shown to the user. */
  node: string;
  operator: string;
  /** The answer as text (decimal for numbers, hex for bytes); absent when the node failed. */
  answer?: string;
  /** Why the node gave no usable answer (failure code or ban reason). */
  problem?: string;
}

export interface ConflictCandidate {
  answer: string;
  operators: string[];
  nodes: string[];
}

/**
 * What a `verified` account value was proved against: the Merkle proof's epoch, the verified
 * header whose deferred state root commits it, and the PoS-finalized pivot that header chains to.
 */
export interface StateProofAnchor {
  /** The proof gateway that relayed the proof material (redacted URL; it is not trusted). */
  gateway: string;
  epoch: number;
  stateRoot: string;
  witness: { height: number; hash: string };
  finalized: { height: number; hash: string };
}

/** Why a value that could have been proved was read from nodes instead. */
export interface ProofFallback {
  /** `banned`: a gateway served material that failed verification; `unavailable`: none answered (or none is configured and reachable). */
  reason: 'banned' | 'unavailable';
  /** The gateways concerned (redacted URLs). */
  gateways: string[];
}

export interface TrustedValue<T> {
  /** Undefined only for an unresolved conflict. */
  value: T | undefined;
  /** Core epoch (or eSpace block number, the same number) the value holds at. */
  epoch: number;
  trust: Trust;
  sources: SourceAnswer[];
  /** Present when trust is `conflict`. */
  conflict?: { candidates: ConflictCandidate[]; resolution: 'majority' | 'unresolved' };
  /** Present when trust is `verified` by a state proof. */
  proof?: StateProofAnchor;
  /** Present when a proof was attempted and the value fell back to the nodes' word. */
  fallback?: ProofFallback;
}

/** Explanations the UI shows next to a trust badge. */
export const TRUST_EXPLANATION: Readonly<Record<Trust, string>> = {
  verified: 'Proved against a block finalized by Conflux PoS; no node had to be trusted.',
  'cross-checked': 'Independent nodes gave the same answer for the same finalized epoch.',
  'single-source': 'Only one node operator answered; this is that operator’s word.',
  conflict: 'Nodes disagreed about this value. See which node said what.',
};
