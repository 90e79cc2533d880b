/** One transaction in full: parties, amount, fee, where it was included and how that was verified. */
import type { ReactElement } from 'react';
import { AddressText } from '../../components/AddressText.js';
import { CopyButton } from '../../components/CopyButton.js';
import { DateTime } from '../../components/DateTime.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { Trans } from 'react-i18next';
import { formatAmountDisplay, formatNumber } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import type { TxItem } from '../../model/wallet.js';
import { explorerTransactionUrl } from '../../../../core/activity/index.js';
import type { NetworkKey } from '../../../../core/rpc/pool/endpoint.js';
import { TxProgress } from '../send/TxProgress.js';
import { amountText, TX_STATUS_TEXT, txTitle } from './ActivityList.js';
import { StuckActions } from './StuckActions.js';

/** `network` gives the ConfluxScan link (a link only: nothing is fetched from the explorer). */
export function TxDetailsView({ tx, network }: { tx: TxItem; network?: NetworkKey | undefined }): ReactElement {
  const amount = amountText(tx);
  const t = useT();
  const explorer = network === undefined ? null : explorerTransactionUrl(network, tx.space, tx.hash);
  return (
    <div className="stack" data-testid="tx-details">
      <div className="card stack">
        <div className="row-between wrap">
          <strong>{txTitle(tx)}</strong>
          <TrustBadge trust={tx.trust} subject={t('trust.subject.transaction')} />
        </div>
        <TxProgress status={tx.status} error={tx.error} blockNumber={tx.blockNumber} space={tx.space} acceptedBy={tx.acceptedBy?.length} />
        {network === undefined ? null : explorer ? (
          <a href={explorer} target="_blank" rel="noreferrer noopener" className="small" data-testid="tx-explorer">
            {t('activityExtra.explorerLink')}
          </a>
        ) : (
          <p className="small muted" data-testid="tx-explorer">
            {t('activityExtra.noExplorer')}
          </p>
        )}
      </div>
      <StuckActions tx={tx} />
      <div className="card">
        <dl className="dl">
          <dt>{t('tx.statusLabel')}</dt>
          <dd data-testid="tx-status">{TX_STATUS_TEXT[tx.status]}</dd>
          {amount !== undefined ? (
            <>
              <dt>{t('tx.amount')}</dt>
              <dd className="amount">{amount}</dd>
            </>
          ) : null}
          <dt>{t('tx.from')}</dt>
          <dd>
            <AddressText address={tx.from} full />
          </dd>
          {tx.to !== undefined ? (
            <>
              <dt>{t('tx.to')}</dt>
              <dd>{tx.to === null ? t('tx.newContract') : <AddressText address={tx.token?.to ?? tx.to} full />}</dd>
            </>
          ) : null}
          {tx.token && tx.to ? (
            <>
              <dt>{t('tx.tokenContract')}</dt>
              <dd>
                <AddressText address={tx.to} full />
              </dd>
            </>
          ) : null}
          {tx.fee !== undefined ? (
            <>
              <dt>{tx.feeIsMax ? t('tx.maxFee') : t('tx.fee')}</dt>
              <dd className="amount" data-testid="tx-fee">
                {formatAmountDisplay(tx.fee, 18)} CFX
                {tx.feeIsMax ? <span className="small muted">{t('tx.feeUnknown')}</span> : null}
              </dd>
            </>
          ) : null}
          {tx.collateral !== undefined && tx.collateral > 0n ? (
            <>
              <dt>{t('tx.collateral')}</dt>
              <dd className="amount">{formatAmountDisplay(tx.collateral, 18)} CFX</dd>
            </>
          ) : null}
          {tx.blockNumber !== undefined ? (
            <>
              <dt>{tx.space === 'core' ? t('tx.epoch') : t('tx.block')}</dt>
              <dd>{formatNumber(tx.blockNumber)}</dd>
            </>
          ) : null}
          {tx.nonce !== undefined ? (
            <>
              <dt>{t('tx.nonce')}</dt>
              <dd>{tx.nonce}</dd>
            </>
          ) : null}
          {tx.timestamp !== undefined ? (
            <>
              <dt>{t('tx.time')}</dt>
              <dd>
                <DateTime at={tx.timestamp} />
              </dd>
            </>
          ) : null}
          <dt>{t('tx.space')}</dt>
          <dd>{tx.space === 'core' ? t('common.coreSpace') : t('common.eSpace')}</dd>
          {tx.acceptedBy && tx.acceptedBy.length > 0 ? (
            <>
              <dt>{t('tx.sentThrough')}</dt>
              <dd className="small">{tx.acceptedBy.join(', ')}</dd>
            </>
          ) : null}
          <dt>{t('tx.hash')}</dt>
          <dd className="mono break" data-testid="tx-hash">
            {tx.hash}
          </dd>
        </dl>
      </div>
      <VerificationCard tx={tx} />
      <CopyButton value={tx.hash} label={t('tx.copyHash')} />
    </div>
  );
}

/** Where the proof of inclusion came from: the block, and the PoS-finalized pivot it chains to. */
function VerificationCard({ tx }: { tx: TxItem }): ReactElement {
  const v = tx.verification;
  const t = useT();
  const mono = { mono: <span className="mono break" /> };
  return (
    <div className="card stack small" data-testid="tx-verification">
      <strong>{t('tx.verification')}</strong>
      {v ? (
        <>
          <p>
            <Trans
              i18nKey={tx.space === 'core' ? 'tx.provedEpoch' : 'tx.provedBlock'}
              values={{ block: v.blockHash, number: formatNumber(v.epoch), outcome: v.outcome === 'success' ? t('tx.outcomeSuccess') : v.outcome === 'failure' ? t('tx.outcomeFailure') : t('tx.outcomeSkipped') }}
              components={mono}
            />
          </p>
          {v.finalizedPivot ? (
            <p data-testid="tx-finalized-pivot">
              <Trans i18nKey="tx.finalizedPivot" values={{ height: formatNumber(v.finalizedPivot.height), hash: v.finalizedPivot.blockHash }} components={mono} />
            </p>
          ) : null}
          <p className="muted">
            <Trans i18nKey="tx.verifiedAt" components={{ time: <DateTime at={v.verifiedAt} /> }} />
          </p>
        </>
      ) : (
        <p className="muted">{tx.space === 'core' ? t('tx.notProvedEpoch') : t('tx.notProvedBlock')}</p>
      )}
    </div>
  );
}
