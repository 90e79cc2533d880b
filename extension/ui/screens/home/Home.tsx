/**
 * Home: the chosen account's balance (with its trust badge, and "last known" until fresh values arrive),
 * the Core/eSpace switch, send and receive, tokens, and anything waiting for the user.
 */
import { useEffect, type ReactElement } from 'react';
import { useAsync } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { markInteractive } from '../../app/perf.js';
import { useWallet } from '../../app/wallet.js';
import { shortenAddress } from '../../components/AddressText.js';
import { Amount } from '../../components/Amount.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Icon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { SyncBanner } from '../../components/SyncNotice.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { usePendingApprovalCount } from '../approvals/pending-count.js';
import { TokenList } from './TokenList.js';
import { useBalances } from './use-balances.js';
import { useT } from '../../i18n/i18n.js';

export function Home(): ReactElement {
  const { backend, account, accounts, networks, space, setSpace, address, scope } = useWallet();
  // Last verified values at once, one fresh read, then the values the background pushes after each sync.
  const { balance, tokens } = useBalances(backend, space, address, scope);
  // Progress while catching up, and the finalized block's age: a balance read at a stale epoch is
  // labelled with that age, and a read that fails while the chain is still being verified is not
  // an error yet (the first one after import always is, until the first epoch is verified).
  const sync = useAsync(() => backend.syncStatus(), `sync:${networks.data?.currentId ?? ''}`, { refreshOn: backend.events.status, pollMs: 15_000, eventRefreshMs: 500 });
  const catchingUp = sync.data?.state === 'syncing' || notYetVerified(balance.error);
  const staleAt = sync.data?.stale ? sync.data.finalizedAt : undefined;
  const pending = usePendingApprovalCount();
  const t = useT();
  useEffect(() => {
    if (account) markInteractive('home');
  }, [account]);

  if (!account) return networks.error || accounts.error ? <></> : <Loading label={t('home.loadingAccounts')} />;
  return (
    <div className="stack">
      <h1 className="visually-hidden">Wayfarer — {account.name}</h1>
      {pending > 0 ? (
        <Notice tone="info">
          <Link to="/approvals" className="banner-link">
            <strong>{t('home.pending', { count: pending })}</strong>
            <Icon name="chevron" />
          </Link>
        </Notice>
      ) : null}
      <div className="space-row">
        <SegmentedControl
          label={t('home.space')}
          value={space}
          onChange={setSpace}
          options={[
            { value: 'core', label: t('home.core') },
            { value: 'espace', label: t('common.eSpace') },
          ]}
        />
        <CopyButton value={address} label={shortenAddress(address, 4)} small />
      </div>
      {sync.data ? <SyncBanner summary={sync.data} now={Date.now()} /> : null}
      <section className="card balance-card stack" aria-label={t('home.balanceRegion')} data-testid="balance">
        <span className="muted small">{space === 'core' ? t('home.coreBalance') : t('home.espaceBalance')}</span>
        {balance.data ? (
          <Amount value={balance.data.value} decimals={18} symbol="CFX" trust={balance.data.trust} lastKnownAt={balance.lastKnownAt ?? staleAt} size="big" subject={t('trust.subject.balance')} maxFractionDigits={4} />
        ) : balance.error && !catchingUp ? null : (
          <span className="skeleton amount-big" aria-label={t('home.loadingBalance')} />
        )}
        {balance.error && !catchingUp ? <ErrorState error={balance.error} onRetry={balance.refresh} title={t('home.balanceUnavailable')} /> : null}
        <div className="home-actions">
          <Link to="/send" className="btn btn-primary">
            <Icon name="send" />
            {t('home.send')}
          </Link>
          <Link to="/receive" className="btn">
            <Icon name="receive" />
            {t('home.receive')}
          </Link>
        </div>
      </section>
      {tokens.data ? <TokenList tokens={tokens.data} lastKnownAt={tokens.lastKnownAt ?? staleAt} /> : tokens.error && !catchingUp ? <ErrorState error={tokens.error} onRetry={tokens.refresh} title={t('home.tokensUnavailable')} /> : <Loading label={t('home.loadingTokens')} />}
    </div>
  );
}

/** Nothing is verified yet on this network (the first sync has not finished): not a failure to show. */
function notYetVerified(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'lightclient.not_finalized';
}
