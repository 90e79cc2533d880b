/** The current network as a pill; tapping lists the networks to switch to. */
import { useState, type ReactElement } from 'react';
import { NetworkChoice } from '../../components/NetworkChoice.js';
import { Sheet } from '../../components/Sheet.js';
import { Link } from '../../app/router.js';
import type { NetworkItem } from '../../model/wallet.js';
import { useT } from '../../i18n/i18n.js';

export function NetworkSwitcher({ networks, currentId, onSelect, health }: { networks: readonly NetworkItem[]; currentId: string | undefined; onSelect: (id: string) => void; health: 'ok' | 'warn' | 'bad' | 'unknown' }): ReactElement {
  const [open, setOpen] = useState(false);
  const t = useT();
  const current = networks.find((n) => n.id === currentId);
  return (
    <>
      <button type="button" className="pill" onClick={() => setOpen(true)} aria-haspopup="dialog" aria-label={t('networks.switcher', { name: current?.name ?? t('common.unknown') })} data-testid="network-switcher">
        <span className={`dot dot-${health === 'unknown' ? 'none' : health}`} aria-hidden="true" />
        <span className="truncate">{current?.name ?? '—'}</span>
      </button>
      <Sheet title={t('networks.title')} open={open} onClose={() => setOpen(false)}>
        <ul className="list" aria-label={t('networks.title')}>
          {networks.map((network) => (
            <li key={network.id}>
              <NetworkChoice
                network={network}
                current={network.id === currentId}
                onChoose={() => {
                  onSelect(network.id);
                  setOpen(false);
                }}
              />
            </li>
          ))}
        </ul>
        <p className="small">
          <Link to="/settings/networks" onClick={() => setOpen(false)}>
            {t('networks.manage')}
          </Link>
        </p>
      </Sheet>
    </>
  );
}
