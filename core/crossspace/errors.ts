/**
 * Typed failures of cross-space planning and status. `details` names the field at fault.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type CrossSpaceErrorCode =
  /** A field of the intent or context is missing or of the wrong type. */
  | 'crossspace.input'
  /** An address is not valid for its space, or a Core address is not on the plan's network. */
  | 'crossspace.address'
  /** The amount is not a positive integer number of drip within uint256. */
  | 'crossspace.amount'
  /** eSpace → Core to a Core account the wallet does not hold: only that account can withdraw. */
  | 'crossspace.foreign_recipient'
  /** A stored transfer record does not have the expected shape. */
  | 'crossspace.record';

export class CrossSpaceError extends WayfarerError {
  declare readonly code: CrossSpaceErrorCode;

  constructor(code: CrossSpaceErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
