/** The screens of an unlocked wallet, by hash path. Every screen is one line here. */
import { lazy, Suspense, type ReactElement } from 'react';
import { Link, matchPath, useLocation } from './router.js';
import { Home } from '../screens/home/Home.js';
import { EmptyState, Loading } from '../components/AsyncState.js';
import { useT } from '../i18n/i18n.js';

// Home is in the first bundle (it is what the popup opens on); every other screen loads when
// first visited, so opening the popup parses as little as possible.
const Send = lazy(() => import('../screens/send/Send.js').then((m) => ({ default: m.Send })));
const Receive = lazy(() => import('../screens/receive/Receive.js').then((m) => ({ default: m.Receive })));
const Activity = lazy(() => import('../screens/activity/Activity.js').then((m) => ({ default: m.Activity })));
const TxDetails = lazy(() => import('../screens/activity/Activity.js').then((m) => ({ default: m.TxDetails })));
const ReplaceTx = lazy(() => import('../screens/activity/ReplaceTx.js').then((m) => ({ default: m.ReplaceTx })));
const AddToken = lazy(() => import('../screens/tokens/AddToken.js').then((m) => ({ default: m.AddToken })));
const Approvals = lazy(() => import('../screens/approvals/Approvals.js').then((m) => ({ default: m.Approvals })));
const Allowances = lazy(() => import('../screens/allowances/Allowances.js').then((m) => ({ default: m.Allowances })));
const Sites = lazy(() => import('../screens/sites/Sites.js').then((m) => ({ default: m.Sites })));
const SettingsIndex = lazy(() => import('../screens/settings/SettingsIndex.js').then((m) => ({ default: m.SettingsIndex })));
const Networks = lazy(() => import('../screens/settings/Networks.js').then((m) => ({ default: m.Networks })));
const AutoLock = lazy(() => import('../screens/settings/AutoLock.js').then((m) => ({ default: m.AutoLock })));
const Privacy = lazy(() => import('../screens/settings/Privacy.js').then((m) => ({ default: m.Privacy })));
const RevealMnemonic = lazy(() => import('../screens/settings/RevealMnemonic.js').then((m) => ({ default: m.RevealMnemonic })));
const Backup = lazy(() => import('../screens/settings/Backup.js').then((m) => ({ default: m.Backup })));
const CrossSpace = lazy(() => import('../screens/crossspace/CrossSpace.js').then((m) => ({ default: m.CrossSpace })));
const CrossSpaceStatus = lazy(() => import('../screens/crossspace/CrossSpaceStatus.js').then((m) => ({ default: m.CrossSpaceStatus })));
const Contacts = lazy(() => import('../screens/contacts/Contacts.js').then((m) => ({ default: m.Contacts })));
const ImportAccount = lazy(() => import('../screens/accounts/ImportAccount.js').then((m) => ({ default: m.ImportAccount })));
const RevealPrivateKey = lazy(() => import('../screens/accounts/RevealPrivateKey.js').then((m) => ({ default: m.RevealPrivateKey })));
const ChangePassword = lazy(() => import('../screens/settings/ChangePassword.js').then((m) => ({ default: m.ChangePassword })));
const ArchivedWallets = lazy(() => import('../screens/settings/ArchivedWallets.js').then((m) => ({ default: m.ArchivedWallets })));
const Status = lazy(() => import('../screens/status/Status.js').then((m) => ({ default: m.Status })));

const ROUTES: [string, (params: Record<string, string>) => ReactElement][] = [
  ['/', () => <Home />],
  ['/send', () => <Send />],
  ['/receive', () => <Receive />],
  ['/crossspace', () => <CrossSpace />],
  ['/crossspace/:id', ({ id }) => <CrossSpaceStatus id={id!} />],
  ['/activity', () => <Activity />],
  ['/activity/:hash', ({ hash }) => <TxDetails hash={hash!} />],
  ['/activity/:hash/:kind', ({ hash, kind }) => <ReplaceTx hash={hash!} kind={kind!} />],
  ['/tokens/add', () => <AddToken />],
  ['/approvals', () => <Approvals />],
  ['/sites', () => <Sites />],
  ['/allowances', () => <Allowances />],
  ['/status', () => <Status />],
  ['/settings', () => <SettingsIndex />],
  ['/settings/networks', () => <Networks />],
  ['/contacts', () => <Contacts />],
  ['/settings/security', () => <AutoLock />],
  ['/settings/privacy', () => <Privacy />],
  ['/settings/reveal', () => <RevealMnemonic />],
  ['/settings/password', () => <ChangePassword />],
  ['/settings/backup', () => <Backup />],
  ['/settings/archive', () => <ArchivedWallets />],
  ['/accounts/import', () => <ImportAccount />],
  ['/accounts/private-key', () => <RevealPrivateKey />],
];

export function Routes(): ReactElement {
  const { path } = useLocation();
  const t = useT();
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) {
      return (
        <div key={path}>
          <Suspense fallback={<Loading />}>{render(params)}</Suspense>
        </div>
      );
    }
  }
  return (
    <EmptyState title={t('app.nothingHere')}>
      <Link to="/">{t('app.backToWallet')}</Link>
    </EmptyState>
  );
}
