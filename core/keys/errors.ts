/**
 * Typed failures of key handling. Messages never contain secret material: no mnemonic words, no
 * key bytes, no passphrases — only positions, lengths and rule names.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type KeyErrorCode =
  | 'key.mnemonic_type'
  | 'key.mnemonic_length'
  | 'key.mnemonic_word'
  | 'key.mnemonic_checksum'
  | 'key.passphrase'
  | 'key.word_count'
  | 'key.seed'
  | 'key.space'
  | 'key.index'
  | 'key.private_key'
  | 'key.public_key'
  | 'key.wiped'
  | 'key.hash'
  | 'key.signature';

export class KeyError extends WayfarerError {
  declare readonly code: KeyErrorCode;

  constructor(code: KeyErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
