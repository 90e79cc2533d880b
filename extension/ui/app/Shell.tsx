/**
 * The frame around every screen of an unlocked wallet: top bar (network, account, lock, open in a
 * tab) and the main tabs (bottom bar on phones and in the popup, side rail on wide tabs).
 */
import type { MouseEvent, ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from '../components/icons.js';
import { detectPageMode, openInTab } from './mode.js';
import { Link, useLocation } from './router.js';
import { t as translate, useT } from '../i18n/i18n.js';

const TABS: { to: string; label: () => string; icon: IconName; match: (path: string) => boolean }[] = [
  { to: '/', label: () => translate('shell.tabWallet'), icon: 'home', match: (p) => p === '/' || p.startsWith('/send') || p.startsWith('/receive') || p.startsWith('/tokens') },
  { to: '/activity', label: () => translate('shell.tabActivity'), icon: 'activity', match: (p) => p.startsWith('/activity') },
  { to: '/status', label: () => translate('shell.tabVerification'), icon: 'shield', match: (p) => p.startsWith('/status') },
  { to: '/settings', label: () => translate('shell.tabSettings'), icon: 'settings', match: (p) => p.startsWith('/settings') || p.startsWith('/sites') || p.startsWith('/approvals') },
];

/** Focuses the content without following `#main`, which the hash router would read as a route. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function Shell({ topbar, onLock, children }: { topbar: ReactNode; onLock: () => void; children: ReactNode }): ReactElement {
  const { path } = useLocation();
  const isPopup = detectPageMode() === 'popup';
  const t = useT();
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <span className="topbar-brand">
          <img src="icons/icon-32.png" alt="" width="24" height="24" />
          <span className="brand-name">Wayfarer</span>
        </span>
        {topbar}
        <span className="topbar-actions">
          {isPopup ? (
            <button type="button" className="btn btn-ghost btn-icon" onClick={() => openInTab(path)} aria-label={t('shell.openInTab')}>
              <Icon name="expand" />
            </button>
          ) : null}
          <button type="button" className="btn btn-ghost btn-icon" onClick={onLock} aria-label={t('shell.lock')}>
            <Icon name="lock" />
          </button>
        </span>
      </header>
      <nav className="tabbar" aria-label={t('shell.nav')}>
        {TABS.map((tab) => (
          <Link key={tab.to} to={tab.to} aria-current={tab.match(path) ? 'page' : undefined}>
            <Icon name={tab.icon} />
            <span>{tab.label()}</span>
          </Link>
        ))}
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
