/**
 * Signing a transaction and proving the signature before anything is broadcast — the one way every
 * transaction of the wallet is signed: dApp approvals (single and EIP-5792 batches), the wallet's
 * own sends, speed-ups, cancels, gap fills, revokes and cross-space transfers. The vault signs the
 * completed draft; the signed bytes are decoded again and must be exactly the reviewed transaction
 * (`core/tx/signed-check.ts`: every field, the sender, the hash the signer reported). Then
 * {@link broadcastChecked} sends those bytes through the chain service's tracker and checks the
 * network names the signed hash.
 *
 * Threat model: the signer (vault) is trusted with keys, not with faithfulness to the review; a
 * mismatch is refused and never broadcast. Nodes are not trusted to report the hash of what they
 * received: a different hash is an error.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import type { CoreTransactionInput } from '../../../core/tx/core-transaction.js';
import { TxError } from '../../../core/tx/errors.js';
import type { EspaceTransactionInput } from '../../../core/tx/espace-transaction.js';
import { checkSignedTransaction } from '../../../core/tx/signed-check.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import { coreDraftToInput, espaceDraftToInput } from './draft-builder.js';
import { BroadcastHashMismatchError, SignedMismatchError, VaultLockedError } from './errors.js';

/** Signed bytes and the hash the signer reported. */
export interface SignedTransaction {
  raw: Hex;
  hash: Hex;
}

/** What signing uses of the vault keyring (see extension/background/vault/provider-keyring.ts). */
export interface SigningKeyring {
  isUnlocked(): Promise<boolean>;
  /** Signs exactly this transaction for `activeChainId` (which it checks). */
  signCoreTransaction(accountId: string, tx: CoreTransactionInput, activeChainId: number): Promise<SignedTransaction>;
  signEspaceTransaction(accountId: string, tx: EspaceTransactionInput, activeChainId: number): Promise<SignedTransaction>;
}

/** What is signed: the reviewed draft, by whom (`from` in the space's form), for which active chain. */
export interface SigningRequest {
  accountId: string;
  from: string;
  space: Space;
  draft: TransactionDraft;
  activeChainId: number;
}

/**
 * Signs `draft` for `accountId` and proves the signed bytes are it, signed by `from`.
 * @throws {VaultLockedError} the wallet is locked
 * @throws {SignedMismatchError} the signed bytes are not the reviewed transaction (nothing may be sent)
 */
export async function signChecked(keyring: SigningKeyring, request: SigningRequest): Promise<SignedTransaction> {
  if (!(await keyring.isUnlocked())) throw new VaultLockedError();
  const { accountId, from, draft, activeChainId } = request;
  const reviewed = request.space === 'core' ? { space: 'core' as const, input: coreDraftToInput(draft), from } : { space: 'espace' as const, input: espaceDraftToInput(draft), from };
  const signed = reviewed.space === 'core' ? await keyring.signCoreTransaction(accountId, reviewed.input, activeChainId) : await keyring.signEspaceTransaction(accountId, reviewed.input, activeChainId);
  try {
    checkSignedTransaction(reviewed, signed);
  } catch (error) {
    // Bytes that do not decode, or decode to something else: either way not the reviewed transaction.
    if (error instanceof TxError) throw new SignedMismatchError({ cause: error });
    throw error;
  }
  return { raw: signed.raw, hash: signed.hash };
}

/**
 * Broadcasts checked bytes with `send` (the chain service's tracker, which keeps rebroadcasting
 * and following them) and checks the hash it reports is the signed one.
 * @throws {BroadcastHashMismatchError} the network named another hash
 */
export async function broadcastChecked<T extends { hash: string }>(signed: SignedTransaction, send: (raw: Hex) => Promise<T>): Promise<T> {
  const sent = await send(signed.raw);
  if (sent.hash.toLowerCase() !== signed.hash.toLowerCase()) throw new BroadcastHashMismatchError();
  return sent;
}
