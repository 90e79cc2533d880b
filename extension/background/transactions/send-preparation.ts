/**
 * The pure parts of preparing a transfer: reading the recipient for the active network, turning
 * "send N of asset X to R" into a call (`to`, `value`, `data`), turning the completed draft into
 * its review (review.ts: the validated transaction the signer will get, its signing hash, every
 * field, the most it can cost).
 *
 * Threat model: the recipient is typed or pasted by the user and may belong to another network or
 * the other space (funds lost) — refused here, not only in the form. The token's decimals come from
 * the user's token list; the caller compares them with the contract's own answer. Node answers
 * (nonce, gas, prices) were shape-checked by the draft builder; core/tx validates the result, and
 * the signing hash computed here is compared with the signed bytes before anything is broadcast.
 * @module
 */
import { decodeCfxAddress, encodeCfxAddress } from '../../../core/address/cip37.js';
import { parseEspaceAddress, toChecksumAddress } from '../../../core/address/eip55.js';
import { InvalidInputError } from '../../../core/errors.js';
import { MAX_UINT256, type Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import { encodeTransferCall } from '../chain/token-abi.js';
import { WrongNetworkRecipientError } from './errors.js';
import { reviewDraft, type ReviewedDraft } from './review.js';

export interface ChainIds {
  core: number;
  espace: number;
}

export interface TokenSpec {
  /** Contract address in the space's form. */
  contract: string;
  symbol: string;
  decimals: number;
}

/** The call a transfer makes: to whom, how much CFX, with which data. */
export interface TransferCall {
  to: string;
  value: bigint;
  data: Hex;
}

/**
 * The 20-byte hex (lower case) of `address` if it is an address of `space` on the active network.
 * @throws {WrongNetworkRecipientError} another network's Core address, a Core address on eSpace or the other way round
 * @throws {InvalidInputError} not an address at all
 */
export function addressOnActiveNetwork(space: Space, address: string, chainIds: ChainIds, what = 'recipient'): string {
  if (space === 'core') {
    if (/^0x[0-9a-fA-F]{40}$/.test(address)) throw new WrongNetworkRecipientError(`The ${what} is a hex address; Core space needs a cfx address (an eSpace address here would lose the funds).`);
    let decoded: ReturnType<typeof decodeCfxAddress>;
    try {
      decoded = decodeCfxAddress(address);
    } catch (cause) {
      throw new InvalidInputError(`The ${what} is not a valid Core address.`, { cause });
    }
    if (decoded.networkId !== chainIds.core) throw new WrongNetworkRecipientError(`The ${what} is for network ${decoded.networkId}, but the wallet is on network ${chainIds.core}.`);
    return decoded.hex.toLowerCase();
  }
  if (/^(cfx|cfxtest|net\d+):/i.test(address)) throw new WrongNetworkRecipientError(`The ${what} is a Core space address; eSpace needs a 0x address.`);
  try {
    return parseEspaceAddress(address);
  } catch (cause) {
    throw new InvalidInputError(`The ${what} is not a valid eSpace address.`, { cause });
  }
}

/** An address of `space` on the active network in its display form (base32 or EIP-55). */
export function spaceAddress(space: Space, hex: string, chainIds: ChainIds): string {
  return space === 'core' ? encodeCfxAddress(hex, chainIds.core) : toChecksumAddress(hex);
}

/**
 * The call that sends `amount` of CFX, or of `token` (its `transfer(recipient, amount)`), to the recipient.
 * @example transferCall('espace', ids, '0xabc…', 5n) // { to: '0xAbC…', value: 5n, data: '0x' }
 */
export function transferCall(space: Space, chainIds: ChainIds, recipientHex: string, amount: bigint, token?: TokenSpec): TransferCall {
  if (typeof amount !== 'bigint' || amount <= 0n) throw new InvalidInputError('The amount must be above zero.');
  if (amount > MAX_UINT256) throw new InvalidInputError('The amount is larger than any balance can be.');
  if (token === undefined) return { to: spaceAddress(space, recipientHex, chainIds), value: amount, data: '0x' };
  const contractHex = addressOnActiveNetwork(space, token.contract, chainIds, 'token contract');
  return { to: spaceAddress(space, contractHex, chainIds), value: 0n, data: encodeTransferCall(recipientHex, amount) };
}

/** A transfer's reviewed draft (review.ts), refused when it has no recipient (it would deploy a contract). */
export type PreparedFacts = ReviewedDraft & { review: { to: string } };

/** Validates a completed transfer draft (core/tx) and derives what the review shows and the signer gets. */
export function preparedFacts(space: Space, draft: TransactionDraft, from: string): PreparedFacts {
  const reviewed = reviewDraft(space, draft, from);
  // Transfers always have a recipient; a draft without one would deploy a contract.
  if (reviewed.review.to === null) throw new InvalidInputError('a transfer needs a recipient');
  return reviewed as PreparedFacts;
}
