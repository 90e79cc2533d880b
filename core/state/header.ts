/**
 * What the state verifier needs to know about verified headers, and where it gets them.
 *
 * The verifier does not verify headers itself: a header given through this interface must already
 * be checked by whoever supplies it (in Wayfarer: the light client, which follows PoS finality
 * and checks every header by hash back to a finalized pivot block). Only the four fields below are
 * used, so any verified header type can be adapted in a few lines.
 * @module
 */

/** A pivot header whose hash was checked against a PoS-finalized (or finality-linked) pivot. */
export interface VerifiedStateHeader {
  /** Pivot height (= epoch number). */
  readonly height: number;
  /** `0x` hash of the header (for evidence and reports). */
  readonly hash: string;
  /** How many ancestors' deferred roots the header's author considers wrong (0 normally). */
  readonly blame: number;
  /** The header's deferred state root: a root (blame 0) or the commitment of a blame vector. */
  readonly deferredStateRoot: Uint8Array;
}

/**
 * Supplies verified pivot headers by height. Implementations reject (throw) when they cannot
 * verify a header; they never return an unverified one.
 */
export interface VerifiedHeaderSource {
  header(height: number): Promise<VerifiedStateHeader>;
}
