/**
 * Accounts → Show private key: the key of the current account in one space (an account from a
 * recovery phrase has a different key in Core and in eSpace; an imported key is the same in both),
 * behind the password and a plain warning. The key is masked until the user asks to see it, can be
 * copied through the secret clipboard (taken back after 30 s or when the screen closes), and lives
 * only in this component's state: dropped on "Done", when the screen is left, and after two minutes.
 * The vault checks the password and that the key matches the account's stored address
 * (`vault.key_mismatch`); its typed errors are shown from the catalog.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { Space } from '../../../../core/space.js';
import { useAction } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { PasswordField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { SecretCopyButton } from '../../components/SecretCopyButton.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { useT } from '../../i18n/i18n.js';

const SHOW_FOR_MS = 120_000;
const MASK = '•'.repeat(24);

export function RevealPrivateKey(): ReactElement {
  const { backend, account, space: currentSpace } = useWallet();
  const [space, setSpace] = useState<Space>(currentSpace);
  const [password, setPassword] = useState('');
  const [key, setKey] = useState<{ value: string; space: Space } | undefined>();
  const [visible, setVisible] = useState(false);
  const t = useT();
  const reveal = useAction((accountId: string, chosen: Space, pw: string) => backend.revealPrivateKey(accountId, chosen, pw));
  useEffect(() => {
    if (!key) return;
    const timer = window.setTimeout(() => setKey(undefined), SHOW_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [key]);
  const spaceName = (s: Space) => (s === 'core' ? t('common.coreSpace') : t('common.eSpace'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!account) return;
    const chosen = space;
    void reveal.run(account.id, chosen, password).then((value) => {
      setPassword('');
      setVisible(false);
      if (value) setKey({ value, space: chosen });
    });
  };
  return (
    <div className="stack">
      <ScreenHeader title={t('privateKey.title')} back="/" />
      <Notice tone="warn" title={t('privateKey.warnTitle')}>
        <p>{t('privateKey.warning', { space: spaceName(key?.space ?? space) })}</p>
        <p>{t('privateKey.neverAsked')}</p>
      </Notice>
      {account ? <p>{t('privateKey.account', { name: account.name })}</p> : null}
      {key ? (
        <>
          <p className="card mono break" data-testid="private-key" data-masked={visible ? 'false' : 'true'} aria-label={t('privateKey.keyIn', { space: spaceName(key.space) })}>
            {visible ? key.value : MASK}
          </p>
          <button type="button" className="btn btn-block" aria-pressed={visible} onClick={() => setVisible(!visible)}>
            {visible ? t('privateKey.hideKey') : t('privateKey.showKey')}
          </button>
          <SecretCopyButton secret={() => key.value} label={t('privateKey.copy')} />
          <button
            type="button"
            className="btn btn-primary btn-block"
            onClick={() => {
              setKey(undefined);
              setVisible(false);
            }}
          >
            {t('privateKey.done')}
          </button>
        </>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <SegmentedControl label={t('privateKey.space')} value={space} options={[{ value: 'core', label: t('common.coreSpace') }, { value: 'espace', label: t('common.eSpace') }]} onChange={setSpace} />
          <PasswordField label={t('unlock.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
          {reveal.error ? <ErrorState error={reveal.error} title={t('privateKey.notShown')} /> : null}
          <button type="submit" className="btn btn-primary btn-block" disabled={reveal.busy || password === '' || !account}>
            {reveal.busy ? t('settings.reveal.checking') : t('privateKey.reveal')}
          </button>
        </form>
      )}
    </div>
  );
}
