/**
 * Failures the approval page (not the dApp) is told about: a decision on a request that is no
 * longer waiting, and a wallet that locked before an approved request could be signed.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';

export class ApprovalStateError extends WayfarerError {
  declare readonly code: 'provider.approval_state';
  constructor(message: string) {
    super('provider.approval_state', message);
  }
}

export class WalletLockedUiError extends WayfarerError {
  declare readonly code: 'provider.locked';
  constructor() {
    super('provider.locked', 'Unlock the wallet first');
  }
}
