/**
 * Signs a completed draft with the vault and checks the signed bytes before anyone broadcasts
 * them with the one shared check (`core/tx/signed-check.ts`: every decoded field, the sender, the
 * hash the signer reported). Shared by plain sends, replacements and cross-space transfers.
 *
 * Threat model: the signer (vault) is trusted with keys, not with faithfulness to the review; a
 * mismatch is refused (never broadcast).
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import { TxError } from '../../../core/tx/errors.js';
import { checkSignedTransaction } from '../../../core/tx/signed-check.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import { SignedMismatchError, VaultLockedError } from './errors.js';
import { preparedFacts, type PreparedFacts } from './send-preparation.js';
import type { SendKeyring } from './sends.js';

/** Signs `draft` for `accountId` on chain `activeChainId`; the result is checked against the draft's facts. */
export async function signCheckedDraft(keyring: SendKeyring, input: { accountId: string; from: string; space: Space; draft: TransactionDraft; activeChainId: number; facts?: PreparedFacts }): Promise<{ raw: Hex; hash: Hex; facts: PreparedFacts }> {
  if (!(await keyring.isUnlocked())) throw new VaultLockedError();
  const facts = input.facts ?? preparedFacts(input.space, input.draft);
  const signable = facts.signable;
  const signed = signable.space === 'core'
    ? await keyring.signCoreTransaction(input.accountId, signable.input, input.activeChainId)
    : await keyring.signEspaceTransaction(input.accountId, signable.input, input.activeChainId);
  try {
    checkSignedTransaction({ ...signable, from: input.from }, signed);
  } catch (error) {
    if (error instanceof TxError) throw new SignedMismatchError({ cause: error });
    throw error;
  }
  return { ...signed, facts };
}
