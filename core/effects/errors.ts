/**
 * Typed failures of effect decoding and of spending-cap rewriting. `details` names the field.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type EffectsErrorCode =
  /** The transaction request or typed data is not of the expected shape (bad address, hex, chain id…). */
  | 'effects.input'
  /** The calldata or typed data is not an approval or permit whose cap can be rewritten. */
  | 'effects.cap_not_applicable'
  /** The approval's encoding is not canonical (dirty padding, trailing bytes…): it is not rewritten. */
  | 'effects.cap_non_canonical'
  /** The new cap is not a bigint within the range of the field it replaces. */
  | 'effects.cap_range'
  /** The rewritten request did not decode back to the same request with only the cap changed. */
  | 'effects.cap_verify';

export class EffectsError extends WayfarerError {
  declare readonly code: EffectsErrorCode;

  constructor(code: EffectsErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
