/**
 * Receive: the address for the current space and network, as text, copy button and QR code. The
 * network is spelled out because an address given for the wrong space or network is the most
 * common way funds get lost.
 */
import type { ReactElement } from 'react';
import { CopyButton } from '../../components/CopyButton.js';
import { Notice } from '../../components/Notice.js';
import { QrCode } from '../../components/QrCode.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import type { AccountItem, NetworkItem, Space } from '../../model/wallet.js';

export function ReceiveView({ account, network, space }: { account: AccountItem; network: NetworkItem; space: Space }): ReactElement {
  const address = space === 'core' ? account.coreAddress : account.espaceAddress;
  const spaceName = space === 'core' ? 'Core space' : 'eSpace';
  return (
    <div className="stack">
      <ScreenHeader title="Receive" back="/" />
      <div className="card stack center">
        <p className="row wrap">
          <span className="pill" data-testid="receive-network">
            <span className={`dot ${network.isTestnet ? 'dot-warn' : 'dot-ok'}`} aria-hidden="true" />
            {network.name} · {spaceName}
          </span>
        </p>
        <QrCode value={address} label={`QR code of your ${spaceName} address`} />
        <p className="mono break" data-testid="receive-address">
          {address}
        </p>
        <CopyButton value={address} label="Copy address" />
      </div>
      <Notice tone="info">
        {space === 'core'
          ? `Only send Conflux Core space assets on ${network.name} to this address. Funds sent from eSpace or another chain will not arrive here.`
          : `Only send Conflux eSpace assets (chain id ${network.espaceChainId}) to this address. Funds sent from Core space or another chain will not arrive here.`}
      </Notice>
      <p className="small muted">Account: {account.name}</p>
    </div>
  );
}
