/**
 * Runs one dApp request: bounds (in-flight per document, unique ids, the site's read rate), method
 * lookup in the explicit table, parameter schema, then the handler — which answers at once or queues an approval.
 * Requests that only read are kept in memory; they are cheap to send again if the worker stops.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import { ProviderErrorCode } from '../../shared/provider-errors.js';
import { MAX_IN_FLIGHT_PER_DOCUMENT, type PortRequest } from '../../shared/provider-protocol.js';
import type { AccountContext } from './accounts.js';
import type { ApprovalCenter } from './approvals.js';
import type { Connections } from './connections.js';
import { limitExceeded, ProviderRpcError, toProviderErrorPayload } from './errors.js';
import type { ProviderEvents } from './events.js';
import { lookupMethod } from './methods/table.js';
import type { PermissionStore } from './permissions.js';
import type { ReadLimiter } from './read-limiter.js';
import { siteOf, type Requester } from './requester.js';
import type { ProviderChain, ProviderKeyring } from './wallet-services.js';

export interface DispatcherDeps {
  keyring: ProviderKeyring;
  chain: ProviderChain;
  permissions: PermissionStore;
  approvals: ApprovalCenter;
  connections: Connections;
  events: ProviderEvents;
  /** Per-site limit on node reads (read-limiter.ts). */
  reads: ReadLimiter;
}

const ACCOUNT_LIST_METHODS = new Set(['cfx_accounts', 'eth_accounts', 'cfx_requestAccounts', 'eth_requestAccounts', 'wallet_accounts', 'wallet_requestAccounts']);

export class RequestDispatcher {
  private readonly inflight = new Map<string, Set<string>>();

  constructor(private readonly deps: DispatcherDeps) {}

  isInFlight(documentId: string, requestId: string): boolean {
    return this.inflight.get(documentId)?.has(requestId) ?? false;
  }

  private respond(documentId: string, id: string, outcome: { result: unknown } | { error: unknown }): Promise<boolean> {
    const message = 'result' in outcome ? { type: 'response' as const, id, result: outcome.result ?? null } : { type: 'response' as const, id, error: toProviderErrorPayload(outcome.error) };
    return this.deps.connections.deliver(documentId, message);
  }

  async handle(requester: Requester, message: PortRequest): Promise<void> {
    const { documentId } = requester;
    const mine = this.inflight.get(documentId) ?? new Set<string>();
    if (mine.has(message.id) || this.deps.approvals.holds(documentId, message.id)) {
      await this.respond(documentId, message.id, { error: new ProviderRpcError(ProviderErrorCode.invalidRequest, 'A request with this id is already pending') });
      return;
    }
    if (mine.size >= MAX_IN_FLIGHT_PER_DOCUMENT) {
      await this.respond(documentId, message.id, { error: limitExceeded(`Too many requests in flight (at most ${MAX_IN_FLIGHT_PER_DOCUMENT})`) });
      return;
    }
    mine.add(message.id);
    this.inflight.set(documentId, mine);
    try {
      const spec = lookupMethod(message.space, message.method);
      if (spec instanceof ProviderRpcError) throw spec;
      if (spec.nodeRead && !this.deps.reads.take(siteOf(requester))) throw limitExceeded('This site sends too many read requests; slow down');
      const params = spec.params.parse(message.params, 'params');
      const ctx: AccountContext = { requester, space: message.space, keyring: this.deps.keyring, chain: this.deps.chain, permissions: this.deps.permissions };
      const outcome = await spec.run(ctx, params);
      if ('approval' in outcome) {
        await this.deps.approvals.create(requester, message.id, message.space, message.method, outcome.approval);
        return;
      }
      if (message.method === 'wallet_revokePermissions') await this.deps.events.accountsChanged(requester.origin, [message.space]);
      if (ACCOUNT_LIST_METHODS.has(message.method)) this.deps.events.noteAccounts(documentId, message.space, outcome.result);
      else if (message.method === 'wayfarer_getProviderState') this.deps.events.noteAccounts(documentId, message.space, (outcome.result as { accounts?: unknown }).accounts);
      await this.respond(documentId, message.id, outcome);
    } catch (error) {
      if (!(error instanceof WayfarerError)) console.error(`provider: ${message.method.slice(0, 60)} failed:`, error instanceof Error ? error.name : typeof error);
      await this.respond(documentId, message.id, { error });
    } finally {
      mine.delete(message.id);
      if (mine.size === 0) this.inflight.delete(documentId);
    }
  }
}
