/**
 * Typed failures of address parsing and formatting.
 *
 * An address that fails here must never be used to send funds, so every distinct reason has its
 * own code: the UI can explain "wrong network" differently from "typo (checksum)".
 * @module
 */
import { WayfarerError } from '../errors.js';

export type AddressErrorCode =
  | 'address.not_string'
  | 'address.hex'
  | 'address.mixed_case'
  | 'address.missing_prefix'
  | 'address.prefix'
  | 'address.network_id'
  | 'address.length'
  | 'address.character'
  | 'address.checksum'
  | 'address.version'
  | 'address.padding'
  | 'address.type_nibble'
  | 'address.type_mismatch'
  | 'address.eip55_checksum';

export class AddressError extends WayfarerError {
  declare readonly code: AddressErrorCode;

  constructor(code: AddressErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
