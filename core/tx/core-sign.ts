/**
 * Core transaction encoding, signing hash, signing and raw serialisation.
 *
 * Signed form nests the unsigned fields as one list: `prefix ‖ rlp([[fields…], v, r, s])` with
 * v = recovery id 0/1 (no chain id folding, no +27); r and s are minimal integers, so a signature
 * with a leading zero byte encodes 31 bytes. Signing hash = keccak256(prefix ‖ rlp(fields)).
 * Signatures are RFC 6979 deterministic and low-s.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes } from '../encoding/hex.js';
import { encodeRlp, rlpInt } from '../encoding/rlp.js';
import type { PrivateKey } from '../keys/private-key.js';
import { assertCanonicalSignature, type RecoverableSignature } from '../keys/signature.js';
import { prepareCoreTransaction, type CoreTransaction, type CoreTransactionInput, type PreparedCoreTransaction } from './core-transaction.js';
import { TxError } from './errors.js';
import { assertActiveChain } from './fields.js';
import type { SignedTransaction } from './signed.js';

/** The unsigned encoding (with the `cfx` type prefix for types 1 and 2): what gets hashed and signed. */
export function encodeCoreTransactionUnsigned(input: CoreTransactionInput): Uint8Array {
  return unsignedBytes(prepareCoreTransaction(input));
}

/** keccak256 of the unsigned encoding. */
export function coreTransactionSigningHash(input: CoreTransactionInput): Uint8Array {
  return keccak_256(encodeCoreTransactionUnsigned(input));
}

/** Raw signed transaction bytes for a transaction and an existing signature. */
export function serializeCoreTransaction(input: CoreTransactionInput, signature: RecoverableSignature): Uint8Array {
  return signedBytes(prepareCoreTransaction(input), checkedSignature(signature));
}

/**
 * Validates, signs and serialises a Core transaction. `activeChainId` is the chain the wallet is
 * on; a transaction for any other chain is refused.
 * @throws {TxError} on any invalid field or a chain mismatch
 * @example signCoreTransaction({ type: 2, chainId: 1029, … }, key, 1029).raw
 */
export function signCoreTransaction(input: CoreTransactionInput, key: PrivateKey, activeChainId: number): SignedTransaction<CoreTransaction> {
  const prepared = prepareCoreTransaction(input);
  assertActiveChain(prepared.tx.chainId, activeChainId);
  const signingHash = keccak_256(unsignedBytes(prepared));
  const signature = key.signHash(signingHash);
  return assembleSignedCore(prepared, signingHash, signature);
}

/** @internal shared with decoding. */
export function assembleSignedCore(prepared: PreparedCoreTransaction, signingHash: Uint8Array, signature: RecoverableSignature): SignedTransaction<CoreTransaction> {
  const raw = signedBytes(prepared, signature);
  return {
    transaction: prepared.tx,
    signingHash: bytesToHex(signingHash),
    signature,
    v: signature.yParity,
    raw: bytesToHex(raw),
    hash: bytesToHex(keccak_256(raw)),
  };
}

/** @internal */
export function unsignedBytes(prepared: PreparedCoreTransaction): Uint8Array {
  return concatBytes(prepared.prefix, encodeRlp(prepared.fields));
}

function signedBytes(prepared: PreparedCoreTransaction, signature: RecoverableSignature): Uint8Array {
  const body = encodeRlp([prepared.fields, rlpInt(signature.yParity), rlpInt(signature.r), rlpInt(signature.s)]);
  return concatBytes(prepared.prefix, body);
}

function checkedSignature(signature: RecoverableSignature): RecoverableSignature {
  try {
    return assertCanonicalSignature(signature);
  } catch (cause) {
    throw new TxError('tx.signature', 'signature is not canonical', { cause });
  }
}
