/**
 * Signs a completed draft with the vault and checks the signed bytes before anyone broadcasts
 * them: they must decode to the reviewed signing hash, the expected sender and the hash the signer
 * reported. Shared by plain sends and cross-space transfers.
 *
 * Threat model: the signer (vault) is trusted with keys, not with faithfulness to the review; a
 * mismatch is refused (never broadcast).
 * @module
 */
import type { Space } from '../../../core/rpc/pool/endpoint.js';
import { decodeCoreTransaction } from '../../../core/tx/core-decode.js';
import { decodeEspaceTransaction } from '../../../core/tx/espace-decode.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import type { Hex } from '../provider/wallet-services.js';
import { SignedMismatchError, WalletLockedError } from './errors.js';
import { preparedFacts, type PreparedFacts } from './send-preparation.js';
import type { SendKeyring } from './send-service.js';

/** Signs `draft` for `accountId` on chain `activeChainId`; the result is checked against the draft's facts. */
export async function signCheckedDraft(keyring: SendKeyring, input: { accountId: string; from: string; space: Space; draft: TransactionDraft; activeChainId: number; facts?: PreparedFacts }): Promise<{ raw: Hex; hash: Hex; facts: PreparedFacts }> {
  if (!(await keyring.isUnlocked())) throw new WalletLockedError();
  const facts = input.facts ?? preparedFacts(input.space, input.draft);
  const signable = facts.signable;
  let signed: { raw: Hex; hash: Hex };
  let decoded: { signingHash: string; from: string; hash: string };
  if (signable.space === 'core') {
    signed = await keyring.signCoreTransaction(input.accountId, signable.input, input.activeChainId);
    decoded = decodeCoreTransaction(signed.raw, { chainId: input.activeChainId });
  } else {
    signed = await keyring.signEspaceTransaction(input.accountId, signable.input, input.activeChainId);
    decoded = decodeEspaceTransaction(signed.raw, { chainId: input.activeChainId });
  }
  if (decoded.signingHash.toLowerCase() !== facts.signingHash.toLowerCase() || decoded.from.toLowerCase() !== input.from.toLowerCase() || decoded.hash.toLowerCase() !== signed.hash.toLowerCase()) {
    throw new SignedMismatchError();
  }
  return { ...signed, facts };
}
