/**
 * Accounts → Import: adds another recovery phrase or a private key to the unlocked wallet, under
 * the wallet's password, without starting over. The secret is checked here (positions, never
 * words, in errors) and again by the vault; the new wallet's first account becomes current.
 */
import { useState, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState } from '../../components/AsyncState.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { useT } from '../../i18n/i18n.js';
import { ImportSecret, type SecretKind } from '../onboarding/ImportSecret.js';

export function ImportAccount(): ReactElement {
  const { backend, selectAccount, refreshVault } = useWallet();
  const [kind, setKind] = useState<SecretKind>();
  const t = useT();
  const importer = useAction(async (secret: string, as: SecretKind) => {
    const { accountId } = await backend.importIntoWallet(as === 'mnemonic' ? { kind: 'mnemonic', mnemonic: secret } : { kind: 'private-key', privateKey: secret });
    refreshVault();
    selectAccount(accountId);
    navigate('/', { replace: true });
  });
  return (
    <div className="stack">
      {kind === undefined ? (
        <>
          <ScreenHeader title={t('importAccount.title')} back="/" />
          <p>{t('importAccount.intro')}</p>
          <button type="button" className="btn btn-block" onClick={() => setKind('mnemonic')}>
            {t('importAccount.phrase')}
          </button>
          <button type="button" className="btn btn-block" onClick={() => setKind('private-key')}>
            {t('importAccount.key')}
          </button>
        </>
      ) : (
        <ImportSecret kind={kind} onBack={() => setKind(undefined)} onSubmit={(secret) => void importer.run(secret, kind)} />
      )}
      {importer.busy ? <p className="muted">{t('importAccount.importing')}</p> : null}
      {importer.error ? <ErrorState error={importer.error} title={t('importAccount.failed')} /> : null}
    </div>
  );
}
