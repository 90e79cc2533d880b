/**
 * The wallet session as the screens see it: vault state, accounts, the chosen account, space and
 * network. The background owns the truth; this context only mirrors it (re-read on the
 * background's events and after worker restarts) plus two view choices kept in this page's
 * storage — which account and which space the user is looking at.
 *
 * The last vault state and account list are remembered so the first paint after opening the
 * popup needs no round trip to a service worker that may still be waking up.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import type { Space } from '../../../core/space.js';
import type { VaultState, WalletBackend } from '../api/backend.js';
import { useAsync, type QueryState } from '../api/hooks.js';
import type { AccountItem, NetworkItem } from '../model/wallet.js';

export interface WalletSession {
  backend: WalletBackend;
  vault: QueryState<VaultState>;
  accounts: QueryState<AccountItem[]>;
  networks: QueryState<{ networks: NetworkItem[]; currentId: string; health: 'ok' | 'warn' | 'bad' }>;
  account: AccountItem | undefined;
  network: NetworkItem | undefined;
  space: Space;
  /** The chosen account's address in the chosen space; '' until the accounts are known. */
  address: string;
  /** `network:space:account`, what values read for this view belong to (keys remembered values); '' until known. */
  scope: string;
  selectAccount: (id: string) => void;
  setSpace: (space: Space) => void;
  /** Re-reads vault state and accounts now (after unlock, create, reset…). */
  refreshVault: () => void;
  /** Switches the network, then re-reads the networks and the accounts' addresses on it. */
  selectNetwork: (id: string) => Promise<void>;
}

const WalletContext = createContext<WalletSession | undefined>(undefined);

const ACCOUNT_KEY = 'wayfarer.ui.account';
const SPACE_KEY = 'wayfarer.ui.space';

function readPreference(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function writePreference(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // the choice still applies to this page
  }
}

export function WalletProvider({ backend, children }: { backend: WalletBackend; children: ReactNode }): ReactElement {
  const vault = useAsync(() => backend.vaultState(), 'vault', { refreshOn: backend.events.vault, rememberAs: 'vault.state' });
  const unlocked = vault.data?.status === 'unlocked';
  const networks = useAsync(() => backend.networks(), 'networks', { refreshOn: backend.events.network, refreshAtOnceOn: backend.events.networkSwitched, rememberAs: 'chain.networks', enabled: unlocked });
  const coreNetworkId = networks.data?.networks.find((n) => n.id === networks.data?.currentId)?.coreNetworkId;
  const accounts = useAsync(() => backend.accounts(coreNetworkId!), `accounts:${unlocked}:${coreNetworkId}`, {
    refreshOn: backend.events.vault,
    rememberAs: coreNetworkId === undefined ? undefined : `vault.accounts:${coreNetworkId}`,
    enabled: unlocked && coreNetworkId !== undefined,
  });
  const [accountId, setAccountId] = useState(() => readPreference(ACCOUNT_KEY));
  const [space, setSpaceState] = useState<Space>(() => (readPreference(SPACE_KEY) === 'espace' ? 'espace' : 'core'));

  const list = accounts.data ?? [];
  const account = list.find((a) => a.id === accountId) ?? list[0];
  const network = networks.data?.networks.find((n) => n.id === networks.data?.currentId);
  const address = account ? (space === 'core' ? account.coreAddress : account.espaceAddress) : '';
  const scope = account && network ? `${network.id}:${space}:${account.id}` : '';

  const selectAccount = useCallback((id: string) => {
    setAccountId(id);
    writePreference(ACCOUNT_KEY, id);
  }, []);
  const setSpace = useCallback((next: Space) => {
    setSpaceState(next);
    writePreference(SPACE_KEY, next);
  }, []);
  const refreshVault = useCallback(() => {
    vault.refresh();
    accounts.refresh();
  }, [vault.refresh, accounts.refresh]);
  const selectNetwork = useCallback(
    async (id: string) => {
      await backend.selectNetwork(id);
      networks.refresh();
      accounts.refresh();
    },
    [backend, networks.refresh, accounts.refresh],
  );

  const session = useMemo<WalletSession>(
    () => ({ backend, vault, accounts, networks, account, network, space, address, scope, selectAccount, setSpace, refreshVault, selectNetwork }),
    [backend, vault, accounts, networks, account, network, space, address, scope, selectAccount, setSpace, refreshVault, selectNetwork],
  );
  return <WalletContext.Provider value={session}>{children}</WalletContext.Provider>;
}

export function useWallet(): WalletSession {
  const session = useContext(WalletContext);
  if (!session) throw new Error('useWallet outside WalletProvider');
  return session;
}
