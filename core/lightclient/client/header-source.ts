/**
 * What inclusion proofs need from the light client: verified headers by height (on the finalized
 * chain, or linked to it from above), the cache of headers already verified, and a transport bound
 * to the node to ask. The light client implements it; proofs depend only on this interface, so
 * the client can use the proofs without an import cycle.
 * @module
 */
import type { VerifiedHeader } from '../header/chain.js';
import type { HeaderStatus } from '../sync/header-cache.js';
import type { LightClientTransport } from '../transport.js';
import type { HeaderContext } from './headers.js';

export interface CallOptions {
  /** Use this transport for the call (e.g. one bound to a single node) instead of the default. */
  readonly transport?: LightClientTransport;
}

export interface HeaderSource {
  /** Later pivot headers inspected for blame before trusting deferred roots. */
  readonly blameLookahead: number;
  /** Header helpers bound to the call's transport. */
  headerContext(options?: CallOptions): HeaderContext;
  /** The verified pivot header at `height` and whether it is finalized. */
  pivotHeaderAt(height: number, options?: CallOptions): Promise<{ header: VerifiedHeader; status: HeaderStatus }>;
  /** A verified header from memory, without network. */
  cachedHeader(hash: string): { header: VerifiedHeader; status: HeaderStatus } | undefined;
}
