/**
 * Failures the approval page (not the dApp) is told about: a decision on a request that is no
 * longer waiting, and a wallet that locked before an approved request could be signed — the
 * wallet's one "locked" error, VaultLockedError, on which the page shows the request again to
 * unlock.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';

export { VaultLockedError } from '../../../core/vault/errors.js';

export class ApprovalStateError extends WayfarerError {
  declare readonly code: 'provider.approval_state';
  constructor(message: string) {
    super('provider.approval_state', message);
  }
}
