/**
 * The background's event bus: one typed emitter and one map of the events the background's parts
 * tell each other about. The network session and the jobs over it emit; the UI router forwards the
 * ones pages see (chain/install.ts, in one place), the dApp provider listens for network switches,
 * and the balance refresh listens for finished syncs.
 *
 * Failure model: a listener that throws is logged (by error name only — messages may hold
 * details) and does not stop the other listeners or the emitter; emitting never throws. Listeners
 * run synchronously in the order they subscribed; one with async work starts it and returns.
 * @module
 */
import type { NetworkKey } from '../../core/rpc/pool/endpoint.js';
import type { TrackedTransaction } from '../../core/chain/transactions/types.js';
import type { Space } from '../../core/space.js';
import type { BalanceView, ChainStatusView, TxView } from '../shared/ui-api/chain.js';

/** Everything the background's parts announce, by name. */
export interface BackgroundEvents {
  /** The active network changed (a switch in the UI or by a dApp). */
  networkChanged: { network: NetworkKey; chainIds: { core: number; espace: number } };
  /** Sync progress, outcome, privacy setting or network: the status pages show. */
  statusChanged: ChainStatusView;
  /** A sync of the active network finished without error (new verified state to read at). */
  synced: { network: NetworkKey };
  /** The node list or a ban changed. */
  nodesChanged: Record<string, never>;
  /** Balances read from the network that differ from the ones stored before, or a refresh's values. */
  balancesChanged: { space: Space; addresses: string[]; balances: BalanceView[] };
  /** The tracker recorded a change of one of the active network's transactions. */
  transactionRecorded: TrackedTransaction;
  /** A tracked transaction as pages see it. */
  transactionChanged: TxView;
}

export type Listener<T> = (data: T) => void;

/** A small typed emitter over an event map `M`. */
export class EventBus<M extends object> {
  private readonly listeners = new Map<keyof M, Set<Listener<never>>>();

  /** Calls `listener` on each `name` event; returns the function that stops it. */
  on<E extends keyof M>(name: E, listener: Listener<M[E]>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<E extends keyof M>(name: E, data: M[E]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as Listener<M[E]>)(data);
      } catch (error) {
        console.error(`events: a ${String(name)} listener failed:`, error instanceof Error ? error.name : typeof error);
      }
    }
  }
}

/** The background's bus. */
export type BackgroundBus = EventBus<BackgroundEvents>;
