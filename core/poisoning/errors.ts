/**
 * Typed failures of the address-poisoning helpers.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type PoisoningErrorCode =
  /** The value is neither a 0x hex address nor a CIP-37 base32 address. */
  | 'poisoning.address'
  /** An amount or threshold is not a non-negative bigint. */
  | 'poisoning.amount';

export class PoisoningError extends WayfarerError {
  declare readonly code: PoisoningErrorCode;

  constructor(code: PoisoningErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
