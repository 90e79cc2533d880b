/**
 * Typed failures of transaction validation, encoding and decoding. `details` names the field.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type TxErrorCode =
  /** Unknown or unsupported transaction type. */
  | 'tx.type'
  /** A field is missing, has the wrong JavaScript type, or does not belong to this type. */
  | 'tx.field'
  /** An integer field is outside the range the protocol encodes. */
  | 'tx.range'
  /** `data` is not 0x-prefixed, even-length hex. */
  | 'tx.data'
  /** `to` (or an access-list address) is not a valid address for this space. */
  | 'tx.address'
  /** A base32 address names a different network than the transaction's chain id. */
  | 'tx.network'
  /** Chain id out of range, or not the active chain. */
  | 'tx.chain_id'
  /** Access list is not `[{address, storageKeys: [32-byte hex…]}…]`. */
  | 'tx.access_list'
  /** maxPriorityFeePerGas exceeds maxFeePerGas. */
  | 'tx.fee_cap'
  /** Raw bytes are not a transaction of the expected shape (RLP errors are the cause). */
  | 'tx.raw'
  /** Signature values are out of range, high-s, or recover no key. */
  | 'tx.signature'
  /** A legacy eSpace transaction without EIP-155 replay protection. */
  | 'tx.unprotected'
  /** Signed bytes that do not decode to the reviewed transaction, sender or hash (never broadcast). */
  | 'tx.signed_mismatch';

export class TxError extends WayfarerError {
  declare readonly code: TxErrorCode;

  constructor(code: TxErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
