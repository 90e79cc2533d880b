/**
 * eSpace transaction encoding, signing hash, signing and raw serialisation (EIP-155, EIP-2718,
 * EIP-2930, EIP-1559). Legacy signatures fold the chain id into v = chainId·2 + 35 + yParity;
 * typed transactions carry yParity 0/1. Signatures are RFC 6979 deterministic and low-s.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes } from '../encoding/hex.js';
import { encodeRlp, rlpInt } from '../encoding/rlp.js';
import type { PrivateKey } from '../keys/private-key.js';
import { assertCanonicalSignature, type RecoverableSignature } from '../keys/signature.js';
import { TxError } from './errors.js';
import { prepareEspaceTransaction, type EspaceTransaction, type EspaceTransactionInput, type PreparedEspaceTransaction } from './espace-transaction.js';
import { assertActiveChain } from './fields.js';
import type { SignedTransaction } from './signed.js';

/** What gets hashed and signed (legacy: with the EIP-155 `chainId, 0, 0` tail). */
export function encodeEspaceTransactionUnsigned(input: EspaceTransactionInput): Uint8Array {
  return espaceUnsignedBytes(prepareEspaceTransaction(input));
}

/** keccak256 of the unsigned encoding. */
export function espaceTransactionSigningHash(input: EspaceTransactionInput): Uint8Array {
  return keccak_256(encodeEspaceTransactionUnsigned(input));
}

/** Raw signed transaction bytes for a transaction and an existing signature. */
export function serializeEspaceTransaction(input: EspaceTransactionInput, signature: RecoverableSignature): Uint8Array {
  let checked: RecoverableSignature;
  try {
    checked = assertCanonicalSignature(signature);
  } catch (cause) {
    throw new TxError('tx.signature', 'signature is not canonical', { cause });
  }
  const prepared = prepareEspaceTransaction(input);
  return espaceSignedBytes(prepared, checked, espaceV(prepared.tx, checked.yParity));
}

/**
 * Validates, signs and serialises an eSpace transaction; refuses one for a chain other than
 * `activeChainId`.
 * @example signEspaceTransaction({ type: 2, chainId: 1030, … }, key, 1030).raw
 */
export function signEspaceTransaction(input: EspaceTransactionInput, key: PrivateKey, activeChainId: number): SignedTransaction<EspaceTransaction> {
  const prepared = prepareEspaceTransaction(input);
  assertActiveChain(prepared.tx.chainId, activeChainId);
  const signingHash = keccak_256(espaceUnsignedBytes(prepared));
  return assembleSignedEspace(prepared, signingHash, key.signHash(signingHash));
}

/** The v value written into the raw transaction. */
export function espaceV(tx: EspaceTransaction, yParity: 0 | 1): number {
  return tx.type === 0 ? tx.chainId * 2 + 35 + yParity : yParity;
}

/** @internal shared with decoding. */
export function assembleSignedEspace(prepared: PreparedEspaceTransaction, signingHash: Uint8Array, signature: RecoverableSignature): SignedTransaction<EspaceTransaction> {
  const v = espaceV(prepared.tx, signature.yParity);
  const raw = espaceSignedBytes(prepared, signature, v);
  return { transaction: prepared.tx, signingHash: bytesToHex(signingHash), signature, v, raw: bytesToHex(raw), hash: bytesToHex(keccak_256(raw)) };
}

/** @internal */
export function espaceUnsignedBytes(prepared: PreparedEspaceTransaction): Uint8Array {
  if (prepared.tx.type === 0) {
    return encodeRlp([...prepared.fields, rlpInt(prepared.tx.chainId), new Uint8Array(0), new Uint8Array(0)]);
  }
  return concatBytes(prepared.prefix, encodeRlp(prepared.fields));
}

function espaceSignedBytes(prepared: PreparedEspaceTransaction, signature: RecoverableSignature, v: number): Uint8Array {
  return concatBytes(prepared.prefix, encodeRlp([...prepared.fields, rlpInt(v), rlpInt(signature.r), rlpInt(signature.s)]));
}
