/** Activity list and transaction details containers. */
import type { ReactElement } from 'react';
import { useAsync } from '../../api/hooks.js';
import { contactFor, useContacts } from '../../api/ecosystem.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { LastKnown } from '../../components/LastKnown.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { ActivityList } from './ActivityList.js';
import { ReceivedList } from './ReceivedList.js';
import { TxDetailsView } from './TxDetailsView.js';
import { activityCsv, downloadCsv } from './export.js';
import { CrossSpaceTransfers } from './CrossSpaceTransfers.js';
import type { NetworkKey } from '../../../../core/rpc/pool/endpoint.js';
import { useT } from '../../i18n/i18n.js';
import { knownAddresses } from '../../format/known-addresses.js';

export function Activity(): ReactElement {
  const { backend, account, accounts, network, space, address, scope } = useWallet();
  const contacts = useContacts();
  const labelOf = (a: string) => contactFor(contacts.data, a, network?.id)?.label;
  const items = useAsync(() => backend.activity(space, address), `activity:${scope}`, { enabled: scope !== '', refreshOn: backend.events.transactions, rememberAs: scope ? `activity:${scope}` : undefined, pollMs: 15_000 });
  const t = useT();
  const received = useAsync(() => backend.received(space, address), `received:${scope}`, { enabled: scope !== '', refreshOn: backend.events.balances, pollMs: 60_000 });
  return (
    <div className="stack">
      <ScreenHeader title={t('activity.title')} />
      <p className="muted small">
        {t('common.pair', { first: account?.name ?? '', second: space === 'core' ? t('common.coreSpace') : t('common.eSpace') })}
        {items.lastKnownAt !== undefined ? (
          <>
            {' · '}
            <LastKnown at={items.lastKnownAt} />
          </>
        ) : null}
      </p>
      {items.error ? <ErrorState error={items.error} onRetry={items.refresh} title={t('activity.unavailable')} /> : null}
      {items.data ? <ActivityList items={items.data} now={Date.now()} labelOf={labelOf} /> : !items.error ? <Loading /> : null}
      <CrossSpaceTransfers />
      {items.data && network ? (
        <button
          type="button"
          className="btn btn-block"
          data-testid="export-csv"
          onClick={() => downloadCsv(`wayfarer-activity-${network.id}-${space}-${address.replace(':', '-')}.csv`, activityCsv(items.data ?? [], received.data ?? [], { network: network.id as NetworkKey, space, address, labelOf }))}
        >
          {t('activityExtra.exportCsv')}
        </button>
      ) : null}
      {received.data ? (
        <ReceivedList
          items={received.data}
          space={space}
          known={knownAddresses(space, network?.coreNetworkId ?? 0, accounts.data ?? [], items.data ?? [], (contacts.data ?? []).filter((c) => c.network === network?.id && c.space === space))}
        />
      ) : received.error ? (
        <ErrorState error={received.error} onRetry={received.refresh} title={t('activity.receivedUnavailable')} />
      ) : null}
    </div>
  );
}

export function TxDetails({ hash }: { hash: string }): ReactElement {
  const { backend, network } = useWallet();
  const tx = useAsync(() => backend.transaction(hash), `tx:${hash}`, { refreshOn: backend.events.transactions, pollMs: 5000 });
  const t = useT();
  return (
    <div className="stack">
      <ScreenHeader title={t('tx.title')} back="/activity" />
      {tx.data ? <TxDetailsView tx={tx.data} network={network?.id as NetworkKey | undefined} /> : tx.error ? <ErrorState error={tx.error} onRetry={tx.refresh} /> : <Loading />}
    </div>
  );
}
