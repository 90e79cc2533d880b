/**
 * Settings: one list of plain-named entries. After a password change it says so (the screen that
 * changed it comes back here with `?changed=password`, a fact, never a password).
 */
import type { ReactElement } from 'react';
import { Link, useLocation } from '../../app/router.js';
import { Icon, type IconName } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { t as translate, useT } from '../../i18n/i18n.js';
import { LanguageSwitch } from './LanguageSwitch.js';

const ENTRIES: { to: string; icon: IconName; title: () => string; detail: () => string }[] = [
  { to: '/settings/networks', icon: 'globe', title: () => translate('settings.entries.networks'), detail: () => translate('settings.entries.networksDetail') },
  { to: '/contacts', icon: 'users', title: () => translate('settings.entries.contacts'), detail: () => translate('settings.entries.contactsDetail') },
  { to: '/status', icon: 'shieldCheck', title: () => translate('settings.entries.status'), detail: () => translate('settings.entries.statusDetail') },
  { to: '/sites', icon: 'link', title: () => translate('settings.entries.sites'), detail: () => translate('settings.entries.sitesDetail') },
  { to: '/allowances', icon: 'coins', title: () => translate('settings.entries.allowances'), detail: () => translate('settings.entries.allowancesDetail') },
  { to: '/approvals', icon: 'bell', title: () => translate('settings.entries.approvals'), detail: () => translate('settings.entries.approvalsDetail') },
  { to: '/settings/security', icon: 'lock', title: () => translate('settings.entries.autoLock'), detail: () => translate('settings.entries.autoLockDetail') },
  { to: '/settings/password', icon: 'lock', title: () => translate('settings.entries.password'), detail: () => translate('settings.entries.passwordDetail') },
  { to: '/settings/privacy', icon: 'eyeOff', title: () => translate('settings.entries.privacy'), detail: () => translate('settings.entries.privacyDetail') },
  { to: '/settings/reveal', icon: 'eye', title: () => translate('settings.entries.reveal'), detail: () => translate('settings.entries.revealDetail') },
  { to: '/settings/backup', icon: 'server', title: () => translate('settings.entries.backup'), detail: () => translate('settings.entries.backupDetail') },
  { to: '/settings/archive', icon: 'server', title: () => translate('archive.entry'), detail: () => translate('archive.entryDetail') },
  { to: '/start-over', icon: 'alert', title: () => translate('settings.entries.startOver'), detail: () => translate('settings.entries.startOverDetail') },
];

/** The query that brings the user back here after changing the password. */
export const PASSWORD_CHANGED_QUERY = 'changed=password';

export function SettingsIndex(): ReactElement {
  const t = useT();
  const { query } = useLocation();
  return (
    <div className="stack">
      <h1>{t('settings.title')}</h1>
      {query.get('changed') === 'password' ? (
        <Notice tone="info" live>
          {t('settings.password.done')}
        </Notice>
      ) : null}
      <LanguageSwitch />
      <ul className="list">
        {ENTRIES.map((entry) => (
          <li key={entry.to}>
            <Link to={entry.to} className="list-item">
              <Icon name={entry.icon} />
              <span className="grow">
                <span className="primary">{entry.title()}</span>
                <br />
                <span className="secondary">{entry.detail()}</span>
              </span>
              <span className="chevron">
                <Icon name="chevron" />
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="small muted center">{t('settings.footer', { version: chrome.runtime.getManifest().version })}</p>
    </div>
  );
}
