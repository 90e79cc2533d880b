/** Settings: one list of plain-named entries. */
import type { ReactElement } from 'react';
import { Link } from '../../app/router.js';
import { Icon, type IconName } from '../../components/icons.js';

const ENTRIES: { to: string; icon: IconName; title: string; detail: string }[] = [
  { to: '/settings/networks', icon: 'globe', title: 'Networks and nodes', detail: 'Which network, which nodes Wayfarer asks, their health and bans' },
  { to: '/status', icon: 'shieldCheck', title: 'Verification status', detail: 'Light client: checkpoint, finalized epoch, failures' },
  { to: '/sites', icon: 'link', title: 'Connected sites', detail: 'Sites that can see your address' },
  { to: '/approvals', icon: 'bell', title: 'Waiting for you', detail: 'Requests from sites' },
  { to: '/settings/security', icon: 'lock', title: 'Auto-lock', detail: 'When the wallet locks itself' },
  { to: '/settings/privacy', icon: 'eyeOff', title: 'Privacy', detail: 'Hide amounts, remember nothing, spread requests over nodes' },
  { to: '/settings/reveal', icon: 'eye', title: 'Show recovery phrase', detail: 'Needs your password' },
  { to: '/settings/backup', icon: 'server', title: 'Backup and restore', detail: 'Export or restore an encrypted backup file' },
  { to: '/start-over', icon: 'alert', title: 'Start over', detail: 'Set up another wallet; this one is archived on the device' },
];

export function SettingsIndex(): ReactElement {
  return (
    <div className="stack">
      <h1>Settings</h1>
      <ul className="list">
        {ENTRIES.map((entry) => (
          <li key={entry.to}>
            <Link to={entry.to} className="list-item">
              <Icon name={entry.icon} />
              <span className="grow">
                <span className="primary">{entry.title}</span>
                <br />
                <span className="secondary">{entry.detail}</span>
              </span>
              <span className="chevron">
                <Icon name="chevron" />
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="small muted center">Wayfarer {chrome.runtime.getManifest().version} · no telemetry, no calls home</p>
    </div>
  );
}
