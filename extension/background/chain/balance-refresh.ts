/**
 * The background keeps the wallet's balances current: after each successful sync of the active
 * network it reads the balances of the wallet's accounts in both spaces — CFX and every token in
 * the token list — and announces them all on the bus (`balancesChanged`, with the values), so open
 * pages show them without asking, and the last known values in the chain store are the ones just
 * verified.
 *
 * Threat model: account addresses come from the vault, which lists them only while unlocked (they
 * are stored encrypted), so nothing is read or announced while the wallet is locked. A refresh that
 * fails is dropped (the next sync tries again; pages keep the values they have, with their age).
 * One refresh at a time; a sync that finishes during one asks for one more after it.
 * @module
 */
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { SPACES, type Space } from '../../../core/space.js';
import type { BackgroundBus } from '../events.js';
import type { Accounts } from './accounts.js';
import type { NetworkSession } from './session.js';

export interface BalanceRefreshDeps {
  bus: BackgroundBus;
  chain: () => Promise<{ session: Pick<NetworkSession, 'chainIds'>; accounts: Pick<Accounts, 'balances'> }>;
  /** The vault's accounts (see vault/provider-keyring.ts). */
  keyring: { isUnlocked(): Promise<boolean>; listAccounts(): Promise<{ coreHex: string; espaceAddress: string }[]> };
  /** The token list of the active network (see tokens/service.ts). */
  tokens: () => Promise<{ list(space: Space): Promise<{ address: string }[]> }>;
}

/** Subscribes to finished syncs; returns the function that stops it. */
export function refreshBalancesAfterSync(deps: BalanceRefreshDeps): () => void {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = refreshWalletBalances(deps)
      .catch((error: unknown) => console.error('chain: balance refresh failed:', error instanceof Error ? error.name : typeof error))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return deps.bus.on('synced', run);
}

/** Reads and announces the balances of every account of the wallet (see the module comment). */
export async function refreshWalletBalances(deps: Omit<BalanceRefreshDeps, 'bus'>): Promise<void> {
  if (!(await deps.keyring.isUnlocked())) return;
  const [accounts, { session, accounts: reads }, tokens] = await Promise.all([deps.keyring.listAccounts(), deps.chain(), deps.tokens()]);
  if (accounts.length === 0) return;
  const chainIds = session.chainIds();
  const addresses: Record<Space, string[]> = { core: accounts.map((a) => encodeCfxAddress(a.coreHex, chainIds.core)), espace: accounts.map((a) => a.espaceAddress) };
  for (const space of SPACES) {
    const list = (await tokens.list(space)).map((t) => t.address);
    await reads.balances(space, addresses[space], list, 'all');
  }
}
