/**
 * Replacement drafts: the transaction that speeds up or cancels a stuck one (same nonce, price
 * bumped over it — core/chain/transactions/replacement.ts), and a new transfer that fills a nonce gap by
 * outbidding the stuck transaction at that nonce. Both become ordinary prepared sends: reviewed,
 * then signed through the one signed-transaction check (core/tx/signed-check.ts) and broadcast.
 *
 * Threat model: the price and epoch come from the nodes (a node can make a replacement dearer,
 * visibly in the review, or let it expire sooner; never change what it does). Nothing here signs.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import { InvalidInputError } from '../../../core/errors.js';
import { bumpedPrice, coreReplacement, espaceReplacement, type ReplacementKind } from '../../../core/chain/transactions/replacement.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import type { Space } from '../../../core/space.js';
import { decodeCoreTransaction } from '../../../core/tx/core-decode.js';
import type { CoreTransactionInput } from '../../../core/tx/core-transaction.js';
import { decodeEspaceTransaction } from '../../../core/tx/espace-decode.js';
import type { EspaceTransactionInput } from '../../../core/tx/espace-transaction.js';
import { quantity } from '../../shared/schema.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';

/** Reads through the pool (the chain service's `read`). */
export type ChainRead = (space: Space, method: string, params: readonly unknown[]) => Promise<unknown>;

const q = (n: bigint | number): Hex => `0x${BigInt(n).toString(16)}`;

async function readQuantity(read: ChainRead, space: Space, method: string, params: unknown[]): Promise<bigint> {
  return BigInt(quantity().parse(await read(space, method, params), method));
}

/** A transaction input as the draft the send path keeps (hex quantities). */
export function inputToDraft(input: CoreTransactionInput | EspaceTransactionInput): TransactionDraft {
  const draft: TransactionDraft = { type: input.type, chainId: input.chainId, nonce: q(input.nonce), gas: q(input.gas), to: input.to, value: q(input.value), data: input.data as Hex };
  if (input.type === 2) {
    draft.maxFeePerGas = q(input.maxFeePerGas);
    draft.maxPriorityFeePerGas = q(input.maxPriorityFeePerGas);
  } else draft.gasPrice = q(input.gasPrice);
  if (input.type !== 0) draft.accessList = input.accessList.map((e) => ({ address: e.address, storageKeys: [...e.storageKeys] }));
  if ('storageLimit' in input) {
    draft.storageLimit = q(input.storageLimit);
    draft.epochHeight = q(input.epochHeight);
  }
  return draft;
}

/** The speed-up or cancel of `record`, at the network's current price if that is higher than the bump. */
export async function replacementDraft(read: ChainRead, record: TrackedTransaction, kind: ReplacementKind): Promise<TransactionDraft> {
  if (record.status !== 'pending' && record.status !== 'possibly_censored') throw new InvalidInputError('only a transaction not yet seen in a block can be sped up or cancelled');
  if (record.space === 'core') {
    const [price, epoch] = await Promise.all([readQuantity(read, 'core', 'cfx_gasPrice', []), readQuantity(read, 'core', 'cfx_epochNumber', ['latest_state'])]);
    return inputToDraft(coreReplacement(record, kind, price, epoch));
  }
  return inputToDraft(espaceReplacement(record, kind, await readQuantity(read, 'espace', 'eth_gasPrice', [])));
}

/** Raises `draft`'s prices (in place) to outbid the signed transaction `raw` it takes the nonce of. */
export function outbid(space: Space, draft: TransactionDraft, raw: string): void {
  const old = space === 'core' ? decodeCoreTransaction(raw).transaction : decodeEspaceTransaction(raw).transaction;
  const oldCap = old.type === 2 ? old.maxFeePerGas : old.gasPrice;
  const oldTip = old.type === 2 ? old.maxPriorityFeePerGas : old.gasPrice;
  if (draft.type === 2) {
    draft.maxFeePerGas = q(bumpedPrice(oldCap, BigInt(draft.maxFeePerGas ?? '0x0')));
    draft.maxPriorityFeePerGas = q(bumpedPrice(oldTip, BigInt(draft.maxPriorityFeePerGas ?? '0x0')));
    if (BigInt(draft.maxPriorityFeePerGas) > BigInt(draft.maxFeePerGas)) draft.maxPriorityFeePerGas = draft.maxFeePerGas;
  } else draft.gasPrice = q(bumpedPrice(oldCap, BigInt(draft.gasPrice ?? '0x0')));
}
