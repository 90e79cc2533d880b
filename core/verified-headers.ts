/**
 * The glue between the light client and the state verifier: a {@link VerifiedHeaderSource} backed
 * by {@link LightClient.pivotHeaderAt}, which verifies every header it returns by hash back to a
 * PoS-finalized pivot (or links it to one from above, reported as unfinalized).
 *
 * Kept in this one file so the state verifier does not depend on the light client's layout.
 * @module
 */
import type { LightClient, CallOptions } from './lightclient/client/light-client.js';
import { StateProofError } from './state/errors.js';
import type { VerifiedHeaderSource } from './state/header.js';

export interface LightClientHeaderOptions {
  /** Refuse headers above the finalized pivot (default true). */
  readonly finalizedOnly?: boolean;
  readonly call?: CallOptions;
}

export function lightClientHeaderSource(client: Pick<LightClient, 'pivotHeaderAt'>, options: LightClientHeaderOptions = {}): VerifiedHeaderSource {
  const finalizedOnly = options.finalizedOnly ?? true;
  return {
    async header(height: number) {
      const { header, status } = await client.pivotHeaderAt(height, options.call);
      if (finalizedOnly && status !== 'finalized') throw new StateProofError('state.header_unavailable', 'header', `the header at height ${height} is not finalized yet`);
      return { height: header.height, hash: header.hash, blame: header.fields.blame, deferredStateRoot: header.fields.deferredStateRoot };
    },
  };
}
