/** One network in a list to choose from: its name, its chain ids, and a check on the current one. */
import type { ReactElement } from 'react';
import type { NetworkItem } from '../model/wallet.js';
import { Icon } from './icons.js';
import { useT } from '../i18n/i18n.js';

export function NetworkChoice({ network, current, onChoose }: { network: NetworkItem; current: boolean; onChoose: () => void }): ReactElement {
  const t = useT();
  return (
    <button type="button" className="list-item" aria-current={current ? 'true' : undefined} onClick={onChoose}>
      <span className="grow">
        <span className="primary">{network.name}</span>
        <br />
        <span className="secondary">
          {t('network.ids', { core: network.coreNetworkId, espace: network.espaceChainId })}
        </span>
      </span>
      {current ? <Icon name="check" title={t('network.current')} /> : null}
    </button>
  );
}
