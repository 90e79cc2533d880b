/**
 * Completes a transaction request — a dApp's, or one the wallet makes for its own sends — into the
 * exact transaction the user will be shown and asked to sign: chain id of the active network, nonce
 * from the chain service, gas (and on Core the storage limit and epoch height) estimated by the
 * nodes when the request left them out, and fees. The chain is read through {@link DraftChain};
 * failures are this wing's errors (errors.ts), which the provider turns into dApp codes at its edge.
 *
 * Everything the nodes answer is checked for shape before use, the dApp's own values win over
 * estimates, and the result passes core/tx's validation (the same the signer applies), so a draft
 * that reaches the approval page can be signed as shown. A `chainId` that is not the active chain's
 * is refused: transactions are only ever signed for the network the user is on.
 *
 * A transaction the nodes cannot estimate (the call reverts, say) is not answered with the node's
 * error before the user has seen it when the caller asks so (dApp requests): the draft gets a
 * default gas limit, the node's reason is reported to the caller, and the approval page shows both
 * with the gas limit editable. The user decides; nothing is signed on the node's word.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import { prepareCoreTransaction, type CoreTransactionInput } from '../../../core/tx/core-transaction.js';
import { prepareEspaceTransaction, type EspaceTransactionInput } from '../../../core/tx/espace-transaction.js';
import { WayfarerError } from '../../../core/errors.js';
import { TxError } from '../../../core/tx/errors.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import { nullable, object, optional, quantity, SchemaError } from '../../shared/schema.js';
import type { CoreTxRequest, EspaceTxRequest } from '../provider/tx-request.js';
import type { DraftChain } from './draft-chain.js';
import { EstimateFailedError, InvalidTransactionError, NodeRefusedError } from './errors.js';

const q = (n: bigint): Hex => `0x${n.toString(16)}`;

const coreEstimateSchema = object({ gasLimit: quantity(), gasUsed: optional(quantity()), storageCollateralized: quantity() }, { strict: false });
const baseFeeSchema = object({ baseFeePerGas: optional(nullable(quantity())) }, { strict: false });

/**
 * The nonce to use: the higher of the chain service's (read at the latest verified epoch, raised past
 * the wallet's own pending transactions) and the nodes' latest state. Transactions sent from
 * elsewhere since the verified epoch are only in the latter. A node can only push the nonce up this
 * way — which delays the transaction, visibly — never below the verified one.
 */
async function chooseNonce(chain: DraftChain, space: Space, from: string): Promise<bigint> {
  const [tracked, latest] = await Promise.all([
    chain.nextNonce(space, from),
    space === 'core' ? readQuantity(chain, 'core', 'cfx_getNextNonce', [from, 'latest_state']) : readQuantity(chain, 'espace', 'eth_getTransactionCount', [from, 'pending']),
  ]);
  return tracked > latest ? tracked : latest;
}

function checkChainId(requested: Hex | undefined, chainId: number): void {
  if (requested !== undefined && BigInt(requested) !== BigInt(chainId)) {
    throw new InvalidTransactionError(`chainId ${requested} is not the active chain 0x${chainId.toString(16)}; switch networks first`);
  }
}

async function readQuantity(chain: DraftChain, space: Space, method: string, params: unknown[]): Promise<bigint> {
  return BigInt(quantity().parse(await chain.read(space, method, params), method));
}

/** Gas limit of a contract call or deployment the nodes could not estimate (the user may edit it). */
export const UNESTIMATED_GAS = 1_000_000n;
/** A plain transfer's gas, when even that could not be estimated. */
const TRANSFER_GAS = 21_000n;

export interface DraftOptions {
  /**
   * Called with the node's reason when it refuses to estimate the transaction; the draft then gets
   * a default gas limit (and on Core a storage limit of 0) instead of failing. Without it, the
   * node's error is thrown as before.
   */
  onEstimateFailure?: (reason: string) => void;
}

/**
 * An estimate that fails on the node (e.g. the call reverts) is reported as the node said it — or,
 * with `onEstimateFailure`, handed to the caller and `fallback` used. The chain's own failures
 * (no node, not verified yet) pass as they are; anything else (an answer of the wrong shape) is
 * "could not estimate".
 */
async function estimate<T>(chain: DraftChain, run: () => Promise<T>, options: DraftOptions, fallback: () => T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const refusal = chain.nodeRefusal(error);
    if (refusal !== undefined && options.onEstimateFailure) {
      options.onEstimateFailure(refusal.slice(0, 500));
      return fallback();
    }
    if (refusal !== undefined) throw new NodeRefusedError(refusal, { cause: error });
    if (error instanceof WayfarerError && !(error instanceof SchemaError)) throw error;
    throw new EstimateFailedError({ cause: error });
  }
}

