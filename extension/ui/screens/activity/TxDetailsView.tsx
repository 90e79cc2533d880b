/** One transaction in full: parties, amount, fee, where it was included and how that was verified. */
import type { ReactElement } from 'react';
import { AddressText } from '../../components/AddressText.js';
import { CopyButton } from '../../components/CopyButton.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { formatDateTime } from '../../format/time.js';
import { formatAmount } from '../../format/units.js';
import type { TxItem } from '../../model/wallet.js';
import { TxProgress } from '../send/TxProgress.js';
import { amountText, TX_STATUS_TEXT, txTitle } from './ActivityList.js';

export function TxDetailsView({ tx }: { tx: TxItem }): ReactElement {
  return (
    <div className="stack" data-testid="tx-details">
      <div className="card stack">
        <div className="row-between wrap">
          <strong>{txTitle(tx)}</strong>
          <TrustBadge trust={tx.trust} subject="transaction" />
        </div>
        <TxProgress status={tx.status} error={tx.error} blockNumber={tx.blockNumber} space={tx.space} />
      </div>
      <div className="card">
        <dl className="dl">
          <dt>Status</dt>
          <dd data-testid="tx-status">{TX_STATUS_TEXT[tx.status]}</dd>
          {amountText(tx) !== undefined ? (
            <>
              <dt>Amount</dt>
              <dd className="amount">{amountText(tx)}</dd>
            </>
          ) : null}
          <dt>From</dt>
          <dd>
            <AddressText address={tx.from} full />
          </dd>
          {tx.to !== undefined ? (
            <>
              <dt>To</dt>
              <dd>{tx.to === null ? 'New contract' : <AddressText address={tx.token?.to ?? tx.to} full />}</dd>
            </>
          ) : null}
          {tx.token && tx.to ? (
            <>
              <dt>Token contract</dt>
              <dd>
                <AddressText address={tx.to} full />
              </dd>
            </>
          ) : null}
          {tx.fee !== undefined ? (
            <>
              <dt>{tx.status === 'pending' ? 'Max fee' : 'Fee'}</dt>
              <dd className="amount">{formatAmount(tx.fee, 18)} CFX</dd>
            </>
          ) : null}
          {tx.blockNumber !== undefined ? (
            <>
              <dt>{tx.space === 'core' ? 'Epoch' : 'Block'}</dt>
              <dd>{tx.blockNumber.toLocaleString('en-US')}</dd>
            </>
          ) : null}
          {tx.nonce !== undefined ? (
            <>
              <dt>Nonce</dt>
              <dd>{tx.nonce}</dd>
            </>
          ) : null}
          {tx.timestamp !== undefined ? (
            <>
              <dt>Time</dt>
              <dd>{formatDateTime(tx.timestamp)}</dd>
            </>
          ) : null}
          <dt>Space</dt>
          <dd>{tx.space === 'core' ? 'Core space' : 'eSpace'}</dd>
          {tx.acceptedBy && tx.acceptedBy.length > 0 ? (
            <>
              <dt>Sent through</dt>
              <dd className="small">{tx.acceptedBy.join(', ')}</dd>
            </>
          ) : null}
          <dt>Hash</dt>
          <dd className="mono break" data-testid="tx-hash">
            {tx.hash}
          </dd>
        </dl>
      </div>
      <CopyButton value={tx.hash} label="Copy transaction hash" />
    </div>
  );
}
