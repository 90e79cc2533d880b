/**
 * Typed failures of name normalization and name-service resolution. Answers a node gives that do
 * not make sense are not errors here but `invalid_answer` results (the caller blames the node).
 * @module
 */
import { WayfarerError } from '../errors.js';

export type NamesErrorCode =
  /** The name is empty, too long, or not valid under ENSIP-15 normalization (`details` says why). */
  | 'names.invalid'
  /** No name-service registry is known for this network. */
  | 'names.unsupported_network'
  /** A resolver argument (registry address, call function) is missing or malformed. */
  | 'names.input';

export class NamesError extends WayfarerError {
  declare readonly code: NamesErrorCode;

  constructor(code: NamesErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