export function coreDraftToInput(draft: TransactionDraft): CoreTransactionInput {
  const common = {
    chainId: draft.chainId,
    nonce: BigInt(draft.nonce),
    gas: BigInt(draft.gas),
    to: draft.to,
    value: BigInt(draft.value),
    storageLimit: BigInt(draft.storageLimit ?? '0x0'),
    epochHeight: BigInt(draft.epochHeight ?? '0x0'),
    data: draft.data,
  };
  if (draft.type === 2) return { type: 2, ...common, maxFeePerGas: BigInt(draft.maxFeePerGas ?? '0x0'), maxPriorityFeePerGas: BigInt(draft.maxPriorityFeePerGas ?? '0x0'), accessList: draft.accessList ?? [] };
  if (draft.type === 1) return { type: 1, ...common, gasPrice: BigInt(draft.gasPrice ?? '0x0'), accessList: draft.accessList ?? [] };
  return { type: 0, ...common, gasPrice: BigInt(draft.gasPrice ?? '0x0') };
}

export function espaceDraftToInput(draft: TransactionDraft): EspaceTransactionInput {
  const common = { chainId: draft.chainId, nonce: BigInt(draft.nonce), gas: BigInt(draft.gas), to: draft.to, value: BigInt(draft.value), data: draft.data };
  if (draft.type === 2) return { type: 2, ...common, maxFeePerGas: BigInt(draft.maxFeePerGas ?? '0x0'), maxPriorityFeePerGas: BigInt(draft.maxPriorityFeePerGas ?? '0x0'), accessList: draft.accessList ?? [] };
  if (draft.type === 1) return { type: 1, ...common, gasPrice: BigInt(draft.gasPrice ?? '0x0'), accessList: draft.accessList ?? [] };
  return { type: 0, ...common, gasPrice: BigInt(draft.gasPrice ?? '0x0') };
}

/** Runs core/tx's validation on a draft; a failure is the caller's invalid input. */
export function validateDraft(space: Space, draft: TransactionDraft): void {
  try {
    if (space === 'core') prepareCoreTransaction(coreDraftToInput(draft));
    else prepareEspaceTransaction(espaceDraftToInput(draft));
  } catch (error) {
    if (error instanceof TxError) throw new InvalidTransactionError(`Invalid transaction: ${error.message}`);
    throw error;
  }
}

function chooseType(requested: 0 | 1 | 2 | undefined, hasGasPrice: boolean, hasAccessList: boolean, networkHasBaseFee: boolean): 0 | 1 | 2 {
  if (requested !== undefined) return requested;
  if (networkHasBaseFee && !hasGasPrice) return 2;
  return hasAccessList ? 1 : 0;
}

const FEE_METHODS = {
  core: { priorityFee: 'cfx_maxPriorityFeePerGas', gasPrice: 'cfx_gasPrice' },
  espace: { priorityFee: 'eth_maxPriorityFeePerGas', gasPrice: 'eth_gasPrice' },
} as const;

type FeeRequest = Pick<CoreTxRequest | EspaceTxRequest, 'gasPrice' | 'maxFeePerGas' | 'maxPriorityFeePerGas' | 'accessList'>;

/**
 * Sets the draft's prices (and access list) for its type: the dApp's values, else the nodes'
 * priority fee with a max fee of twice the base fee plus it (type 2), or the nodes' gas price.
 */
async function completeFees(chain: DraftChain, space: Space, request: FeeRequest, baseFee: Hex | undefined, draft: TransactionDraft): Promise<void> {
  const methods = FEE_METHODS[space];
  if (draft.type === 2) {
    const priority = request.maxPriorityFeePerGas !== undefined ? BigInt(request.maxPriorityFeePerGas) : await readPriorityFee(chain, space, baseFee);
    if (baseFee === undefined && request.maxFeePerGas === undefined) throw new InvalidTransactionError('The network reports no base fee; give maxFeePerGas or use gasPrice');
    draft.maxPriorityFeePerGas = q(priority);
    draft.maxFeePerGas = request.maxFeePerGas ?? q(BigInt(baseFee ?? '0x0') * 2n + priority);
  } else {
    draft.gasPrice = request.gasPrice ?? q(await readQuantity(chain, space, methods.gasPrice, []));
  }
  if (draft.type !== 0) draft.accessList = request.accessList ?? [];
}

/** Attempts at the nodes' suggested priority fee before falling back, and the pause before each retry (times the attempt). */
export const PRIORITY_FEE_ATTEMPTS = 3;
const PRIORITY_FEE_RETRY_MS = 150;

/**
 * The priority fee the nodes suggest. Conflux eSpace nodes refuse `eth_maxPriorityFeePerGas` now
 * and then ("Specified block header does not exist": it reads the fee history up to the newest
 * epoch while that epoch is still being added — on a dev node about one call in six), so a refusal
 * is asked again after a short pause; if the nodes keep refusing, the tip is what the nodes' gas
 * price asks above the base fee (as dApp libraries do).
 */
