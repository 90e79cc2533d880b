/**
 * The root component: onboarding, the lock screen, or the wallet with its screens. The first
 * paint uses the remembered vault state, so the right screen appears before the service worker
 * has answered; it is corrected as soon as it does.
 */
import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import { backgroundBackend } from '../api/background-backend.js';
import { useWallet, WalletProvider } from './wallet.js';
import { Shell } from './Shell.js';
import { Routes } from './Routes.js';
import { Onboarding } from '../screens/onboarding/Onboarding.js';
import { onboardingActions } from './onboarding-actions.js';
import { Unlock } from '../screens/unlock/Unlock.js';
import { AccountSwitcher } from '../screens/home/AccountSwitcher.js';
import { NetworkSwitcher } from '../screens/home/NetworkSwitcher.js';
import { ErrorState, Loading } from '../components/AsyncState.js';
import { useAction } from '../api/hooks.js';
import { navigate, useLocation } from './router.js';
import { START_OVER_PATH } from '../screens/settings/start-over.js';
import { useUserActivity } from './activity.js';
import { useT } from '../i18n/i18n.js';

const ResetWallet = lazy(() => import('../screens/settings/Reset.js').then((m) => ({ default: m.ResetWallet })));
const VaultUnreadable = lazy(() => import('../screens/unlock/VaultUnreadable.js').then((m) => ({ default: m.VaultUnreadable })));

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
  const t = useT();

  if (status === undefined) {
    return (
      <main className="focus-screen" id="main">
        <h1 className="center">Wayfarer</h1>
        {vault.error ? <ErrorState error={vault.error} onRetry={vault.refresh} title={t('app.didNotAnswer')} /> : <p className="center muted">{t('app.starting')}</p>}
      </main>
    );
  }
  if (status === 'uninitialized') {
    return (
      <Onboarding actions={onboardingActions(wallet, false)} />
    );
  }
  if (path === START_OVER_PATH || status === 'unreadable') {
    return (
      <Suspense fallback={<Loading />}>
        {path === START_OVER_PATH ? <ResetWallet back={status === 'unlocked' ? '/settings' : '/'} /> : <VaultUnreadable />}
      </Suspense>
    );
  }
  if (status === 'locked') {
    return (
      <Unlock
        retryAt={vault.data?.retryAt}
        failedAttempts={vault.data?.failedAttempts}
        onForgot={() => navigate(START_OVER_PATH)}
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
    const created = await backend.addAccount(account?.id);
    wallet.selectAccount(created.id);
    accounts.refresh();
  });
  const switchNetwork = useAction(wallet.selectNetwork);
  const lock = useAction(async () => {
    await backend.lock();
    wallet.refreshVault();
  });
  useEffect(() => {
    if (lock.error) wallet.refreshVault();
  }, [lock.error]);
  // A failed touch means the wallet is locked or the worker restarted: re-read the state.
  useUserActivity(() => void backend.touch().catch(() => wallet.refreshVault()));
  const t = useT();
  return (
    <Shell
      onLock={() => void lock.run()}
      topbar={
        <>
          <NetworkSwitcher
            networks={networks.data?.networks ?? []}
            currentId={networks.data?.currentId}
            health={networks.error ? 'bad' : (networks.data?.health ?? 'unknown')}
            onSelect={(id) => void switchNetwork.run(id)}
          />
          <AccountSwitcher accounts={accounts.data ?? []} currentId={account?.id} space={space} onSelect={wallet.selectAccount} onAdd={() => void addAccount.run()} adding={addAccount.busy} />
        </>
      }
    >
      {networks.error && !networks.data ? <ErrorState error={networks.error} onRetry={networks.refresh} title={t('app.networksUnavailable')} /> : null}
      {accounts.error && !accounts.data ? <ErrorState error={accounts.error} onRetry={accounts.refresh} title={t('app.accountsUnavailable')} /> : null}
      {addAccount.error ? <ErrorState error={addAccount.error} title={t('app.noAccountAdded')} /> : null}
      {switchNetwork.error ? <ErrorState error={switchNetwork.error} title={t('app.networkNotSwitched')} /> : null}
      <Routes />
    </Shell>
  );
}
