/**
 * Coalescing: a site that asks to connect (or to unlock) several times while one such request
 * waits gets one approval; the others of the same site and space are its siblings and get the
 * same answer — read afresh from the grant the user just made, never copied from another site's.
 * @module
 */
import { visibleAddresses, type AccountContext } from './accounts.js';
import { toProviderErrorPayload } from './errors.js';
import { permissionObjects } from './methods/accounts-methods.js';
import type { Outcome, PendingRecord, PendingStore } from './pending-store.js';
import type { PermissionStore } from './permissions.js';
import type { ProviderChain } from './wallet-services.js';

const COALESCING_KINDS = new Set(['connect', 'unlock']);

/** Whether requests of this kind are answered together with their siblings. */
export function coalesces(kind: string): boolean {
  return COALESCING_KINDS.has(kind);
}

/** Other waiting connect/unlock requests of the record's site and space. */
export function siblingsOf(store: PendingStore, record: PendingRecord): PendingRecord[] {
  return store.waitingFor(record.requester.origin).filter((r) => r.id !== record.id && r.space === record.space && coalesces(r.request.kind));
}

/** A sibling's answer from the grant now in place: its permission objects, or the visible addresses. */
export async function grantAnswer(ctx: AccountContext, deps: { permissions: PermissionStore; chain: ProviderChain }, sibling: PendingRecord): Promise<Outcome> {
  try {
    if (sibling.request.kind === 'connect' && sibling.request.returns === 'permissions') {
      const grant = await deps.permissions.get(sibling.requester.origin, sibling.space);
      const { chainId } = await deps.chain.activeNetwork(sibling.space);
      return { result: permissionObjects(sibling.requester.origin, sibling.space, grant, chainId) };
    }
    return { result: await visibleAddresses(ctx) };
  } catch (error) {
    return { error: toProviderErrorPayload(error) };
  }
}
