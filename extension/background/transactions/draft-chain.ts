/**
 * What the draft builder reads of the chain, declared here so every caller hands it the chain its
 * own way: the active network's chain ids, the account nonce, and read-only node calls (estimates,
 * the epoch, fees, base fee). The wallet's own sends read the chain service directly through
 * {@link chainDrafts}; the provider's `ChainAdapter` is the dApp's view of the same chain and
 * translates node failures into dApp codes itself.
 *
 * Threat model: nodes answer every read; their answers are shape-checked by the builder, and a
 * node's refusal (a call that reverts) is only ever a reason shown to the user, never a value used.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import { NoNodeAvailableError } from '../../../core/rpc/pool/errors.js';
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import type { Space } from '../../../core/space.js';

export interface DraftChain {
  /** The chain id of the active network of `space`. */
  chainId(space: Space): number;
  /** The next nonce of `address` at the latest verified epoch (own pending transactions included). */
  nextNonce(space: Space, address: string): Promise<bigint>;
  /** A read-only call on the active network of `space`, through the node pool. */
  read(space: Space, method: string, params: readonly unknown[]): Promise<unknown>;
  /** The node's words when `error` is a node refusing a call (e.g. a revert); undefined for any other failure. */
  nodeRefusal(error: unknown): string | undefined;
}

/** What {@link chainDrafts} uses of the chain service (structural: see extension/background/chain). */
export interface DraftChainSource {
  status(): { network: NetworkKey; chainIds: { core: number; espace: number } };
  read(space: Space, method: string, params: readonly unknown[]): Promise<unknown>;
  nextNonce(space: Space, address: string): Promise<bigint>;
  /** Syncs the light client (shared when one is running). */
  sync(): Promise<unknown>;
}

interface NodeErrorAnswer {
  rpcCode: number;
  rpcMessage: string;
  rpcData: unknown;
}

/** A node's JSON-RPC error answer, as the node pool raises it (core/rpc's RpcNodeError). */
function isNodeErrorAnswer(error: unknown): error is WayfarerError & NodeErrorAnswer {
  return error instanceof WayfarerError && error.code === 'rpc.node_error' && typeof (error as { rpcCode?: unknown }).rpcCode === 'number';
}

/**
 * EIP-1193 codes (4001 rejected by the user, 4100 unauthorized, 4900 disconnected, …) speak for the
 * wallet and the user: a node must not be able to make a dApp believe the user refused.
 */
export function isWalletOnlyCode(code: number): boolean {
  return !Number.isSafeInteger(code) || (code >= 4000 && code < 5000);
}

/**
 * The nodes' own answer when nodes answered with an error (directly, or inside a pool error: see
 * NoNodeAvailableError.nodeErrors). One using a wallet-only code is passed over for one that does
 * not, so a lying node cannot hide an honest node's revert reason that way.
 */
export function nodeAnswer(error: unknown): (WayfarerError & NodeErrorAnswer) | undefined {
  if (isNodeErrorAnswer(error)) return error;
  if (error instanceof NoNodeAvailableError) return error.nodeErrors.find((e) => !isWalletOnlyCode(e.rpcCode)) ?? error.nodeErrors[0];
  return undefined;
}

/**
 * The next nonce, verifying the chain first when the light client has not finalized the epoch the
 * nonce is read at yet (e.g. just after a network switch).
 */
export async function verifiedNextNonce(chain: Pick<DraftChainSource, 'nextNonce' | 'sync'>, space: Space, address: string): Promise<bigint> {
  try {
    return await chain.nextNonce(space, address);
  } catch (error) {
    if (!(error instanceof WayfarerError && error.code === 'lightclient.not_finalized')) throw error;
  }
  await chain.sync();
  return chain.nextNonce(space, address);
}

/** The chain service as the draft builder reads it: errors come as the chain service raised them. */
export function chainDrafts(chain: DraftChainSource): DraftChain {
  return {
    chainId: (space) => chain.status().chainIds[space],
    nextNonce: (space, address) => verifiedNextNonce(chain, space, address),
    read: (space, method, params) => chain.read(space, method, params),
    nodeRefusal: (error) => nodeAnswer(error)?.rpcMessage,
  };
}
