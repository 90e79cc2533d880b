/** The current account in the top bar; tapping opens the list of accounts to switch to. */
import { useState, type ReactElement } from 'react';
import type { Space } from '../../../../core/space.js';
import { shortenAddress } from '../../components/AddressText.js';
import { Icon } from '../../components/icons.js';
import { Link } from '../../app/router.js';
import { Sheet } from '../../components/Sheet.js';
import type { AccountItem } from '../../model/wallet.js';
import { useT } from '../../i18n/i18n.js';

export interface AccountSwitcherProps {
  accounts: readonly AccountItem[];
  currentId: string | undefined;
  space: Space;
  onSelect: (id: string) => void;
  onAdd?: (() => void) | undefined;
  adding?: boolean;
}

export function AccountSwitcher({ accounts, currentId, space, onSelect, onAdd, adding }: AccountSwitcherProps): ReactElement {
  const [open, setOpen] = useState(false);
  const t = useT();
  const current = accounts.find((a) => a.id === currentId) ?? accounts[0];
  const addressOf = (a: AccountItem) => (space === 'core' ? a.coreAddress : a.espaceAddress);
  return (
    <>
      <button type="button" className="pill" onClick={() => setOpen(true)} aria-haspopup="dialog" aria-label={t('accounts.switcher', { name: current?.name ?? t('accounts.noAccount') })} data-testid="account-switcher">
        <Icon name="user" />
        <span className="truncate">{current?.name ?? '—'}</span>
      </button>
      <Sheet title={t('accounts.title')} open={open} onClose={() => setOpen(false)}>
        <ul className="list" aria-label={t('accounts.title')}>
          {accounts.map((account) => (
            <li key={account.id}>
              <button
                type="button"
                className="list-item"
                aria-current={account.id === current?.id ? 'true' : undefined}
                onClick={() => {
                  onSelect(account.id);
                  setOpen(false);
                }}
              >
                <span className="grow">
                  <span className="primary">{account.name}</span>
                  <br />
                  <span className="secondary mono">{shortenAddress(addressOf(account))}</span>
                </span>
                {account.kind === 'private-key' ? <span className="small muted">{t('accounts.imported')}</span> : null}
                {account.id === current?.id ? <Icon name="check" title={t('accounts.current')} /> : null}
              </button>
            </li>
          ))}
        </ul>
        {onAdd ? (
          <button type="button" className="btn btn-block" onClick={onAdd} disabled={adding}>
            <Icon name="plus" />
            {adding ? t('accounts.adding') : t('accounts.add')}
          </button>
        ) : null}
        {current ? (
          <Link to="/accounts/private-key" className="btn btn-block" data-testid="accounts-private-key" onClick={() => setOpen(false)}>
            <Icon name="eye" />
            {t('privateKey.open', { name: current.name })}
          </Link>
        ) : null}
        <Link to="/accounts/import" className="btn btn-block" data-testid="accounts-import" onClick={() => setOpen(false)}>
          <Icon name="plus" />
          {t('importAccount.open')}
        </Link>
      </Sheet>
    </>
  );
}
