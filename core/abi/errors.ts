/**
 * Typed failures of ABI type parsing and calldata decoding. `details` names the byte offset or the
 * type string at fault.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type AbiErrorCode =
  /** A type or function signature string is not a canonical Solidity ABI type. */
  | 'abi.type'
  /** The data ends before a value, an offset or a length it declares. */
  | 'abi.out_of_bounds'
  /** An offset or length is too large to be real (beyond the data or above 2^32). */
  | 'abi.offset'
  /** Types nest deeper, or arrays hold more elements, than the decoder's limits. */
  | 'abi.limit';

export class AbiError extends WayfarerError {
  declare readonly code: AbiErrorCode;

  constructor(code: AbiErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
