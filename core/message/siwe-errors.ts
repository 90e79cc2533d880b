/**
 * Typed failures of sign-in message parsing (EIP-4361). `details` names the line or field.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type SiweErrorCode =
  /** The first line is not `[scheme://]domain wants you to sign in with your Ethereum|Conflux account:`. */
  | 'siwe.header'
  /** A required line is missing, out of order, or an unexpected line follows. */
  | 'siwe.structure'
  /** The scheme or domain is not an RFC 3986 scheme / authority. */
  | 'siwe.domain'
  /** The address is not an EIP-55 address (or, in a Conflux message, a CIP-37 address). */
  | 'siwe.address'
  /** The statement contains characters the grammar does not allow. */
  | 'siwe.statement'
  /** The URI or a resource is not an RFC 3986 URI. */
  | 'siwe.uri'
  /** The version is not 1. */
  | 'siwe.version'
  /** The chain id is not a decimal integer. */
  | 'siwe.chain_id'
  /** The nonce is not at least 8 letters or digits. */
  | 'siwe.nonce'
  /** A time is not an RFC 3339 date-time. */
  | 'siwe.time'
  /** The request id contains characters the grammar does not allow. */
  | 'siwe.request_id';

export class SiweError extends WayfarerError {
  declare readonly code: SiweErrorCode;

  constructor(code: SiweErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
