/**
 * Receive: the address for the current space and network, as text, copy button and QR code. The
 * network is spelled out because an address given for the wrong space or network is the most
 * common way funds get lost.
 */
import type { ReactElement } from 'react';
import type { Space } from '../../../../core/space.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Notice } from '../../components/Notice.js';
import { QrCode } from '../../components/QrCode.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import type { AccountItem, NetworkItem } from '../../model/wallet.js';
import { useT } from '../../i18n/i18n.js';

export function ReceiveView({ account, network, space }: { account: AccountItem; network: NetworkItem; space: Space }): ReactElement {
  const address = space === 'core' ? account.coreAddress : account.espaceAddress;
  const t = useT();
  const spaceName = space === 'core' ? t('common.coreSpace') : t('common.eSpace');
  return (
    <div className="stack">
      <ScreenHeader title={t('receive.title')} back="/" />
      <div className="card stack center">
        <p className="row wrap">
          <span className="pill" data-testid="receive-network">
            <span className={`dot ${network.isTestnet ? 'dot-warn' : 'dot-ok'}`} aria-hidden="true" />
            {t('common.pair', { first: network.name, second: spaceName })}
          </span>
        </p>
        <QrCode value={address} label={t('receive.qr', { space: spaceName })} />
        <p className="mono break" data-testid="receive-address">
          {address}
        </p>
        <CopyButton value={address} label={t('receive.copyAddress')} />
      </div>
      <Notice tone="info">
        {space === 'core' ? t('receive.coreOnly', { network: network.name }) : t('receive.espaceOnly', { chainId: network.espaceChainId })}
      </Notice>
      <p className="small muted">{t('receive.account', { name: account.name })}</p>
    </div>
  );
}
