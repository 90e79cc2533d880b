/** The screens of an unlocked wallet, by hash path. Every screen is one line here. */
import type { ReactElement } from 'react';
import { Link, matchPath, useLocation } from './router.js';
import { Home } from '../screens/home/Home.js';
import { Send } from '../screens/send/Send.js';
import { Receive } from '../screens/receive/Receive.js';
import { Activity, TxDetails } from '../screens/activity/Activity.js';
import { AddToken } from '../screens/tokens/AddToken.js';
import { Approvals } from '../screens/approvals/Approvals.js';
import { Sites } from '../screens/sites/Sites.js';
import { SettingsIndex } from '../screens/settings/SettingsIndex.js';
import { Networks } from '../screens/settings/Networks.js';
import { AutoLock } from '../screens/settings/AutoLock.js';
import { Privacy } from '../screens/settings/Privacy.js';
import { RevealMnemonic } from '../screens/settings/RevealMnemonic.js';
import { Backup } from '../screens/settings/Backup.js';
import { Status } from '../screens/status/Status.js';
import { EmptyState } from '../components/AsyncState.js';

const ROUTES: [string, (params: Record<string, string>) => ReactElement][] = [
  ['/', () => <Home />],
  ['/send', () => <Send />],
  ['/receive', () => <Receive />],
  ['/activity', () => <Activity />],
  ['/activity/:hash', ({ hash }) => <TxDetails hash={hash!} />],
  ['/tokens/add', () => <AddToken />],
  ['/approvals', () => <Approvals />],
  ['/sites', () => <Sites />],
  ['/status', () => <Status />],
  ['/settings', () => <SettingsIndex />],
  ['/settings/networks', () => <Networks />],
  ['/settings/security', () => <AutoLock />],
  ['/settings/privacy', () => <Privacy />],
  ['/settings/reveal', () => <RevealMnemonic />],
  ['/settings/backup', () => <Backup />],
];

export function Routes(): ReactElement {
  const { path } = useLocation();
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <div key={path}>{render(params)}</div>;
  }
  return (
    <EmptyState title="Nothing here">
      <Link to="/">Back to the wallet</Link>
    </EmptyState>
  );
}
