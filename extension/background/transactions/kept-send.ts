/**
 * What the wallet's send service keeps between review and signature, read back from session storage
 * with a shape check (the draft itself is validated by core/tx when signing), and how "no node
 * answered" is turned into an error naming each node asked. See sends.ts.
 * @module
 */
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import { NoNodeAvailableError } from '../../../core/rpc/pool/errors.js';
import { isSpace, type Space } from '../../../core/space.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import { NodesUnavailableError } from './errors.js';
import type { TokenSpec } from './send-preparation.js';

/** A prepared transfer as kept until signing (plain JSON: it outlives the worker). */
export interface KeptSend {
  network: NetworkKey;
  space: Space;
  accountId: string;
  from: string;
  /** The completed draft; its signable form is derived (and validated) again when signing. */
  draft: TransactionDraft;
  token: TokenSpec | null;
  /** The tracked transaction this one takes the nonce of (absent in records kept before replacements). */
  replaces?: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shape check of a kept transfer read back from storage; the draft itself is validated by core/tx when signing. */
export function decodeKept(stored: unknown): KeptSend | undefined {
  if (!isRecord(stored) || !isRecord(stored.draft)) return undefined;
  const { network, space, accountId, from, token } = stored;
  if (typeof network !== 'string' || !isSpace(space) || typeof accountId !== 'string' || typeof from !== 'string') return undefined;
  if (stored.replaces !== undefined && stored.replaces !== null && typeof stored.replaces !== 'string') return undefined;
  if (token !== null && !(isRecord(token) && typeof token.contract === 'string' && typeof token.symbol === 'string' && typeof token.decimals === 'number')) return undefined;
  return stored as unknown as KeptSend;
}

/** Runs `work`; "no node answered" names each node and its problem. */
export async function explainUnavailableNodes<T>(space: Space, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NoNodeAvailableError) throw new NodesUnavailableError(space, error.attempts, { cause: error });
    throw error;
  }
}
