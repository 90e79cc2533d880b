/** One transaction in full: parties, amount, fee, where it was included and how that was verified. */
import type { ReactElement } from 'react';
import { AddressText } from '../../components/AddressText.js';
import { CopyButton } from '../../components/CopyButton.js';
import { DateTime } from '../../components/DateTime.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { formatAmount } from '../../../shared/units.js';
import type { TxItem } from '../../model/wallet.js';
import { TxProgress } from '../send/TxProgress.js';
import { amountText, TX_STATUS_TEXT, txTitle } from './ActivityList.js';

export function TxDetailsView({ tx }: { tx: TxItem }): ReactElement {
  const amount = amountText(tx);
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
          {amount !== undefined ? (
            <>
              <dt>Amount</dt>
              <dd className="amount">{amount}</dd>
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
              <dt>{tx.feeIsMax ? 'Max fee' : 'Fee'}</dt>
              <dd className="amount" data-testid="tx-fee">
                {formatAmount(tx.fee, 18)} CFX
                {tx.feeIsMax ? <span className="small muted"> (known once the receipt is proved)</span> : null}
              </dd>
            </>
          ) : null}
          {tx.collateral !== undefined && tx.collateral > 0n ? (
            <>
              <dt>Storage collateral</dt>
              <dd className="amount">{formatAmount(tx.collateral, 18)} CFX</dd>
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
              <dd>
                <DateTime at={tx.timestamp} />
              </dd>
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
      <VerificationCard tx={tx} />
      <CopyButton value={tx.hash} label="Copy transaction hash" />
    </div>
  );
}

/** Where the proof of inclusion came from: the block, and the PoS-finalized pivot it chains to. */
function VerificationCard({ tx }: { tx: TxItem }): ReactElement {
  const v = tx.verification;
  const unit = tx.space === 'core' ? 'epoch' : 'block';
  return (
    <div className="card stack small" data-testid="tx-verification">
      <strong>Verification</strong>
      {v ? (
        <>
          <p>
            Proved to be in block <span className="mono break">{v.blockHash}</span> ({unit} {v.epoch.toLocaleString('en-US')}), with its receipt ({v.outcome === 'success' ? 'succeeded' : v.outcome === 'failure' ? 'failed' : 'not executed'}).
          </p>
          {v.finalizedPivot ? (
            <p data-testid="tx-finalized-pivot">
              Checked against the pivot block finalized by PoS at height {v.finalizedPivot.height.toLocaleString('en-US')} (<span className="mono break">{v.finalizedPivot.blockHash}</span>), whose header chain Wayfarer verified itself.
            </p>
          ) : null}
          <p className="muted">
            Verified <DateTime at={v.verifiedAt} />.
          </p>
        </>
      ) : (
        <p className="muted">Not proved yet: Wayfarer proves a transaction once PoS has finalized the {unit} it is in (usually a few minutes).</p>
      )}
    </div>
  );
}
