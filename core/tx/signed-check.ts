/**
 * The one check every signed transaction passes before it is broadcast: the signed bytes are
 * decoded again and must be exactly the transaction the user reviewed — every field, the signing
 * hash, the sender recovered from the signature, and the hash the signer reported.
 *
 * Threat model: the signer (the vault, or a future hardware signer) is code the user did not
 * review; a bug or a compromise between review and signature must not put different bytes on the
 * network. Comparing decoded fields (not JSON of two differently built objects, not only a hash
 * the signer also reports) catches a changed field, a signature by another key and a wrong hash.
 * Used by dApp approvals, the wallet's own sends and speed-up/cancel replacements alike.
 * @module
 */
import { decodeCfxAddress } from '../address/cip37.js';
import type { Space } from '../space.js';
import { decodeCoreTransaction } from './core-decode.js';
import { prepareCoreTransaction, type CoreTransaction, type CoreTransactionInput } from './core-transaction.js';
import { decodeEspaceTransaction } from './espace-decode.js';
import { prepareEspaceTransaction, type EspaceTransaction, type EspaceTransactionInput } from './espace-transaction.js';
import { TxError } from './errors.js';
import type { DecodedTransaction } from './signed.js';

export type ReviewedTransaction =
  | { space: 'core'; input: CoreTransactionInput; from: string }
  | { space: 'espace'; input: EspaceTransactionInput; from: string };

export interface SignerOutput {
  raw: string;
  hash: string;
}

/** A canonical text of a normalised transaction (bigints marked so `1` and `1n` differ). */
function canonical(tx: CoreTransaction | EspaceTransaction): string {
  return JSON.stringify(tx, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? v.toLowerCase() : v));
}

/** The 20-byte account of a sender in either space's form (base32 or 0x), lower-case hex. */
function accountOf(space: Space, address: string): string {
  if (space === 'core' && !address.startsWith('0x')) return decodeCfxAddress(address).hex;
  return address.toLowerCase();
}

/**
 * Decodes `signed.raw` and checks it is `reviewed`, signed by `reviewed.from`, with hash `signed.hash`.
 * @returns the decoded transaction
 * @throws {TxError} `tx.signed_mismatch` naming what differs; decoding errors (`tx.raw`, `tx.signature`…) as they are
 */
export function checkSignedTransaction(reviewed: ReviewedTransaction, signed: SignerOutput): DecodedTransaction<CoreTransaction | EspaceTransaction> {
  const chainId = reviewed.input.chainId;
  let decoded: DecodedTransaction<CoreTransaction | EspaceTransaction>;
  let expected: CoreTransaction | EspaceTransaction;
  if (reviewed.space === 'core') {
    decoded = decodeCoreTransaction(signed.raw, { chainId });
    expected = prepareCoreTransaction(reviewed.input).tx;
  } else {
    decoded = decodeEspaceTransaction(signed.raw, { chainId });
    expected = prepareEspaceTransaction(reviewed.input).tx;
  }
  const differs = (what: string) => new TxError('tx.signed_mismatch', `the signed transaction differs from the reviewed one (${what}); it was not sent`, { details: what });
  if (canonical(decoded.transaction) !== canonical(expected)) throw differs('fields');
  let sender: string;
  try {
    sender = accountOf(reviewed.space, reviewed.from);
  } catch (cause) {
    throw new TxError('tx.address', 'the reviewed sender is not a valid address', { cause, details: 'from' });
  }
  if (accountOf(reviewed.space, decoded.from) !== sender) throw differs('sender');
  if (decoded.hash.toLowerCase() !== signed.hash.toLowerCase()) throw differs('hash');
  return decoded;
}
