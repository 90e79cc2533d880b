/**
 * Typed failures of message signing: personal messages, signatures, and typed data (CIP-23 /
 * EIP-712). `details` carries the path of the offending field (e.g. `message.to[1].wallet`).
 * @module
 */
import { WayfarerError } from '../errors.js';

export type MessageErrorCode =
  /** The message is neither a string nor bytes, or contains a lone UTF-16 surrogate. */
  | 'message.invalid'
  /** A signature is not 65 bytes of hex, or its v is not the space's convention. */
  | 'message.signature'
  /** Typed data is not `{types, primaryType, domain, message}` of the right JSON types. */
  | 'typed.shape'
  /** A type or field name is not an identifier, is declared twice, or shadows a built-in type. */
  | 'typed.type_definition'
  /** A field uses a type that is neither built in nor declared. */
  | 'typed.unknown_type'
  /** The domain type is missing, misnamed for the space, or has a field EIP-712 does not define. */
  | 'typed.domain'
  /** A declared field has no value. */
  | 'typed.missing_field'
  /** A value is given for a field the type does not declare (it would not be signed). */
  | 'typed.extra_field'
  /** A value has the wrong JSON type or format for its declared type. */
  | 'typed.value'
  /** An integer is outside its intN/uintN range. */
  | 'typed.range'
  /** A fixed-size array has the wrong length. */
  | 'typed.array_length'
  /** The domain's chainId is not the active chain, or its base32 contract is on another network. */
  | 'typed.chain_id'
  /** Data nested deeper than the limit. */
  | 'typed.depth';

export class MessageError extends WayfarerError {
  declare readonly code: MessageErrorCode;

  constructor(code: MessageErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