async function readPriorityFee(chain: DraftChain, space: Space, baseFee: Hex | undefined): Promise<bigint> {
  const methods = FEE_METHODS[space];
  for (let attempt = 1; attempt <= PRIORITY_FEE_ATTEMPTS; attempt++) {
    try {
      return await readQuantity(chain, space, methods.priorityFee, []);
    } catch (error) {
      if (chain.nodeRefusal(error) === undefined) throw error;
      if (attempt < PRIORITY_FEE_ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, PRIORITY_FEE_RETRY_MS * attempt));
    }
  }
  const gasPrice = await readQuantity(chain, space, methods.gasPrice, []);
  const base = BigInt(baseFee ?? '0x0');
  return gasPrice > base ? gasPrice - base : 0n;
}

const LATEST_BLOCK = {
  core: { method: 'cfx_getBlockByEpochNumber', params: ['latest_state', false] },
  espace: { method: 'eth_getBlockByNumber', params: ['latest', false] },
} as const;

/**
 * What both spaces check and choose first: the chain id, gas against gasLimit, the call (`data`
 * reads the request's data, refusing what contradicts itself), and the type from the base fee.
 */
async function startDraft(chain: DraftChain, space: Space, request: CoreTxRequest | EspaceTxRequest, data: () => Hex) {
  const chainId = chain.chainId(space);
  checkChainId(request.chainId, chainId);
  if (request.gas !== undefined && request.gasLimit !== undefined && request.gas !== request.gasLimit) throw new InvalidTransactionError('gas and gasLimit disagree');
  const call = { to: request.to ?? null, value: request.value ?? '0x0', data: data() };
  if (call.to === null && call.data === '0x') throw new InvalidTransactionError('A transaction without "to" deploys a contract and needs "data"');
  const latest = baseFeeSchema.parse(await chain.read(space, LATEST_BLOCK[space].method, LATEST_BLOCK[space].params), 'block');
  const baseFee = latest.baseFeePerGas ?? undefined;
  const type = chooseType(request.type, request.gasPrice !== undefined, request.accessList !== undefined, baseFee !== undefined);
  if (type !== 2 && (request.maxFeePerGas !== undefined || request.maxPriorityFeePerGas !== undefined)) throw new InvalidTransactionError('maxFeePerGas/maxPriorityFeePerGas need a type 2 transaction');
  return { chainId, ...call, baseFee, type };
}

/** Builds a Core transaction for `from` (base32 on the active network). */
export async function buildCoreDraft(chain: DraftChain, request: CoreTxRequest, from: string, options: DraftOptions = {}): Promise<TransactionDraft> {
  const { chainId, to, value, data, baseFee, type } = await startDraft(chain, 'core', request, () => request.data ?? '0x');

  const nonce = await chooseNonce(chain, 'core', from);
  const epochHeight = request.epochHeight !== undefined ? BigInt(request.epochHeight) : await readQuantity(chain, 'core', 'cfx_epochNumber', ['latest_state']);
  let gas = request.gas ?? request.gasLimit;
  let storageLimit = request.storageLimit;
  if (gas === undefined || storageLimit === undefined) {
    const call: Record<string, unknown> = { from, value, data, ...(to === null ? {} : { to }) };
    const answer = await estimate(chain, async () => coreEstimateSchema.parse(await chain.read('core', 'cfx_estimateGasAndCollateral', [call, 'latest_state']), 'estimate'), options, () => ({
      gasLimit: q(data === '0x' ? TRANSFER_GAS : UNESTIMATED_GAS),
      storageCollateralized: '0x0' as const,
    }));
    gas ??= answer.gasLimit;
    storageLimit ??= answer.storageCollateralized;
  }

  const draft: TransactionDraft = { type, chainId, nonce: q(nonce), gas, to, value, data, storageLimit, epochHeight: q(epochHeight) };
  await completeFees(chain, 'core', request, baseFee, draft);
  validateDraft('core', draft);
  return draft;
}

/** Builds an eSpace transaction for `from` (hex). */
export async function buildEspaceDraft(chain: DraftChain, request: EspaceTxRequest, from: string, options: DraftOptions = {}): Promise<TransactionDraft> {
  const { chainId, to, value, data, baseFee, type } = await startDraft(chain, 'espace', request, () => {
    if (request.data !== undefined && request.input !== undefined && request.data.toLowerCase() !== request.input.toLowerCase()) throw new InvalidTransactionError('data and input disagree');
    return request.data ?? request.input ?? '0x';
  });

  const nonce = await chooseNonce(chain, 'espace', from);
  let gas = request.gas ?? request.gasLimit;
  if (gas === undefined) {
    const call: Record<string, unknown> = { from, value, data, ...(to === null ? {} : { to }) };
    gas = q(await estimate(chain, () => readQuantity(chain, 'espace', 'eth_estimateGas', [call]), options, () => (data === '0x' ? TRANSFER_GAS : UNESTIMATED_GAS)));
  }
  const draft: TransactionDraft = { type, chainId, nonce: q(nonce), gas, to, value, data };
  await completeFees(chain, 'espace', request, baseFee, draft);
  validateDraft('espace', draft);
  return draft;
}
