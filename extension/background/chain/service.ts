/**
 * The chain of the background worker as its users get it: the network session (session.ts) and
 * the jobs over it — account reads (accounts.ts), the node list (nodes.ts) and the wallet's
 * tracked transactions (tracking.ts) — built once, over one chain store and the background's bus.
 * Nothing here but the building: each caller takes the part it uses.
 * @module
 */
import { Accounts } from './accounts.js';
import { Nodes } from './nodes.js';
import { NetworkSession, type SessionDeps } from './session.js';
import { TrackedTransactions } from './tracking.js';

export interface ChainServiceDeps extends SessionDeps {
  /** Whether the extension holds a host permission (`chrome.permissions.contains`). */
  hasHostPermission(pattern: string): Promise<boolean>;
}

export interface ChainService {
  readonly session: NetworkSession;
  readonly accounts: Accounts;
  readonly nodes: Nodes;
  readonly tracking: TrackedTransactions;
}

/** Loads the session's settings and state and builds the jobs over it (no network). */
export async function startChain(deps: ChainServiceDeps): Promise<ChainService> {
  const { store, clock, bus } = deps;
  const session = await NetworkSession.start(deps);
  return {
    session,
    accounts: new Accounts({ session, store, clock, bus }),
    nodes: new Nodes({ session, store, hasHostPermission: deps.hasHostPermission }),
    tracking: await TrackedTransactions.start({ session, store, bus }),
  };
}
