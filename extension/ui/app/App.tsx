/**
 * The root component: onboarding, the lock screen, or the wallet with its screens. The first
 * paint uses the remembered vault state, so the right screen appears before the service worker
 * has answered; it is corrected as soon as it does.
 */
import { useEffect, type ReactElement } from 'react';
import { backgroundBackend } from '../api/background-backend.js';
import { useWallet, WalletProvider } from './wallet.js';
import { Shell } from './Shell.js';
import { Routes } from './Routes.js';
import { Onboarding } from '../screens/onboarding/Onboarding.js';
import { Unlock } from '../screens/unlock/Unlock.js';
import { AccountSwitcher } from '../screens/home/AccountSwitcher.js';
import { NetworkSwitcher } from '../screens/home/NetworkSwitcher.js';
import { ErrorState } from '../components/AsyncState.js';
import { useAction } from '../api/hooks.js';
import { navigate, useLocation } from './router.js';
import { ResetWallet } from '../screens/settings/Reset.js';
import { forgetAll } from '../lib/last-known.js';

export function App(): ReactElement {
  return (
    <WalletProvider backend={backgroundBackend}>
      <Gate />
    </WalletProvider>
  );
}

function Gate(): ReactElement {
  const wallet = useWallet();
  const { backend, vault } = wallet;
  const { path } = useLocation();
  const status = vault.data?.status;

  if (status === undefined) {
    return (
      <main className="focus-screen" id="main">
        <h1 className="center">Wayfarer</h1>
        {vault.error ? <ErrorState error={vault.error} onRetry={vault.refresh} title="The wallet did not answer" /> : <p className="center muted">Starting…</p>}
      </main>
    );
  }
  if (status === 'uninitialized') {
    return (
      <Onboarding
        actions={{
          newMnemonic: () => backend.newMnemonic(),
          createFromMnemonic: async (mnemonic, password) => {
            await backend.createWallet({ kind: 'mnemonic', mnemonic }, password);
            forgetAll();
            wallet.refreshVault();
          },
          importPrivateKey: async (privateKey, password) => {
            await backend.createWallet({ kind: 'private-key', privateKey }, password);
            forgetAll();
            wallet.refreshVault();
          },
        }}
      />
    );
  }
  if (status === 'locked') {
    if (path === '/forgot') {
      return (
        <main className="focus-screen" id="main">
          <ResetWallet back="/" />
        </main>
      );
    }
    return (
      <Unlock
        retryAt={vault.data?.retryAt}
        failedAttempts={vault.data?.failedAttempts}
        onForgot={() => navigate('/forgot')}
        onUnlock={async (password) => {
          try {
            await backend.unlock(password);
          } finally {
            wallet.refreshVault();
          }
        }}
      />
    );
  }
  return <UnlockedWallet />;
}

function UnlockedWallet(): ReactElement {
  const wallet = useWallet();
  const { backend, accounts, account, networks, space } = wallet;
  const addAccount = useAction(async () => {
    const created = await backend.addAccount();
    wallet.selectAccount(created.id);
    accounts.refresh();
  });
  const lock = useAction(async () => {
    await backend.lock();
    wallet.refreshVault();
  });
  useEffect(() => {
    if (lock.error) wallet.refreshVault();
  }, [lock.error]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Shell
      onLock={() => void lock.run()}
      topbar={
        <>
          <NetworkSwitcher
            networks={networks.data?.networks ?? []}
            currentId={networks.data?.currentId}
            health={networks.error ? 'bad' : networks.data ? 'ok' : 'unknown'}
            onSelect={(id) =>
              void backend.selectNetwork(id).then(() => {
                networks.refresh();
                accounts.refresh();
              })
            }
          />
          <AccountSwitcher accounts={accounts.data ?? []} currentId={account?.id} space={space} onSelect={wallet.selectAccount} onAdd={() => void addAccount.run()} adding={addAccount.busy} />
        </>
      }
    >
      {accounts.error && !accounts.data ? <ErrorState error={accounts.error} onRetry={accounts.refresh} title="Accounts not available" /> : null}
      {addAccount.error ? <ErrorState error={addAccount.error} title="No account added" /> : null}
      <Routes />
    </Shell>
  );
}
